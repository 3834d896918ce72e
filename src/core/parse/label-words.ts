/**
 * The words and letters Arabic, Chinese, Russian and Spanish UN documents number with: data for script-labels.ts.
 * Arabic entries are folded (hamza carriers as bare alif, no tatweel or harakat) as script-labels.ts folds what it
 * reads. Checked on the UNPC development set and the UDHR in six languages (../shared/eval/raw).
 */
import { LabelStyle } from '../model.js';

/** Arabic ordinal adverbs of roman-numeral headings ("ثانيا -" for "II."), folded, and the number they stand for. */
export const ARABIC_ORDINALS: ReadonlyMap<string, number> = new Map([
  ['اولا', 1],
  ['ثانيا', 2],
  ['ثالثا', 3],
  ['رابعا', 4],
  ['خامسا', 5],
  ['سادسا', 6],
  ['سابعا', 7],
  ['ثامنا', 8],
  ['تاسعا', 9],
  ['عاشرا', 10],
  ['حادي عشر', 11],
  ['ثاني عشر', 12],
  ['ثالث عشر', 13],
  ['رابع عشر', 14],
  ['خامس عشر', 15],
  ['سادس عشر', 16],
  ['سابع عشر', 17],
  ['ثامن عشر', 18],
  ['تاسع عشر', 19],
  ['عشرون', 20],
]);

/** Arabic ordinal adjectives of chapters and annexes ("الفصل الأول", "المرفق الثاني"), folded. */
export const ARABIC_ORDINAL_ADJECTIVES: ReadonlyMap<string, number> = new Map([
  ['الاول', 1],
  ['الثاني', 2],
  ['الثالث', 3],
  ['الرابع', 4],
  ['الخامس', 5],
  ['السادس', 6],
  ['السابع', 7],
  ['الثامن', 8],
  ['التاسع', 9],
  ['العاشر', 10],
  ['الحادي عشر', 11],
  ['الثاني عشر', 12],
]);

// The abjad order Arabic UN documents letter with, A to Z: ألف باء جيم دال هاء واو زاي حاء طاء ياء ...
const ABJAD_NAMES = [
  'الف',
  'باء',
  'جيم',
  'دال',
  'هاء',
  'واو',
  'زاي',
  'حاء',
  'طاء',
  'ياء',
  'كاف',
  'لام',
  'ميم',
  'نون',
  'سين',
  'عين',
  'فاء',
  'صاد',
  'قاف',
  'راء',
  'شين',
  'تاء',
  'ثاء',
  'خاء',
  'ذال',
  'ضاد',
];
const ABJAD_LETTERS = 'ابجدهوزحطيكلمنسعفصقرشتثخذض';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

/** Arabic letter names of lettered headings ("باء -" for "B."), folded, and the Latin capital they stand for. */
export const ARABIC_LETTER_NAMES: ReadonlyMap<string, string> = new Map(
  ABJAD_NAMES.map((name, k) => [name, LATIN.charAt(k).toUpperCase()]),
);

/** Arabic letters of sub-paragraphs ("(ب)" for "(b)"), folded, and the Latin letter they stand for. */
export const ARABIC_SUBPARAGRAPH_LETTERS: ReadonlyMap<string, string> = new Map(
  [...ABJAD_LETTERS].map((letter, k) => [letter, LATIN.charAt(k)]),
);

/** Cyrillic letters that look Latin, as typed in Russian labels ("В." for "B.", "е)" for "e)"). */
export const CYRILLIC_LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ['А', 'A'],
  ['В', 'B'],
  ['С', 'C'],
  ['Е', 'E'],
  ['Н', 'H'],
  ['К', 'K'],
  ['М', 'M'],
  ['О', 'O'],
  ['Р', 'P'],
  ['Т', 'T'],
  ['Х', 'X'],
  ['а', 'a'],
  ['с', 'c'],
  ['е', 'e'],
  ['о', 'o'],
  ['р', 'p'],
  ['х', 'x'],
  ['у', 'y'],
  ['і', 'i'],
]);

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** The number a Chinese numeral below 1,000 stands for ("十二" 12, "二十五" 25, "一百零三" 103), or null. */
export function parseChineseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char === '百' || char === '十') {
      total += (digit ?? 1) * (char === '百' ? 100 : 10);
      digit = null;
      continue;
    }
    const value = CHINESE_DIGITS[char];
    if (value === undefined) return null;
    digit = value;
  }
  return total + (digit ?? 0);
}

function romanValue(text: string): number | null {
  const digits: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let k = 0; k < text.length; k++) {
    const a = digits[text.charAt(k)];
    const b = digits[text.charAt(k + 1)] ?? 0;
    if (a === undefined) return null;
    total += a < b ? -a : a;
  }
  return total;
}

const ROMAN_PARTS: readonly (readonly [number, string])[] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** The upper-case roman numeral of a positive integer ("II" for 2). */
export function toRomanNumeral(value: number): string {
  let rest = value;
  let roman = '';
  for (const [amount, letters] of ROMAN_PARTS) {
    while (rest >= amount) {
      roman += letters;
      rest -= amount;
    }
  }
  return roman;
}

function foldArabic(word: string): string {
  return word.replace(/[\u0622\u0623\u0625]/g, 'ا').replace(/\u0640|\p{Mn}/gu, '');
}

/** A pattern for a label spelled as a word and a number, and how to read its value from the match. */
export interface WordLabel {
  /** Matched at the start of the line, Arabic-Indic digits already read as ASCII. */
  pattern: RegExp;
  style: LabelStyle;
  /** The language-neutral value (as numbering.ts gives English "Article 5" or "Annex II"), or null for no label. */
  value: (match: RegExpExecArray) => string | null;
}

