import { AbbreviationKind, compileLanguage, type CompiledLanguage } from './compile-language.js';
import { closingMarkAt, extendOverClosingMarks, isStopCharacter } from './closing-marks.js';
import type { LanguageData } from './languages/language-data.js';

/** What the next sentence would start with. */
const NextKind = {
  lower: 'lower',
  upper: 'upper',
  digit: 'digit',
  /** "(a)", "b)", "(iv)": a sub-paragraph label, lower case yet a fresh start. */
  label: 'label',
  other: 'other',
} as const;
type NextKind = (typeof NextKind)[keyof typeof NextKind];

interface NextWord {
  kind: NextKind;
  /** The word after the opening marks ("Dupont", "12", "B."), "" when none. */
  word: string;
}

// "(a)", "b)", "(iv)", "c. Training", and table-note markers "a New post."
const NEXT_LABEL = /\(?(?:[a-z]|[ivx]{1,5})\)|[a-z]\.?(?=\s+\p{Lu})/uy;
// A numbered paragraph glued after the sentence: "at 10 a.m. 13. In-depth".
const NUMBERED_PARAGRAPH = /\d{1,3}\.\s+\p{Lu}/uy;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}.\-/]*/uy;
const OPENING = new Set(['«', '»', '“', '„', '‘', '‚', '‹', '"', "'", '(', '[', '¿', '¡', '<']);
const LEADING_OPENING = /^[«»“„‘‚‹"'([<]+/u;
const TRAILING_PUNCTUATION = /[.,;:)\]»”’"]+$/u;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const DIGIT = /\p{Nd}/u;
// A label that opens a paragraph: "12.", "1.2.", "IV.", "A.", "c.", "IV.G.".
// Chinese headings number with Chinese numerals: "二. 核不扩散".
const LABEL_STEM =
  /^(?:\d{1,3}|[IVXLCDM]{1,6}|[A-Za-z]|[一二三四五六七八九十]{1,3})(?:\.(?:\d{1,3}|[IVXLCDM]{1,6}|[A-Za-z]))*$/;
// A person's initials: "J", "G.O", "J.-P".
const INITIALS = /^\p{Lu}(?:\.-?\p{Lu})*$/u;
const DOTTED_CAPITALS = /^\p{Lu}(?:\.\p{Lu})+$/u;
const NEXT_PUNCTUATION = /[.,;:?!…]/;
// Words that introduce a number are not followed by a sentence: "Corr. 1", "Vol. II", "No. A/70/1".
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;
const WHITE_SPACE = /\s/;

function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) return true;
  // Left-to-right, right-to-left and Arabic letter marks: invisible, they sit between words like spaces.
  if (code === 0x200e || code === 0x200f || code === 0x061c) return true;
  return code > 0x7f && WHITE_SPACE.test(text.charAt(index));
}

function skipSpaces(text: string, from: number): number {
  let index = from;
  while (index < text.length && isSpaceAt(text, index)) index++;
  return index;
}

function readNextWord(text: string, start: number): NextWord {
  NEXT_LABEL.lastIndex = start;
  // "(a) the" is a label, "(also) the" is not.
  const isLabel = NEXT_LABEL.test(text) && !LETTER.test(text.charAt(NEXT_LABEL.lastIndex));
  let index = start;
  while (index < text.length && (OPENING.has(text.charAt(index)) || isSpaceAt(text, index))) index++;
  WORD.lastIndex = index;
  const word = WORD.exec(text)?.[0] ?? '';
  const first = text.charAt(index);
  let kind: NextKind = NextKind.other;
  if (isLabel) kind = NextKind.label;
  else if (LOWER.test(first)) kind = NextKind.lower;
  else if (UPPER.test(first)) kind = NextKind.upper;
  else if (DIGIT.test(first)) kind = NextKind.digit;
  return { kind, word };
}

function startsNumberedParagraph(text: string, start: number): boolean {
  NUMBERED_PARAGRAPH.lastIndex = start;
  return NUMBERED_PARAGRAPH.test(text);
}

/** Start of the white-space-delimited token that ends just before `end`. */
function tokenStartBefore(text: string, end: number): number {
  let index = end;
  while (index > 0 && !isSpaceAt(text, index - 1)) index--;
  return index;
}

/** Up to `count` tokens before `start`, nearest last. */
function tokensBefore(text: string, start: number, count: number): string[] {
  const tokens: string[] = [];
  let end = start;
  while (tokens.length < count) {
    while (end > 0 && isSpaceAt(text, end - 1)) end--;
    if (end === 0) break;
    const begin = tokenStartBefore(text, end);
    tokens.unshift(text.slice(begin, end));
    end = begin;
  }
  return tokens;
}

function lookUp(language: CompiledLanguage, word: string): AbbreviationKind | undefined {
  const exact = language.abbreviations.get(word);
  if (exact !== undefined || word.length < 2) return exact;
  // At the start of a sentence "Art. 5" and "Para. 3" are capitalised.
  const first = word.charAt(0);
  const lowered = first.toLowerCase();
  return lowered === first ? undefined : language.abbreviations.get(lowered + word.slice(1));
}

function abbreviationKind(
  text: string,
  tokenStart: number,
  word: string,
  next: NextWord,
  language: CompiledLanguage,
): AbbreviationKind | undefined {
  // "l'art. 3", "d'env. 20", "A/70/1/Corr. 1"
  const cut = Math.max(word.lastIndexOf("'"), word.lastIndexOf('’'), word.lastIndexOf('/'));
  const bare = cut >= 0 ? word.slice(cut + 1) : word;
  const single = lookUp(language, word) ?? (bare === word ? undefined : lookUp(language, bare));
  if (single !== undefined || language.maxWords === 1) return single;
  const before = tokensBefore(text, tokenStart, language.maxWords - 1);
  for (let n = 1; n <= before.length; n++) {
    const kind = lookUp(language, [...before.slice(before.length - n), word].join(' '));
    if (kind !== undefined) return kind;
  }
  if (next.word !== '') return lookUp(language, `${word}. ${next.word.replace(/\.$/, '')}`);
  return undefined;
}

