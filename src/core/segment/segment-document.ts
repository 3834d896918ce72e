import type { ParsedDocument, SegmentedDocument, Sentence } from '../model.js';
import { languageDataFor } from './languages/index.js';
import { splitSentences } from './split-sentences.js';

/**
 * Splits every block's text into sentences in the document's language and numbers them across the document;
 * pieces of only white space (a blank block) give no sentence.
 */
export function segmentDocument(doc: ParsedDocument): SegmentedDocument {
  const language = languageDataFor(doc.language);
  const sentences: Sentence[] = [];
  for (const block of doc.blocks) {
    for (const piece of splitSentences(block.text, language)) {
      if (piece.text === '') continue;
      sentences.push({
        index: sentences.length,
        block: block.index,
        raw: piece.raw,
        text: piece.text,
        range: piece.range,
      });
    }
  }
  return { ...doc, sentences };
}
