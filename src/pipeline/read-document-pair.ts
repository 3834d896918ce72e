/** Both files of a pair from their bytes, with every check a pair needs before alignment. */
import type { LanguageCode, SegmentedDocument } from '../core/model.js';
import { checkDocumentPair } from './check-document-pair.js';
import type { ExtractedText } from '../core/parse/parse-document.js';
import { segmentFile, segmentText, type DocumentFile } from './segment-file.js';

/** A pair of documents that passed every check. */
export interface DocumentPair {
  /** The source-language document. */
  source: SegmentedDocument;
  /** The target-language document. */
  target: SegmentedDocument;
}

/** Options of {@link readDocumentPair}. */
export interface ReadPairOptions {
  /** Called once the source side is read, before the target's (a worker reports progress there). */
  onSourceRead?: () => Promise<void> | void;
}

/**
 * Reads both files (extract → parse → segment, each refused when it holds no or too little text), then refuses the
 * same text twice, swapped sides, one language on both sides and a side in the wrong language.
 */
export async function readDocumentPair(
  source: DocumentFile,
  target: DocumentFile,
  options: ReadPairOptions = {},
): Promise<DocumentPair> {
  const sourceDocument = await segmentFile(source);
  await options.onSourceRead?.();
  const targetDocument = await segmentFile(target);
  checkDocumentPair({ file: source, document: sourceDocument }, { file: target, document: targetDocument });
  return { source: sourceDocument, target: targetDocument };
}

/** Text that passed every check of a pair when it was read from its file, with its declared language. */
export interface CheckedText extends ExtractedText {
  language: LanguageCode;
}

/**
 * Segments both sides of a pair from the text {@link readDocumentPair}'s checks already passed (the service stores it
 * at upload): the same documents, without extracting the files or checking them again.
 */
export function segmentCheckedPair(source: CheckedText, target: CheckedText): DocumentPair {
  return {
    source: segmentText(source.text, { language: source.language, format: source.format }),
    target: segmentText(target.text, { language: target.language, format: target.format }),
  };
}
