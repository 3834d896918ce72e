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

/** How the search weighs and reports; every field has a neutral default. */
export interface DpOptions {
  /** Divides the potentials for the posteriors only (higher = less peaked); default 1. */
  temperature?: number;
  /** Added to a 1-0 or 0-1 bead that follows one of the same shape (a first-order model of runs); default 0. */
  runBonus?: number;
  /**
   * When set, the result names per source prefix the target prefixes through which some path passes with a posterior
   * of at least e^-plausibleMargin: what a later, sharper search need not look beyond.
   */
  plausibleMargin?: number;
}

/** Beads of the best path with the posterior probability of each under the same potentials. */
export interface DpResult {
  beads: Bead[];
  /** Posterior marginal of each bead of `beads` (forward-backward), in [0, 1]. */
  posteriors: number[];
  /** Log-potential of the best path. */
  score: number;
  /**
   * With `plausibleMargin`: for each source prefix i, the target prefixes lo[i] .. hi[i] of its plausible cells
   * (lo > hi when none is; lo = -1 or hi = m + 1 when they reach the band's edge, beyond which the search did not
   * look); otherwise null.
   */
  plausible: SearchBand | null;
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
  return closeBand(lo, hi, n, m);
}

/**
 * Turns rows of target prefixes (lo[i] .. hi[i], within 0 .. m) into a band every cell of which the search can reach:
 * the corners included, monotone, each row overlapping the next. Changes and returns the arrays.
 */
