/**
 * Sentence alignment in two passes: (1) DP with length, numbers, identical words and cognates; (2) a
 * lexicon and a table of sentence endings learned from the confident beads of pass 1 rescore a second DP over the
 * cells pass 1 found plausible.
 * Each bead's confidence is its posterior probability under the pass-2 model.
 */
import type { ScoredBead } from '../model.js';
import {
  alignByDp,
  bandAround,
  closeBand,
  fullBand,
  type DpResult,
  SENTENCE_BEAD_SHAPES,
  WIDE_SENTENCE_BEAD_SHAPES,
  type SearchBand,
} from './dp.js';
import {
  chanceSimilarity,
  createBeadScorer,
  DEFAULT_WEIGHTS,
  lengthRatioOf,
  SimilarityMeter,
  type LexicalCalibration,
  type ScoringWeights,
} from './costs.js';
import {
  buildFeatures,
  contentWordsOf,
  findFunctionWords,
  KeySpace,
  type Lexicon,
  type SideFeatures,
  type TokenizedSide,
} from './features.js';
import { DEFAULT_LEXICON_OPTIONS, learnLexicon, sampleEvenly } from './lexicon.js';
import type { StoreLexicon } from './store-lexicon.js';
import { learnEndingAgreement, type EndingAgreement } from './ending-agreement.js';
import { tokenizePair, type SideTokens } from './length-model.js';
import { findAnchorChain, pathThroughAnchors, type AnchorPoint } from './anchors.js';

/** A pair of half-open sentence ranges that must be aligned with each other (a hard partition). */
export interface SpanPair {
  source: { start: number; end: number };
  target: { start: number; end: number };
}

/** What to align. */
export interface SentenceAlignmentInput {
  /** Source sentences (trimmed text). */
  source: readonly string[];
  /** Target sentences. */
  target: readonly string[];
  /** Hard partition into span pairs, in order, covering both sides; default: one span over everything. */
  spans?: readonly SpanPair[];
  /** Sentence indices that start a paragraph (soft evidence, as hunalign's `<p>`). */
  sourceParagraphStarts?: readonly number[];
  targetParagraphStarts?: readonly number[];
  /** User dictionary: folded target word → folded source words. */
  dictionary?: Lexicon;
  /**
   * What sentence pairs aligned earlier in the same language pair (the service's store) teach: its lexicon joins
   * this document's own in both passes. Learn it once (store-lexicon.ts) and reuse it.
   */
  storeLexicon?: StoreLexicon;
  /** Override the scoring weights (for experiments). */
  weights?: ScoringWeights;
  /** Skip the lexicon-learning pass (for comparison). */
  singlePass?: boolean;
  /** Use the length cost only: the Gale-Church baseline. */
  lengthOnly?: boolean;
  /** What `tokenizeSide` (features.ts) gives for `source` and `target`, when the caller has it already. */
  tokens?: SideTokens;
}

/** Spans with at most this many DP cells are searched in full; larger ones in a band. */
const FULL_SEARCH_CELLS = 250_000;
/** Half-width of the band around the anchor path (pass 1) and around the pass-1 path (pass 2). */
const ANCHOR_BAND_RADIUS = 25;
/**
 * Pass 1 first searches this close to the anchor path, and again within ANCHOR_BAND_RADIUS only when its plausible
 * cells reach the narrow band's edge: anchors usually run within a few sentences of the true path, and where they do
 * not, the model's doubt shows at the edge.
 */
const FIRST_TRY_BAND_RADIUS = 4;
const REFINE_BAND_RADIUS = 10;
/**
 * Temperature of the final posteriors, chosen so that confidence matches observed accuracy on the development
 * data (figures in TUNING.md). The first pass keeps 1: its posteriors only pick training beads and cut points.
 */
const POSTERIOR_TEMPERATURE = 1.2;
/**
 * Log-bonus of a 0-1 (1-0) bead that follows another: insertions come in runs (captions, credits, a passage the
 * translator added), so each one after the first costs about e^2 times less than an isolated one. Much more
 * and the search starts trading weak 1-1 beads for runs of deletions and insertions (TUNING.md).
 */
