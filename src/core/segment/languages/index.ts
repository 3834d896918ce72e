import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { generic } from './generic.js';
import { ru } from './ru.js';
import { zh } from './zh.js';
import type { LanguageData } from './language-data.js';

export type { LanguageData } from './language-data.js';

// Adding a language = adding its data file and one entry here.
const byCode: ReadonlyMap<string, LanguageData> = new Map(
  [en, fr, de, es, ru, ar, zh].map((data) => [data.code, data]),
);

/** The splitting data for an ISO 639-1 code ("fr", "FR", "fr-CA"), or the generic data for an unknown language. */
export function languageDataFor(code: string): LanguageData {
  const primary = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return byCode.get(primary) ?? generic;
}
