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

/** Every shape of exactly `size` sentences with both sides non-empty: 1-(size-1) ... (size-1)-1. */
function shapesOfSize(size: number): BeadShape[] {
  return Array.from({ length: size - 1 }, (_, k) => ({ source: k + 1, target: size - k - 1 }));
}

/**
 * Every bead of up to six sentences: free translations regroup sentences (2-3, 1-4, 3-3...), and about one
 * gold bead in thirty on the dev sets has five or six. Their priors keep them for strong evidence.
 */
export const WIDE_SENTENCE_BEAD_SHAPES: readonly BeadShape[] = [
  ...SENTENCE_BEAD_SHAPES,
  ...shapesOfSize(5),
  ...shapesOfSize(6),
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
  const at = (i: number): number => center[i] ?? (i * m) / Math.max(1, n);
  for (let i = 0; i <= n; i++) {
    // A row reaches where the path leaves it for the next: a path that jumps (a run of insertions) travels
    // along the row before it.
    const c = at(i);
    const to = i < n ? Math.max(c, at(i + 1)) : c;
    lo[i] = Math.max(0, Math.floor(c - radius));
    hi[i] = Math.min(m, Math.ceil(to + radius));
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

/** Most cells for which the DP keeps the three layers of the run model (about 95 bytes a cell besides the memo). */
const RUN_MODEL_CELL_LIMIT = 1_500_000;
/** Most cached bead potentials (4 bytes each) before the DP recomputes them instead. */
const MEMO_LIMIT = 24_000_000;

/**
 * Below this difference the smaller term of a log-sum vanishes: e^-38 < 2^-54, under half the spacing of doubles at
 * magnitude 1 or more, so the sum rounds to the larger term exactly and exp and log1p need not run (most of the
 * hopeless beads of a span).
 */
const NEGLIGIBLE_LOG_RATIO = -38;

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const high = a > b ? a : b;
  const low = a > b ? b : a;
  if (low - high < NEGLIGIBLE_LOG_RATIO && (high >= 1 || high <= -1)) return high;
  return high + Math.log1p(Math.exp(low - high));
}

/**
 * Which run a bead continues: insertions (0-1) and deletions (1-0) come in runs (a block of captions, a
 * dropped passage), so one that follows another of its kind may earn `runBonus`. Every DP table holds one entry
 * per (cell, layer), the layer being the kind of the bead that ends at the cell.
 */
const Layer = {
  other: 0,
  deletion: 1,
  insertion: 2,
} as const;
type Layer = (typeof Layer)[keyof typeof Layer];
const LAYERS = 3;

function layerOf(shape: BeadShape): Layer {
  if (shape.source === 1 && shape.target === 0) return Layer.deletion;
  if (shape.source === 0 && shape.target === 1) return Layer.insertion;
  return Layer.other;
}

/** The band's cells numbered row by row: cell (i, j) is the prefix pair (source i units, target j units). */
interface Grid {
  /** Source units. */
  n: number;
  /** Target units. */
  m: number;
  band: SearchBand;
  /** Cells in the band. */
  cells: number;
  /** Number of cell (i, j), or -1 when it lies outside the band. */
  cellOf: (i: number, j: number) => number;
}

/** What the phases share besides the grid: the bead shapes, the scorer and the run model. */
interface DpModel {
  shapes: readonly BeadShape[];
  /** Layer of each shape (all `Layer.other` without the run model). */
  layers: readonly Layer[];
  /** Layers per cell: 3 with the run model, 1 without. */
  layerCount: number;
  /** Divides the potentials in the sums (forward, backward, posteriors), never in the Viterbi scores. */
  temperature: number;
  /** Log-potential of the bead of shape `s` ending at cell `to`, which takes [i0, i1) x [j0, j1). */
  potentialOf: (to: number, s: number, i0: number, i1: number, j0: number, j1: number) => number;
  /** Run bonus of a bead of layer `layer` after one of layer `fromLayer`. */
  bonus: (fromLayer: number, layer: number) => number;
}

/** Tables of the forward pass, one entry per (cell, layer) at `cell * layerCount + layer` unless said. */
interface ForwardTables {
  /** Viterbi: log-potential of the best path to the cell ending in the layer. */
  best: Float64Array;
  /** Log-sum of the potentials (divided by the temperature) of all paths to the cell ending in the layer. */
  forward: Float64Array;
  /** Backpointer: index in `shapes` of the last bead of the best path to the cell ending in the layer. */
  backShape: Uint8Array;
  /** Backpointer: the layer of the bead before that one. */
  backLayer: Uint8Array;
  /** Best over the layers of each cell (one entry per cell; `best` itself with one layer). */
  bestAny: Float64Array;
  /** The layer that `bestAny` comes from (empty with one layer: every path is in layer 0). */
  bestAnyLayer: Uint8Array;
  /** Log-sum of `forward` over the layers of each cell (one entry per cell; `forward` itself with one layer). */
  forwardAny: Float64Array;
}

/** One bead of the best path: its shape, its units and the layer it ends in. */
interface PathBead {
  /** Index in `shapes`. */
  shape: number;
  /** Source units [i0, i1). */
  i0: number;
  i1: number;
  /** Target units [j0, j1). */
  j0: number;
  j1: number;
  /** The layer the bead ends in: `backLayer` of its end cell names the one before. */
  layer: number;
}

function layOutGrid(n: number, m: number, band: SearchBand): Grid {
  const rowStart = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++)
    rowStart[i + 1] = (rowStart[i] as number) + ((band.hi[i] as number) - (band.lo[i] as number) + 1);
  const cellOf = (i: number, j: number): number => {
    if (i < 0 || i > n) return -1;
    const lo = band.lo[i] as number;
    if (j < lo || j > (band.hi[i] as number)) return -1;
    return (rowStart[i] as number) + j - lo;
  };
  return { n, m, band, cells: rowStart[n + 1] as number, cellOf };
}

