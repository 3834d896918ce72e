/**
 * Sentence lengths that compare across scripts. A Chinese character carries about as much as three or four Latin
 * letters, but the digits, Latin names and symbols inside Chinese text are written as in English: counting all
 * characters alike makes a list of countries and years ("澳大利亚(2017年)、加拿大(2016年)") look far longer than its
 * translation. So a side written mostly in Chinese characters counts each of them as `weight` characters, the
 * weight learned from the pair: the one that makes the two sides' totals equal.
 */
import { tokenizeSide, type TokenizedSide } from './features.js';

/** The tokens of both sides of a pair. */
export interface SideTokens {
  source: TokenizedSide;
  target: TokenizedSide;
}

const HAN = /\p{Script=Han}/gu;
/** A side is written in Chinese characters when at least this share of its characters are. */
const HAN_SIDE_SHARE = 0.2;
/** The weight of a Chinese character stays within these bounds whatever the pair says (UN text: about 4). */
const MIN_WEIGHT = 1;
const MAX_WEIGHT = 8;

function hanCounts(texts: readonly string[]): Float64Array {
  return Float64Array.from(texts, (text) => text.match(HAN)?.length ?? 0);
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Lengths of one side with its Chinese characters counted `weight` times. */
function weighed(lengths: Float64Array, han: Float64Array, weight: number): Float64Array {
  return lengths.map((length, s) => length + (weight - 1) * (han[s] as number));
}

/**
 * The two sides' lengths in comparable units: unchanged unless exactly one side is written in Chinese characters,
 * whose characters then weigh what the pair says a Chinese character is worth in the other side's characters.
 */
export function comparableLengths(
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  sourceLengths: Float64Array,
  targetLengths: Float64Array,
): { source: Float64Array; target: Float64Array; hanWeight: number } {
  const sourceHan = hanCounts(sourceTexts);
  const targetHan = hanCounts(targetTexts);
  const sourceTotal = sum(sourceLengths);
  const targetTotal = sum(targetLengths);
  const sourceShare = sourceTotal > 0 ? sum(sourceHan) / sourceTotal : 0;
  const targetShare = targetTotal > 0 ? sum(targetHan) / targetTotal : 0;
  const sourceIsHan = sourceShare >= HAN_SIDE_SHARE && targetShare < HAN_SIDE_SHARE;
  const targetIsHan = targetShare >= HAN_SIDE_SHARE && sourceShare < HAN_SIDE_SHARE;
  if (!sourceIsHan && !targetIsHan) return { source: sourceLengths, target: targetLengths, hanWeight: 1 };
  const [han, hanTotal, otherTotal] = sourceIsHan
    ? [sourceHan, sourceTotal, targetTotal]
    : [targetHan, targetTotal, sourceTotal];
  const hanCharacters = sum(han);
  // Solve hanTotal + (weight - 1) × hanCharacters = otherTotal.
  const weight = Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, 1 + (otherTotal - hanTotal) / hanCharacters));
  return sourceIsHan
    ? { source: weighed(sourceLengths, han, weight), target: targetLengths, hanWeight: weight }
    : { source: sourceLengths, target: weighed(targetLengths, han, weight), hanWeight: weight };
}

/**
 * Tokenizes both sides of a pair, their lengths made comparable ({@link comparableLengths}); `tokenized`, when given,
 * is what {@link tokenizeSide} gives for the two lists of texts.
 */
export function tokenizePair(
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  tokenized?: SideTokens,
): SideTokens {
  const source = tokenized?.source ?? tokenizeSide(sourceTexts);
  const target = tokenized?.target ?? tokenizeSide(targetTexts);
  const lengths = comparableLengths(sourceTexts, targetTexts, source.lengths, target.lengths);
  return { source: { ...source, lengths: lengths.source }, target: { ...target, lengths: lengths.target } };
}