export function closeBand(lo: Int32Array, hi: Int32Array, n: number, m: number): SearchBand {
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

/**
 * Most cells for which the DP keeps the three layers of the run model. Set when the layers cost about 95 bytes a cell;
 * they now cost 30 (forward sums and backpointers, the rest in rolling rows), but a higher limit would change the first
 * pass of long unanchored texts, which are searched without the run model.
 */
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

/**
 * The band's cells numbered row by row: cell (i, j) is the prefix pair (source i units, target j units). The loops
 * below compute cell numbers inline from these arrays: a closure per lookup cost a tenth of the DP.
 */
interface Grid {
  /** Source units. */
  n: number;
  /** Target units. */
  m: number;
  /** Row i holds target prefixes lo[i] .. hi[i] (the band). */
  lo: Int32Array;
  hi: Int32Array;
  /** Number of cell (i, lo[i]); the cells of a row are numbered consecutively. */
  rowStart: Int32Array;
  /** Cells in the band. */
  cells: number;
  /** Cells in the widest row: the size of one row of the rolling tables. */
  width: number;
}

/** Number of cell (i, j), or -1 when it lies outside the band. */
function cellOf(grid: Grid, i: number, j: number): number {
  if (i < 0 || i > grid.n) return -1;
  const lo = grid.lo[i] as number;
  if (j < lo || j > (grid.hi[i] as number)) return -1;
  return (grid.rowStart[i] as number) + j - lo;
}

/** What the phases share besides the grid: the bead shapes, the scorer and the run model. */
interface DpModel {
  shapeCount: number;
  /** Source and target units of each shape. */
  sourceOf: Int32Array;
  targetOf: Int32Array;
  /** Most source units of any shape: how many rows back a bead reaches, so how many rows the rolling tables keep. */
  maxSource: number;
  /** Layer of each shape (all `Layer.other` without the run model). */
  layers: Uint8Array;
  /** Layers per cell: 3 with the run model, 1 without. */
  layerCount: number;
  /** Divides the potentials in the sums (forward, backward, posteriors), never in the Viterbi scores. */
  temperature: number;
  /** Added to a deletion or insertion that follows one of its kind. */
  runBonus: number;
  score: BeadScore;
  /** Potential of shape s ending at cell c at `c * shapeCount + s` (NaN: not yet scored); null when too large. */
  memo: Float32Array | null;
}

/**
 * Log-potential of the bead of shape `s` ending at cell `to`, which takes [i0, i1) x [j0, j1). Scoring a bead is the
 * expensive step: the forward pass's potentials are kept for the backward pass and the posteriors when memory allows.
 */
function potentialOf(model: DpModel, to: number, s: number, i0: number, i1: number, j0: number, j1: number): number {
  const memo = model.memo;
  if (memo === null) return model.score(i0, i1, j0, j1);
  const at = to * model.shapeCount + s;
  const cached = memo[at] as number;
  if (cached === cached) return cached; // not NaN
  const value = model.score(i0, i1, j0, j1);
  memo[at] = value;
  return value;
}

/**
 * What the forward pass leaves: the forward sums of every cell (the posteriors read them at the path's cells, unknown
 * until the traceback), the backpointers, and the end cell's scores. The Viterbi scores and the sums over layers live
 * in rolling rows only: a bead reaches back at most `maxSource` rows.
 */
interface ForwardTables {
  /** Log-sum of the potentials (divided by the temperature) of all paths to the cell ending in the layer. */
  forward: Float64Array;
  /** Backpointer: index in `shapes` of the last bead of the best path to the cell ending in the layer. */
  backShape: Uint8Array;
  /** Backpointer: the layer of the bead before that one. */
  backLayer: Uint8Array;
  /** Viterbi score of the best path to (n, m), its last layer, and the log-sum of all paths to it. */
  endBest: number;
  endLayer: number;
  total: number;
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
  let width = 0;
  for (let i = 0; i <= n; i++) {
    const cellsInRow = (band.hi[i] as number) - (band.lo[i] as number) + 1;
    rowStart[i + 1] = (rowStart[i] as number) + cellsInRow;
    if (cellsInRow > width) width = cellsInRow;
  }
  return { n, m, lo: band.lo, hi: band.hi, rowStart, cells: rowStart[n + 1] as number, width };
}

/** What the DP reads of a list of bead shapes, as flat arrays. */
interface ShapeTable {
  sourceOf: Int32Array;
  targetOf: Int32Array;
  maxSource: number;
  /** Layer of each shape with the run model, and without it (all `Layer.other`). */
  runLayers: Uint8Array;
  singleLayer: Uint8Array;
}

// A document aligned paragraph by paragraph runs hundreds of small DPs over the same few lists of shapes.
const shapeTables = new WeakMap<readonly BeadShape[], ShapeTable>();

function shapeTableOf(shapes: readonly BeadShape[]): ShapeTable {
  const cached = shapeTables.get(shapes);
  if (cached) return cached;
  if (shapes.length > 255) throw new Error('alignByDp: too many bead shapes for one-byte backpointers');
  const table = {
    sourceOf: Int32Array.from(shapes, (shape) => shape.source),
    targetOf: Int32Array.from(shapes, (shape) => shape.target),
    maxSource: Math.max(0, ...shapes.map((shape) => shape.source)),
    runLayers: Uint8Array.from(shapes, layerOf),
    singleLayer: new Uint8Array(shapes.length).fill(Layer.other),
  };
  shapeTables.set(shapes, table);
  return table;
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
  const memo = cells * shapeCount <= MEMO_LIMIT ? new Float32Array(cells * shapeCount).fill(NaN) : null;
  const table = shapeTableOf(shapes);
  return {
    shapeCount,
    sourceOf: table.sourceOf,
    targetOf: table.targetOf,
    maxSource: table.maxSource,
    layers: layerCount === 1 ? table.singleLayer : table.runLayers,
    layerCount,
    temperature,
    runBonus,
    score,
    memo,
  };
}

/** Viterbi and forward sums over the band, from (0, 0) onwards. */
function runForward(grid: Grid, model: DpModel): ForwardTables {
  const { n, m, lo, hi, rowStart, cells, width } = grid;
  const { shapeCount, sourceOf, targetOf, layers, temperature, runBonus } = model;
  const L = model.layerCount;
  const forward = new Float64Array(cells * L).fill(-Infinity);
  const backShape = new Uint8Array(cells * L);
  const backLayer = new Uint8Array(cells * L);
  // Rolling rows, row i in slot i % slots: the Viterbi scores per (cell, layer), and per cell the best and the
  // log-sum over its layers (most beads do not care which layer they follow).
  const slots = model.maxSource + 1;
  const best = new Float64Array(slots * width * L);
  const bestAny = new Float64Array(slots * width);
  const bestAnyLayer = new Uint8Array(slots * width);
  const forwardAny = new Float64Array(slots * width);
  // Where rows i, i - 1, ... i - maxSource start in the rolling tables (no modulo per bead).
  const slotBack = new Int32Array(slots);
  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i] as number;
    const rowHi = hi[i] as number;
    for (let d = 0; d < slots; d++) slotBack[d] = ((i - d + slots) % slots) * width;
    const slot = slotBack[0] as number;
    best.fill(-Infinity, slot * L, (slot + width) * L);
    bestAny.fill(-Infinity, slot, slot + width);
    forwardAny.fill(-Infinity, slot, slot + width);
    for (let j = rowLo; j <= rowHi; j++) {
      const here = (rowStart[i] as number) + j - rowLo;
      const hereAt = slot + j - rowLo;
      if (i === 0 && j === 0) {
        // Cell (0, 0) is entered by no bead: its entry of layer `other` (index 0) starts every path.
        best[hereAt * L + Layer.other] = 0;
        forward[here * L + Layer.other] = 0;
        bestAny[hereAt] = 0;
        forwardAny[hereAt] = 0;
        continue;
      }
      for (let s = 0; s < shapeCount; s++) {
        // The bead takes source units [fromI, i) and target units [fromJ, j).
        const fromI = i - (sourceOf[s] as number);
        const fromJ = j - (targetOf[s] as number);
        if (fromI < 0) continue;
        const fromLo = lo[fromI] as number;
        if (fromJ < fromLo || fromJ > (hi[fromI] as number)) continue;
        const from = (rowStart[fromI] as number) + fromJ - fromLo;
        const fromAt = (slotBack[sourceOf[s] as number] as number) + fromJ - fromLo;
        if (bestAny[fromAt] === -Infinity) continue;
        const potential = potentialOf(model, here, s, fromI, i, fromJ, j);
        if (potential === -Infinity) continue;
        const layer = layers[s] as number;
        const at = here * L + layer;
        const bestAt = hereAt * L + layer;
        if (layer === Layer.other) {
          // No run bonus: the bead follows the best of any layer.
          const total = (bestAny[fromAt] as number) + potential;
          if (total > (best[bestAt] as number)) {
            best[bestAt] = total;
            backShape[at] = s;
            backLayer[at] = L === 1 ? Layer.other : (bestAnyLayer[fromAt] as number);
          }
          forward[at] = logAddExp(forward[at] as number, (forwardAny[fromAt] as number) + potential / temperature);
          continue;
        }
        for (let l = 0; l < L; l++) {
          const previous = best[fromAt * L + l] as number;
          if (previous === -Infinity) continue;
          const step = potential + (l === layer ? runBonus : 0);
          if (previous + step > (best[bestAt] as number)) {
            best[bestAt] = previous + step;
            backShape[at] = s;
            backLayer[at] = l;
          }
          forward[at] = logAddExp(forward[at] as number, (forward[from * L + l] as number) + step / temperature);
        }
      }
      for (let l = 0; l < L; l++) {
        if ((best[hereAt * L + l] as number) > (bestAny[hereAt] as number)) {
          bestAny[hereAt] = best[hereAt * L + l] as number;
          bestAnyLayer[hereAt] = l;
        }
        forwardAny[hereAt] = logAddExp(forwardAny[hereAt] as number, forward[here * L + l] as number);
      }
    }
  }
  const endCell = cellOf(grid, n, m);
  const endAt = endCell < 0 ? -1 : (n % slots) * width + m - (lo[n] as number);
  const endBest = endAt < 0 ? -Infinity : (bestAny[endAt] as number);
  return {
    forward,
    backShape,
    backLayer,
    endBest,
    endLayer: endAt < 0 ? Layer.other : (bestAnyLayer[endAt] as number),
    total: endAt < 0 ? -Infinity : (forwardAny[endAt] as number),
  };
}

