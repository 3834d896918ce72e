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
  /** At most this many training pairs are used (evenly spread over the document), bounding time and memory. */
  maxPairs: number;
}

/** Defaults that suit documents of a few hundred to a hundred thousand sentences. */
export const DEFAULT_LEXICON_OPTIONS: LexiconOptions = {
  iterations: 5,
  minProbability: 0.15,
  maxTranslations: 3,
  minCooccurrence: 2,
  maxPairs: 5_000,
};

/**
 * Training data compiled to integers: for every training pair, the candidate links (pairs of words that
 * co-occur often enough) as indices into one parameter array. Model 1 restricted to these links (plus a NULL
 * word per target word) is the usual pruned form: same fixed point on the pairs that matter, a fraction of the cost.
 */
interface CompiledCorpus {
  sourceWords: string[];
  targetWords: string[];
  /** Word pair of each parameter: source id and target id; source id -1 is NULL. */
  linkSource: Int32Array;
  linkTarget: Int32Array;
  /** Per training pair, per target position: the parameter indices it may align to. */
  groups: Int32Array[][];
}

function compile(pairs: readonly TrainingPair[], minCooccurrence: number, reversed: boolean): CompiledCorpus {
  const sourceIds = new Map<string, number>();
  const targetIds = new Map<string, number>();
  const id = (map: Map<string, number>, word: string): number => {
    let value = map.get(word);
    if (value === undefined) map.set(word, (value = map.size));
    return value;
  };
  const encoded = pairs.map((pair) => {
    const source = [...new Set(reversed ? pair.target : pair.source)].map((w) => id(sourceIds, w));
    const target = (reversed ? pair.source : pair.target).map((w) => id(targetIds, w));
    return { source, target };
  });
  const width = Math.max(1, targetIds.size);
  // Words seen fewer times than the co-occurrence minimum cannot pass it: skip them before counting pairs.
  const sourceFrequency = new Int32Array(sourceIds.size);
  const targetFrequency = new Int32Array(targetIds.size);
  for (const { source, target } of encoded) {
    for (const s of source) sourceFrequency[s] = (sourceFrequency[s] as number) + 1;
    for (const t of new Set(target)) targetFrequency[t] = (targetFrequency[t] as number) + 1;
  }
  const cooccurrence = new Map<number, number>();
  for (const { source, target } of encoded) {
    const targets = [...new Set(target)].filter((t) => (targetFrequency[t] as number) >= minCooccurrence);
    for (const s of source) {
      if ((sourceFrequency[s] as number) < minCooccurrence) continue;
      for (const t of targets) cooccurrence.set(s * width + t, (cooccurrence.get(s * width + t) ?? 0) + 1);
    }
  }
  const parameter = new Map<number, number>();
  const linkSource: number[] = [];
  const linkTarget: number[] = [];
  const parameterOf = (s: number, t: number): number => {
    const key = (s + 1) * width + t; // s = -1 is NULL
    let index = parameter.get(key);
    if (index === undefined) {
      index = linkSource.length;
      parameter.set(key, index);
      linkSource.push(s);
      linkTarget.push(t);
    }
    return index;
  };
  const groups = encoded.map(({ source, target }) =>
    target.map((t) => {
      const links = [parameterOf(-1, t)];
      for (const s of source) if ((cooccurrence.get(s * width + t) ?? 0) >= minCooccurrence) links.push(parameterOf(s, t));
      return Int32Array.from(links);
    }),
  );
  return {
    sourceWords: [...sourceIds.keys()],
    targetWords: [...targetIds.keys()],
    linkSource: Int32Array.from(linkSource),
    linkTarget: Int32Array.from(linkTarget),
    groups,
  };
}

/** Model 1 EM over a compiled corpus; returns p(target word | source word) per parameter. */
function trainModel1(corpus: CompiledCorpus, iterations: number): Float64Array {
  const probability = new Float64Array(corpus.linkSource.length).fill(1);
  const counts = new Float64Array(probability.length);
  const totals = new Float64Array(corpus.sourceWords.length + 1);
  for (let iteration = 0; iteration < iterations; iteration++) {
    counts.fill(0);
    for (const pair of corpus.groups) {
      for (const links of pair) {
        let norm = 0;
        for (const k of links) norm += probability[k] as number;
        if (norm === 0) continue;
        for (const k of links) counts[k] = (counts[k] as number) + (probability[k] as number) / norm;
      }
    }
    // p(t | s) = count(s, t) / sum over t' of count(s, t'); totals are per source word (slot 0 is NULL).
    totals.fill(0);
    for (let k = 0; k < counts.length; k++) totals[(corpus.linkSource[k] as number) + 1] = (totals[(corpus.linkSource[k] as number) + 1] as number) + (counts[k] as number);
    for (let k = 0; k < counts.length; k++) {
      const total = totals[(corpus.linkSource[k] as number) + 1] as number;
      probability[k] = total > 0 ? (counts[k] as number) / total : 0;
    }
  }
  return probability;
}

function probabilities(corpus: CompiledCorpus, probability: Float64Array, floor: number): Map<string, number> {
  const byPair = new Map<string, number>();
  for (let k = 0; k < probability.length; k++) {
    const s = corpus.linkSource[k] as number;
    if (s < 0 || (probability[k] as number) < floor) continue;
    byPair.set(`${corpus.sourceWords[s]}\u0001${corpus.targetWords[corpus.linkTarget[k] as number]}`, probability[k] as number);
  }
  return byPair;
}

/** Learns target-word → source-words translations from aligned pairs. */
export function learnLexicon(pairs: readonly TrainingPair[], options: LexiconOptions = DEFAULT_LEXICON_OPTIONS): Lexicon {
  const step = Math.max(1, pairs.length / options.maxPairs);
  const used: TrainingPair[] = [];
  for (let k = 0; k < pairs.length && used.length < options.maxPairs; k += step) used.push(pairs[Math.floor(k)] as TrainingPair);
  // Forward: p(target | source), keyed "source\u0001target"; backward: p(source | target), keyed "target\u0001source".
  const forwardCorpus = compile(used, options.minCooccurrence, false);
  // sqrt(p1 * p2) >= minProbability needs each of p1, p2 >= minProbability squared.
  const floor = options.minProbability ** 2;
  const forward = probabilities(forwardCorpus, trainModel1(forwardCorpus, options.iterations), floor);
  const backwardCorpus = compile(used, options.minCooccurrence, true);
  const backward = probabilities(backwardCorpus, trainModel1(backwardCorpus, options.iterations), floor);
  const candidates = new Map<string, { s: string; p: number }[]>();
  for (const [key, pts] of forward) {
    const [s, t] = key.split('\u0001') as [string, string];
    if (s === t) continue; // identical words already match by identity
    const pst = backward.get(`${t}\u0001${s}`) ?? 0;
    const p = Math.sqrt(pst * pts);
    if (p < options.minProbability) continue;
    const list = candidates.get(t) ?? [];
    list.push({ s, p });
    candidates.set(t, list);
  }
  const lexicon = new Map<string, string[]>();
  for (const [t, list] of candidates) {
    list.sort((a, b) => b.p - a.p || (a.s < b.s ? -1 : 1));
    lexicon.set(t, list.slice(0, options.maxTranslations).map((c) => c.s));
  }
  return lexicon;
}