const INSERTION_RUN_BONUS = 2;
/** Pass-1 beads at least this probable train the lexicon. */
const TRAINING_POSTERIOR = 0.6;
/**
 * Pass 2 searches only the cells through which pass 1 saw a path with a posterior of at least e^-PLAUSIBLE_MARGIN
 * (about one in 160,000), besides its own path: where pass 1 is sure, one or two cells a row instead of the whole band;
 * where it hesitates (free translations, runs of insertions), as wide as before.
 */
const PLAUSIBLE_MARGIN = 12;

/**
 * What pass 1 found plausible, by document position: for source prefix i, the target prefixes lo[i] .. hi[i]
 * (lo > hi when none).
 */
interface PlausibleCells {
  lo: Int32Array;
  hi: Int32Array;
}

/** Pass 1's beads and the cells it found plausible; pass 2's beads. */
interface SpanAlignment {
  beads: ScoredBead[];
  plausible: PlausibleCells | null;
}

/** What pass 2 takes from pass 1 to choose its bands. */
interface Guide extends SpanAlignment {
  /** For each source prefix of the document, the target prefix pass 1 aligned it with. */
  path: Int32Array;
}

function mergeLexicons(a: Lexicon | undefined, b: Lexicon | undefined): Lexicon | undefined {
  if (!a) return b;
  if (!b) return a;
  const merged = new Map<string, string[]>();
  for (const [k, v] of a) merged.set(k, [...v]);
  for (const [k, v] of b) merged.set(k, [...new Set([...(merged.get(k) ?? []), ...v])]);
  return merged;
}

