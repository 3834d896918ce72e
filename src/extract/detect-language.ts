/** Identifies a document's language (franc, trigram statistics) so that a mislabelled pair is refused, not aligned. */
import { franc } from 'franc';
import { ErrorCode, InputError } from '../core/errors.js';
import type { LanguageCode } from '../core/model.js';

// ISO 639-1 (what paralign speaks) ↔ ISO 639-3 (what franc answers).
const TO_ISO3: Record<string, string> = {
  fr: 'fra',
  en: 'eng',
  de: 'deu',
  es: 'spa',
  ru: 'rus',
  ar: 'arb',
  zh: 'cmn',
  it: 'ita',
  pt: 'por',
};
const TO_ISO1: Record<string, string> = Object.fromEntries(Object.entries(TO_ISO3).map(([one, three]) => [three, one]));

/** Below this many letters franc guesses; the check is then skipped. */
export const MIN_LETTERS_FOR_DETECTION = 200;

/** The language of `text` among the languages paralign knows (ISO 639-1), or null when the text is too short. */
export function detectLanguage(text: string): LanguageCode | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS_FOR_DETECTION) return null;
  // A whole document at once: franc is unreliable under ~25 characters, sure over thousands.
  const found = franc(text.slice(0, 20_000), { only: Object.values(TO_ISO3), minLength: 10 });
  return TO_ISO1[found] ?? null;
}

/** A side of a pair for {@link assertPairLanguages}. */
export interface PairSide {
  /** File name, for messages. */
  name: string;
  /** The declared language (ISO 639-1). */
  language: LanguageCode;
  /** The document's text. */
  text: string;
}

/** Refuses a side whose text is, by its letters, in a language paralign knows other than the declared one. */
export function assertDocumentLanguage(
  side: PairSide,
  detected: LanguageCode | null = detectLanguage(side.text),
): void {
  // Only languages paralign can tell apart are checked; an unknown declared language is taken on trust.
  if (detected !== null && TO_ISO3[side.language] !== undefined && detected !== side.language) {
    throw new InputError(
      `${side.name}: the text is in ${detected}, not in the declared ${side.language}`,
      ErrorCode.wrongLanguage,
      { name: side.name, detected, declared: side.language },
    );
  }
}

/**
 * Refuses a pair whose two sides are swapped (each in the other's declared language), in the same language, or a
 * side not in its declared language.
 */
export function assertPairLanguages(source: PairSide, target: PairSide): void {
  const found = { source: detectLanguage(source.text), target: detectLanguage(target.text) };
  if (source.language !== target.language && found.source === target.language && found.target === source.language) {
    throw new InputError(
      `${source.name} is in ${target.language} and ${target.name} in ${source.language}: the two files are swapped`,
      ErrorCode.swappedSides,
      { sourceName: source.name, targetName: target.name, source: source.language, target: target.language },
    );
  }
  if (found.source !== null && found.source === found.target) {
    throw new InputError(
      `${target.name}: both files are in the same language (${found.source}); ` +
        `give the ${source.language} and ${target.language} versions`,
      ErrorCode.sameLanguage,
      { name: target.name, detected: found.source, source: source.language, target: target.language },
    );
  }
  assertDocumentLanguage(source, found.source);
  assertDocumentLanguage(target, found.target);
}
