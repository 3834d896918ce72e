/**
 * UN numbering as the Arabic, Chinese, Russian and Spanish versions print it, read into the same labels as the
 * English and French: Arabic "51 -" for "51.", "(ب)" for "(b)", "'3`" for "(iii)", "ثانيا -" for "II.", "باء -"
 * for "B."; Chinese "二." for "II."; a Russian heading's Cyrillic "В." for "B.". Conventions checked on the UNPC
 * development set and the UDHR in six languages (../shared/eval/raw); the word lists are in label-words.ts.
 */
import { LabelStyle, type Label } from '../model.js';
import {
  ARABIC_LETTER_NAMES,
  ARABIC_ORDINALS,
  ARABIC_SUBPARAGRAPH_LETTERS,
  CYRILLIC_LOOKALIKES,
  parseChineseNumeral,
  toRomanNumeral,
  WORD_LABELS,
} from './label-words.js';

/** A label read at the start of a line, and how many code units of the line it covers. */
export interface ScriptLabel {
  label: Label;
  length: number;
}

function makeLabel(style: LabelStyle, value: string, raw: string): Label {
  return { style, value, raw, key: `${style}:${value}` };
}

const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** Arabic-Indic digits as ASCII digits, one code unit for one: offsets in the text stay valid. */
export function asciiDigits(text: string): string {
  return text.replace(ARABIC_INDIC, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

// Hamza carriers folded to bare alif, tatweel and harakat (tanwin of "ثانياً") dropped: printed forms vary.
function foldArabic(word: string): string {
  return word.replace(/[\u0622\u0623\u0625]/g, 'ا').replace(/\u0640|\p{Mn}/gu, '');
}

const DASH = '[-\u2013\u2014\u2010\u2011]';
const SPACE = '[ \\t\\u00a0\\u200f\\u200e]';
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
// Harakat (tanwin of "ثانياً") belong to no script of their own: a word is Arabic letters and marks.
const ARABIC_WORD = '[\\p{Script=Arabic}\\p{Mn}]+';

// "51 - وواصل", "2- تقرير": a paragraph number, a dash, then Arabic text.
const ARABIC_PARAGRAPH = new RegExp(`^(\\d{1,3})${SPACE}*${DASH}(?=${SPACE}+\\S)`, 'u');
// "ثانيا - ", "ثانياً- ", "حادي عشر - ", "باء - ": one or two words, then a dash.
const ARABIC_HEADING = new RegExp(`^(${ARABIC_WORD}(?:${SPACE}${ARABIC_WORD})?)${SPACE}*${DASH}(?=${SPACE}|$)`, 'u');
// "(أ)", "(هـ)": an abjad letter in brackets.
const ARABIC_SUBPARAGRAPH = /^\((\p{Script=Arabic}\u0640?)\)(?=[ \t\u00a0\u200f]|$)/u;
// "'3`", "'12'": a sub-sub-paragraph, roman in the other versions.
const ARABIC_ROMAN_ITEM = /^['‘`](\d{1,2})[`'’](?=[ \t\u00a0\u200f]|$)/u;

function readArabic(text: string): ScriptLabel | null {
  const digits = asciiDigits(text);
  let m = ARABIC_PARAGRAPH.exec(digits);
  if (m && ARABIC_SCRIPT.test(digits.slice(m[0].length))) {
    return {
      label: makeLabel(LabelStyle.arabic, String(Number(m[1])), text.slice(0, m[0].length)),
      length: m[0].length,
    };
  }
  m = ARABIC_ROMAN_ITEM.exec(digits);
  if (m && ARABIC_SCRIPT.test(digits.slice(m[0].length))) {
    const value = toRomanNumeral(Number(m[1])).toLowerCase();
    return { label: makeLabel(LabelStyle.lowerRoman, value, text.slice(0, m[0].length)), length: m[0].length };
  }
  m = ARABIC_SUBPARAGRAPH.exec(text);
  if (m) {
    const letter = ARABIC_SUBPARAGRAPH_LETTERS.get(foldArabic(m[1] ?? ''));
    if (letter) return { label: makeLabel(LabelStyle.lowerLetter, letter, m[0]), length: m[0].length };
  }
  m = ARABIC_HEADING.exec(text);
  if (m) {
    const word = foldArabic(m[1] ?? '');
    const ordinal = ARABIC_ORDINALS.get(word);
    if (ordinal !== undefined) {
      return { label: makeLabel(LabelStyle.upperRoman, toRomanNumeral(ordinal), m[0]), length: m[0].length };
    }
    const letter = ARABIC_LETTER_NAMES.get(word);
    if (letter) return { label: makeLabel(LabelStyle.upperLetter, letter, m[0]), length: m[0].length };
  }
  return null;
}

// "二. 核不扩散", "二．维护", "十二、 议事规则": a heading numbered in Chinese numerals.
const CHINESE_HEADING = /^([一二三四五六七八九十]{1,3})[.．、](?=[ \t\u00a0\u3000]*\S)/u;

function readChinese(text: string): ScriptLabel | null {
  const m = CHINESE_HEADING.exec(text);
  if (!m) return null;
  const value = parseChineseNumeral(m[1] ?? '');
  if (value === null || value < 1) return null;
  const length = m[0].length;
  return { label: makeLabel(LabelStyle.upperRoman, toRomanNumeral(value), m[0]), length };
}

// "Статья 1", "Artículo 14", "المادة 1", "第一条", "附件一", "议程项目113(b)", "Tema 113 b) del programa".
function readWordLabel(text: string): ScriptLabel | null {
  const digits = asciiDigits(text);
  for (const { pattern, style, value } of WORD_LABELS) {
    const m = pattern.exec(digits);
    if (!m) continue;
    const read = value(m);
    if (read === null) continue;
    return { label: makeLabel(style, read, text.slice(0, m[0].length).trimEnd()), length: m[0].length };
  }
  return null;
}

/**
 * Reads a label printed in the conventions of Arabic, Chinese, Russian or Spanish UN documents at the start of
 * `text` (already without its indentation); null when there is none. Labels English and French share with them
 * ("12.", "(a)", "b)", "IV.") are left to the caller.
 */
export function readScriptLabel(text: string): ScriptLabel | null {
  return readWordLabel(text) ?? readArabic(text) ?? readChinese(text);
}

// "В. Юрисдикция", "А. Членский", "е) способствовать": Cyrillic letters that look Latin, typed for them.
const LOOKALIKE_LABEL = /^(\(?)([\u0400-\u04ff])(?=[.)])/u;

/**
 * The text with a Cyrillic letter that looks Latin at the label position ("В." for "B.", "е)" for "e)") replaced by
 * the Latin letter, one code unit for one; any other text unchanged.
 */
export function latiniseLookalikeLabel(text: string): string {
  const m = LOOKALIKE_LABEL.exec(text);
  if (!m) return text;
  const latin = CYRILLIC_LOOKALIKES.get(m[2] ?? '');
  if (latin === undefined) return text;
  const at = (m[1] ?? '').length;
  return `${text.slice(0, at)}${latin}${text.slice(at + 1)}`;
}
