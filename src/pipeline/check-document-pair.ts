/** The checks a pair of read documents must pass before it is aligned: two texts, two languages, each its own. */
import { ErrorCode, InputError } from '../core/errors.js';
import type { SegmentedDocument } from '../core/model.js';
import { assertPairLanguages } from '../extract/detect-language.js';
import { documentText } from './document-text.js';
import type { DocumentFile } from './segment-file.js';

/** A side of a pair once read: the file it came from and its document. */
export interface ReadSide {
  /** The file (name and declared language are what the checks use). */
  file: Pick<DocumentFile, 'name' | 'language'>;
  /** The file's segmented document. */
  document: SegmentedDocument;
}

/**
 * Refuses the same text twice, swapped sides, both sides in one language and a side in a language other than
 * its declared one, each with an InputError naming the file.
 */
export function checkDocumentPair(source: ReadSide, target: ReadSide): void {
  const sourceText = documentText(source.document);
  const targetText = documentText(target.document);
  // Two copies of one text (different bytes, same sentences) are not a translation pair.
  if (sourceText === targetText) {
    throw new InputError(
      `${target.file.name}: has the same text as ${source.file.name}; give the two language versions`,
      ErrorCode.sameText,
      { name: target.file.name, other: source.file.name },
    );
  }
  assertPairLanguages(
    { name: source.file.name, language: source.file.language, text: sourceText },
    { name: target.file.name, language: target.file.language, text: targetText },
  );
}
