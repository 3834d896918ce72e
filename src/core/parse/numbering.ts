/**
 * Paragraph labels of UN documents ("12.", "(a)", "a)", "(iv)", "IV.", "A.", "Annex I", "Article 5", "Chapter IV",
 * "Section 3", "*", "Item 2 (b)") turned into language-neutral {@link Label}s, and the label paths built from them.
 */
import { LabelStyle, type Label } from '../model.js';
import { latiniseLookalikeLabel, readScriptLabel } from './script-labels.js';

/** A label found at the start of a line, with what follows it. */
export interface LeadingLabel {
  /** The label, normalised. */
  label: Label;
  /** The line after the label and the white space that follows it. */
  rest: string;
  /** Index in the line one past the label's last character (before the white space that follows it). */
  labelEnd: number;
}

/** What the caller knows around a line, used to decide between readings of the same marker. */
export interface LabelContext {
  /** Previous label of the same list level family (lower case, or upper case), or null. */
  previous?: Label | null;
  /** Next label of the same family when already known; `(i)` followed by `(ii)` is roman. */
  next?: Label | null;
  /** True after a footnote separator line: a bare number "1 text" is then a footnote marker. */
  footnoteArea?: boolean;
  /** True for Markdown sources: a label may be closed by emphasis ("**1.** text"), and "1\." is unescaped. */
  markdown?: boolean;
}

/** Builds a label, computing its key. */
export function makeLabel(style: LabelStyle, value: string, raw: string): Label {
  return { style, value, raw, key: `${style}:${value}` };
}

const ROMAN = /^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

/** Whether `value` (either case) is a well-formed roman numeral. */
export function isRomanNumeral(value: string): boolean {
  return value.length > 0 && ROMAN.test(value.toLowerCase());
}

const ROMAN_DIGITS: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** The integer a well-formed roman numeral stands for, or null. */
export function romanToNumber(value: string): number | null {
  if (!isRomanNumeral(value)) return null;
  const lower = value.toLowerCase();
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const digit = ROMAN_DIGITS[lower.charAt(i)] ?? 0;
    const following = ROMAN_DIGITS[lower.charAt(i + 1)] ?? 0;
    total += digit < following ? -digit : digit;
  }
  return total;
}

// Single letters that read both as a letter and as a roman numeral; i, v and x default to roman
// (they open or continue roman lists far more often), the others to letters ("(c)" after "(b)").
const AMBIGUOUS_DEFAULT_ROMAN = new Set(['i', 'v', 'x']);
const AMBIGUOUS = new Set(['i', 'v', 'x', 'l', 'c', 'd', 'm']);

function isLetterStyle(style: LabelStyle): boolean {
  return style === LabelStyle.lowerLetter || style === LabelStyle.upperLetter;
}

function isRomanStyle(style: LabelStyle): boolean {
  return style === LabelStyle.lowerRoman || style === LabelStyle.upperRoman;
}

function letterSuccessor(a: string, b: string): boolean {
  return a.length === 1 && b.length === 1 && b.toLowerCase().charCodeAt(0) === a.toLowerCase().charCodeAt(0) + 1;
}

function romanSuccessor(a: string, b: string): boolean {
  const x = romanToNumber(a);
  const y = romanToNumber(b);
  return x !== null && y !== null && y === x + 1;
}

/**
 * Decides whether an ambiguous single-letter label ("(i)", "(v)", "(x)", "C.") is a letter or a roman numeral
 * from its previous sibling (and, when known, the next one): "(i)" after "(h)" is a letter, "(v)" after "(iv)"
 * roman, "(i)" followed by "(ii)" roman; otherwise i, v, x are roman and l, c, d, m letters.
 */
export function resolveLetterOrRoman(label: Label, previous?: Label | null, next?: Label | null): Label {
  const isLower = label.style === LabelStyle.lowerLetter || label.style === LabelStyle.lowerRoman;
  const isUpper = label.style === LabelStyle.upperLetter || label.style === LabelStyle.upperRoman;
  if (!isLower && !isUpper) return label;
  const v = label.value.toLowerCase();
  if (v.length !== 1 || !AMBIGUOUS.has(v)) return label;
  const letterStyle = isLower ? LabelStyle.lowerLetter : LabelStyle.upperLetter;
  const romanStyle = isLower ? LabelStyle.lowerRoman : LabelStyle.upperRoman;
  const as = (style: LabelStyle): Label => makeLabel(style, label.value, label.raw);
  // A following "(ii)" is the strongest evidence: "(h) ... : (i) ... (ii)" opens a roman list under (h).
  if (next && next.value.length > 1 && romanSuccessor(v, next.value)) return as(romanStyle);
  if (previous) {
    if (isLetterStyle(previous.style) && letterSuccessor(previous.value, v)) return as(letterStyle);
    if (isRomanStyle(previous.style) && romanSuccessor(previous.value, v)) return as(romanStyle);
  }
  if (next && letterSuccessor(v, next.value)) return as(letterStyle);
  return as(AMBIGUOUS_DEFAULT_ROMAN.has(v) ? romanStyle : letterStyle);
}

