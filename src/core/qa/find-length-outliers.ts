import type { Alignment, Bead, SegmentedDocument } from '../model.js';
import { getSentence, makeSentenceRef, type SentenceRef } from './unit-ref.js';

/** Settings of the length-ratio check. */
export interface LengthRatioSettings {
  /** How far from the median log-ratio a bead may be, in robust standard deviations (1.4826 × MAD). */
  maxDeviation: number;
  /** Shortest side, in characters, for a bead to be judged; shorter ones vary too much to say anything. */
  minLength: number;
  /** Fewest judged beads for a median to mean anything; below it no bead is reported. */
  minBeads: number;
}

/** Default {@link LengthRatioSettings}. */
export const DEFAULT_LENGTH_RATIO: LengthRatioSettings = { maxDeviation: 3, minLength: 20, minBeads: 3 };

/** A sentence bead whose target/source length ratio is far from the document's usual ratio. */
export interface LengthOutlier {
  /** Index of the bead in `alignment.sentences`. */
  bead: number;
  /** Source sentences. */
  source: SentenceRef[];
  /** Target sentences. */
  target: SentenceRef[];
  /** Source characters (sentence texts joined by one space). */
  sourceLength: number;
  /** Target characters (sentence texts joined by one space). */
  targetLength: number;
  /** targetLength / sourceLength, to 3 decimals. */
  ratio: number;
  /** The document's median ratio over judged beads, to 3 decimals. */
  medianRatio: number;
  /** (log ratio − median log ratio) / robust spread, to 2 decimals: positive when the target is too long. */
  deviation: number;
}

// 1.4826 × MAD estimates the standard deviation of normally distributed data (Rousseeuw & Croux 1993).
const MAD_TO_SIGMA = 1.4826;
// Floor on the spread, in natural-log units: a short document of near-identical ratios would otherwise flag
// a 10 % difference. 0.1 with 3 deviations means nothing within ×1.35 of the median is flagged.
const MIN_SPREAD = 0.1;

/** Finds the sentence beads whose length ratio is more than `maxDeviation` robust deviations from the median. */
export function findLengthOutliers(alignment: Alignment, settings: LengthRatioSettings): LengthOutlier[] {
  const judged: Array<{ bead: number; units: Bead; sourceLength: number; targetLength: number; logRatio: number }> = [];
  alignment.sentences.forEach((bead, index) => {
    if (bead.source.length === 0 || bead.target.length === 0) return;
    const sourceLength = lengthOf(alignment.source, bead.source);
    const targetLength = lengthOf(alignment.target, bead.target);
    if (sourceLength < settings.minLength || targetLength < settings.minLength) return;
    judged.push({
      bead: index,
      units: bead,
      sourceLength,
      targetLength,
      logRatio: Math.log(targetLength / sourceLength),
    });
  });
  if (judged.length < settings.minBeads) return [];

  const center = median(judged.map((item) => item.logRatio));
  const spread = Math.max(MAD_TO_SIGMA * median(judged.map((item) => Math.abs(item.logRatio - center))), MIN_SPREAD);
  return judged
    .filter((item) => Math.abs(item.logRatio - center) > settings.maxDeviation * spread)
    .map((item) => ({
      bead: item.bead,
      source: item.units.source.map((index) => makeSentenceRef(alignment.source, index)),
      target: item.units.target.map((index) => makeSentenceRef(alignment.target, index)),
      sourceLength: item.sourceLength,
      targetLength: item.targetLength,
      ratio: round(item.targetLength / item.sourceLength, 3),
      medianRatio: round(Math.exp(center), 3),
      deviation: round((item.logRatio - center) / spread, 2),
    }));
}

function lengthOf(document: SegmentedDocument, indices: readonly number[]): number {
  return indices.map((index) => getSentence(document, index).text).join(' ').length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  // Callers pass at least one value, so both indices exist.
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
