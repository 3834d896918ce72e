/** Two language versions of one document from their bytes, the source side chosen, with every check of a pair. */
import { choosePivot } from '../core/align/choose-pivot.js';
import { ErrorCode, InputError } from '../core/errors.js';
import { nameLanguage } from '../core/language-names.js';
import type { LanguageCode } from '../core/model.js';
import { checkDocumentPair } from './check-document-pair.js';
import type { DocumentPair } from './read-document-pair.js';
import type { ExtractedText } from '../core/parse/parse-document.js';
import { readFile, type DocumentFile } from './segment-file.js';

/** A pair read by {@link readLanguagePair}: the documents, and the files in the same order (source first). */
export interface LanguagePair extends DocumentPair {
  /** The file of the source side. */
  sourceFile: DocumentFile;
  /** The file of the target side. */
  targetFile: DocumentFile;
  /** The text each side was segmented from. */
  extracted: { source: ExtractedText; target: ExtractedText };
}

/**
 * Reads both versions (extract → parse → segment), makes `source` (a language of one of them) the source side, or,
 * when absent, the original the headers name ("Original: English"), else English, else the first version; then refuses
 * the same text twice, swapped sides, one language on both sides and a side in the wrong language.
 */
export async function readLanguagePair(
  versions: readonly [DocumentFile, DocumentFile],
  source?: LanguageCode,
): Promise<LanguagePair> {
  const [first, second] = versions;
  if (first.language === second.language) {
    throw new InputError(
      `${second.name}: ${first.name} is in ${nameLanguage(first.language)} too; give two languages`,
      ErrorCode.repeatedLanguage,
      { name: second.name, other: first.name, detected: first.language },
    );
  }
  if (source !== undefined && source !== first.language && source !== second.language) {
    throw new InputError(
      `the source language ${source} is not the language of either version (${first.language}, ${second.language})`,
      ErrorCode.badOption,
      { source, first: first.language, second: second.language },
    );
  }
  const sides = [
    { file: first, ...(await readFile(first)) },
    { file: second, ...(await readFile(second)) },
  ] as const;
  const sourceLanguage = source ?? choosePivot(sides.map((side) => side.document));
  const [sourceSide, targetSide] = sourceLanguage === first.language ? sides : [sides[1], sides[0]];
  checkDocumentPair(sourceSide, targetSide);
  return {
    source: sourceSide.document,
    target: targetSide.document,
    sourceFile: sourceSide.file,
    targetFile: targetSide.file,
    extracted: { source: sourceSide.extracted, target: targetSide.extracted },
  };
}
