/** The direction-free key of a language pair that `segments.language_pair` stores (migration 002). */
import type { LanguageCode } from '../core/model.js';

/**
 * The JSON array of the two (normalized) languages in code-unit order, e.g. `["en","fr"]` for fr→en and en→fr alike,
 * so that one index range holds both directions. Stored in every segment row: never change the format.
 */
export function toLanguagePairKey(a: LanguageCode, b: LanguageCode): string {
  return JSON.stringify([a, b].sort());
}
