import type { Range } from '../model.js';
import { findSentenceStarts } from './find-sentence-starts.js';
import type { LanguageData } from './languages/language-data.js';

/** A sentence of a text, with the white space that follows it. */
export interface TextPiece {
  /** The slice of the input it covers, trailing white space included: the raws concatenate to the input. */
  raw: string;
  /** `raw` without surrounding white space. */
  text: string;
  /** Where `raw` sits in the input, half-open, in UTF-16 code units. */
  range: Range;
}

function piece(text: string, start: number, end: number): TextPiece {
  const raw = text.slice(start, end);
  return { raw, text: raw.trim(), range: { start, end } };
}

/**
 * Splits `text` into sentences; the pieces' raws concatenate back to `text` exactly, a leading run of white
 * space belongs to the first piece, and a text of only white space gives one piece whose `text` is "".
 */
export function splitSentences(text: string, language: LanguageData): TextPiece[] {
  if (text === '') return [];
  const pieces: TextPiece[] = [];
  let start = 0;
  for (const next of findSentenceStarts(text, language)) {
    pieces.push(piece(text, start, next));
    start = next;
  }
  pieces.push(piece(text, start, text.length));
  return pieces;
}
