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

/** One side of the training pairs as word ids, flat: pair k's words, repeats kept, then the same without repeats. */
interface EncodedSide {
  /** Distinct words by id, in order of first occurrence. */
  words: string[];
  /** Pair k's words are `all[allStart[k] .. allStart[k + 1])`. */
  allStart: Int32Array;
  all: Int32Array;
  /** Pair k's distinct words, by first occurrence, are `distinct[distinctStart[k] .. distinctStart[k + 1])`. */
  distinctStart: Int32Array;
  distinct: Int32Array;
}

function encodeSide(sentences: readonly (readonly string[])[]): EncodedSide {
  const ids = new Map<string, number>();
  const allStart = new Int32Array(sentences.length + 1);
  const distinctStart = new Int32Array(sentences.length + 1);
  const all = new IntBuffer(sentences.length * 16);
  const distinct = new IntBuffer(sentences.length * 16);
  const lastPair = new IntBuffer(1024);
  sentences.forEach((words, k) => {
    for (const word of words) {
      let id = ids.get(word);
      if (id === undefined) {
        id = ids.size;
        ids.set(word, id);
        lastPair.push(-1);
      }
      all.push(id);
      if (lastPair.at(id) !== k) {
        lastPair.set(id, k);
        distinct.push(id);
      }
    }
    allStart[k + 1] = all.length;
    distinctStart[k + 1] = distinct.length;
  });
  return {
    words: [...ids.keys()],
    allStart,
    all: all.toArray(),
    distinctStart,
    distinct: distinct.toArray(),
  };
}

/**
 * One direction of Model 1 over the pairs: each target word (repeats kept) aligns to a NULL word or to one of the
 * distinct source words of its pair. Both directions share the word ids of `encodeSide`.
 */
interface EncodedPairs {
  sourceStart: Int32Array;
  sources: Int32Array;
  targetStart: Int32Array;
  targets: Int32Array;
  sourceWords: string[];
  targetWords: string[];
}

function direction(source: EncodedSide, target: EncodedSide): EncodedPairs {
  return {
    sourceStart: source.distinctStart,
    sources: source.distinct,
    targetStart: target.allStart,
    targets: target.all,
    sourceWords: source.words,
    targetWords: target.words,
  };
}

/** In how many pairs each id of `ids` occurs (once per pair however often it is repeated there). */
function pairFrequencies(ids: Int32Array, starts: Int32Array, vocabulary: number): Int32Array {
  const frequency = new Int32Array(vocabulary);
  const lastPair = new Int32Array(vocabulary).fill(-1);
  for (let k = 0; k + 1 < starts.length; k++) {
    for (let q = starts[k] as number; q < (starts[k + 1] as number); q++) {
      const word = ids[q] as number;
      if (lastPair[word] === k) continue;
      lastPair[word] = k;
      frequency[word] = (frequency[word] as number) + 1;
    }
  }
  return frequency;
}

