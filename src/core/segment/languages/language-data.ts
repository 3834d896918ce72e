import type { LanguageCode } from '../../model.js';

/**
 * What the sentence splitter needs to know about one language; data only, no code.
 *
 * Every abbreviation is written as printed ("Mr.", "p. ex.", "Mme"); it is matched with or without its
 * final full stop, and with its first letter capitalised at the start of a sentence ("Art. 5").
 */
export interface LanguageData {
  /** ISO 639-1 code ("en", "fr", "de"); "und" for the generic fallback. */
  code: LanguageCode;
  /** Abbreviations that never end a sentence: titles and Latin connectives ("Mr.", "e.g.", "cf."). */
  abbreviations: readonly string[];
  /** Abbreviations that end a sentence only when a capitalised word follows ("etc.", "Inc.", "a.m."). */
  terminalAbbreviations: readonly string[];
  /** Abbreviations that introduce a number or label and never end a sentence before one ("No. 5", "para. 12"). */
  numberAbbreviations: readonly string[];
  /** Abbreviated month names, which behave like numberAbbreviations ("Jan. 2015", "déc. 2018"). */
  monthAbbreviations: readonly string[];
  /**
   * Lower-case words after which "I." or "B." is a label that may end a sentence, not a person's initial ("annex I.").
   */
  labelWords: readonly string[];
  /** Words after which a number with a full stop is an ordinal, not a sentence end (German "3. Oktober"). */
  ordinalFollowers: readonly string[];
  /**
   * Marks besides ". ? ! …" that end a sentence when white space, a closing mark or the end of the text follows
   * (Arabic "؟"); none when absent.
   */
  extraStops?: readonly string[];
  /** Marks that end a sentence even with text right after them (Chinese "。！？", written without spaces). */
  unspacedStops?: readonly string[];
}
