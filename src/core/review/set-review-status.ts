/** approve / reject: the review status of some beads. */
import type { EditContext } from './edit-context.js';
import { EditError, EditReason } from './edit-error.js';
import { findBead } from './find-bead.js';
import type { ReviewBead, ReviewStatus } from './review-model.js';

/** `beads` with each of `indices` (in any order, repeats allowed) set to `status`; an {@link EditError} for none. */
export function setReviewStatus(
  beads: readonly ReviewBead[],
  indices: readonly number[],
  status: ReviewStatus,
  context: EditContext,
): ReviewBead[] {
  if (indices.length === 0) throw new EditError(EditReason.noBeads, 'name at least one bead');
  const chosen = new Set<number>();
  for (const index of indices) {
    findBead(beads, index);
    chosen.add(index);
  }
  return beads.map((bead, index) => (chosen.has(index) ? { ...bead, status, changedIn: context.version } : bead));
}