/** Style of a lower-case marker value ("a", "iv", "aa"), before sibling-based disambiguation; null if not a label. */
function lowerStyle(value: string): LabelStyle | null {
  if (value.length === 1) {
    return AMBIGUOUS_DEFAULT_ROMAN.has(value) ? LabelStyle.lowerRoman : LabelStyle.lowerLetter;
  }
  if (isRomanNumeral(value)) return LabelStyle.lowerRoman;
  // Lists past (z) continue (aa), (bb) ...
  if (value.length <= 3 && [...value].every((c) => c === value.charAt(0))) return LabelStyle.lowerLetter;
  return null;
}

function upperStyle(value: string): LabelStyle | null {
  if (value.length === 1) {
    return AMBIGUOUS_DEFAULT_ROMAN.has(value.toLowerCase()) ? LabelStyle.upperRoman : LabelStyle.upperLetter;
  }
  return isRomanNumeral(value) ? LabelStyle.upperRoman : null;
}

const LEADING_SPACE = /^[ \t]*/;
const AGENDA =
  /^(?:(?:provisional[ \t]+)?agenda[ \t]+items?|items?|points?)[ \t\u00A0]+(\d{1,3})(?:[ \t\u00A0]*\(([a-z])\)|[ \t\u00A0]+([a-z])\))?(?=[\s*,.:;]|$)/i;
const ANNEX = /^(Annexe?|ANNEXE?)(?:[ \t\u00A0]+([IVXLC]+|\d{1,2}|[A-Z]))?(?=[\s.:*\u2013\u2014-]|$)/;
const FOOTNOTE_DEF = /^\[\^([^\]\s]+)\]:/;
const STARS = /^\*{1,3}(?=[ \t\u00A0]+\S)/;
const ESCAPED_STARS = /^(?:\\\*){1,3}(?=[ \t\u00A0]+\S)/;
const BULLET = /^[-\u2022\u2013\u2014\u25AA\u25E6\u25CF\u2023\u00B7](?=[ \t\u00A0]+\S)/;
const FOOTNOTE_NUMBER = /^\d{1,3}(?=[ \t\u00A0]+\S)/;

// Headings spelled as a word and a number. "Premier" and "1er" are French for 1; English rules of procedure say
// "Rule 5" where the French say "Article 5".
const WORD_HEADINGS: ReadonlyArray<{ pattern: RegExp; style: LabelStyle }> = [
  {
    pattern:
      /^(?:Article|ARTICLE|Art\.|Rule|RULE|Règle|RÈGLE)[ \t\u00A0]+(premier|PREMIER|1er|\d{1,3})(?=[\s.:*\u2013\u2014-]|$)/,
    style: LabelStyle.article,
  },
  {
    pattern:
      /^(?:Chapter|CHAPTER|Chapitre|CHAPITRE)[ \t\u00A0]+(premier|PREMIER|1er|[IVXLC]+|\d{1,2})(?=[\s.:*\u2013\u2014-]|$)/,
    style: LabelStyle.chapter,
  },
  {
    pattern: /^(?:Section|SECTION)[ \t\u00A0]+([IVXLC]+|\d{1,3})(?=[\s.:*\u2013\u2014-]|$)/,
    style: LabelStyle.section,
  },
];

// "premier", "1er", "IV", "12" → "1", "1", "4", "12".
function wordHeadingNumber(raw: string): string {
  if (/^\d+$/.test(raw)) return String(Number(raw));
  return String(romanToNumber(raw) ?? 1);
}

function end(markdown: boolean): string {
  return markdown ? '(?=[\\s*_]|$)' : '(?=\\s|$)';
}

// What may follow a heading label spelled as a word: nothing, or punctuation before a title ("Annexe II : Liste").
function isHeadingRest(after: string): boolean {
  return /^[ \t\u00A0]*(?:$|[.:*\u2013\u2014-])/.test(after);
}

// Arabic, Chinese, Russian and Spanish conventions first (script-labels.ts), then the Latin labels all share, with a
// Cyrillic letter that looks Latin read as the Latin one ("В." for "B.").
function leadingLabelAt(text: string, context: LabelContext): { label: Label; length: number } | null {
  const script = readScriptLabel(text);
  if (script) return script;
  const latin = latiniseLookalikeLabel(text);
  const found = latinLabelAt(latin, context);
  if (!found || latin === text) return found;
  return { label: { ...found.label, raw: text.slice(0, found.length) }, length: found.length };
}

