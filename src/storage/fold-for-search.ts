/** The folded form of a text that concordance search compares: the same in JavaScript for both backends. */

import { letterOrNumberWidthAt } from '../core/letter-or-number.js';

const HAN = /^\p{Script=Han}$/u;
const MARKS = /\p{M}+/gu;
// What the steps before lower-casing (Han characters spaced, NFD, marks removed) make of each character of the Basic
// Multilingual Plane, on first sight; the others are folded each time. A character's decomposition depends on no
// neighbour and NFD reorders only marks, which all go: character by character gives what the whole text gives.
const BMP_UNCASED_FOLDS = new Array<string | undefined>(0x10000);

/**
 * The text's words without accents, in lower case, one space between words and one at each end: "L'État (50 %)"
 * gives " l etat 50 ". Words are runs of letters and digits (Unicode), as SQLite FTS5's unicode61 tokenizer cuts
 * them; a phrase is found as a whole-word substring, `" etat 50 "`. Chinese writes no spaces, so each Han character
 * is a word of its own ("水质数据" gives " 水 质 数 据 "): a Chinese phrase is then found wherever its characters
 * stand in sequence. In JavaScript rather than SQL: SQLite's lower() folds ASCII only, PostgreSQL's depends on the
 * database locale and its unaccent() on an extension.
 */
export function foldForSearch(text: string): string {
  return joinWords(foldUncased(text).toLowerCase());
}

// The text with each character replaced by its fold before lower-casing; ASCII is its own.
function foldUncased(text: string): string {
  let folded = '';
  let copiedTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const next = text.charCodeAt(i + 1);
    const pair = code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next < 0xe000;
    const character = pair
      ? foldCharacter(text.slice(i, i + 2))
      : (BMP_UNCASED_FOLDS[code] ??= foldCharacter(text.charAt(i)));
    const width = pair ? 2 : 1;
    if (pair || character.length !== 1 || character.charCodeAt(0) !== code) {
      folded += text.slice(copiedTo, i) + character;
      copiedTo = i + width;
    }
    i += width - 1;
  }
  return copiedTo === 0 ? text : folded + text.slice(copiedTo);
}

function foldCharacter(character: string): string {
  const spaced = HAN.test(character) ? ` ${character} ` : character;
  return spaced.normalize('NFD').replace(MARKS, '');
}

// The runs of letters and digits of `text`, each followed by one space, after one space: " " when there is none.
function joinWords(text: string): string {
  let joined = ' ';
  let wordStart = -1;
  for (let i = 0; i < text.length;) {
    const width = letterOrNumberWidthAt(text, i);
    if (width > 0 && wordStart < 0) wordStart = i;
    if (width < 0 && wordStart >= 0) {
      joined += `${text.slice(wordStart, i)} `;
      wordStart = -1;
    }
    i += Math.abs(width);
  }
  return wordStart < 0 ? joined : `${joined}${text.slice(wordStart)} `;
}
