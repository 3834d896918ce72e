/** Identifies a document's language (franc, trigram statistics) so that a mislabelled pair is refused, not aligned. */
import { franc } from 'franc';
import { ErrorCode, InputError } from '../core/errors.js';
import { isUnLanguage, UN_LANGUAGES, type LanguageCode } from '../core/model.js';

// ISO 639-1 (what paralign speaks) ↔ ISO 639-3 (what franc answers), with each language's English name. Besides the
// six UN languages, widespread languages a user may upload by mistake, so that the refusal can name them.
const LANGUAGES: Readonly<Record<string, { iso3: string; name: string }>> = {
  ar: { iso3: 'arb', name: 'Arabic' },
  en: { iso3: 'eng', name: 'English' },
  es: { iso3: 'spa', name: 'Spanish' },
  fr: { iso3: 'fra', name: 'French' },
  ru: { iso3: 'rus', name: 'Russian' },
  zh: { iso3: 'cmn', name: 'Chinese' },
  de: { iso3: 'deu', name: 'German' },
  it: { iso3: 'ita', name: 'Italian' },
  pt: { iso3: 'por', name: 'Portuguese' },
  nl: { iso3: 'nld', name: 'Dutch' },
  pl: { iso3: 'pol', name: 'Polish' },
  tr: { iso3: 'tur', name: 'Turkish' },
  sv: { iso3: 'swe', name: 'Swedish' },
  ja: { iso3: 'jpn', name: 'Japanese' },
  ko: { iso3: 'kor', name: 'Korean' },
  fa: { iso3: 'pes', name: 'Persian' },
  hi: { iso3: 'hin', name: 'Hindi' },
  id: { iso3: 'ind', name: 'Indonesian' },
};
const TO_ISO1: Record<string, string> = Object.fromEntries(
  Object.entries(LANGUAGES).map(([one, { iso3 }]) => [iso3, one]),
);
const ONLY = Object.values(LANGUAGES).map(({ iso3 }) => iso3);

/** Whether `code` is one of the languages paralign can tell and name (the six UN languages and a dozen others). */
export function isNamedLanguage(code: string): boolean {
  return Object.hasOwn(LANGUAGES, code);
}

/** Below this many letters franc guesses; the check is then skipped. */
export const MIN_LETTERS_FOR_DETECTION = 200;

/** The English name of a language code ("de" → "German"), or the code itself when unknown. */
export function languageName(code: LanguageCode): string {
  return LANGUAGES[code]?.name ?? code;
}

/**
 * The language of `text` (ISO 639-1) among the six UN languages and the others paralign can name, or null when the
 * text is too short to tell.
 */
export function detectLanguage(text: string): LanguageCode | null {
  if (!hasLetters(text, MIN_LETTERS_FOR_DETECTION)) return null;
  // A whole document at once: franc is unreliable under ~25 characters, sure over thousands.
  const found = franc(text.slice(0, 20_000), { only: ONLY, minLength: 10 });
  return TO_ISO1[found] ?? null;
}

// Counts only up to `count`: matching every letter of a long document built an array of them all, which cost more than
// franc itself (bench/pair-phases.ts, README "Service figures").
function hasLetters(text: string, count: number): boolean {
  const letter = /\p{L}/gu;
  for (let seen = 0; seen < count; seen++) if (letter.exec(text) === null) return false;
  return true;
}

const UN_LANGUAGE_LIST = UN_LANGUAGES.join(', ');

/** Refuses a declared language that is not one of the six UN languages (documents only; presegmented text is free). */
export function assertSupportedLanguage(option: string, language: LanguageCode): void {
  if (!isUnLanguage(language))
    throw new InputError(
      `${option} must be one of ${UN_LANGUAGE_LIST} (the UN languages paralign reads), not "${language}"`,
      ErrorCode.badOption,
    );
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
  if (detected !== null && !isUnLanguage(detected)) {
    throw new InputError(
      `${side.name}: the text is in ${languageName(detected)}; paralign reads documents in ${UN_LANGUAGE_LIST} only`,
      ErrorCode.wrongLanguage,
      { name: side.name, detected, declared: side.language },
    );
  }
  // Only languages paralign can tell apart are checked; an unknown declared language is taken on trust.
  if (detected !== null && LANGUAGES[side.language] !== undefined && detected !== side.language) {
    throw new InputError(
      `${side.name}: the text is in ${languageName(detected)}, not in the declared ${languageName(side.language)}`,
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
      `${source.name} is in ${languageName(target.language)} and ${target.name} in ${languageName(source.language)}: ` +
        'the two files are swapped',
      ErrorCode.swappedSides,
      { sourceName: source.name, targetName: target.name, source: source.language, target: target.language },
    );
  }
  if (found.source !== null && found.source === found.target) {
    throw new InputError(
      `${target.name}: both files are in the same language (${languageName(found.source)}); ` +
        `give the ${languageName(source.language)} and ${languageName(target.language)} versions`,
      ErrorCode.sameLanguage,
      { name: target.name, detected: found.source, source: source.language, target: target.language },
    );
  }
  assertDocumentLanguage(source, found.source);
  assertDocumentLanguage(target, found.target);
}
