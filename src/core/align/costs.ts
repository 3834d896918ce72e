/**
 * The log-potential of a bead: bead-type prior + Gale-Church length evidence + lexical evidence
 * (shared numbers, identical words, cognates, learned translations) + paragraph-boundary agreement.
 */
import type { BeadScore } from './dp.js';
import type { KeySpace, SentenceFeatures } from './features.js';

/** Weights of the evidence; see README.md in this folder for how they were chosen. */
export interface ScoringWeights {
  /** Log prior of a bead of `source`-`target` shape, by key "s-t". */
  logPrior: Readonly<Record<string, number>>;
  /** Multiplies the Gale-Church log-probability. */
  length: number;
  /** Score gap between a bead whose lexical similarity is typical of true pairs and one typical of random pairs. */
  lexical: number;
  /** Reward for beads that start at a paragraph start on both sides, penalty when only one side does. */
  paragraph: number;
  /** Gale-Church variance of target length per source character. */
  lengthVariance: number;
}

/** Gale & Church (1993) priors; 1-3/3-1 from the Text+Berg link counts in ../shared/eval/raw SOURCE.txt. */
export const DEFAULT_WEIGHTS: ScoringWeights = {
  logPrior: {
    '1-1': Math.log(0.89),
    '1-0': Math.log(0.0099 / 2),
    '0-1': Math.log(0.0099 / 2),
    '2-1': Math.log(0.089 / 2),
    '1-2': Math.log(0.089 / 2),
    '2-2': Math.log(0.011),
    '3-1': Math.log(0.004),
    '1-3': Math.log(0.004),
  },
  length: 1,
  lexical: 6,
  paragraph: 2,
  lengthVariance: 6.8,
};

/** Mean lexical similarity of random pairs and of true pairs, measured on the document itself. */
export interface LexicalCalibration {
  randomMean: number;
  trueMean: number;
}

/** Everything the scorer needs about the two sides. */
export interface ScoringContext {
  source: readonly SentenceFeatures[];
  target: readonly SentenceFeatures[];
  space: KeySpace;
  /** 1 where a source sentence starts a paragraph; empty when the side has no paragraph marks. */
  sourceParagraphStarts: Uint8Array;
  targetParagraphStarts: Uint8Array;
  calibration: LexicalCalibration;
  weights: ScoringWeights;
}

// log(erfc(x)) without underflow: Abramowitz & Stegun 7.1.26 below 5, the asymptotic series above.
function logErfc(x: number): number {
  if (x < 5) {
    const t = 1 / (1 + 0.3275911 * x);
    const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    return Math.log(poly) - x * x;
  }
  return -x * x - Math.log(x * Math.sqrt(Math.PI));
}

/** Gale-Church: log P(|delta| >= observed) for source and target lengths in characters. */
export function lengthLogProbability(sourceLength: number, targetLength: number, ratio: number, variance: number): number {
  const mean = (sourceLength + targetLength / ratio) / 2;
  if (mean === 0) return 0;
  const delta = (targetLength - sourceLength * ratio) / Math.sqrt(variance * mean);
  return logErfc(Math.abs(delta) / Math.SQRT2);
}

/** Measures how much of a bead's content words find a counterpart on the other side. */
export class SimilarityMeter {
  private readonly sourceStamp: Int32Array;
  private readonly targetStamp: Int32Array;
  private epoch = 0;

  constructor(
    private readonly source: readonly SentenceFeatures[],
    private readonly target: readonly SentenceFeatures[],
    space: KeySpace,
  ) {
    this.sourceStamp = new Int32Array(space.size);
    this.targetStamp = new Int32Array(space.size);
  }

  /** Share of content words of both sides matched on the other side, and how many words there were. */
  measure(i0: number, i1: number, j0: number, j1: number): { similarity: number; words: number } {
    this.epoch += 1;
    const epoch = this.epoch;
    let sourceWords = 0;
    let targetWords = 0;
    for (let i = i0; i < i1; i++) {
      const f = this.source[i] as SentenceFeatures;
      sourceWords += f.wordCount;
      for (const k of f.keySet) this.sourceStamp[k] = epoch;
    }
    for (let j = j0; j < j1; j++) {
      const f = this.target[j] as SentenceFeatures;
      targetWords += f.wordCount;
      for (const k of f.keySet) this.targetStamp[k] = epoch;
    }
    const words = sourceWords + targetWords;
    if (words === 0) return { similarity: 0, words: 0 };
    let matched = 0;
    for (let i = i0; i < i1; i++) matched += countMatched(this.source[i] as SentenceFeatures, this.targetStamp, epoch);
    for (let j = j0; j < j1; j++) matched += countMatched(this.target[j] as SentenceFeatures, this.sourceStamp, epoch);
    return { similarity: matched / words, words };
  }
}