function flags(count: number, starts: readonly number[] | undefined): Uint8Array {
  if (!starts || starts.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(count);
  for (const s of starts) if (s >= 0 && s < count) out[s] = 1;
  return out;
}

interface Sides {
  source: SideFeatures;
  target: SideFeatures;
  space: KeySpace;
}

interface Tokens {
  source: TokenizedSide;
  target: TokenizedSide;
  functionWords: { source: Uint8Array; target: Uint8Array };
}

function featuresFor(tokens: Tokens, lexicon: Lexicon | undefined): Sides {
  const space = new KeySpace();
  const source = buildFeatures(tokens.source, space, { functionWords: tokens.functionWords.source });
  const target = buildFeatures(tokens.target, space, { functionWords: tokens.functionWords.target, lexicon });
  return { source, target, space };
}

/** Long spans are cut into pieces of about this many source sentences, so DP memory stays bounded. */
const CHUNK_SENTENCES = 3000;
/** A cut needs this many consecutive anchors (pass 1) or beads (pass 2) agreeing around it. */
const CUT_AGREEMENT = 3;

/**
 * Cuts a long span at points both sides surely share: in pass 1, where several hapax anchors in a row keep
 * the same offset; in pass 2, at boundaries between confident beads of pass 1. Short spans stay whole.
 */
function cutLongSpan(span: SpanPair, sides: Sides, guide: ScoredBead[] | null): SpanPair[] {
  const n = span.source.end - span.source.start;
  const m = span.target.end - span.target.start;
  if (n <= CHUNK_SENTENCES * 1.5 || m === 0) return [span];
  const cuts: AnchorPoint[] = [];
  if (guide) {
    let run = 0;
    let lastCut = span.source.start;
    for (const bead of guide) {
      const i = bead.source.at(-1);
      const j = bead.target.at(-1);
      if (i === undefined || j === undefined || i < span.source.start || i >= span.source.end) {
        run = 0;
        continue;
      }
      run = bead.confidence >= 0.99 && bead.source.length === 1 && bead.target.length === 1 ? run + 1 : 0;
      if (
        run >= CUT_AGREEMENT &&
        i + 1 - lastCut >= CHUNK_SENTENCES &&
        span.source.end - (i + 1) >= CHUNK_SENTENCES / 2
      ) {
        cuts.push({ i: i + 1, j: j + 1 });
        lastCut = i + 1;
        run = 0;
      }
    }
  } else {
    const chain = findAnchorChain(sides.source, sides.target, span.source, span.target);
    let lastCut = 0;
    for (let k = CUT_AGREEMENT; k < chain.length; k++) {
      const point = chain[k] as AnchorPoint;
      const window = chain.slice(k - CUT_AGREEMENT, k + 1);
      const steady = window.every(
        (p, w) =>
          w === 0 ||
          (p.i - (window[w - 1] as AnchorPoint).i === p.j - (window[w - 1] as AnchorPoint).j &&
            p.i - (window[w - 1] as AnchorPoint).i <= 3),
      );
      if (steady && point.i - lastCut >= CHUNK_SENTENCES && n - point.i >= CHUNK_SENTENCES / 2) {
        // Cut after the anchor pair: both anchor sentences close the piece before the cut.
        cuts.push({ i: span.source.start + point.i + 1, j: span.target.start + point.j + 1 });
        lastCut = point.i + 1;
      }
    }
  }
  const pieces: SpanPair[] = [];
  let from = { i: span.source.start, j: span.target.start };
  for (const cut of [...cuts, { i: span.source.end, j: span.target.end }]) {
    pieces.push({ source: { start: from.i, end: cut.i }, target: { start: from.j, end: cut.j } });
    from = cut;
  }
  return pieces;
}

function alignSpans(
  sides: Sides,
  input: SentenceAlignmentInput,
  spans: readonly SpanPair[],
  calibration: LexicalCalibration,
  weights: ScoringWeights,
  guide: SpanAlignment | null,
  endingAgreement: EndingAgreement | null = null,
): SpanAlignment {
  const sourceStarts = flags(input.source.length, input.sourceParagraphStarts);
  const targetStarts = flags(input.target.length, input.targetParagraphStarts);
  const lengthRatio = lengthRatioOf(sides.source, sides.target);
  const beads: ScoredBead[] = [];
  // Pass 1 tells pass 2 where to look.
  const plausible = guide ? null : emptyPlausibleCells(input.source.length);
  const guidePath = guide ? { ...guide, path: pathOfDocument(guide.beads, input.source.length) } : null;
  for (const span of spans.flatMap((s) => cutLongSpan(s, sides, guide?.beads ?? null))) {
    const n = span.source.end - span.source.start;
    const m = span.target.end - span.target.start;
    if (n === 0 || m === 0) {
      for (let i = span.source.start; i < span.source.end; i++) beads.push({ source: [i], target: [], confidence: 1 });
      for (let j = span.target.start; j < span.target.end; j++) beads.push({ source: [], target: [j], confidence: 1 });
      // The only path: down the column or along the row.
      if (plausible) for (let i = 0; i <= n; i++) widenPlausible(plausible, span, i, 0, m);
      continue;
    }
    const score = createBeadScorer({
      source: sides.source,
      target: sides.target,
      sourceSpan: span.source,
      targetSpan: span.target,
      space: sides.space,
      sourceParagraphStarts: sourceStarts,
      targetParagraphStarts: targetStarts,
      calibration,
      weights,
      lengthRatio,
      endingAgreement,
    });
    // Wide beads only in the final pass: the first pass only picks training beads and the band, where they
    // change nothing and cost time (TUNING.md).
    const shapes = guide ? WIDE_SENTENCE_BEAD_SHAPES : SENTENCE_BEAD_SHAPES;
    const search = (band: SearchBand): DpResult =>
      alignByDp(n, m, score, band, shapes, {
        temperature: guide ? POSTERIOR_TEMPERATURE : 1,
        // Gale-Church (the length-only baseline) has no model of runs.
        runBonus: input.lengthOnly ? 0 : INSERTION_RUN_BONUS,
        ...(plausible ? { plausibleMargin: PLAUSIBLE_MARGIN } : {}),
      });
    const [band, ...wider] = chooseBands(sides, span, guidePath);
    let result = search(band as SearchBand);
    for (const next of wider) if (reachesBandEdge(result.plausible, m)) result = search(next);
    if (plausible && result.plausible)
      for (let i = 0; i <= n; i++)
        widenPlausible(plausible, span, i, result.plausible.lo[i] as number, result.plausible.hi[i] as number);
    result.beads.forEach((bead, k) =>
      beads.push({
        // Shift span-local indices back to document indices.
        source: bead.source.map((i) => i + span.source.start),
        target: bead.target.map((j) => j + span.target.start),
        confidence: result.posteriors[k] ?? 0,
      }),
    );
  }
  return { beads, plausible };
}

/** Beyond any target prefix: where the band, not the model, stopped the plausible cells. */
const UNBOUNDED = 2 ** 30;

function emptyPlausibleCells(sourceCount: number): PlausibleCells {
  return { lo: new Int32Array(sourceCount + 1).fill(UNBOUNDED), hi: new Int32Array(sourceCount + 1).fill(-UNBOUNDED) };
}

/**
 * Adds target prefixes lo .. hi (span-local; -1 and m + 1 for the band's edges, see DpResult) to the plausible cells of
 * the span's source prefix i (span-local).
 */
function widenPlausible(cells: PlausibleCells, span: SpanPair, i: number, lo: number, hi: number): void {
  if (lo > hi) return;
  const row = span.source.start + i;
  const m = span.target.end - span.target.start;
  cells.lo[row] = Math.min(cells.lo[row] as number, lo < 0 ? -UNBOUNDED : span.target.start + lo);
  cells.hi[row] = Math.max(cells.hi[row] as number, hi > m ? UNBOUNDED : span.target.start + hi);
}

/**
 * For each source prefix of the document, the target prefix the previous pass aligned it with. Its beads never cross a
 * span's edge, so a span's part, less the span's first target sentence, is the same path inside the span.
 */
function pathOfDocument(guide: readonly ScoredBead[], sourceCount: number): Int32Array {
  const path = new Int32Array(sourceCount + 1).fill(-1);
  path[0] = 0;
  let j = 0;
  for (const bead of guide) {
    const lastSource = bead.source.at(-1);
    const lastTarget = bead.target.at(-1);
    if (lastTarget !== undefined) j = lastTarget + 1;
    if (lastSource !== undefined) path[lastSource + 1] = j;
  }
  for (let i = 1; i <= sourceCount; i++) if ((path[i] as number) < 0) path[i] = path[i - 1] as number;
  return path;
}

/** The span's part of the document's path, in span-local prefixes. */
function pathOf(documentPath: Int32Array, span: SpanPair): Float64Array {
  const n = span.source.end - span.source.start;
  const m = span.target.end - span.target.start;
  const center = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++)
    center[i] = Math.min(m, Math.max(0, (documentPath[span.source.start + i] as number) - span.target.start));
  return center;
}

