/**
 * Whether a code point is a letter or a number (Unicode \p{L} or \p{N}): what the aligner's tokenizer and concordance
 * search cut words at. Scanning a text code point by code point and asking this is several times faster than a
 * Unicode-property expression over the whole text, which was the hottest step of both.
 */

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Each BMP code unit, looked up on first sight: 0 not known yet, 1 a letter or number, 2 not. */
const BMP_LETTERS_OR_NUMBERS = new Uint8Array(0x10000);
/** The same for code points beyond the BMP, met rarely. */
const ASTRAL_LETTERS_OR_NUMBERS = new Map<number, boolean>();

/** True for a letter or number; a lone surrogate is neither. */
export function isLetterOrNumber(codePoint: number): boolean {
  if (codePoint < 0x10000) {
    let known = BMP_LETTERS_OR_NUMBERS[codePoint] as number;
    if (known === 0) {
      known = LETTER_OR_NUMBER.test(String.fromCharCode(codePoint)) ? 1 : 2;
      BMP_LETTERS_OR_NUMBERS[codePoint] = known;
    }
    return known === 1;
  }
  let known = ASTRAL_LETTERS_OR_NUMBERS.get(codePoint);
  if (known === undefined) {
    known = LETTER_OR_NUMBER.test(String.fromCodePoint(codePoint));
    ASTRAL_LETTERS_OR_NUMBERS.set(codePoint, known);
  }
  return known;
}

/**
 * The UTF-16 length of the code point at `i` of `text`, positive when it is a letter or number and negative when it is
 * not: what a scan for words steps by. A surrogate pair is one code point; a lone surrogate is one character, neither.
 */
export function letterOrNumberWidthAt(text: string, i: number): number {
  const codePoint = text.codePointAt(i) as number;
  const width = codePoint > 0xffff ? 2 : 1;
  return isLetterOrNumber(codePoint) ? width : -width;
}
