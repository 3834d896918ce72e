/** The folded form of a text that concordance search compares: the same in JavaScript for both backends. */

const NON_ASCII = /[^\0-\x7f]/;
const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
const MARKS = /\p{M}+/gu;
const WORD_CODE_POINT = /^[\p{L}\p{N}]$/u;
// Whether each character of the Basic Multilingual Plane is a letter or digit, looked up on first sight (0: not yet,
// 1: it is, 2: it is not); the others are looked up each time. A save folds every sentence of both sides, and
// splitting with a regular expression of Unicode classes took most of that time.
const BMP_WORD_CHARACTERS = new Uint8Array(0x10000);

/**
 * The text's words without accents, in lower case, one space between words and one at each end: "L'État (50 %)"
 * gives " l etat 50 ". Words are runs of letters and digits (Unicode), as SQLite FTS5's unicode61 tokenizer cuts
 * them; a phrase is found as a whole-word substring, `" etat 50 "`. Chinese writes no spaces, so each Han character
 * is a word of its own ("水质数据" gives " 水 质 数 据 "): a Chinese phrase is then found wherever its characters
 * stand in sequence. In JavaScript rather than SQL: SQLite's lower() folds ASCII only, PostgreSQL's depends on the
 * database locale and its unaccent() on an extension.
 */
export function foldForSearch(text: string): string {
  let folded = text;
  // ASCII holds no Han character and no mark, and NFD leaves it as it is.
  if (NON_ASCII.test(folded)) {
    if (HAN.test(folded)) folded = folded.replace(HAN_ALL, ' $& ');
    folded = folded.normalize('NFD').replace(MARKS, '');
  }
  return joinWords(folded.toLowerCase());
}

// The runs of letters and digits of `text`, each followed by one space, after one space: " " when there is none.
function joinWords(text: string): string {
  let joined = ' ';
  let wordStart = -1;
  for (let i = 0; i < text.length;) {
    const width = wordCharacterWidth(text, i);
    if (width > 0 && wordStart < 0) wordStart = i;
    if (width < 0 && wordStart >= 0) {
      joined += `${text.slice(wordStart, i)} `;
      wordStart = -1;
    }
    i += Math.abs(width);
  }
  return wordStart < 0 ? joined : `${joined}${text.slice(wordStart)} `;
}

// The UTF-16 length of the code point at `i`: positive when it is a letter or digit, negative when it is not.
function wordCharacterWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) {
    const isWord = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    return isWord ? 1 : -1;
  }
  const next = text.charCodeAt(i + 1);
  // A surrogate pair is one code point; a lone surrogate is a character of its own, neither letter nor digit.
  if (code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next < 0xe000)
    return WORD_CODE_POINT.test(text.slice(i, i + 2)) ? 2 : -2;
  let known = BMP_WORD_CHARACTERS[code] ?? 0;
  if (known === 0) {
    known = WORD_CODE_POINT.test(text.charAt(i)) ? 1 : 2;
    BMP_WORD_CHARACTERS[code] = known;
  }
  return known === 1 ? 1 : -1;
}