function buildModel(
  grid: Grid,
  score: BeadScore,
  shapes: readonly BeadShape[],
  temperature: number,
  runBonus: number,
): DpModel {
  const { cells } = grid;
  // The run model triples the DP's memory: a span too large for it (an unanchored 100,000-sentence text in the
  // first pass) is searched without it.
  const layerCount = runBonus !== 0 && cells <= RUN_MODEL_CELL_LIMIT ? LAYERS : 1;
  const shapeCount = shapes.length;
  if (shapeCount > 255) throw new Error('alignByDp: too many bead shapes for one-byte backpointers');
  const layers = shapes.map((shape) => (layerCount === 1 ? Layer.other : layerOf(shape)));
  // Potentials computed in the forward pass are kept for the backward pass and the traceback when memory
  // allows: scoring a bead is the expensive step.
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
  const bonus = (fromLayer: number, layer: number): number =>
    layer !== Layer.other && fromLayer === layer ? runBonus : 0;
  return { shapes, layers, layerCount, temperature, potentialOf, bonus };
}

/** Viterbi and forward sums over the band, from (0, 0) onwards. */
function runForward(grid: Grid, model: DpModel): ForwardTables {
  const { n, band, cells, cellOf } = grid;
  const { shapes, layers, temperature, potentialOf, bonus } = model;
  const L = model.layerCount;
  const shapeCount = shapes.length;
  const best = new Float64Array(cells * L).fill(-Infinity);
  const forward = new Float64Array(cells * L).fill(-Infinity);
  const backShape = new Uint8Array(cells * L);
  const backLayer = new Uint8Array(cells * L);
  // Best and total score over the layers of each cell: most beads do not care which layer they follow.
  const bestAny = L === 1 ? best : new Float64Array(cells).fill(-Infinity);
  const bestAnyLayer = new Uint8Array(L === 1 ? 0 : cells);
  const forwardAny = L === 1 ? forward : new Float64Array(cells).fill(-Infinity);
  // Cell 0 is (0, 0), entered by no bead: its entry of layer `other` (index 0) starts every path.
  best[Layer.other] = 0;
  forward[Layer.other] = 0;
  bestAny[0] = 0;
  forwardAny[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = band.lo[i] as number; j <= (band.hi[i] as number); j++) {
      if (i === 0 && j === 0) continue;
      const here = cellOf(i, j);
      for (let s = 0; s < shapeCount; s++) {
        const shape = shapes[s] as BeadShape;
        // The bead takes source units [i - shape.source, i) and target units [j - shape.target, j).
        const from = cellOf(i - shape.source, j - shape.target);
        if (from < 0 || bestAny[from] === -Infinity) continue;
        const potential = potentialOf(here, s, i - shape.source, i, j - shape.target, j);
        if (potential === -Infinity) continue;
        const layer = layers[s] as number;
        const at = here * L + layer;
        if (layer === Layer.other) {
          // No run bonus: the bead follows the best of any layer.
          const total = (bestAny[from] as number) + potential;
          if (total > (best[at] as number)) {
            best[at] = total;
            backShape[at] = s;
            backLayer[at] = L === 1 ? Layer.other : (bestAnyLayer[from] as number);
          }
          forward[at] = logAddExp(forward[at] as number, (forwardAny[from] as number) + potential / temperature);
          continue;
        }
        for (let l = 0; l < L; l++) {
          const previous = best[from * L + l] as number;
          if (previous === -Infinity) continue;
          const step = potential + bonus(l, layer);
          if (previous + step > (best[at] as number)) {
            best[at] = previous + step;
            backShape[at] = s;
            backLayer[at] = l;
          }
          forward[at] = logAddExp(forward[at] as number, (forward[from * L + l] as number) + step / temperature);
        }
      }
      if (L === 1) continue;
      for (let l = 0; l < L; l++) {
        if ((best[here * L + l] as number) > (bestAny[here] as number)) {
          bestAny[here] = best[here * L + l] as number;
          bestAnyLayer[here] = l;
        }
        forwardAny[here] = logAddExp(forwardAny[here] as number, forward[here * L + l] as number);
      }
    }
  }
  return { best, forward, backShape, backLayer, bestAny, bestAnyLayer, forwardAny };
}

