/**
 * Word translations learned from the document pair itself (hunalign's "realign", Moore 2002): IBM Model 1
 * trained in both directions on the confident beads of a first pass; a pair is kept when both directions
 * agree. Deterministic: no randomness, insertion-ordered maps.
 */
import type { Lexicon } from './features.js';
import { IntBuffer } from './int-buffer.js';

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
  /**
   * Target position p (over all training pairs) may align to parameters
   * `links[positionStart[p] .. positionStart[p + 1])`.
   */
  positionStart: Int32Array;
  links: Int32Array;
}

/** Sorted distinct values of `codes` that occur at least `minCount` times. */
function frequentCodes(codes: Float64Array, minCount: number): Float64Array {
  codes.sort();
  const kept: number[] = [];
  for (let k = 0; k < codes.length;) {
    let end = k + 1;
    while (end < codes.length && codes[end] === codes[k]) end += 1;
    if (end - k >= minCount) kept.push(codes[k] as number);
    k = end;
  }
  return Float64Array.from(kept);
}

function indexOfSorted(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = sorted[middle] as number;
    if (found === value) return middle;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

// Co-occurrences are counted by sorting their codes, not in a hash map: a 5,000-pair sample has millions of
// them, and flat arrays keep a 100,000-sentence alignment within its memory budget (npm run bench).
function compile(pairs: readonly TrainingPair[], minCooccurrence: number, reversed: boolean): CompiledCorpus {
  const sourceIds = new Map<string, number>();
  const targetIds = new Map<string, number>();
  const id = (map: Map<string, number>, word: string): number => {
    let value = map.get(word);
    if (value === undefined) map.set(word, (value = map.size));
    return value;
  };
  const encoded = pairs.map((pair) => {
    const source = Int32Array.from(new Set(reversed ? pair.target : pair.source), (w) => id(sourceIds, w));
    const target = Int32Array.from(reversed ? pair.source : pair.target, (w) => id(targetIds, w));
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
  const frequentTargets = encoded.map(({ target }) =>
    [...new Set(target)].filter((t) => (targetFrequency[t] as number) >= minCooccurrence),
  );
  let instances = 0;
  encoded.forEach(({ source }, k) => {
    for (const s of source)
      if ((sourceFrequency[s] as number) >= minCooccurrence) instances += (frequentTargets[k] as number[]).length;
  });
  const codes = new Float64Array(instances);
  let filled = 0;
  encoded.forEach(({ source }, k) => {
    for (const s of source) {
      if ((sourceFrequency[s] as number) < minCooccurrence) continue;
      for (const t of frequentTargets[k] as number[]) codes[filled++] = s * width + t;
    }
  });
  const kept = frequentCodes(codes, minCooccurrence);

  // Parameters: first one NULL link per target word (index t), then the kept pairs in code order.
  const targetCount = targetIds.size;
  const linkSource = new Int32Array(targetCount + kept.length).fill(-1);
  const linkTarget = new Int32Array(targetCount + kept.length);
  for (let t = 0; t < targetCount; t++) linkTarget[t] = t;
  kept.forEach((code, k) => {
    linkSource[targetCount + k] = Math.floor(code / width);
    linkTarget[targetCount + k] = code % width;
  });
  const positions = encoded.reduce((n, { target }) => n + target.length, 0);
  const positionStart = new Int32Array(positions + 1);
  const links = new IntBuffer(positions * 4);
  let position = 0;
  for (const { source, target } of encoded) {
    for (const t of target) {
      links.push(t);
      for (const s of source) {
        const k = indexOfSorted(kept, s * width + t);
        if (k >= 0) links.push(targetCount + k);
      }
      positionStart[++position] = links.length;
    }
  }
  return {
    sourceWords: [...sourceIds.keys()],
    targetWords: [...targetIds.keys()],
    linkSource,
    linkTarget,
    positionStart,
    links: links.toArray(),
  };
}

/** Model 1 EM over a compiled corpus; returns p(target word | source word) per parameter. */
function trainModel1(corpus: CompiledCorpus, iterations: number): Float64Array {
  const probability = new Float64Array(corpus.linkSource.length).fill(1);
  const counts = new Float64Array(probability.length);
  const totals = new Float64Array(corpus.sourceWords.length + 1);
  for (let iteration = 0; iteration < iterations; iteration++) {
    counts.fill(0);
    const { links, positionStart } = corpus;
    for (let p = 0; p + 1 < positionStart.length; p++) {
      const from = positionStart[p] as number;
      const to = positionStart[p + 1] as number;
      let norm = 0;
      for (let q = from; q < to; q++) norm += probability[links[q] as number] as number;
      if (norm === 0) continue;
      for (let q = from; q < to; q++) {
        const k = links[q] as number;
        counts[k] = (counts[k] as number) + (probability[k] as number) / norm;
      }
    }
    // p(t | s) = count(s, t) / sum over t' of count(s, t'); totals are per source word (slot 0 is NULL).
    totals.fill(0);
    for (let k = 0; k < counts.length; k++)
      totals[(corpus.linkSource[k] as number) + 1] =
        (totals[(corpus.linkSource[k] as number) + 1] as number) + (counts[k] as number);
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
    byPair.set(
      `${corpus.sourceWords[s]}\u0001${corpus.targetWords[corpus.linkTarget[k] as number]}`,
      probability[k] as number,
    );
  }
  return byPair;
}

/** At most `max` items spread evenly over `items`, in order (all of them when there are few). */
export function sampleEvenly<T>(items: readonly T[], max: number): T[] {
  const step = Math.max(1, items.length / max);
  const used: T[] = [];
  for (let k = 0; k < items.length && used.length < max; k += step) used.push(items[Math.floor(k)] as T);
  return used;
}

/** Learns target-word → source-words translations from aligned pairs. */
export function learnLexicon(
  pairs: readonly TrainingPair[],
  options: LexiconOptions = DEFAULT_LEXICON_OPTIONS,
): Lexicon {
  const used = sampleEvenly(pairs, options.maxPairs);
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
    lexicon.set(
      t,
      list.slice(0, options.maxTranslations).map((c) => c.s),
    );
  }
  return lexicon;
}
