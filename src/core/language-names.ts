/** The names of the six UN languages in the languages paralign's reports are written in (English and French). */
import type { LanguageCode } from './model.js';

/** A language reports are written in. */
export type ReportLocale = 'en' | 'fr';

// French writes language names in lower case ("manque en russe").
const NAMES: Readonly<Record<ReportLocale, Readonly<Record<string, string>>>> = {
  en: { ar: 'Arabic', en: 'English', es: 'Spanish', fr: 'French', ru: 'Russian', zh: 'Chinese' },
  fr: { ar: 'arabe', en: 'anglais', es: 'espagnol', fr: 'français', ru: 'russe', zh: 'chinois' },
};

/** The name of `code` in `locale` ("ru" → "Russian", "russe"), or the code itself for a language outside the six. */
export function nameLanguage(code: LanguageCode, locale: ReportLocale = 'en'): string {
  return NAMES[locale][code] ?? code;
}
