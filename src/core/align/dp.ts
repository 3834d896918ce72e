import type { Bead } from '../model.js';

/** A bead shape: how many source and target units one bead takes. */
export interface BeadShape {
  /** Source units. */
  source: number;
  /** Target units. */
  target: number;
}

/** The shapes Gale-Church, hunalign and vecalign allow, plus 1-3/3-1 for long French renderings. */
export const SENTENCE_BEAD_SHAPES: readonly BeadShape[] = [
  { source: 1, target: 1 },
  { source: 1, target: 0 },
  { source: 0, target: 1 },
  { source: 2, target: 1 },
  { source: 1, target: 2 },
  { source: 2, target: 2 },
  { source: 3, target: 1 },
  { source: 1, target: 3 },
];

/** Paragraph beads: one paragraph may be split in two or dropped, not more. */
export const BLOCK_BEAD_SHAPES: readonly BeadShape[] = [
  { source: 1, target: 1 },
  { source: 1, target: 0 },
  { source: 0, target: 1 },
  { source: 2, target: 1 },
  { source: 1, target: 2 },
];

/**
 * The cells the search may visit: for each source prefix length i in [0, n], the target prefix lengths
 * j in [lo[i], hi[i]] (inclusive). Must contain (0, 0) and (n, m) and be monotone.
 */
export interface SearchBand {
  lo: Int32Array;
  hi: Int32Array;
}

/** Log-potential of the bead taking source units [i0, i1) and target units [j0, j1); higher is better. */
export type BeadScore = (i0: number, i1: number, j0: number, j1: number) => number;

/** Beads of the best path with the posterior probability of each under the same potentials. */
export interface DpResult {
  beads: Bead[];
  /** Posterior marginal of each bead of `beads` (forward-backward), in [0, 1]. */
  posteriors: number[];
  /** Log-potential of the best path. */
  score: number;
}

/** A band covering the whole n-by-m grid; only for small inputs. */
export function fullBand(n: number, m: number): SearchBand {
  return { lo: new Int32Array(n + 1).fill(0), hi: new Int32Array(n + 1).fill(m) };
}

/**
 * A band of half-width `radius` around a path given as, for each source prefix i, a target position.
 * Monotone by construction so that every allowed cell can be reached.
 */
export function bandAround(center: ArrayLike<number>, n: number, m: number, radius: number): SearchBand {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const c = center[i] ?? (i * m) / Math.max(1, n);
    lo[i] = Math.max(0, Math.floor(c - radius));
    hi[i] = Math.min(m, Math.ceil(c + radius));
  }
  lo[0] = 0;
  hi[n] = m;
  // Monotone envelope: lo non-decreasing from the end, hi non-decreasing from the start.
  for (let i = 1; i <= n; i++) hi[i] = Math.max(hi[i] as number, hi[i - 1] as number);
  for (let i = n - 1; i >= 0; i--) lo[i] = Math.min(lo[i] as number, lo[i + 1] as number);
  // Rows must overlap so a 1-0 step can always enter the next row: a jump wider than the band (a long run of
  // 0-1 beads in a guiding path) stretches the row before it upwards.
  for (let i = 1; i <= n; i++) if ((lo[i] as number) > (hi[i - 1] as number)) hi[i - 1] = lo[i] as number;
  return { lo, hi };
}

/** Most cached bead potentials (4 bytes each) before the DP recomputes them instead. */
const MEMO_LIMIT = 24_000_000;

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * Finds the best monotone segmentation of [0, n) x [0, m) into beads of the given shapes inside the band
 * (Viterbi), and each chosen bead's posterior by forward-backward; memory is O(cells in band).
 * `temperature` divides the potentials for the posteriors only (higher = less peaked).
 */