/** True when the closing marks in `text[runStart, end)` close a bracket opened after the sentence's first word. */
function closesInnerBracket(text: string, sentenceStart: number, runStart: number, end: number): boolean {
  for (let index = end - 1; index >= runStart; index--) {
    const mark = text.charAt(index);
    const opening = mark === ')' ? '(' : mark === ']' ? '[' : undefined;
    if (opening === undefined) continue;
    let depth = 0;
    for (let at = runStart - 1; at >= sentenceStart; at--) {
      const char = text.charAt(at);
      if (char === mark) depth++;
      else if (char === opening) {
        if (depth === 0) return at > sentenceStart;
        depth--;
      }
    }
    return false;
  }
  return false;
}

function previousCharacter(text: string, before: number): string {
  let index = before;
  while (index > 0 && isSpaceAt(text, index - 1)) index--;
  return text.charAt(index - 1);
}

/**
 * Whether the candidate `text[runStart, runEnd)` ends the sentence that began at `sentenceStart`,
 * given that the next sentence would start at `nextStart`.
 */
function endsSentence(
  text: string,
  runStart: number,
  runEnd: number,
  end: number,
  nextStart: number,
  sentenceStart: number,
  language: CompiledLanguage,
): boolean {
  const next = readNextWord(text, nextStart);
  // Whatever the stop, a sentence does not start in lower case ("etc. and", "… puis", "? » dit-il") nor
  // with punctuation ("etc.), ainsi que", "revenus. .").
  if (next.kind === NextKind.lower || NEXT_PUNCTUATION.test(text.charAt(nextStart))) return false;
  // A stop inside brackets opened mid-sentence ends the bracket, not the sentence: "(No 4.) Order", "[...] Charter".
  if (closesInnerBracket(text, sentenceStart, runStart, end)) return false;
  if (runEnd - runStart !== 1 || text.charAt(runStart) !== '.') return true;

  const tokenStart = tokenStartBefore(text, runStart);
  // A tokenised " . " has no word of its own.
  if (tokenStart === runStart) return true;
  const token = text.slice(tokenStart, runStart);
  const word = token.replace(LEADING_OPENING, '');
  if (word === '') return true;

  switch (abbreviationKind(text, tokenStart, word, next, language)) {
    case AbbreviationKind.never:
      return false;
    case AbbreviationKind.terminal:
      // "Finance Ltd. (Umutanguha)", "S.A. (ARSAT)"
      if (next.kind === NextKind.digit) return startsNumberedParagraph(text, nextStart);
      return text.charAt(nextStart) !== '(';
    case AbbreviationKind.number:
      // "S. 12" never ends; "S. Jöchler" is left to the initials rule below.
      if (!CAPITALISED_WORD.test(next.word)) return false;
      break;
    default:
  }

  const wordStart = tokenStart + token.length - word.length;
  if (LABEL_STEM.test(word)) {
    const before = previousCharacter(text, wordStart);
    if (wordStart <= sentenceStart || before === ';' || before === ':') return false;
  }
  // "A.H. 1436", "A.D. 2015"
  if (DOTTED_CAPITALS.test(word) && next.kind === NextKind.digit) return false;
  if (INITIALS.test(word) && next.kind === NextKind.upper) {
    const previous = tokensBefore(text, tokenStart, 1)[0] ?? '';
    const previousWord = previous.replace(LEADING_OPENING, '').replace(TRAILING_PUNCTUATION, '').toLowerCase();
    if (!language.labelWords.has(previousWord)) return false;
  }
  if (/^\d+$/.test(word)) {
    const follower = next.word.replace(TRAILING_PUNCTUATION, '');
    if (language.ordinalFollowers.has(next.word) || language.ordinalFollowers.has(follower)) return false;
  }
  return true;
}

/**
 * The offsets in `text` where a sentence other than the first starts, ascending: each is the first
 * non-white-space character after a sentence end (a stop with its closing marks, or a ";" before a glued
 * numbered paragraph).
 */
export function findSentenceStarts(text: string, languageData: LanguageData): number[] {
  const language = compileLanguage(languageData);
  const starts: number[] = [];
  let sentenceStart = skipSpaces(text, 0);
  // A fresh copy: the compiled expression is shared, and lastIndex is per search.
  const candidates = new RegExp(language.candidates.source, language.candidates.flags);
  for (let match = candidates.exec(text); match !== null; match = candidates.exec(text)) {
    const runStart = match.index;
    const runEnd = runStart + match[0].length;
    // Swallowed by the previous sentence's closing marks ("! ».").
    if (runStart < sentenceStart) continue;
    // "3.5", "A/73/L.5", "index.php?id=1": a stop must be followed by space, a closing mark or the end, unless
    // the language writes without spaces ("。").
    const unspaced = language.unspacedStops.has(text.charAt(runEnd - 1));
    if (!unspaced && runEnd < text.length && !isSpaceAt(text, runEnd) && closingMarkAt(text, runEnd) === undefined)
      continue;
    const end = isStopCharacter(text.charAt(runStart)) ? extendOverClosingMarks(text, runEnd, sentenceStart) : runEnd;
    const nextStart = skipSpaces(text, end);
    if (nextStart >= text.length) break;
    if (endsSentence(text, runStart, runEnd, end, nextStart, sentenceStart, language)) {
      starts.push(nextStart);
      sentenceStart = nextStart;
    }
  }
  return starts;
}
