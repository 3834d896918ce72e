/**
 * A lexicon learned from sentence pairs aligned earlier (the service's store), learned once and reused by every
 * alignment in the same language pair: short documents start with what long ones taught.
 */
import { SimilarityMeter } from './costs.js';
import { buildFeatures, contentWordsOf, findFunctionWords, KeySpace, tokenizeSide, type Lexicon } from './features.js';
import { DEFAULT_LEXICON_OPTIONS, learnLexicon, sampleEvenly } from './lexicon.js';

/** A sentence and its translation from an earlier alignment: source-language text first. */
export interface PriorPair {
  source: string;
  target: string;
}

/** What earlier pairs teach an alignment. */
export interface StoreLexicon {
  /** Target word → source words, as {@link learnLexicon} gives. */
  lexicon: Lexicon;
  /** Mean lexical similarity of the earlier pairs under this lexicon: what true pairs look like. */
  trueMean: number;
  /** How many earlier pairs it was learned from. */
  pairs: number;
}

/** Below this many earlier pairs, a lexicon would be noise. */
const MIN_PRIOR_PAIRS = 200;
/** Pairs measured to estimate the similarity of true pairs. */
const CALIBRATION_PAIRS = 500;

/**
 * Learns the lexicon of earlier pairs (at most the lexicon's training budget); null when too few. The first `leading`
 * pairs (those a reviewer approved) are all used first, the others evenly spread over what budget is left.
 */
export function learnStoreLexicon(pairs: readonly PriorPair[], leading = 0): StoreLexicon | null {
  const budget = DEFAULT_LEXICON_OPTIONS.maxPairs;
  const first = pairs.slice(0, Math.min(leading, budget));
  const used = [...first, ...sampleEvenly(pairs.slice(first.length), budget - first.length)];
  if (used.length < MIN_PRIOR_PAIRS) return null;
  const source = tokenizeSide(used.map((p) => p.source));
  const target = tokenizeSide(used.map((p) => p.target));
  // Function words are judged on the earlier pairs themselves, as on a document.
  const sourceFunction = findFunctionWords(source);
  const targetFunction = findFunctionWords(target);
  const lexicon = learnLexicon(
    used.map((_, s) => ({
      source: contentWordsOf(source, sourceFunction, s),
      target: contentWordsOf(target, targetFunction, s),
    })),
  );

  // The pairs are true by construction: their similarity under the lexicon calibrates documents that have no
  // confident beads of their own yet.
  const space = new KeySpace();
  const sourceFeatures = buildFeatures(source, space, { functionWords: sourceFunction });
  const targetFeatures = buildFeatures(target, space, { functionWords: targetFunction, lexicon });
  const meter = new SimilarityMeter(sourceFeatures, targetFeatures, space);
  let total = 0;
  let count = 0;
  for (const s of sampleEvenly([...used.keys()], CALIBRATION_PAIRS)) {
    const { similarity, words } = meter.measure(s, s + 1, s, s + 1);
    if (words === 0) continue;
    total += similarity;
    count += 1;
  }
  if (count === 0) return null;
  return { lexicon, trueMean: total / count, pairs: used.length };
}