/**
 * Pass 2's band: the cells pass 1 found plausible and its path (each row up to where the path leaves it), never
 * beyond the band pass 2 would search without them.
 */
function plausibleBand(outer: SearchBand, path: Float64Array, plausible: PlausibleCells, span: SpanPair): SearchBand {
  const n = span.source.end - span.source.start;
  const m = span.target.end - span.target.start;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const c = path[i] as number;
    const to = i < n ? Math.max(c, path[i + 1] as number) : c;
    const row = span.source.start + i;
    const plausibleLo = (plausible.lo[row] as number) - span.target.start;
    const plausibleHi = (plausible.hi[row] as number) - span.target.start;
    lo[i] = Math.max(outer.lo[i] as number, Math.min(c, plausibleLo));
    hi[i] = Math.min(outer.hi[i] as number, Math.max(to, plausibleHi));
  }
  return closeBand(lo, hi, n, m);
}

/** Whether some plausible cell lies at a band's edge that is not the span's (the band may have cut it short). */
function reachesBandEdge(plausible: SearchBand | null, m: number): boolean {
  if (!plausible) return false;
  for (let i = 0; i < plausible.lo.length; i++)
    if ((plausible.lo[i] as number) < 0 || (plausible.hi[i] as number) > m) return true;
  return false;
}

/** The bands to search the span in, narrowest first: the next is searched when the last one's edge was reached. */
function chooseBands(sides: Sides, span: SpanPair, guide: Guide | null): SearchBand[] {
  const n = span.source.end - span.source.start;
  const m = span.target.end - span.target.start;
  if (guide) {
    // Center on the previous pass: for each source prefix i, the target prefix it was aligned with.
    const path = pathOf(guide.path, span);
    const outer = (n + 1) * (m + 1) <= FULL_SEARCH_CELLS ? fullBand(n, m) : bandAround(path, n, m, REFINE_BAND_RADIUS);
    return [guide.plausible ? plausibleBand(outer, path, guide.plausible, span) : outer];
  }
  if ((n + 1) * (m + 1) <= FULL_SEARCH_CELLS) return [fullBand(n, m)];
  const path = pathThroughAnchors(findAnchorChain(sides.source, sides.target, span.source, span.target), n, m);
  return [bandAround(path, n, m, FIRST_TRY_BAND_RADIUS), bandAround(path, n, m, ANCHOR_BAND_RADIUS)];
}