/**
 * Backward sums, in rolling rows, and the posterior of each bead of the path as soon as the row it ends on is done.
 * Backward entry (cell, layer) is the log-sum of the potentials (divided by the temperature) of all completions from
 * the cell to (n, m) when the cell was entered by a bead of that layer. A bead's posterior is every way of reaching
 * its start, the bead, every way of finishing after it.
 */
function runBackward(
  grid: Grid,
  model: DpModel,
  path: readonly PathBead[],
  tables: ForwardTables,
  plausible: { margin: number; band: SearchBand } | null,
): number[] {
  const { n, lo, hi, rowStart, width } = grid;
  const { shapeCount, sourceOf, targetOf, layers, temperature, runBonus } = model;
  const { forward, total } = tables;
  const L = model.layerCount;
  const end = cellOf(grid, n, grid.m);
  const slots = model.maxSource + 1;
  const backward = new Float64Array(slots * width * L);
  const runs = new Float64Array(L);
  const posteriors: number[] = new Array<number>(path.length).fill(0);
  let next = path.length - 1;
  // Where rows i, i + 1, ... i + maxSource start in the rolling table (no modulo per bead).
  const slotAhead = new Int32Array(slots);
  for (let i = n; i >= 0; i--) {
    const rowLo = lo[i] as number;
    for (let d = 0; d < slots; d++) slotAhead[d] = ((i + d) % slots) * width;
    const slot = slotAhead[0] as number;
    backward.fill(-Infinity, slot * L, (slot + width) * L);
    for (let j = hi[i] as number; j >= rowLo; j--) {
      const here = (rowStart[i] as number) + j - rowLo;
      const hereAt = slot + j - rowLo;
      if (here === end) {
        for (let l = 0; l < L; l++) backward[hereAt * L + l] = 0;
        continue;
      }
      // Completions whose next bead ignores the layer it follows, and per layer those that may earn a run bonus.
      let common = -Infinity;
      runs.fill(-Infinity);
      for (let s = 0; s < shapeCount; s++) {
        // The next bead takes source units [i, toI) and target units [j, toJ).
        const toI = i + (sourceOf[s] as number);
        const toJ = j + (targetOf[s] as number);
        if (toI > n) continue;
        const toLo = lo[toI] as number;
        if (toJ < toLo || toJ > (hi[toI] as number)) continue;
        const to = (rowStart[toI] as number) + toJ - toLo;
        const layer = layers[s] as number;
        const after = backward[((slotAhead[sourceOf[s] as number] as number) + toJ - toLo) * L + layer] as number;
        if (after === -Infinity) continue;
        const potential = potentialOf(model, to, s, i, toI, j, toJ);
        if (potential === -Infinity) continue;
        if (layer === Layer.other) {
          common = logAddExp(common, after + potential / temperature);
          continue;
        }
        for (let l = 0; l < L; l++)
          runs[l] = logAddExp(runs[l] as number, after + (potential + (l === layer ? runBonus : 0)) / temperature);
      }
      for (let l = 0; l < L; l++) backward[hereAt * L + l] = logAddExp(common, runs[l] as number);
    }
    if (plausible) markPlausible(grid, i, forward, backward, slot, L, total - plausible.margin, plausible.band);
    for (; next >= 0 && (path[next] as PathBead).i1 === i; next--) {
      const { shape, i0, i1, j0, j1, layer } = path[next] as PathBead;
      const here = cellOf(grid, i1, j1);
      const from = cellOf(grid, i0, j0);
      const potential = potentialOf(model, here, shape, i0, i1, j0, j1);
      let reach = -Infinity;
      for (let l = 0; l < L; l++) {
        const step = potential + (layer !== Layer.other && l === layer ? runBonus : 0);
        reach = logAddExp(reach, (forward[from * L + l] as number) + step / temperature);
      }
      const after = backward[(slot + j1 - rowLo) * L + layer] as number;
      posteriors[next] = Math.min(1, Math.exp(reach + after - total));
    }
  }
  return posteriors;
}

