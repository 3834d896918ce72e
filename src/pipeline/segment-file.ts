/** Extract → parse → segment for one file, refusing a file that holds nothing to align. */
import { ErrorCode, InputError } from '../core/errors.js';
import type { LanguageCode, SegmentedDocument } from '../core/model.js';
import { parseDocument, type ExtractedText, type ParseOptions } from '../core/parse/parse-document.js';
import { segmentDocument } from '../core/segment/segment-document.js';
import { extractDocument } from '../extract/extract-document.js';

/**
 * Fewer letters than this in a whole document is nothing to align: a 1-5 byte file ("W") used to give an empty TM
 * and exit 0 (issue 14). Six letters are the shortest UN heading worth a unit ("Annexe", "Annex I").
 */
export const MIN_LETTERS_TO_ALIGN = 6;

/**
 * What a Chinese character counts for against {@link MIN_LETTERS_TO_ALIGN}: about what an English translation spells
 * for it (README, "Command line": measured on the UNPC development set), so that "附件一" (Annex I) is as much to
 * align as "Annex I".
 */
export const LETTERS_PER_HAN_CHARACTER = 3.5;

/** One file of a pair: its bytes, a name for messages (never opened) and its declared language. */
export interface DocumentFile {
  /** The file's bytes; the format is read from them. */
  bytes: Uint8Array;
  /** File name, for messages; its extension tells Markdown from text. */
  name: string;
  /** Declared language (ISO 639-1). */
  language: LanguageCode;
}

/** A file read for alignment: its segmented document and the text it was segmented from. */
export interface ReadFile {
  document: SegmentedDocument;
  /** What the service stores beside the file, so that its worker segments the checked text without extracting again. */
  extracted: ExtractedText;
}

/** Extracts, parses and segments one file; throws an {@link InputError} when it holds no or too little text. */
export async function segmentFile(file: DocumentFile): Promise<SegmentedDocument> {
  return (await readFile(file)).document;
}

/** {@link segmentFile}, with the extracted text kept. */
export async function readFile(file: DocumentFile): Promise<ReadFile> {
  const { bytes, name, language } = file;
  const extracted = await extractDocument(bytes, name, { language });
  const document = segmentText(extracted.text, { language, format: extracted.format });
  if (document.sentences.length === 0)
    throw new InputError(`${name}: no text to align was found in the file`, ErrorCode.noText, { name });
  if (countLetters(document) < MIN_LETTERS_TO_ALIGN) {
    throw new InputError(
      `${name}: nothing to align; the file holds fewer than ${MIN_LETTERS_TO_ALIGN} letters of text`,
      ErrorCode.nothingToAlign,
      { name, letters: MIN_LETTERS_TO_ALIGN },
    );
  }
  return { document, extracted: { text: extracted.text, format: extracted.format } };
}

/** Parses and segments text already extracted (no check): the one composition of those two stages. */
export function segmentText(text: string, options: ParseOptions): SegmentedDocument {
  return segmentDocument(parseDocument(text, options));
}

function countLetters(document: SegmentedDocument): number {
  let letters = 0;
  for (const sentence of document.sentences) {
    const han = sentence.text.match(/\p{Script=Han}/gu)?.length ?? 0;
    letters += (sentence.text.match(/\p{L}/gu)?.length ?? 0) - han + han * LETTERS_PER_HAN_CHARACTER;
    // Enough is enough: a long document need not be counted to its end.
    if (letters >= MIN_LETTERS_TO_ALIGN) break;
  }
  return letters;
}
