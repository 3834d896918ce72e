/** merge: bead i and bead i + 1 become one bead. */
import { originalSideText, sideText } from './bead-side-text.js';
import type { EditContext } from './edit-context.js';
import { EditError, EditReason } from './edit-error.js';
import { findBead } from './find-bead.js';
import { ReviewStatus, type BeadSide, type ReviewBead } from './review-model.js';

/** `beads` with bead `index` and the next merged into one pending bead; an {@link EditError} for the last bead. */
export function mergeBeads(beads: readonly ReviewBead[], index: number, context: EditContext): ReviewBead[] {
  const first = findBead(beads, index);
  const second = beads[index + 1];
  if (second === undefined) {
    throw new EditError(EditReason.mergeLast, `bead ${index} is the last bead; nothing follows it to merge with`, {
      bead: index,
    });
  }
  const merged: ReviewBead = {
    source: [...first.source, ...second.source],
    target: [...first.target, ...second.target],
    // A bead made by hand is no surer than the less sure of its parts until someone approves it.
    confidence: Math.min(first.confidence, second.confidence),
    status: ReviewStatus.pending,
    sourceText: null,
    targetText: null,
    changedIn: context.version,
  };
  merged.sourceText = mergedEdit(first, second, merged, 'source', context);
  merged.targetText = mergedEdit(first, second, merged, 'target', context);
  return [...beads.slice(0, index), merged, ...beads.slice(index + 2)];
}

function mergedEdit(
  first: ReviewBead,
  second: ReviewBead,
  merged: ReviewBead,
  side: BeadSide,
  context: EditContext,
): string | null {
  const doc = context[side];
  const edited = side === 'source' ? [first.sourceText, second.sourceText] : [first.targetText, second.targetText];
  if (edited.every((text) => text === null)) return null;
  // An edit is never lost: the merged side reads as the two sides did, one after the other.
  const text = [sideText(first, side, doc), sideText(second, side, doc)].filter((part) => part !== '').join(' ');
  return text === originalSideText(merged, side, doc) ? null : text;
}
