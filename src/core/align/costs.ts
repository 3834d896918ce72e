/**
 * The log-potential of a bead: bead-type prior + Gale-Church length evidence + lexical evidence
 * (shared numbers, identical words, cognates, learned translations) + paragraph-boundary agreement + the marks
 * ending the bead's last sentences (second pass).
 */
import type { BeadScore } from './dp.js';
import { PairOverlap } from './pair-overlap.js';
import type { EndingAgreement } from './ending-agreement.js';
import { PUNCTUATION_CLASSES, SENTENCE_ENDINGS, type KeySpace, type KeyStamps, type SideFeatures } from './features.js';

/** Weights of the evidence; README.md in this folder says what each measures, TUNING.md how they were chosen. */
export interface ScoringWeights {
  /** Log prior of a bead of `source`-`target` shape, by key "s-t". */
  logPrior: Readonly<Record<string, number>>;
  /** Multiplies the Gale-Church log-probability. */
  length: number;
  /** Score gap between a bead whose lexical similarity is typical of true pairs and one typical of random pairs. */
  lexical: number;
  /** Where between chance (0) and typical true similarity (1) the lexical evidence changes sign. */
  lexicalCenter: number;
  /** Reward for beads that start at a paragraph start on both sides, penalty when only one side does. */
  paragraph: number;
  /** Gale-Church variance of target length per source character. */
  lengthVariance: number;
  /**
   * Variance (characters squared) added whatever the length: short segments vary more than in proportion to
   * their length ("Relevé" / "Record of disclosures to be retained").
   */
  lengthVarianceFloor: number;
  /** Penalty per punctuation mark (question, exclamation, parenthesis) found on one side of a bead only. */
  punctuation: number;
  /**
   * Penalty per number of a bead that has no match inside it but one in the sentence just across its boundary on
   * the other side: the boundary cuts through a translation ("250 m took two days" split differently).
   */
  numberLeak: number;
  /** Log prior of a 1-0 or 0-1 bead whose sentence has no word (see `wordless` in features.ts). */
  wordlessDropPrior: number;
  /** Multiplies the log-likelihood ratio of the marks that end a bead's last sentences (ending-agreement.ts). */
  ending: number;
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
    // Five- and six-sentence beads: far below their share of gold beads, because their length and lexical
    // evidence is summed over more words and would otherwise win too often. Figures in TUNING.md.
    '2-3': Math.log(0.0002),
    '3-2': Math.log(0.0002),
    '1-4': Math.log(0.0002),
    '4-1': Math.log(0.0002),
    '3-3': Math.log(0.00002),
    '2-4': Math.log(0.00002),
    '4-2': Math.log(0.00002),
    '1-5': Math.log(0.00002),
    '5-1': Math.log(0.00002),
  },
  length: 1,
  lexical: 6,
  lexicalCenter: 0.4,
  // Translators move paragraph breaks: a heavier weight made paragraph marks hurt. Sweep in TUNING.md.
  paragraph: 1,
  lengthVariance: 6.8,
  // For sentences a floor does not pay; blocks have one (paragraphs.ts). Sweep in TUNING.md.
  lengthVarianceFloor: 0,
  punctuation: 1,
  // Any weight from 2 to 6 helps texts with many figures and dates about as much. Figures in TUNING.md.
  numberLeak: 4,
  // A line without words carries no translation: leaving it out is about as likely as attaching it to a neighbour
  // as a 1-2 bead, so dots, dashes and OCR debris stay out of the translation units beside them.
  wordlessDropPrior: Math.log(0.05),
  // Below 1 because the table overlaps other evidence ("?" and "!" are punctuation classes too). Sweep in
  // TUNING.md.
  ending: 0.75,
};

/** Mean lexical similarity of random pairs and of true pairs, measured on the document itself. */
export interface LexicalCalibration {
  randomMean: number;
  trueMean: number;
}

/** A half-open range of sentence indices. */
export interface IndexSpan {
  start: number;
  end: number;
}