const S = '[ \\t\\u00a0]';
// What may follow a heading spelled as words: nothing, or punctuation before a title (as in numbering.ts).
const HEADING_END = `(?=${S}*(?:$|[.:：*\\u2013\\u2014-]))`;
const CN = '[一二三四五六七八九十百〇零两\\d]{1,6}';
const AR_ORDINAL = '(\\S+(?:[ \\t\\u00a0]عشر)?)';

const numberOf = (text: string | undefined): string | null => {
  if (text === undefined) return null;
  if (/^\d+$/.test(text)) return String(Number(text));
  const roman = romanValue(text);
  if (roman !== null) return String(roman);
  const chinese = parseChineseNumeral(text);
  return chinese === null ? null : String(chinese);
};

const arabicOrdinal = (text: string | undefined): number | null =>
  text === undefined ? null : (ARABIC_ORDINAL_ADJECTIVES.get(foldArabic(text)) ?? null);

// Agenda items: number, then an optional letter in brackets ("113 (b)", "113(b)", "113 b)", "113 (ب)").
const agendaValue = (match: RegExpExecArray): string => {
  const letter = match[2] ?? match[3] ?? '';
  return `${Number(match[1])}${ARABIC_SUBPARAGRAPH_LETTERS.get(foldArabic(letter)) ?? letter}`;
};

/** Articles, chapters, sections, annexes and agenda items in Spanish, Russian, Arabic and Chinese. */
export const WORD_LABELS: readonly WordLabel[] = [
  {
    pattern: new RegExp(`^(?:Artículo|ARTÍCULO|Статья|СТАТЬЯ|المادة)${S}+(\\d{1,3})${HEADING_END}`, 'u'),
    style: LabelStyle.article,
    value: (m) => numberOf(m[1]),
  },
  {
    pattern: new RegExp(`^第(${CN})条${HEADING_END}`, 'u'),
    style: LabelStyle.article,
    value: (m) => numberOf(m[1]),
  },
  {
    pattern: new RegExp(`^(?:Capítulo|CAPÍTULO|Глава|ГЛАВА)${S}+([IVXLC]+|\\d{1,2})${HEADING_END}`, 'u'),
    style: LabelStyle.chapter,
    value: (m) => numberOf(m[1]),
  },
  {
    pattern: new RegExp(`^الفصل${S}+${AR_ORDINAL}${HEADING_END}`, 'u'),
    style: LabelStyle.chapter,
    value: (m) => {
      const n = arabicOrdinal(m[1]);
      return n === null ? numberOf(m[1]) : String(n);
    },
  },
  {
    pattern: new RegExp(`^第(${CN})章${HEADING_END}`, 'u'),
    style: LabelStyle.chapter,
    value: (m) => numberOf(m[1]),
  },
  {
    pattern: new RegExp(`^(?:Sección|SECCIÓN|Раздел|РАЗДЕЛ)${S}+([IVXLC]+|\\d{1,3})${HEADING_END}`, 'u'),
    style: LabelStyle.section,
    value: (m) => numberOf(m[1]),
  },
  {
    pattern: new RegExp(`^(?:Anexo|ANEXO|Приложение|ПРИЛОЖЕНИЕ)(?:${S}+([IVXLC]+|\\d{1,2}|[A-Z]))?${HEADING_END}`, 'u'),
    style: LabelStyle.annex,
    value: (m) => m[1] ?? '',
  },
  {
    pattern: new RegExp(`^(?:المرفق|مرفق)(?:${S}+${AR_ORDINAL})?${HEADING_END}`, 'u'),
    style: LabelStyle.annex,
    value: (m) => {
      if (m[1] === undefined) return '';
      const n = arabicOrdinal(m[1]);
      return n === null ? (/^[IVXLC]+$|^\d{1,2}$/.test(m[1]) ? m[1] : null) : toRomanNumeral(n);
    },
  },
  {
    pattern: new RegExp(`^附件(${CN})?${HEADING_END}`, 'u'),
    style: LabelStyle.annex,
    value: (m) => {
      const n = m[1] === undefined ? null : parseChineseNumeral(m[1]);
      return m[1] === undefined ? '' : n === null ? null : toRomanNumeral(n);
    },
  },
  {
    // "Tema 113 b) del programa", "Tema 6".
    pattern: new RegExp(`^Temas?${S}+(\\d{1,3})(?:${S}*\\(([a-z])\\)|${S}+([a-z])\\))?(?=[\\s*,.:;]|$)`, 'u'),
    style: LabelStyle.agendaItem,
    value: agendaValue,
  },
  {
    // "Пункт 113(b) повестки дня", "Пункт 6"; elsewhere "Пункт 3" opens a sentence about a paragraph.
    pattern: new RegExp(
      `^Пункты?${S}+(\\d{1,3})(?:${S}*\\(([a-z])\\)|${S}+([a-z])\\))?` +
        `(?=${S}+(?:предварительной${S}+)?повестки|${S}*\\*?$)`,
      'u',
    ),
    style: LabelStyle.agendaItem,
    value: agendaValue,
  },
  {
    // "البند 113 (ب) من جدول الأعمال", "البند 6".
    pattern: new RegExp(
      `^البند${S}+(\\d{1,3})(?:${S}*\\((\\p{Script=Arabic}\\u0640?)\\)|${S}*\\(([a-z])\\))?` +
        `(?=${S}+من${S}+جدول|${S}*\\*?$)`,
      'u',
    ),
    style: LabelStyle.agendaItem,
    value: agendaValue,
  },
  {
    // "议程项目113(b)", "议程项目 13".
    pattern: /^议程项目[ \t\u00a0]*(\d{1,3})(?:[(（]([a-z])[)）]|()(?=[^\d(（]|$))/u,
    style: LabelStyle.agendaItem,
    value: agendaValue,
  },
];
