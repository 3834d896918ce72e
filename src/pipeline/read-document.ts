/** One document from its bytes, checked the way each side of a pair is. */
import type { LanguageCode, SegmentedDocument } from '../core/model.js';
import { assertDocumentLanguage } from '../extract/detect-language.js';
import { documentText } from './document-text.js';
import { segmentFile } from './segment-file.js';

/**
 * Extracts, parses and segments a file, refusing one with no or too little text, or whose text is in another
 * language than `language`; every refusal is an InputError whose message names the file.
 */
export async function readDocument(
  bytes: Uint8Array,
  name: string,
  language: LanguageCode,
): Promise<SegmentedDocument> {
  const document = await segmentFile({ bytes, name, language });
  assertDocumentLanguage({ name, language, text: documentText(document) });
  return document;
}