/**
 * Records the first and last cell of row i through which some path passes with a log-posterior of at least `floor`
 * plus the log of all paths: forward and backward entries of one layer, the row's backward entries in `slot`.
 */
function markPlausible(
  grid: Grid,
  i: number,
  forward: Float64Array,
  backward: Float64Array,
  slot: number,
  L: number,
  floor: number,
  band: SearchBand,
): void {
  const rowLo = grid.lo[i] as number;
  const first = grid.rowStart[i] as number;
  let lo = grid.m + 1;
  let hi = -1;
  for (let j = rowLo; j <= (grid.hi[i] as number); j++) {
    for (let l = 0; l < L; l++) {
      const through =
        (forward[(first + j - rowLo) * L + l] as number) + (backward[(slot + j - rowLo) * L + l] as number);
      if (through >= floor) {
        if (j < lo) lo = j;
        hi = j;
        break;
      }
    }
  }
  // Plausible cells at the band's edge may go on beyond it: the band, not the model, cut them.
  band.lo[i] = lo === rowLo && rowLo > 0 ? -1 : lo;
  band.hi[i] = hi === (grid.hi[i] as number) && hi < grid.m ? grid.m + 1 : hi;
}

/** The best path, read from the backpointers from (n, m) back to (0, 0) and returned in order. */
function traceBack(grid: Grid, model: DpModel, tables: ForwardTables, sourceOf: Int32Array): PathBead[] {
  const L = model.layerCount;
  const path: PathBead[] = [];
  let i = grid.n;
  let j = grid.m;
  let layer = tables.endLayer;
  while (i > 0 || j > 0) {
    const at = cellOf(grid, i, j) * L + layer;
    const s = tables.backShape[at] as number;
    const di = sourceOf[s] as number;
    const dj = model.targetOf[s] as number;
    path.push({ shape: s, i0: i - di, i1: i, j0: j - dj, j1: j, layer });
    i -= di;
    j -= dj;
    layer = tables.backLayer[at] as number;
  }
  return path.reverse();
}

