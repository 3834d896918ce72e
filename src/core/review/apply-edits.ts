/**
 * Applies the operations of one edit request to a version's beads: in order, each to the result of the ones before
 * (as JSON Patch, RFC 6902 §3, does), all or nothing. Pure: the input is never changed, the result is a new list.
 */
import type { EditContext } from './edit-context.js';
import { editBeadText } from './edit-bead-text.js';
import { EditError, EditReason } from './edit-error.js';
import { findCoverageProblem } from './find-coverage-problem.js';
import { mergeBeads } from './merge-beads.js';
import { moveSentence } from './move-sentence.js';
import { ReviewStatus, type EditOp, type ReviewBead } from './review-model.js';
import { setReviewStatus } from './set-review-status.js';
import { splitBead } from './split-bead.js';

/**
 * The beads after every operation of `ops`; an {@link EditError} naming the first operation that cannot be applied
 * (and then nothing is). `undo` is refused here: it needs earlier versions, which the service reads.
 */
export function applyEdits(beads: readonly ReviewBead[], ops: readonly EditOp[], context: EditContext): ReviewBead[] {
  let current: readonly ReviewBead[] = beads;
  for (const [index, op] of ops.entries()) {
    try {
      current = applyEdit(current, op, context);
    } catch (error) {
      throw error instanceof EditError ? error.atOp(index, op.op) : error;
    }
  }
  // Every operation keeps the invariant by construction; a break here is a bug, never the client's fault.
  const problem = findCoverageProblem(current, context.source.sentences.length, context.target.sentences.length);
  if (problem !== null) throw new Error(`Edits broke the bead coverage: ${problem}.`);
  return [...current];
}

function applyEdit(beads: readonly ReviewBead[], op: EditOp, context: EditContext): ReviewBead[] {
  switch (op.op) {
    case 'merge':
      return mergeBeads(beads, op.bead, context);
    case 'split':
      return splitBead(beads, op.bead, op.source, op.target, context);
    case 'move':
      return moveSentence(beads, op.bead, op.side, op.to, context);
    case 'edit':
      return editBeadText(beads, op.bead, op.side, op.text, context);
    case 'approve':
      return setReviewStatus(beads, op.beads, ReviewStatus.approved, context);
    case 'reject':
      return setReviewStatus(beads, op.beads, ReviewStatus.rejected, context);
    case 'undo':
      throw new EditError(EditReason.undoNotAlone, 'undo must be the only operation of its request');
  }
}