/** Everything the scorer needs about the two sides. */
export interface ScoringContext {
  source: SideFeatures;
  target: SideFeatures;
  /** The spans being aligned; the scorer's indices are relative to their starts. */
  sourceSpan: IndexSpan;
  targetSpan: IndexSpan;
  space: KeySpace;
  /** 1 where a source sentence (absolute index) starts a paragraph; empty when the side has no paragraph marks. */
  sourceParagraphStarts: Uint8Array;
  targetParagraphStarts: Uint8Array;
  calibration: LexicalCalibration;
  weights: ScoringWeights;
  /** Target characters per source character over the whole document (the spans may be too short to tell). */
  lengthRatio: number;
  /** What the marks ending a bead's sides say, when learned (the second pass). */
  endingAgreement?: EndingAgreement | null;
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

/** Longest a sentence counts in the pair's ratio, in multiples of its side's median sentence length. */
const RATIO_OUTLIER_FACTOR = 20;

/** Target characters per source character; 1 when either side is empty. */
export function lengthRatioOf(source: SideFeatures, target: SideFeatures): number {
  const s = robustTotal(source.lengths);
  const t = robustTotal(target.lengths);
  return s > 0 && t > 0 ? t / s : 1;
}

// One sentence on one side only (a 4,000,000-character token, a pasted table) must not set the ratio of the whole
// pair: no real sentence is twenty times its document's median, so each counts at most that much.
function robustTotal(lengths: Float64Array): number {
  if (lengths.length === 0) return 0;
  const sorted = Float64Array.from(lengths).sort();
  const cap = RATIO_OUTLIER_FACTOR * Math.max(1, sorted[sorted.length >> 1] ?? 1);
  return lengths.reduce((sum, x) => sum + Math.min(x, cap), 0);
}

/**
 * Below this ratio of characters between the sides (or above its inverse) the two languages write with different
 * economies (Chinese against English: about 0.27 on UN text), and the length variance is scaled to the pair.
 */
const SAME_ECONOMY_RATIO = 1.5;

/**
 * The Gale-Church variance (target characters² per source character) for a pair whose sides have `ratio` target
 * characters per source character. Its default was measured on alphabetic pairs; where one side is far more
 * compact, the spread in characters follows the alphabetic side: per source character it is `variance * ratio`
 * when the source is compact (Chinese into English: about 26 on the UNPC development set, 6.8 × 3.7 = 25) and
 * `variance * ratio²` when the target is. Alphabetic pairs (ratios within 1.5) keep the tuned default.
 */
export function lengthVarianceFor(variance: number, ratio: number): number {
  if (ratio <= 0 || (ratio < SAME_ECONOMY_RATIO && ratio > 1 / SAME_ECONOMY_RATIO)) return variance;
  return variance * ratio * Math.min(ratio, 1);
}

/**
 * Gale-Church: log P(|delta| >= observed) for source and target lengths in characters; `floor` as in
 * ScoringWeights.
 */
export function lengthLogProbability(
  sourceLength: number,
  targetLength: number,
  ratio: number,
  variance: number,
  floor = 0,
): number {
  const mean = (sourceLength + targetLength / ratio) / 2;
  if (mean === 0) return 0;
  const delta = (targetLength - sourceLength * ratio) / Math.sqrt(variance * mean + floor);
  return logErfc(Math.abs(delta) / Math.SQRT2);
}

/** Measures how much of a bead's content words find a counterpart on the other side (absolute indices). */
export class SimilarityMeter {
  private readonly stamps: KeyStamps;
  private overlap: PairOverlap | null = null;

  constructor(
    private readonly source: SideFeatures,
    private readonly target: SideFeatures,
    space: KeySpace,
  ) {
    this.stamps = space.stamps();
  }

  /** Content words of the bead's sentences on both sides (absolute indices). */
  wordsIn(i0: number, i1: number, j0: number, j1: number): number {
    const { source, target } = this;
    return (
      (source.wordStart[i1] as number) -
      (source.wordStart[i0] as number) +
      (target.wordStart[j1] as number) -
      (target.wordStart[j0] as number)
    );
  }

