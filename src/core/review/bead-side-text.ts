/** The text of one side of a bead: its sentences' own text, or the edit that stands in for it. */
import type { Bead, SegmentedDocument } from '../model.js';
import type { BeadSide, ReviewBead } from './review-model.js';

/**
 * The side's sentences' texts, each trimmed, empty ones dropped, joined by one space: how the store and every export
 * join them (collect-units.ts), so an edit equal to it changes nothing. Empty for a side with no sentence.
 */
export function originalSideText(bead: Bead, side: BeadSide, doc: SegmentedDocument): string {
  return bead[side]
    .map((index) => doc.sentences[index]?.text.trim() ?? '')
    .filter((text) => text !== '')
    .join(' ');
}

/** The side's edit when there is one, else {@link originalSideText}. */
export function sideText(bead: ReviewBead, side: BeadSide, doc: SegmentedDocument): string {
  return editOf(bead, side) ?? originalSideText(bead, side, doc);
}

/** The side's edited text, or null when it is not edited. */
export function editOf(bead: ReviewBead, side: BeadSide): string | null {
  return side === 'source' ? bead.sourceText : bead.targetText;
}