/**
 * Backward sums: entry (cell, layer) is the log-sum of the potentials (divided by the temperature) of all
 * completions from the cell to (n, m) when the cell was entered by a bead of that layer.
 */
function runBackward(grid: Grid, model: DpModel, end: number): Float64Array {
  const { n, band, cells, cellOf } = grid;
  const { shapes, layers, temperature, potentialOf, bonus } = model;
  const L = model.layerCount;
  const shapeCount = shapes.length;
  const backward = new Float64Array(cells * L).fill(-Infinity);
  for (let l = 0; l < L; l++) backward[end * L + l] = 0;
  const runs = new Float64Array(L);
  for (let i = n; i >= 0; i--) {
    for (let j = band.hi[i] as number; j >= (band.lo[i] as number); j--) {
      const here = cellOf(i, j);
      if (here === end) continue;
      // Completions whose next bead ignores the layer it follows, and per layer those that may earn a run bonus.
      let common = -Infinity;
      runs.fill(-Infinity);
      for (let s = 0; s < shapeCount; s++) {
        const shape = shapes[s] as BeadShape;
        // The next bead takes source units [i, i + shape.source) and target units [j, j + shape.target).
        const to = cellOf(i + shape.source, j + shape.target);
        if (to < 0) continue;
        const layer = layers[s] as number;
        const after = backward[to * L + layer] as number;
        if (after === -Infinity) continue;
        const potential = potentialOf(to, s, i, i + shape.source, j, j + shape.target);
        if (potential === -Infinity) continue;
        if (layer === Layer.other) {
          common = logAddExp(common, after + potential / temperature);
          continue;
        }
        for (let l = 0; l < L; l++)
          runs[l] = logAddExp(runs[l] as number, after + (potential + bonus(l, layer)) / temperature);
      }
      for (let l = 0; l < L; l++) backward[here * L + l] = logAddExp(common, runs[l] as number);
    }
  }
  return backward;
}