  /**
   * Content words of a DP's bead that find a counterpart on the other side: sentence pairs met again in neighbouring
   * beads are matched once and cached (pair-overlap.ts). A count, not an object: the DP asks millions of times.
   * Scattered pairs (chance similarity, calibration) should use measure().
   */
  matchedInBead(i0: number, i1: number, j0: number, j1: number): number {
    this.overlap ??= new PairOverlap(this.source, this.target, this.stamps);
    if (!this.overlap.fits(i0, i1, j0, j1)) return this.matchedWords(i0, i1, j0, j1);
    return this.overlap.matched(i0, i1, j0, j1);
  }

  /** Share of content words of both sides matched on the other side, and how many words there were. */
  measure(i0: number, i1: number, j0: number, j1: number): { similarity: number; words: number } {
    const words = this.wordsIn(i0, i1, j0, j1);
    if (words === 0) return { similarity: 0, words: 0 };
    return { similarity: this.matchedWords(i0, i1, j0, j1) / words, words };
  }

  private matchedWords(i0: number, i1: number, j0: number, j1: number): number {
    const { source, target } = this;
    const epoch = this.stamps.next();
    const { source: sourceStamp, target: targetStamp } = this.stamps;
    stamp(source, i0, i1, sourceStamp, epoch);
    stamp(target, j0, j1, targetStamp, epoch);
    return countMatched(source, i0, i1, targetStamp, epoch) + countMatched(target, j0, j1, sourceStamp, epoch);
  }

