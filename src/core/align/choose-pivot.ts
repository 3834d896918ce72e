/** Which version of a document the others are aligned with. */
import type { LanguageCode, SegmentedDocument } from '../model.js';

/** The language a document is aligned through when its header names no original among the versions. */
export const DEFAULT_PIVOT: LanguageCode = 'en';

/**
 * The pivot language of `documents`: the original language their headers name ("Original: English"), when one of the
 * versions is in it (the most named wins, ties to the first named); else English when a version is English; else the
 * first version's. Translators translate from the original, so each version is closest to it.
 */
export function choosePivot(documents: readonly Pick<SegmentedDocument, 'language' | 'meta'>[]): LanguageCode {
  const languages = documents.map((document) => document.language);
  const named = new Map<LanguageCode, number>();
  for (const { meta } of documents) {
    const original = meta.originalLanguage;
    if (original !== null && languages.includes(original)) named.set(original, (named.get(original) ?? 0) + 1);
  }
  let best: LanguageCode | null = null;
  for (const [language, count] of named) if (best === null || count > (named.get(best) ?? 0)) best = language;
  if (best !== null) return best;
  if (languages.includes(DEFAULT_PIVOT)) return DEFAULT_PIVOT;
  const first = languages[0];
  if (first === undefined) throw new RangeError('A pivot needs at least one version');
  return first;
}
