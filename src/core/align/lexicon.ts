/**
 * Word translations learned from the document pair itself (hunalign's "realign", Moore 2002): IBM Model 1
 * trained in both directions on the confident beads of a first pass; a pair is kept when both directions
 * agree. Deterministic: no randomness, insertion-ordered maps.
 */
import type { Lexicon } from './features.js';

/** One aligned training example: folded source and target words. */
export interface TrainingPair {
  source: readonly string[];
  target: readonly string[];
}

/** Knobs of lexicon learning. */
export interface LexiconOptions {
  /** EM iterations per direction. */
  iterations: number;
  /** Minimum geometric mean of p(s|t) and p(t|s) to keep a translation. */
  minProbability: number;
  /** Translations kept per target word, best first. */
  maxTranslations: number;
  /** Pairs of words must co-occur in at least this many training pairs. */
  minCooccurrence: number;
  /** At most this many training pairs are used (the first ones), bounding time and memory. */
  maxPairs: number;
}

/** Defaults that suit documents of a few hundred to a hundred thousand sentences. */
export const DEFAULT_LEXICON_OPTIONS: LexiconOptions = {
  iterations: 5,
  minProbability: 0.15,
  maxTranslations: 3,
  minCooccurrence: 2,
  maxPairs: 30_000,
};

// Model 1 keeps a NULL word on the conditioning side to absorb words with no translation.
const NULL_WORD = '\u0000';

type Table = Map<string, Map<string, number>>;

/** p(f | e) by EM over pairs (e words, f words); returns table[e][f]. */
function trainModel1(pairs: readonly TrainingPair[], reversed: boolean, iterations: number): Table {
  const table: Table = new Map();
  for (const pair of pairs) {
    const es = [NULL_WORD, ...(reversed ? pair.target : pair.source)];
    const fs = reversed ? pair.source : pair.target;
    for (const e of es) {
      let row = table.get(e);
      if (!row) table.set(e, (row = new Map()));
      for (const f of fs) row.set(f, 1);
    }
  }
  for (const row of table.values()) {
    const uniform = 1 / row.size;
    for (const f of row.keys()) row.set(f, uniform);
  }
  for (let iteration = 0; iteration < iterations; iteration++) {
    const counts: Table = new Map();
    for (const pair of pairs) {
      const es = [NULL_WORD, ...(reversed ? pair.target : pair.source)];
      const fs = reversed ? pair.source : pair.target;
      for (const f of fs) {
        let norm = 0;
        for (const e of es) norm += table.get(e)?.get(f) ?? 0;
        if (norm === 0) continue;
        for (const e of es) {
          const p = (table.get(e)?.get(f) ?? 0) / norm;
          let row = counts.get(e);
          if (!row) counts.set(e, (row = new Map()));
          row.set(f, (row.get(f) ?? 0) + p);
        }
      }
    }
    for (const [e, row] of counts) {
      let total = 0;
      for (const c of row.values()) total += c;
      const normalised = new Map<string, number>();
      for (const [f, c] of row) normalised.set(f, c / total);
      table.set(e, normalised);
    }
  }
  return table;
}

/** Learns target-word → source-words translations from aligned pairs. */
export function learnLexicon(pairs: readonly TrainingPair[], options: LexiconOptions = DEFAULT_LEXICON_OPTIONS): Lexicon {
  const used = pairs.slice(0, options.maxPairs);
  const cooccurrence = new Map<string, number>();
  for (const pair of used) {
    const targets = new Set(pair.target);
    for (const s of new Set(pair.source)) for (const t of targets) {
      const key = `${s}\u0001${t}`;
      cooccurrence.set(key, (cooccurrence.get(key) ?? 0) + 1);
    }
  }
  const sourceGivenTarget = trainModel1(used, true, options.iterations); // table[t][s] = p(s | t)
  const targetGivenSource = trainModel1(used, false, options.iterations); // table[s][t] = p(t | s)
  const lexicon = new Map<string, string[]>();
  for (const [t, row] of sourceGivenTarget) {
    if (t === NULL_WORD) continue;
    const candidates: { s: string; p: number }[] = [];
    for (const [s, pst] of row) {
      if (s === t) continue; // identical words already match by identity
      if ((cooccurrence.get(`${s}\u0001${t}`) ?? 0) < options.minCooccurrence) continue;
      const pts = targetGivenSource.get(s)?.get(t) ?? 0;
      const p = Math.sqrt(pst * pts);
      if (p >= options.minProbability) candidates.push({ s, p });
    }
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => b.p - a.p || (a.s < b.s ? -1 : 1));
    lexicon.set(t, candidates.slice(0, options.maxTranslations).map((c) => c.s));
  }
  return lexicon;
}