/** Gale-Church: the same priors and length evidence, nothing about the words. */
function lengthOnlyWeights(weights: ScoringWeights): ScoringWeights {
  return {
    ...weights,
    lexical: 0,
    punctuation: 0,
    numberLeak: 0,
    ending: 0,
    wordlessDropPrior: weights.logPrior['1-0'] ?? -Infinity,
  };
}

/** Aligns two sentence lists; every sentence of both sides appears in exactly one bead, in order. */
export function alignSentences(input: SentenceAlignmentInput): ScoredBead[] {
  const weights = input.lengthOnly
    ? lengthOnlyWeights(input.weights ?? DEFAULT_WEIGHTS)
    : (input.weights ?? DEFAULT_WEIGHTS);
  const spans = input.spans ?? [
    { source: { start: 0, end: input.source.length }, target: { start: 0, end: input.target.length } },
  ];
  const { source, target } = tokenizePair(input.source, input.target, input.tokens);
  const tokens: Tokens = {
    source,
    target,
    functionWords: { source: findFunctionWords(source), target: findFunctionWords(target) },
  };

  const store = input.lengthOnly ? undefined : input.storeLexicon;
  const firstPass = alignFirstPass(tokens, input, spans, weights, store);
  if (input.singlePass || input.lengthOnly) return firstPass.beads;
  return alignSecondPass(tokens, input, spans, weights, firstPass, store).beads;
}

function alignFirstPass(
  tokens: Tokens,
  input: SentenceAlignmentInput,
  spans: readonly SpanPair[],
  weights: ScoringWeights,
  store: StoreLexicon | undefined,
): SpanAlignment {
  // With earlier pairs, even the first pass knows some translations.
  const sides = featuresFor(tokens, mergeLexicons(store?.lexicon, input.dictionary));
  const random = chanceSimilarity(sides.source, sides.target, sides.space);
  // Without earlier pairs there is no sample of true pairs yet: assume they share 30 points more than chance.
  const trueMean = store ? Math.max(random + 0.1, store.trueMean) : Math.min(0.9, random + 0.3);
  return alignSpans(sides, input, spans, { randomMean: random, trueMean }, weights, null);
}

function alignSecondPass(
  tokens: Tokens,
  input: SentenceAlignmentInput,
  spans: readonly SpanPair[],
  weights: ScoringWeights,
  firstPass: SpanAlignment,
  store: StoreLexicon | undefined,
): SpanAlignment {
  const confident = firstPass.beads.filter(
    (b) => b.source.length === 1 && b.target.length === 1 && b.confidence >= TRAINING_POSTERIOR,
  );
  // Sample before building word lists: a long document has far more confident beads than the lexicon uses.
  const training = sampleEvenly(confident, DEFAULT_LEXICON_OPTIONS.maxPairs).map((b) => ({
    source: contentWordsOf(tokens.source, tokens.functionWords.source, b.source[0] as number),
    target: contentWordsOf(tokens.target, tokens.functionWords.target, b.target[0] as number),
  }));
  // The document's own translations first; the store's fill in the words the document has too few pairs to learn.
  const lexicon = mergeLexicons(mergeLexicons(learnLexicon(training), store?.lexicon), input.dictionary);
  const sides = featuresFor(tokens, lexicon);
  const meter = new SimilarityMeter(sides.source, sides.target, sides.space);
  let trueTotal = 0;
  let trueCount = 0;
  for (const b of confident) {
    const i = b.source[0] as number;
    const j = b.target[0] as number;
    const { similarity, words } = meter.measure(i, i + 1, j, j + 1);
    if (words === 0) continue;
    trueTotal += similarity;
    trueCount += 1;
  }
  const random = chanceSimilarity(sides.source, sides.target, sides.space);
  // The document's own confident beads are the best sample of its true pairs; earlier pairs stand in for them.
  const trueMean = trueCount >= 5 ? trueTotal / trueCount : (store?.trueMean ?? Math.min(0.9, random + 0.3));
  const calibration = { randomMean: random, trueMean: Math.max(random + 0.1, trueMean) };
  const endingAgreement = learnEndingAgreement(
    tokens.source.endings,
    tokens.target.endings,
    confident.map((b) => ({ source: b.source[0] as number, target: b.target[0] as number })),
  );
  return alignSpans(sides, input, spans, calibration, weights, firstPass, endingAgreement);
}
