/**
 * Sentence alignment in two passes: (1) DP with length, numbers, identical words and cognates; (2) a
 * lexicon learned from the confident beads of pass 1 rescores a second DP in a band around pass 1.
 * Each bead's confidence is its posterior probability under the pass-2 model.
 */
import type { ScoredBead } from '../model.js';
import { alignByDp, bandAround, fullBand, SENTENCE_BEAD_SHAPES, type SearchBand } from './dp.js';
import { createBeadScorer, DEFAULT_WEIGHTS, SimilarityMeter, type LexicalCalibration, type ScoringWeights } from './costs.js';
import { buildFeatures, findFunctionWords, KeySpace, tokenize, type Lexicon, type SentenceFeatures } from './features.js';
import { learnLexicon } from './lexicon.js';
import { findAnchorPath } from './anchors.js';

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
  /** Override the scoring weights (for experiments). */
  weights?: ScoringWeights;
  /** Skip the lexicon-learning pass (for comparison). */
  singlePass?: boolean;
  /** Use the length cost only: the Gale-Church baseline. */
  lengthOnly?: boolean;
}

/** Spans with at most this many DP cells are searched in full; larger ones in a band. */
const FULL_SEARCH_CELLS = 250_000;
/** Half-width of the band around the anchor path (pass 1) and around the pass-1 path (pass 2). */
const ANCHOR_BAND_RADIUS = 40;
const REFINE_BAND_RADIUS = 10;
/** Posterior temperature, chosen so confidence is calibrated on the development data (README). */
const POSTERIOR_TEMPERATURE = 1;
/** Pass-1 beads at least this probable train the lexicon. */
const TRAINING_POSTERIOR = 0.6;

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
  source: SentenceFeatures[];
  target: SentenceFeatures[];
  space: KeySpace;
}

function featuresFor(
  input: SentenceAlignmentInput,
  tokens: { source: string[][]; target: string[][] },
  functionWords: { source: Set<string>; target: Set<string> },
  lexicon: Lexicon | undefined,
): Sides {
  const space = new KeySpace();
  const source = buildFeatures(input.source, tokens.source, space, { functionWords: functionWords.source });
  const target = buildFeatures(input.target, tokens.target, space, { functionWords: functionWords.target, lexicon });
  return { source, target, space };
}