function latinLabelAt(text: string, context: LabelContext): { label: Label; length: number } | null {
  const markdown = context.markdown ?? false;
  let m = FOOTNOTE_DEF.exec(text);
  if (m) return { label: makeLabel(LabelStyle.footnote, m[1] ?? '', `[^${m[1] ?? ''}]`), length: m[0].length };

  m = AGENDA.exec(text);
  if (m) {
    const value = `${m[1] ?? ''}${m[2] ?? m[3] ?? ''}`;
    return { label: makeLabel(LabelStyle.agendaItem, value, m[0]), length: m[0].length };
  }

  m = ANNEX.exec(text);
  if (m) {
    // "Annex I contains the list ..." is a sentence, not a heading: the label must end the line or be
    // followed by punctuation (": Title", "*").
    if (isHeadingRest(text.slice(m[0].length))) {
      return { label: makeLabel(LabelStyle.annex, m[2] ?? '', m[0]), length: m[0].length };
    }
  }

  for (const { pattern, style } of WORD_HEADINGS) {
    m = pattern.exec(text);
    // As for annexes: "Article 5 of the Convention provides ..." is a sentence, not a heading.
    if (m && isHeadingRest(text.slice(m[0].length)))
      return { label: makeLabel(style, wordHeadingNumber(m[1] ?? ''), m[0]), length: m[0].length };
  }

  m = STARS.exec(text) ?? (markdown ? ESCAPED_STARS.exec(text) : null);
  if (m) {
    // Markdown writers escape a footnote "*" at a line start ("\\* E/CN.7/2024/1.") so it is no bullet.
    const stars = m[0].replace(/\\/g, '');
    return { label: makeLabel(LabelStyle.footnote, stars, stars), length: m[0].length };
  }

  m = BULLET.exec(text);
  if (m) return { label: makeLabel(LabelStyle.bullet, '', m[0]), length: m[0].length };

  m = new RegExp(`^(\\d{1,3})(\\\\?)\\.${end(markdown)}`).exec(text);
  if (m && (markdown || m[2] === '')) {
    const value = String(Number(m[1]));
    return { label: makeLabel(LabelStyle.arabic, value, `${m[1] ?? ''}.`), length: m[0].length };
  }

  m =
    new RegExp(`^\\(([a-z]{1,7})\\)${end(markdown)}`).exec(text) ??
    new RegExp(`^([a-z]{1,7})\\)${end(markdown)}`).exec(text);
  if (m) {
    const value = m[1] ?? '';
    const style = lowerStyle(value);
    if (style) {
      const label = resolveLetterOrRoman(makeLabel(style, value, m[0]), context.previous, context.next);
      return { label, length: m[0].length };
    }
  }

  m = new RegExp(`^([IVXLCDM]{2,8}|[A-Z])(\\\\?)\\.${end(markdown)}`).exec(text);
  if (m && (markdown || m[2] === '')) {
    const value = m[1] ?? '';
    const style = upperStyle(value);
    if (style) {
      const label = resolveLetterOrRoman(makeLabel(style, value, `${value}.`), context.previous, context.next);
      // French "M. Dupont" (Monsieur) opens many paragraphs; "M." is a label only right after "L.".
      const monsieur = label.style === LabelStyle.upperLetter && value === 'M';
      const afterL = context.previous?.style === LabelStyle.upperLetter && context.previous.value === 'L';
      if (!monsieur || afterL) return { label, length: m[0].length };
    }
  }

  if (context.footnoteArea) {
    m = FOOTNOTE_NUMBER.exec(text);
    if (m) return { label: makeLabel(LabelStyle.footnote, String(Number(m[0])), m[0]), length: m[0].length };
  }
  return null;
}

/**
 * Finds the label that opens a paragraph line ("12. Text", "(a) Text", "b) Texte", "IV. Title", "* note",
 * "Item 2 (b) of ...", and "1 note" when `context.footnoteArea`), or null when the line has none.
 */
export function splitLeadingLabel(line: string, context: LabelContext = {}): LeadingLabel | null {
  const indent = (LEADING_SPACE.exec(line)?.[0] ?? '').length;
  const found = leadingLabelAt(line.slice(indent), context);
  if (!found) return null;
  const labelEnd = indent + found.length;
  const rest = line.slice(labelEnd).replace(/^[ \t\u00A0]+/, '');
  return { label: found.label, rest, labelEnd };
}