/**
 * Finds the best monotone segmentation of [0, n) x [0, m) into beads of the given shapes inside the band
 * (Viterbi), and each chosen bead's posterior by forward-backward; memory is O(cells in band): the forward sums
 * and the backpointers (10 bytes a cell and layer) and the cached potentials (4 bytes a cell and shape).
 * See {@link DpOptions} for the temperature, the run bonus and the plausible cells.
 */
export function alignByDp(
  n: number,
  m: number,
  score: BeadScore,
  band: SearchBand,
  shapes: readonly BeadShape[],
  options: DpOptions = {},
): DpResult {
  const grid = layOutGrid(n, m, band);
  const model = buildModel(grid, score, shapes, options.temperature ?? 1, options.runBonus ?? 0);
  const tables = runForward(grid, model);
  if (tables.endBest === -Infinity) throw new Error(`alignByDp: no path reaches (${n}, ${m}) inside the band`);
  const path = traceBack(grid, model, tables, model.sourceOf);
  const plausible =
    options.plausibleMargin === undefined
      ? null
      : { margin: options.plausibleMargin, band: { lo: new Int32Array(n + 1), hi: new Int32Array(n + 1) } };
  const posteriors = runBackward(grid, model, path, tables, plausible);
  const beads: Bead[] = path.map((bead) => ({
    source: range(bead.i0, bead.i1),
    target: range(bead.j0, bead.j1),
  }));
  return { beads, posteriors, score: tables.endBest, plausible: plausible?.band ?? null };
}

function range(start: number, end: number): number[] {
  const out: number[] = [];
  for (let k = start; k < end; k++) out.push(k);
  return out;
}
