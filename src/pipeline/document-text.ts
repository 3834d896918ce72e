/** A segmented document's text as the pair checks compare and the language check reads it. */
import type { SegmentedDocument } from '../core/model.js';

/** The sentences of `document`, one a line (labels and markup left out, as the parser stripped them). */
export function documentText(document: SegmentedDocument): string {
  return document.sentences.map((sentence) => sentence.text).join('\n');
}