/**
 * Parses a whole marker as printed ("12.", "(a)", "a)", "iv)", "IV.", "A.", "Annexe I", "*", "1", "Point 2 b)", "•")
 * into a label; ambiguous "(i)", "(v)", "(x)" read as roman. Null when it is not a label.
 */
export function parseLabel(raw: string): Label | null {
  const text = raw.trim();
  if (/^\d{1,3}$/.test(text)) return makeLabel(LabelStyle.footnote, String(Number(text)), text);
  if (/^\*{1,3}$/.test(text)) return makeLabel(LabelStyle.footnote, text, text);
  if (/^[-\u2022\u2013\u2014\u25AA\u25E6\u25CF\u2023\u00B7]$/.test(text)) return makeLabel(LabelStyle.bullet, '', text);
  const found = splitLeadingLabel(text);
  return found && found.rest === '' ? found.label : null;
}

/** Where the numbering stands while walking a document: the open heading, paragraph and sub-paragraph. */
export interface LabelPathState {
  /** Open annex segment ("annex:I"), or null outside annexes. */
  annex: string | null;
  /** Open article segment ("art:5"), or null outside articles; a roman or letter heading closes it. */
  article: string | null;
  /** Value of the open "I." heading. */
  upperRoman: string | null;
  /** Value of the open "A." heading. */
  upperLetter: string | null;
  /** Value of the open "12." paragraph; a heading closes it. */
  paragraph: string | null;
  /** Value of the open "(a)" sub-paragraph. */
  lowerLetter: string | null;
}

/** The state at the start of a document. */
export const initialLabelPathState: LabelPathState = {
  annex: null,
  article: null,
  upperRoman: null,
  upperLetter: null,
  paragraph: null,
  lowerLetter: null,
};

function join(segments: ReadonlyArray<string | null>): string {
  return segments.filter((s): s is string => s !== null).join('/');
}

/**
 * Computes the path of a labelled block ("12", "12/a", "12/a/ii", "II/A", "fn:1", "annex:I/3", "art:2/1", "chap:4",
 * "sec:3"; null for bullets and agenda items) and the numbering state after it.
 */
export function advanceLabelPath(state: LabelPathState, label: Label): { state: LabelPathState; path: string | null } {
  const v = label.value;
  switch (label.style) {
    case LabelStyle.annex: {
      const annex = `annex:${v}`;
      return { state: { ...initialLabelPathState, annex }, path: annex };
    }
    case LabelStyle.article: {
      // Article numbers run through chapters, as paragraph numbers run through headings; the numbering of the
      // paragraphs restarts in each article.
      const article = `art:${v}`;
      return { state: { ...state, article, paragraph: null, lowerLetter: null }, path: join([state.annex, article]) };
    }
    case LabelStyle.chapter:
    case LabelStyle.section: {
      // Like a roman heading: it closes the open article and paragraph; articles run on through it.
      const heading = `${label.style === LabelStyle.chapter ? 'chap' : 'sec'}:${v}`;
      return {
        state: { ...state, upperRoman: null, upperLetter: null, article: null, paragraph: null, lowerLetter: null },
        path: join([state.annex, heading]),
      };
    }
    case LabelStyle.upperRoman:
      return {
        state: { ...state, upperRoman: v, upperLetter: null, article: null, paragraph: null, lowerLetter: null },
        path: join([state.annex, v]),
      };
    case LabelStyle.upperLetter:
      return {
        state: { ...state, upperLetter: v, article: null, paragraph: null, lowerLetter: null },
        path: join([state.annex, state.upperRoman, v]),
      };
    case LabelStyle.arabic:
      // Paragraph numbers run through headings, so the path of "12." does not include them.
      return { state: { ...state, paragraph: v, lowerLetter: null }, path: join([state.annex, state.article, v]) };
    case LabelStyle.lowerLetter:
      return { state: { ...state, lowerLetter: v }, path: join([state.annex, ...parentOf(state), v]) };
    case LabelStyle.lowerRoman:
      return { state, path: join([state.annex, ...parentOf(state), state.lowerLetter, v]) };
    case LabelStyle.footnote:
      return { state, path: `fn:${v}` };
    // An agenda item is front matter about the session, not a place in the document's numbering; bullets
    // carry no number. Neither anchors, so neither gets a path (corpora/*/gold.json lists neither).
    case LabelStyle.agendaItem:
    case LabelStyle.bullet:
      return { state, path: null };
  }
}

// Sub-paragraphs hang under the open numbered paragraph, or under the open article or headings when one came
// after the last numbered paragraph (lettered lists directly under "A. Background" or "Article 2").
function parentOf(state: LabelPathState): Array<string | null> {
  if (state.paragraph !== null) return [state.article, state.paragraph];
  if (state.article !== null) return [state.article];
  return [state.upperRoman, state.upperLetter];
}