  /**
   * Numbers of the bead that match nothing inside it but something in the sentence just before or after it on the
   * other side (absolute indices).
   */
  numbersLeaking(i0: number, i1: number, j0: number, j1: number): number {
    const { source, target } = this;
    const sourceNumbers = (source.numberStart[i1] as number) - (source.numberStart[i0] as number);
    const targetNumbers = (target.numberStart[j1] as number) - (target.numberStart[j0] as number);
    if (sourceNumbers === 0 && targetNumbers === 0) return 0;
    // A number's only key is its digits: the bead's own numbers are all it can match inside.
    const { source: sourceStamp, target: targetStamp } = this.stamps;
    const inside = this.stamps.next();
    stampNumbers(source, i0, i1, sourceStamp, inside);
    stampNumbers(target, j0, j1, targetStamp, inside);
    const across = this.stamps.next();
    let leaking = 0;
    if (sourceNumbers > 0) {
      if (j0 > 0) stampNumbersAcross(target, j0 - 1, targetStamp, inside, across);
      if (j1 < target.count) stampNumbersAcross(target, j1, targetStamp, inside, across);
      leaking += countAcross(source, i0, i1, targetStamp, across);
    }
    if (targetNumbers > 0) {
      if (i0 > 0) stampNumbersAcross(source, i0 - 1, sourceStamp, inside, across);
      if (i1 < source.count) stampNumbersAcross(source, i1, sourceStamp, inside, across);
      leaking += countAcross(target, j0, j1, sourceStamp, across);
    }
    return leaking;
  }
}

function stampNumbers(side: SideFeatures, from: number, to: number, stamps: Int32Array, epoch: number): void {
  const { numberKeys } = side;
  for (let k = side.numberStart[from] as number, end = side.numberStart[to] as number; k < end; k++)
    stamps[numberKeys[k] as number] = epoch;
}

// Marks the numbers of one sentence outside the bead, leaving numbers the bead itself has marked as inside.
function stampNumbersAcross(
  side: SideFeatures,
  sentence: number,
  stamps: Int32Array,
  inside: number,
  across: number,
): void {
  const { numberKeys } = side;
  for (let k = side.numberStart[sentence] as number, end = side.numberStart[sentence + 1] as number; k < end; k++) {
    const key = numberKeys[k] as number;
    if (stamps[key] !== inside) stamps[key] = across;
  }
}

function countAcross(side: SideFeatures, from: number, to: number, stamps: Int32Array, across: number): number {
  const { numberKeys } = side;
  let leaking = 0;
  for (let k = side.numberStart[from] as number, end = side.numberStart[to] as number; k < end; k++)
    if (stamps[numberKeys[k] as number] === across) leaking += 1;
  return leaking;
}

/** Mean similarity of deterministic pseudo-random pairs away from the diagonal: what chance looks like. */
export function chanceSimilarity(source: SideFeatures, target: SideFeatures, space: KeySpace): number {
  const n = source.count;
  const m = target.count;
  if (n < 2 || m < 2) return 0.1;
  const meter = new SimilarityMeter(source, target, space);
  let total = 0;
  let count = 0;
  const samples = Math.min(4000, n * 4);
  for (let k = 0; k < samples; k++) {
    const i = (k * 7919) % n;
    const j = (k * 104_729 + 17) % m;
    if (Math.abs(j - (i * m) / n) < 3) continue;
    const { similarity, words } = meter.measure(i, i + 1, j, j + 1);
    if (words === 0) continue;
    total += similarity;
    count += 1;
  }
  return count === 0 ? 0.1 : total / count;
}

function stamp(side: SideFeatures, from: number, to: number, stamps: Int32Array, epoch: number): void {
  const { keySet } = side;
  for (let k = side.setStart[from] as number, end = side.setStart[to] as number; k < end; k++)
    stamps[keySet[k] as number] = epoch;
}

function countMatched(side: SideFeatures, from: number, to: number, stamps: Int32Array, epoch: number): number {
  const { words, wordKeys, keyStart } = side;
  let matched = 0;
  for (let w = side.wordStart[from] as number, end = side.wordStart[to] as number; w < end; w++) {
    const word = words[w] as number;
    for (let k = keyStart[word] as number, stop = keyStart[word + 1] as number; k < stop; k++) {
      if (stamps[wordKeys[k] as number] === epoch) {
        matched += 1;
        break;
      }
    }
  }
  return matched;
}

const MAX_SIDE = 8;

// Lexical evidence is clipped to this many spreads below and above chance: one bead cannot outweigh everything.
const MIN_Z = -1.5;
const MAX_Z = 2;
// How much less likely than dropping its sentences a bead must be, at best, to be skipped (e^-5).
const HOPELESS_MARGIN = 5;

// Evidence from a handful of words is weak: full weight from this many content words on both sides.
const WORDS_FOR_FULL_WEIGHT = 8;

// A document aligned paragraph by paragraph builds a scorer per span and pass, hundreds a pair: the table is made once
// per set of weights.
const priorTables = new WeakMap<Readonly<Record<string, number>>, Float64Array>();

/** Priors by shape in a flat table (`a * MAX_SIDE + b` for a-b beads): bead scoring is the innermost loop of the DP. */
function priorTableOf(weights: ScoringWeights): Float64Array {
  const cached = priorTables.get(weights.logPrior);
  if (cached) return cached;
  const table = new Float64Array(MAX_SIDE * MAX_SIDE).fill(-Infinity);
  for (const [shape, logPrior] of Object.entries(weights.logPrior)) {
    const [a, b] = shape.split('-').map(Number);
    if (a !== undefined && b !== undefined && a < MAX_SIDE && b < MAX_SIDE) table[a * MAX_SIDE + b] = logPrior;
  }
  priorTables.set(weights.logPrior, table);
  return table;
}

/** Builds the bead scorer the DP maximises. */
export function createBeadScorer(context: ScoringContext): BeadScore {
  const { source, target, weights, calibration, sourceSpan, targetSpan } = context;
  const meter = new SimilarityMeter(source, target, context.space);
  const sourcePrefix = prefixLengths(source.lengths, sourceSpan);
  const targetPrefix = prefixLengths(target.lengths, targetSpan);
  const sourceMarks = prefixMarks(source.punctuation, sourceSpan);
  const targetMarks = prefixMarks(target.punctuation, targetSpan);
  const si = sourceSpan.start;
  const tj = targetSpan.start;
  const ratio = context.lengthRatio;
  const variance = lengthVarianceFor(weights.lengthVariance, ratio);
  const spread = Math.max(0.05, calibration.trueMean - calibration.randomMean);
  const paragraphs = context.sourceParagraphStarts.length > 0 && context.targetParagraphStarts.length > 0;
  const endingTable = context.endingAgreement ?? null;

  const priorTable = priorTableOf(weights);

  const bestLexical = weights.lexical * (MAX_Z - weights.lexicalCenter);
  // Gale-Church (lexical and number weights 0) adds nothing from the words: their matching would be wasted.
  const readsWords = weights.lexical !== 0 || weights.numberLeak !== 0;
  // The lower of the 1-0 and 0-1 log priors: pruning against the dearer drop errs towards scoring the bead.
  const dropPrior = Math.min(priorTable[1 * MAX_SIDE + 0] as number, priorTable[0 * MAX_SIDE + 1] as number);
  return (i0, i1, j0, j1) => {
    const a = i1 - i0;
    const b = j1 - j0;
    let score = a < MAX_SIDE && b < MAX_SIDE ? (priorTable[a * MAX_SIDE + b] as number) : -Infinity;
    if (score === -Infinity) return score;
    if (a + b === 1 && (a === 1 ? source.wordless[i0 + si] : target.wordless[j0 + tj]) === 1)
      score = weights.wordlessDropPrior;
    if (paragraphs) score += paragraphAgreement(context, i0 + si, i1 + si, j0 + tj, j1 + tj) * weights.paragraph;
    if (i1 === i0 || j1 === j0) return score;
    const sourceLength = (sourcePrefix[i1] as number) - (sourcePrefix[i0] as number);
    const targetLength = (targetPrefix[j1] as number) - (targetPrefix[j0] as number);
    score +=
      weights.length * lengthLogProbability(sourceLength, targetLength, ratio, variance, weights.lengthVarianceFloor);
    if (endingTable && weights.ending !== 0) {
      score +=
        weights.ending *
        (endingTable[
          (source.endings[i1 - 1 + si] as number) * SENTENCE_ENDINGS.length + (target.endings[j1 - 1 + tj] as number)
        ] as number);
    }
    if (weights.punctuation !== 0)
      score -= weights.punctuation * punctuationMismatch(sourceMarks, i0, i1, targetMarks, j0, j1);
    // A bead worse than dropping all its sentences even with the best lexical evidence is never chosen and has a
    // negligible posterior: skip the word matching, the expensive part (wide beads are mostly like this).
    if (score + bestLexical < (a + b) * dropPrior - HOPELESS_MARGIN) return score - bestLexical;
    // Span-local indices to absolute ones.
    const words = readsWords ? meter.wordsIn(i0 + si, i1 + si, j0 + tj, j1 + tj) : 0;
    if (words > 0) {
      const similarity = meter.matchedInBead(i0 + si, i1 + si, j0 + tj, j1 + tj) / words;
      const z = Math.min(MAX_Z, Math.max(MIN_Z, (similarity - calibration.randomMean) / spread));
      score += weights.lexical * (z - weights.lexicalCenter) * Math.min(1, words / WORDS_FOR_FULL_WEIGHT);
      if (weights.numberLeak !== 0)
        score -= weights.numberLeak * meter.numbersLeaking(i0 + si, i1 + si, j0 + tj, j1 + tj);
    }
    return score;
  };
}

/** Marks of each punctuation class present on one side of the bead and not the other (span-local indices). */
function punctuationMismatch(
  source: Int32Array,
  i0: number,
  i1: number,
  target: Int32Array,
  j0: number,
  j1: number,
): number {
  const classes = PUNCTUATION_CLASSES.length;
  let mismatch = 0;
  for (let c = 0; c < classes; c++) {
    const a = (source[i1 * classes + c] as number) - (source[i0 * classes + c] as number);
    const b = (target[j1 * classes + c] as number) - (target[j0 * classes + c] as number);
    mismatch += Math.abs(a - b);
  }
  return mismatch;
}

// Marks of each class before each sentence of the span: a bead's count is one subtraction, however wide the bead.
function prefixMarks(punctuation: Uint8Array, span: IndexSpan): Int32Array {
  const classes = PUNCTUATION_CLASSES.length;
  const prefix = new Int32Array((span.end - span.start + 1) * classes);
  for (let i = span.start; i < span.end; i++) {
    const local = i - span.start;
    for (let c = 0; c < classes; c++)
      prefix[(local + 1) * classes + c] =
        (prefix[local * classes + c] as number) + (punctuation[i * classes + c] as number);
  }
  return prefix;
}

function prefixLengths(lengths: Float64Array, span: IndexSpan): Float64Array {
  const prefix = new Float64Array(span.end - span.start + 1);
  for (let i = span.start; i < span.end; i++)
    prefix[i - span.start + 1] = (prefix[i - span.start] as number) + (lengths[i] as number);
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
