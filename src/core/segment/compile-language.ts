import type { LanguageData } from './languages/language-data.js';

/** How an abbreviation behaves before the next word. */
export const AbbreviationKind = {
  /** Never ends a sentence ("Mr.", "e.g."). */
  never: 'never',
  /** Ends a sentence only before a capitalised word ("etc.", "Inc."). */
  terminal: 'terminal',
  /** Never ends a sentence before a number or label ("No. 5", "Jan. 2015"). */
  number: 'number',
} as const;
/** See {@link AbbreviationKind}. */
export type AbbreviationKind = (typeof AbbreviationKind)[keyof typeof AbbreviationKind];

/** Language data turned into look-up tables. */
export interface CompiledLanguage {
  /** Abbreviation stems (final full stop removed, spaces collapsed: "p. ex", "Mr") and their kind. */
  abbreviations: ReadonlyMap<string, AbbreviationKind>;
  /** Lower-cased label words ("annex"). */
  labelWords: ReadonlySet<string>;
  /** Words that make a preceding "3." an ordinal ("Oktober"). */
  ordinalFollowers: ReadonlySet<string>;
  /** The longest abbreviation in words, so callers know how far back to look. */
  maxWords: number;
  /** Sentence-end candidates: runs of stops, or a ";" before a glued numbered paragraph. */
  candidates: RegExp;
  /** Stops that end a sentence with text right after them. */
  unspacedStops: ReadonlySet<string>;
}

const BASE_STOPS = '.?!…';

function escapeForClass(marks: string): string {
  return marks.replace(/[\\\]^-]/g, '\\$&');
}

// A stop run, or a semicolon before a glued numbered paragraph ("...Mechanism; 12. Requests").
function candidatesFor(data: LanguageData): RegExp {
  const stops = escapeForClass(BASE_STOPS + (data.extraStops ?? []).join('') + (data.unspacedStops ?? []).join(''));
  return new RegExp(`[${stops}]+|;(?=\\s+\\d{1,3}\\.\\s+\\p{Lu})`, 'gu');
}

// Memoised per data object: compiling takes longer than splitting a short block.
const compiled = new WeakMap<LanguageData, CompiledLanguage>();

/** The stem an abbreviation is looked up by: "p. ex." → "p. ex", "Mme" → "Mme". */
export function abbreviationStem(abbreviation: string): string {
  return abbreviation.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
}

/** Look-up tables for a language's data, built once per data object. */
export function compileLanguage(data: LanguageData): CompiledLanguage {
  const cached = compiled.get(data);
  if (cached) return cached;
  const abbreviations = new Map<string, AbbreviationKind>();
  let maxWords = 1;
  const add = (list: readonly string[], kind: AbbreviationKind): void => {
    for (const entry of list) {
      const stem = abbreviationStem(entry);
      if (stem === '') continue;
      // The first list wins, so a word listed as never-ending stays never-ending.
      if (!abbreviations.has(stem)) abbreviations.set(stem, kind);
      const words = stem.split(' ');
      maxWords = Math.max(maxWords, words.length);
      // "z. B." must also hold at "z.", and "i. d. R." at "i." and "d."
      for (let n = 2; n < words.length; n++) {
        const prefix = words.slice(0, n).join(' ').replace(/\.$/, '');
        if (!abbreviations.has(prefix)) abbreviations.set(prefix, AbbreviationKind.never);
      }
    }
  };
  add(data.abbreviations, AbbreviationKind.never);
  add(data.numberAbbreviations, AbbreviationKind.number);
  add(data.monthAbbreviations, AbbreviationKind.number);
  add(data.terminalAbbreviations, AbbreviationKind.terminal);
  const result: CompiledLanguage = {
    abbreviations,
    labelWords: new Set(data.labelWords.map((word) => word.toLowerCase())),
    ordinalFollowers: new Set(data.ordinalFollowers),
    maxWords,
    candidates: candidatesFor(data),
    unspacedStops: new Set(data.unspacedStops ?? []),
  };
  compiled.set(data, result);
  return result;
}
