/** Reads an uploaded or stored bilingual dictionary's bytes into the aligner's lexicon. */
import { parseDictionary } from '../core/align/dictionary.js';
import type { Lexicon } from '../core/align/features.js';
import { InputError } from '../core/errors.js';
import { decodeText } from './decode-text.js';

/**
 * Decodes `bytes` as text (UTF-8 with or without a BOM, UTF-16 with a BOM, Windows-1252) and parses its
 * `source<TAB>target` or `target @ source` lines; throws {@link InputError} for binary bytes, a malformed line or no
 * entry at all. `name` only appears in messages.
 */
export function readDictionary(bytes: Uint8Array, name: string): Lexicon {
  const lexicon = decodeDictionary(bytes, name);
  // Comments only, or every entry a word paired with itself: an empty lexicon would silently change nothing.
  if (lexicon.size === 0) throw new InputError(`${name}: the dictionary has no entry`);
  return lexicon;
}

/**
 * Decodes and parses a dictionary's bytes; the lexicon may be empty. Throws {@link InputError} for binary bytes or a
 * malformed line.
 */
export function decodeDictionary(bytes: Uint8Array, name: string): Lexicon {
  return parseDictionary(decodeText(bytes, name));
}
