/**
 * A rough alignment path for long texts from "hapax anchors": keys (numbers, names, rare words) that occur in
 * exactly one sentence on each side. The longest increasing chain of such pairs guides the banded DP, so
 * time and memory stay linear in document length (the role vecalign's coarse pass plays).
 */
import type { IndexSpan } from './costs.js';
import type { SideFeatures } from './features.js';

/** A pair of sentences sharing a key found nowhere else in either text. */
export interface AnchorPoint {
  /** Source sentence index. */
  i: number;
  /** Target sentence index. */
  j: number;
}

/** The longest chain of hapax anchors inside the two spans, increasing on both sides; span-local indices. */
export function findAnchorChain(
  source: SideFeatures,
  target: SideFeatures,
  sourceSpan: IndexSpan,
  targetSpan: IndexSpan,
): AnchorPoint[] {
  const n = sourceSpan.end - sourceSpan.start;
  const m = targetSpan.end - targetSpan.start;
  const keys = Math.max(largestKey(source, sourceSpan), largestKey(target, targetSpan)) + 1;
  const sourceOnce = onlySentence(source, sourceSpan, keys);
  const targetOnce = onlySentence(target, targetSpan, keys);
  const points: { i: number; j: number }[] = [];
  for (let s = sourceSpan.start; s < sourceSpan.end; s++) {
    const i = s - sourceSpan.start;
    for (let k = source.setStart[s] as number; k < (source.setStart[s + 1] as number); k++) {
      const key = source.keySet[k] as number;
      if (sourceOnce[key] !== i) continue;
      const j = targetOnce[key] as number;
      if (j < 0) continue;
      // Anchors far off the diagonal are more often chance matches than real drift.
      if (Math.abs(j / m - i / n) > 0.2) continue;
      points.push({ i, j });
    }
  }
  points.sort((a, b) => a.i - b.i || a.j - b.j);
  return longestIncreasingChain(points);
}

function largestKey(side: SideFeatures, span: IndexSpan): number {
  let largest = -1;
  for (let k = side.setStart[span.start] as number; k < (side.setStart[span.end] as number); k++)
    if ((side.keySet[k] as number) > largest) largest = side.keySet[k] as number;
  return largest;
}

/**
 * By key: the span-local sentence of the span that holds it when only one does, -1 when several do, -2 when none.
 * A typed array over the keys, not a map: the span is long (only long spans need anchors).
 */
function onlySentence(side: SideFeatures, span: IndexSpan, keys: number): Int32Array {
  const where = new Int32Array(keys).fill(-2);
  for (let s = span.start; s < span.end; s++) {
    for (let k = side.setStart[s] as number; k < (side.setStart[s + 1] as number); k++) {
      const key = side.keySet[k] as number;
      where[key] = where[key] === -2 ? s - span.start : -1;
    }
  }
  return where;
}

/** For each source prefix length i in [0, n], the target prefix length the anchor chain suggests. */
export function pathThroughAnchors(chain: readonly AnchorPoint[], n: number, m: number): Float64Array {
  const path = new Float64Array(n + 1);
  let previous = { i: 0, j: 0 };
  let cursor = 0;
  const knots = [...chain.map((p) => ({ i: p.i + 0.5, j: p.j + 0.5 })), { i: n, j: m }];
  for (let i = 0; i <= n; i++) {
    while (cursor < knots.length - 1 && (knots[cursor] as { i: number }).i < i)
      previous = knots[cursor++] as { i: number; j: number };
    const next = knots[cursor] as { i: number; j: number };
    const span = next.i - previous.i;
    path[i] = span <= 0 ? next.j : previous.j + ((i - previous.i) * (next.j - previous.j)) / span;
  }
  return path;
}

// Patience sorting: longest chain strictly increasing in both i and j, O(k log k).
function longestIncreasingChain(points: readonly { i: number; j: number }[]): { i: number; j: number }[] {
  const tails: number[] = [];
  const parent = new Int32Array(points.length).fill(-1);
  points.forEach((p, index) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const q = points[tails[mid] as number] as { i: number; j: number };
      if (q.j < p.j && q.i < p.i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) parent[index] = tails[lo - 1] as number;
    tails[lo] = index;
  });
  const chain: { i: number; j: number }[] = [];
  for (let k = tails.at(-1) ?? -1; k >= 0; k = parent[k] as number) chain.push(points[k] as { i: number; j: number });
  return chain.reverse();
}