/** For every source id, the pairs it occurs in, ascending, and its place among the pair's sources. */
function pairsOfSources(corpus: EncodedPairs): { start: Int32Array; pair: Int32Array; place: Int32Array } {
  const vocabulary = corpus.sourceWords.length;
  const start = new Int32Array(vocabulary + 1);
  for (const s of corpus.sources) start[s + 1] = (start[s + 1] as number) + 1;
  for (let s = 0; s < vocabulary; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
  const fill = start.slice(0, vocabulary);
  const pair = new Int32Array(corpus.sources.length);
  const place = new Int32Array(corpus.sources.length);
  for (let k = 0; k + 1 < corpus.sourceStart.length; k++) {
    const first = corpus.sourceStart[k] as number;
    for (let q = first; q < (corpus.sourceStart[k + 1] as number); q++) {
      const s = corpus.sources[q] as number;
      const at = fill[s] as number;
      fill[s] = at + 1;
      pair[at] = k;
      place[at] = q - first;
    }
  }
  return { start, pair, place };
}

// Co-occurrences are counted source word by source word over the pairs it occurs in, into one dense counter per
// target word: no hash table and no sort of millions of pair codes, and the kept pairs come out in the order of
// their code (source id, then target id), the order of the parameters and so of the sums in EM.
function compile(corpus: EncodedPairs, minCooccurrence: number): CompiledCorpus {
  const pairCount = corpus.sourceStart.length - 1;
  const { sourceStart, sources, targetStart, targets } = corpus;
  const sourceCount = corpus.sourceWords.length;
  const targetCount = corpus.targetWords.length;
  // Words seen fewer times than the co-occurrence minimum cannot pass it: skip them before counting pairs.
  const sourceFrequency = pairFrequencies(sources, sourceStart, sourceCount);
  const targetFrequency = pairFrequencies(targets, targetStart, targetCount);
  const index = pairsOfSources(corpus);

  // Cell (source place r, position q) of pair k, at cellStart[k] + r * targets of k + (q - targetStart[k]): the
  // parameter linking that target position to that source word, or -1. One source word's cells in a pair are
  // consecutive, as it fills them.
  const cellStart = new Int32Array(pairCount + 1);
  for (let k = 0; k < pairCount; k++) {
    const width = (sourceStart[k + 1] as number) - (sourceStart[k] as number);
    const height = (targetStart[k + 1] as number) - (targetStart[k] as number);
    cellStart[k + 1] = (cellStart[k] as number) + width * height;
  }
  const cells = new Int32Array(cellStart[pairCount] as number).fill(-1);

  const count = new Int32Array(targetCount);
  const countedIn = new Int32Array(targetCount).fill(-1);
  const parameterOf = new Int32Array(targetCount).fill(-1);
  const linkSource = new IntBuffer(targetCount + 1024);
  const linkTarget = new IntBuffer(targetCount + 1024);
  // Parameters: first one NULL link per target word (index t), then the kept pairs in code order.
  for (let t = 0; t < targetCount; t++) {
    linkSource.push(-1);
    linkTarget.push(t);
  }
  // The target words met with the current source word, then those of them it met often enough.
  const touched = new Int32Array(targetCount);
  const kept = new Int32Array(targetCount);
  for (let s = 0; s < sourceCount; s++) {
    if ((sourceFrequency[s] as number) < minCooccurrence) continue;
    const from = index.start[s] as number;
    const to = index.start[s + 1] as number;
    let touchedCount = 0;
    for (let e = from; e < to; e++) {
      const k = index.pair[e] as number;
      for (let q = targetStart[k] as number; q < (targetStart[k + 1] as number); q++) {
        const t = targets[q] as number;
        if ((targetFrequency[t] as number) < minCooccurrence || countedIn[t] === k) continue;
        countedIn[t] = k;
        if (count[t] === 0) touched[touchedCount++] = t;
        count[t] = (count[t] as number) + 1;
      }
    }
    let keptCount = 0;
    for (let x = 0; x < touchedCount; x++) {
      const t = touched[x] as number;
      if ((count[t] as number) >= minCooccurrence) kept[keptCount++] = t;
      count[t] = 0;
      countedIn[t] = -1;
    }
    // A typed array sorts numerically, without a comparator call per comparison.
    const ordered = kept.subarray(0, keptCount).sort();
    for (const t of ordered) {
      parameterOf[t] = linkSource.length;
      linkSource.push(s);
      linkTarget.push(t);
    }
    for (let e = from; e < to; e++) {
      const k = index.pair[e] as number;
      const first = targetStart[k] as number;
      const height = (targetStart[k + 1] as number) - first;
      const base = (cellStart[k] as number) + (index.place[e] as number) * height - first;
      for (let q = first; q < first + height; q++) cells[base + q] = parameterOf[targets[q] as number] as number;
    }
    for (const t of ordered) parameterOf[t] = -1;
  }

  // Target position p may align to its NULL link, then to the source words of its pair in their order.
  const positionStart = new Int32Array(targets.length + 1);
  const links = new IntBuffer(targets.length * 4);
  for (let k = 0; k < pairCount; k++) {
    const width = (sourceStart[k + 1] as number) - (sourceStart[k] as number);
    const first = targetStart[k] as number;
    const height = (targetStart[k + 1] as number) - first;
    for (let q = first; q < first + height; q++) {
      links.push(targets[q] as number);
      for (let r = 0, cell = (cellStart[k] as number) + q - first; r < width; r++, cell += height)
        if ((cells[cell] as number) >= 0) links.push(cells[cell] as number);
      positionStart[q + 1] = links.length;
    }
  }
  return {
    sourceWords: corpus.sourceWords,
    targetWords: corpus.targetWords,
    linkSource: linkSource.toArray(),
    linkTarget: linkTarget.toArray(),
    positionStart,
    links: links.toArray(),
  };
}

/** Model 1 EM over a compiled corpus; returns p(target word | source word) per parameter. */
function trainModel1(corpus: CompiledCorpus, iterations: number): Float64Array {
  const probability = new Float64Array(corpus.linkSource.length).fill(1);
  const counts = new Float64Array(probability.length);
  const totals = new Float64Array(corpus.sourceWords.length + 1);
  const { links, positionStart } = corpus;
  // A position's link probabilities, gathered once from the scattered parameters for both of its loops.
  let widest = 0;
  for (let p = 0; p + 1 < positionStart.length; p++)
    widest = Math.max(widest, (positionStart[p + 1] as number) - (positionStart[p] as number));
  const gathered = new Float64Array(widest);
  for (let iteration = 0; iteration < iterations; iteration++) {
    counts.fill(0);
    for (let p = 0; p + 1 < positionStart.length; p++) {
      const from = positionStart[p] as number;
      const to = positionStart[p + 1] as number;
      let norm = 0;
      for (let q = from; q < to; q++) {
        const value = probability[links[q] as number] as number;
        gathered[q - from] = value;
        norm += value;
      }
      if (norm === 0) continue;
      for (let q = from; q < to; q++) {
        const k = links[q] as number;
        counts[k] = (counts[k] as number) + (gathered[q - from] as number) / norm;
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

/** The probability of parameter (s, t) of `corpus`, 0 when it has none: its parameters are ordered by s, then t. */
function probabilityOf(corpus: CompiledCorpus, probability: Float64Array, s: number, t: number): number {
  // The NULL parameters come first, one per target word; then the pairs in order of source word and target word.
  let low = corpus.targetWords.length;
  let high = corpus.linkSource.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const ms = corpus.linkSource[middle] as number;
    const mt = corpus.linkTarget[middle] as number;
    if (ms === s && mt === t) return probability[middle] as number;
    if (ms < s || (ms === s && mt < t)) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
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
  const source = encodeSide(used.map((pair) => pair.source));
  const target = encodeSide(used.map((pair) => pair.target));
  // Forward: p(target | source); backward: p(source | target), over the same word ids.
  const forwardCorpus = compile(direction(source, target), options.minCooccurrence);
  const forward = trainModel1(forwardCorpus, options.iterations);
  const backwardCorpus = compile(direction(target, source), options.minCooccurrence);
  const backward = trainModel1(backwardCorpus, options.iterations);
  // sqrt(p1 * p2) >= minProbability needs each of p1, p2 >= minProbability squared.
  const floor = options.minProbability ** 2;
  const candidates = new Map<number, { s: string; p: number }[]>();
  for (let k = 0; k < forward.length; k++) {
    const s = forwardCorpus.linkSource[k] as number;
    const pts = forward[k] as number;
    if (s < 0 || pts < floor) continue;
    const t = forwardCorpus.linkTarget[k] as number;
    const sourceWord = source.words[s] as string;
    if (sourceWord === target.words[t]) continue; // identical words already match by identity
    const backwardProbability = probabilityOf(backwardCorpus, backward, t, s);
    const pst = backwardProbability >= floor ? backwardProbability : 0;
    const p = Math.sqrt(pst * pts);
    if (p < options.minProbability) continue;
    const list = candidates.get(t) ?? [];
    list.push({ s: sourceWord, p });
    candidates.set(t, list);
  }
  const lexicon = new Map<string, string[]>();
  for (const [t, list] of candidates) {
    list.sort((a, b) => b.p - a.p || (a.s < b.s ? -1 : 1));
    lexicon.set(
      target.words[t] as string,
      list.slice(0, options.maxTranslations).map((c) => c.s),
    );
  }
  return lexicon;
}