// Deterministic pseudo-random pairs away from the diagonal: what similarity looks like by chance.
function randomMean(sides: Sides): number {
  const n = sides.source.length;
  const m = sides.target.length;
  if (n < 2 || m < 2) return 0.1;
  const meter = new SimilarityMeter(sides.source, sides.target, sides.space);
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

function alignSpans(
  sides: Sides,
  input: SentenceAlignmentInput,
  spans: readonly SpanPair[],
  calibration: LexicalCalibration,
  weights: ScoringWeights,
  guide: ScoredBead[] | null,
): ScoredBead[] {
  const sourceStarts = flags(input.source.length, input.sourceParagraphStarts);
  const targetStarts = flags(input.target.length, input.targetParagraphStarts);
  const beads: ScoredBead[] = [];
  for (const span of spans) {
    const n = span.source.end - span.source.start;
    const m = span.target.end - span.target.start;
    if (n === 0 || m === 0) {
      for (let i = span.source.start; i < span.source.end; i++) beads.push({ source: [i], target: [], confidence: 1 });
      for (let j = span.target.start; j < span.target.end; j++) beads.push({ source: [], target: [j], confidence: 1 });
      continue;
    }
    const source = sides.source.slice(span.source.start, span.source.end);
    const target = sides.target.slice(span.target.start, span.target.end);
    const score = createBeadScorer({
      source,
      target,
      space: sides.space,
      sourceParagraphStarts: sourceStarts.length ? sourceStarts.subarray(span.source.start, span.source.end) : sourceStarts,
      targetParagraphStarts: targetStarts.length ? targetStarts.subarray(span.target.start, span.target.end) : targetStarts,
      calibration,
      weights,
    });
    const band = chooseBand(source, target, span, guide);
    const result = alignByDp(n, m, score, band, SENTENCE_BEAD_SHAPES, POSTERIOR_TEMPERATURE);
    result.beads.forEach((bead, k) =>
      beads.push({
        // Shift span-local indices back to document indices.
        source: bead.source.map((i) => i + span.source.start),
        target: bead.target.map((j) => j + span.target.start),
        confidence: result.posteriors[k] ?? 0,
      }),
    );
  }
  return beads;
}

function chooseBand(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  span: SpanPair,
  guide: ScoredBead[] | null,
): SearchBand {
  const n = source.length;
  const m = target.length;
  if ((n + 1) * (m + 1) <= FULL_SEARCH_CELLS) return fullBand(n, m);
  if (guide) {
    // Center on the previous pass: for each source prefix i, the target prefix it was aligned with.
    const center = new Float64Array(n + 1).fill(NaN);
    center[0] = 0;
    let j = 0;
    for (const bead of guide) {
      const lastSource = bead.source.at(-1);
      const lastTarget = bead.target.at(-1);
      if (lastTarget !== undefined && lastTarget >= span.target.start && lastTarget < span.target.end) j = lastTarget - span.target.start + 1;
      if (lastSource !== undefined && lastSource >= span.source.start && lastSource < span.source.end) center[lastSource - span.source.start + 1] = j;
    }
    for (let i = 1; i <= n; i++) if (Number.isNaN(center[i])) center[i] = center[i - 1] as number;
    return bandAround(center, n, m, REFINE_BAND_RADIUS);
  }
  return bandAround(findAnchorPath(source, target), n, m, ANCHOR_BAND_RADIUS);
}

/** Aligns two sentence lists; every sentence of both sides appears in exactly one bead, in order. */
export function alignSentences(input: SentenceAlignmentInput): ScoredBead[] {
  const weights = input.lengthOnly ? { ...(input.weights ?? DEFAULT_WEIGHTS), lexical: 0 } : (input.weights ?? DEFAULT_WEIGHTS);
  const spans = input.spans ?? [
    { source: { start: 0, end: input.source.length }, target: { start: 0, end: input.target.length } },
  ];
  const tokens = { source: input.source.map(tokenize), target: input.target.map(tokenize) };
  const functionWords = { source: findFunctionWords(tokens.source), target: findFunctionWords(tokens.target) };

  const first = featuresFor(input, tokens, functionWords, input.dictionary);
  const firstRandom = randomMean(first);
  const firstCalibration = { randomMean: firstRandom, trueMean: Math.min(0.9, firstRandom + 0.3) };
  const firstPass = alignSpans(first, input, spans, firstCalibration, weights, null);
  if (input.singlePass || input.lengthOnly) return firstPass;

  const training = firstPass
    .filter((b) => b.source.length === 1 && b.target.length === 1 && b.confidence >= TRAINING_POSTERIOR)
    .map((b) => ({
      source: tokens.source[b.source[0] as number]?.filter((w) => !functionWords.source.has(w)) ?? [],
      target: tokens.target[b.target[0] as number]?.filter((w) => !functionWords.target.has(w)) ?? [],
    }));
  const lexicon = mergeLexicons(learnLexicon(training), input.dictionary);
  const second = featuresFor(input, tokens, functionWords, lexicon);
  const meter = new SimilarityMeter(second.source, second.target, second.space);
  let trueTotal = 0;
  let trueCount = 0;
  for (const b of firstPass) {
    if (b.source.length !== 1 || b.target.length !== 1 || b.confidence < TRAINING_POSTERIOR) continue;
    const i = b.source[0] as number;
    const j = b.target[0] as number;
    const { similarity, words } = meter.measure(i, i + 1, j, j + 1);
    if (words === 0) continue;
    trueTotal += similarity;
    trueCount += 1;
  }
  const secondRandom = randomMean(second);
  const calibration = {
    randomMean: secondRandom,
    trueMean: trueCount >= 5 ? Math.max(secondRandom + 0.1, trueTotal / trueCount) : Math.min(0.9, secondRandom + 0.3),
  };
  return alignSpans(second, input, spans, calibration, weights, firstPass);
}
