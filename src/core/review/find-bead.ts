/** Reads bead `index` of a version, refusing a number that names none. */
import { EditError, EditReason } from './edit-error.js';
import type { ReviewBead } from './review-model.js';

/** Bead `index` of `beads`; an {@link EditError} when `index` is not an integer in `[0, beads.length)`. */
export function findBead(beads: readonly ReviewBead[], index: number): ReviewBead {
  const bead = Number.isInteger(index) ? beads[index] : undefined;
  if (bead === undefined) {
    throw new EditError(
      EditReason.beadOutOfRange,
      `bead ${index} does not exist; the alignment has ${beads.length} beads (0-${beads.length - 1})`,
      { bead: index, count: beads.length, last: beads.length - 1 },
    );
  }
  return bead;
}
