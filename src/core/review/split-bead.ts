/** split: bead i becomes two beads, after its first k source and first m target sentences. */
import type { EditContext } from './edit-context.js';
import { EditError, EditReason } from './edit-error.js';
import { findBead } from './find-bead.js';
import { ReviewStatus, type BeadSide, type ReviewBead } from './review-model.js';

/**
 * `beads` with bead `index` split into its first `sourceCount` source and `targetCount` target sentences and the
 * rest, both pending. An {@link EditError} when a count is outside the bead, when a part would have no sentence, or
 * when the split would divide an edited side (an edit cannot be cut in two; a side that goes whole keeps it).
 */
export function splitBead(
  beads: readonly ReviewBead[],
  index: number,
  sourceCount: number,
  targetCount: number,
  context: EditContext,
): ReviewBead[] {
  const bead = findBead(beads, index);
  const sources = bead.source.length;
  const targets = bead.target.length;
  const inside = (count: number, size: number): boolean => Number.isInteger(count) && count >= 0 && count <= size;
  const firstEmpty = sourceCount === 0 && targetCount === 0;
  const secondEmpty = sourceCount === sources && targetCount === targets;
  if (!inside(sourceCount, sources) || !inside(targetCount, targets) || firstEmpty || secondEmpty) {
    throw new EditError(
      EditReason.splitPoint,
      `bead ${index} has ${sources} source and ${targets} target sentences: split after 0-${sources} source and ` +
        `0-${targets} target sentences, leaving at least one sentence in each part (asked ${sourceCount} and ` +
        `${targetCount})`,
      { bead: index, sources, targets, source: sourceCount, target: targetCount },
    );
  }
  const part = (from: 'first' | 'second'): ReviewBead => ({
    source: from === 'first' ? bead.source.slice(0, sourceCount) : bead.source.slice(sourceCount),
    target: from === 'first' ? bead.target.slice(0, targetCount) : bead.target.slice(targetCount),
    confidence: bead.confidence,
    status: ReviewStatus.pending,
    sourceText: keptEdit(bead, 'source', sourceCount, from, index),
    targetText: keptEdit(bead, 'target', targetCount, from, index),
    changedIn: context.version,
  });
  return [...beads.slice(0, index), part('first'), part('second'), ...beads.slice(index + 1)];
}

function keptEdit(
  bead: ReviewBead,
  side: BeadSide,
  count: number,
  part: 'first' | 'second',
  index: number,
): string | null {
  const edit = side === 'source' ? bead.sourceText : bead.targetText;
  if (edit === null) return null;
  const size = bead[side].length;
  if (count > 0 && count < size) {
    throw new EditError(
      EditReason.editedSide,
      `the ${side} side of bead ${index} is edited; edit it back to its original text before dividing its sentences`,
      { bead: index, side },
    );
  }
  // The whole side goes to one part, and its edit with it.
  const goesToFirst = count === size;
  return goesToFirst === (part === 'first') ? edit : null;
}