/** The best path, read from the backpointers from (n, m) back to (0, 0) and returned in order. */
function traceBack(grid: Grid, model: DpModel, tables: ForwardTables, endLayer: number): PathBead[] {
  const { cellOf } = grid;
  const L = model.layerCount;
  const path: PathBead[] = [];
  let i = grid.n;
  let j = grid.m;
  let layer = endLayer;
  while (i > 0 || j > 0) {
    const at = cellOf(i, j) * L + layer;
    const s = tables.backShape[at] as number;
    const shape = model.shapes[s] as BeadShape;
    path.push({ shape: s, i0: i - shape.source, i1: i, j0: j - shape.target, j1: j, layer });
    i -= shape.source;
    j -= shape.target;
    layer = tables.backLayer[at] as number;
  }
  return path.reverse();
}

/** Each bead's marginal: every way of reaching its start, the bead, every way of finishing after it. */
function posteriorsOf(
  path: readonly PathBead[],
  grid: Grid,
  model: DpModel,
  forward: Float64Array,
  backward: Float64Array,
  total: number,
): number[] {
  const { cellOf } = grid;
  const { temperature, potentialOf, bonus } = model;
  const L = model.layerCount;
  return path.map(({ shape, i0, i1, j0, j1, layer }) => {
    const here = cellOf(i1, j1);
    const from = cellOf(i0, j0);
    const potential = potentialOf(here, shape, i0, i1, j0, j1);
    let reach = -Infinity;
    for (let l = 0; l < L; l++)
      reach = logAddExp(reach, (forward[from * L + l] as number) + (potential + bonus(l, layer)) / temperature);
    return Math.min(1, Math.exp(reach + (backward[here * L + layer] as number) - total));
  });
}

/**
 * Finds the best monotone segmentation of [0, n) x [0, m) into beads of the given shapes inside the band
 * (Viterbi), and each chosen bead's posterior by forward-backward; memory is O(cells in band).
 * `temperature` divides the potentials for the posteriors only (higher = less peaked). `runBonus` is added
 * to a 1-0 or 0-1 bead that follows one of the same shape: a first-order model of insertion runs.
 */
export function alignByDp(
  n: number,
  m: number,
  score: BeadScore,
  band: SearchBand,
  shapes: readonly BeadShape[],
  temperature = 1,
  runBonus = 0,
): DpResult {
  const grid = layOutGrid(n, m, band);
  const model = buildModel(grid, score, shapes, temperature, runBonus);
  const end = grid.cellOf(n, m);
  const best = findBestPath(grid, model, end);
  const backward = runBackward(grid, model, end);
  const posteriors = posteriorsOf(best.path, grid, model, best.forward.table, backward, best.forward.total);
  const beads: Bead[] = best.path.map((bead) => ({
    source: range(bead.i0, bead.i1),
    target: range(bead.j0, bead.j1),
  }));
  return { beads, posteriors, score: best.score };
}

/**
 * The forward pass and the traceback. Only the path, its score and the forward sums leave this function: the Viterbi
 * tables (a quarter of the DP's memory) can be collected before the backward pass allocates its table.
 */
function findBestPath(
  grid: Grid,
  model: DpModel,
  end: number,
): { path: PathBead[]; score: number; forward: { table: Float64Array; total: number } } {
  const tables = runForward(grid, model);
  if (end < 0 || tables.bestAny[end] === -Infinity)
    throw new Error(`alignByDp: no path reaches (${grid.n}, ${grid.m}) inside the band`);
  const endLayer = model.layerCount === 1 ? Layer.other : (tables.bestAnyLayer[end] as number);
  return {
    path: traceBack(grid, model, tables, endLayer),
    score: tables.bestAny[end] as number,
    forward: { table: tables.forward, total: tables.forwardAny[end] as number },
  };
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = start; k < end; k++) out.push(k);
  return out;
}