function countMatched(features: SentenceFeatures, stamp: Int32Array, epoch: number): number {
  const { wordKeys, wordStarts, wordCount } = features;
  let matched = 0;
  for (let w = 0; w < wordCount; w++) {
    for (let k = wordStarts[w] as number; k < (wordStarts[w + 1] as number); k++) {
      if (stamp[wordKeys[k] as number] === epoch) {
        matched += 1;
        break;
      }
    }
  }
  return matched;
}

const MAX_SIDE = 8;

// Evidence from a handful of words is weak: full weight from this many content words on both sides.
const WORDS_FOR_FULL_WEIGHT = 8;

/** Builds the bead scorer the DP maximises. */
export function createBeadScorer(context: ScoringContext): BeadScore {
  const { source, target, weights, calibration } = context;
  const meter = new SimilarityMeter(source, target, context.space);
  const sourcePrefix = prefixLengths(source);
  const targetPrefix = prefixLengths(target);
  const totalSource = sourcePrefix[source.length] as number;
  const totalTarget = targetPrefix[target.length] as number;
  const ratio = totalSource > 0 && totalTarget > 0 ? totalTarget / totalSource : 1;
  const spread = Math.max(0.05, calibration.trueMean - calibration.randomMean);
  const paragraphs = context.sourceParagraphStarts.length > 0 && context.targetParagraphStarts.length > 0;

  // Priors by shape in a flat table: bead scoring is the innermost loop of the DP.
  const priorTable = new Float64Array(MAX_SIDE * MAX_SIDE).fill(-Infinity);
  for (const [shape, logPrior] of Object.entries(weights.logPrior)) {
    const [a, b] = shape.split('-').map(Number);
    if (a !== undefined && b !== undefined && a < MAX_SIDE && b < MAX_SIDE) priorTable[a * MAX_SIDE + b] = logPrior;
  }

  return (i0, i1, j0, j1) => {
    const a = i1 - i0;
    const b = j1 - j0;
    let score = a < MAX_SIDE && b < MAX_SIDE ? (priorTable[a * MAX_SIDE + b] as number) : -Infinity;
    if (score === -Infinity) return score;
    if (paragraphs) score += paragraphAgreement(context, i0, i1, j0, j1) * weights.paragraph;
    if (i1 === i0 || j1 === j0) return score;
    const sourceLength = (sourcePrefix[i1] as number) - (sourcePrefix[i0] as number);
    const targetLength = (targetPrefix[j1] as number) - (targetPrefix[j0] as number);
    score += weights.length * lengthLogProbability(sourceLength, targetLength, ratio, weights.lengthVariance);
    const { similarity, words } = meter.measure(i0, i1, j0, j1);
    if (words > 0) {
      const z = Math.min(2, Math.max(-1.5, (similarity - calibration.randomMean) / spread));
      score += weights.lexical * (z - 0.5) * Math.min(1, words / WORDS_FOR_FULL_WEIGHT);
    }
    return score;
  };
}

function prefixLengths(features: readonly SentenceFeatures[]): Float64Array {
  const prefix = new Float64Array(features.length + 1);
  for (let i = 0; i < features.length; i++) prefix[i + 1] = (prefix[i] as number) + (features[i] as SentenceFeatures).length;
  return prefix;
}

// +1 when the bead starts a paragraph on both sides, -1 when on one side only, -1 per paragraph start inside it.
function paragraphAgreement(context: ScoringContext, i0: number, i1: number, j0: number, j1: number): number {
  const s = context.sourceParagraphStarts;
  const t = context.targetParagraphStarts;
  let agreement = 0;
  if (i1 > i0 && j1 > j0) {
    const startsS = s[i0] === 1;
    const startsT = t[j0] === 1;
    if (startsS && startsT) agreement += 1;
    else if (startsS !== startsT) agreement -= 1;
  }
  for (let i = i0 + 1; i < i1; i++) if (s[i] === 1) agreement -= 1;
  for (let j = j0 + 1; j < j1; j++) if (t[j] === 1) agreement -= 1;
  return agreement;
}
