/** move: the sentence at one edge of a bead's side goes to the neighbouring bead. */
import type { EditContext } from './edit-context.js';
import { EditError, EditReason } from './edit-error.js';
import { findBead } from './find-bead.js';
import { ReviewStatus, type BeadSide, type ReviewBead } from './review-model.js';

/** Which neighbour a sentence moves to. */
export type MoveDirection = 'previous' | 'next';

/**
 * `beads` with the first sentence of bead `index`'s `side` moved to the end of the previous bead's side (`previous`),
 * or its last sentence to the start of the next bead's side (`next`): order is kept either way. Both beads become
 * pending; a bead left with no sentence at all is dropped. An {@link EditError} when there is no such neighbour, no
 * sentence on that side, or when either side is edited.
 */
export function moveSentence(
  beads: readonly ReviewBead[],
  index: number,
  side: BeadSide,
  to: MoveDirection,
  context: EditContext,
): ReviewBead[] {
  const from = findBead(beads, index);
  const neighbourIndex = to === 'previous' ? index - 1 : index + 1;
  const neighbour = beads[neighbourIndex];
  if (neighbour === undefined) {
    throw new EditError(EditReason.noNeighbour, `bead ${index} has no ${to} bead to move a sentence to`, {
      bead: index,
      to,
    });
  }
  if (from[side].length === 0) {
    throw new EditError(EditReason.nothingToMove, `bead ${index} has no ${side} sentence to move`, {
      bead: index,
      side,
    });
  }
  for (const [bead, position] of [
    [from, index],
    [neighbour, neighbourIndex],
  ] as const) {
    if ((side === 'source' ? bead.sourceText : bead.targetText) !== null) {
      throw new EditError(
        EditReason.editedSide,
        `the ${side} side of bead ${position} is edited; edit it back to its original text before moving its sentences`,
        { bead: position, side },
      );
    }
  }
  const sentences = from[side];
  const moved = to === 'previous' ? sentences.slice(0, 1) : sentences.slice(-1);
  const kept = to === 'previous' ? sentences.slice(1) : sentences.slice(0, -1);
  const confidence = Math.min(from.confidence, neighbour.confidence);
  const touched = { status: ReviewStatus.pending, confidence, changedIn: context.version };
  const newFrom: ReviewBead = { ...from, [side]: kept, ...touched };
  const newNeighbour: ReviewBead = {
    ...neighbour,
    [side]: to === 'previous' ? [...neighbour[side], ...moved] : [...moved, ...neighbour[side]],
    ...touched,
  };
  const empty = newFrom.source.length === 0 && newFrom.target.length === 0;
  const pair = to === 'previous' ? [newNeighbour, newFrom] : [newFrom, newNeighbour];
  const replaced = empty ? pair.filter((bead) => bead !== newFrom) : pair;
  const start = Math.min(index, neighbourIndex);
  return [...beads.slice(0, start), ...replaced, ...beads.slice(start + 2)];
}