export function alignByDp(
  n: number,
  m: number,
  score: BeadScore,
  band: SearchBand,
  shapes: readonly BeadShape[],
  temperature = 1,
): DpResult {
  const rowStart = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) rowStart[i + 1] = (rowStart[i] as number) + ((band.hi[i] as number) - (band.lo[i] as number) + 1);
  const cells = rowStart[n + 1] as number;
  const best = new Float64Array(cells).fill(-Infinity);
  const forward = new Float64Array(cells).fill(-Infinity);
  const back = new Uint8Array(cells);
  // Potentials computed in the forward pass are kept for the backward pass and the backtrace when memory
  // allows: scoring a bead is the expensive step.
  const shapeCount = shapes.length;
  const memo = cells * shapeCount <= MEMO_LIMIT ? new Float32Array(cells * shapeCount).fill(NaN) : null;
  const potentialOf = (to: number, s: number, i0: number, i1: number, j0: number, j1: number): number => {
    if (memo) {
      const cached = memo[to * shapeCount + s] as number;
      if (!Number.isNaN(cached)) return cached;
      const value = score(i0, i1, j0, j1);
      memo[to * shapeCount + s] = value;
      return value;
    }
    return score(i0, i1, j0, j1);
  };
  const cell = (i: number, j: number): number => {
    if (i < 0 || i > n) return -1;
    const lo = band.lo[i] as number;
    if (j < lo || j > (band.hi[i] as number)) return -1;
    return (rowStart[i] as number) + j - lo;
  };

  best[0] = 0;
  forward[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = band.lo[i] as number; j <= (band.hi[i] as number); j++) {
      if (i === 0 && j === 0) continue;
      const here = cell(i, j);
      let bestScore = -Infinity;
      let bestShape = 0;
      let sum = -Infinity;
      for (let s = 0; s < shapes.length; s++) {
        const shape = shapes[s] as BeadShape;
        const from = cell(i - shape.source, j - shape.target);
        if (from < 0 || best[from] === -Infinity) continue;
        const potential = potentialOf(here, s, i - shape.source, i, j - shape.target, j);
        if (potential === -Infinity) continue;
        const total = (best[from] as number) + potential;
        if (total > bestScore) {
          bestScore = total;
          bestShape = s;
        }
        sum = logAddExp(sum, (forward[from] as number) + potential / temperature);
      }
      best[here] = bestScore;
      forward[here] = sum;
      back[here] = bestShape;
    }
  }
  const end = cell(n, m);
  if (end < 0 || best[end] === -Infinity) throw new Error(`alignByDp: no path reaches (${n}, ${m}) inside the band`);

  // Backward pass: backward[c] = log-sum of potentials of all completions from cell c to (n, m).
  const backward = new Float64Array(cells).fill(-Infinity);
  backward[end] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = band.hi[i] as number; j >= (band.lo[i] as number); j--) {
      const here = cell(i, j);
      if (here === end) continue;
      let sum = -Infinity;
      for (let s = 0; s < shapeCount; s++) {
        const shape = shapes[s] as BeadShape;
        const to = cell(i + shape.source, j + shape.target);
        if (to < 0 || backward[to] === -Infinity) continue;
        const potential = potentialOf(to, s, i, i + shape.source, j, j + shape.target);
        if (potential === -Infinity) continue;
        sum = logAddExp(sum, (backward[to] as number) + potential / temperature);
      }
      backward[here] = sum;
    }
  }

  const total = forward[end] as number;
  const beads: Bead[] = [];
  const posteriors: number[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = cell(i, j);
    const s = back[here] as number;
    const shape = shapes[s] as BeadShape;
    const i0 = i - shape.source;
    const j0 = j - shape.target;
    const from = cell(i0, j0);
    const potential = potentialOf(here, s, i0, i, j0, j) / temperature;
    posteriors.push(Math.min(1, Math.exp((forward[from] as number) + potential + (backward[here] as number) - total)));
    beads.push({ source: range(i0, i), target: range(j0, j) });
    i = i0;
    j = j0;
  }
  beads.reverse();
  posteriors.reverse();
  return { beads, posteriors, score: best[end] as number };
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = start; k < end; k++) out.push(k);
  return out;
}
