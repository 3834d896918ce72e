/** A {@link StoreLexicon} as text and back, so that one learned lexicon can be stored and shared by every worker. */
import type { StoreLexicon } from '../core/align/store-lexicon.js';

/** The stored form: the lexicon's entries as [target word, source words] pairs, beside its two numbers. */
interface StoreLexiconJson {
  entries: [string, string[]][];
  trueMean: number;
  pairs: number;
}

/** JSON text of `lexicon`; null (too few earlier pairs to learn one) stays null. */
export function serializeStoreLexicon(lexicon: StoreLexicon | null): string | null {
  if (lexicon === null) return null;
  const json: StoreLexiconJson = {
    entries: [...lexicon.lexicon].map(([word, sources]) => [word, [...sources]]),
    trueMean: lexicon.trueMean,
    pairs: lexicon.pairs,
  };
  return JSON.stringify(json);
}

/** The lexicon {@link serializeStoreLexicon} wrote; null for null. */
export function parseStoreLexicon(text: string | null): StoreLexicon | null {
  if (text === null) return null;
  // Written by serializeStoreLexicon through the store, its only writer.
  const json = JSON.parse(text) as StoreLexiconJson;
  return { lexicon: new Map(json.entries), trueMean: json.trueMean, pairs: json.pairs };
}
