import { describe, expect, it } from 'vitest';
import {
  alignByDp,
  bandAround,
  fullBand,
  SENTENCE_BEAD_SHAPES,
  WIDE_SENTENCE_BEAD_SHAPES,
  type BeadScore,
  type BeadShape,
  type SearchBand,
} from '../../../src/core/align/dp.js';
import { pseudoRandom } from '../../../harness/pseudo-random.js';

// Units are numbers; a bead scores well when its source sum equals its target sum (a toy length model).
function sumScorer(source: number[], target: number[]): BeadScore {
  return (i0, i1, j0, j1) => {
    if (i1 === i0 || j1 === j0) return -6;
    const a = source.slice(i0, i1).reduce((x, y) => x + y, 0);
    const b = target.slice(j0, j1).reduce((x, y) => x + y, 0);
    return -Math.abs(a - b) - (i1 - i0 + j1 - j0 - 2) * 0.5;
  };
}

function covers(beads: { source: number[]; target: number[] }[], n: number, m: number): boolean {
  const source = beads.flatMap((b) => b.source);
  const target = beads.flatMap((b) => b.target);
  return source.join() === [...Array(n).keys()].join() && target.join() === [...Array(m).keys()].join();
}

/** Random potentials in (-scale, 0], the same for the same bead however often it is asked. */
function randomScorer(seed: number, scale: number): BeadScore {
  const draw = pseudoRandom(seed);
  const table = new Map<string, number>();
  return (i0, i1, j0, j1) => {
    const key = `${i0},${i1},${j0},${j1}`;
    if (!table.has(key)) table.set(key, (-scale * draw(2 ** 31)) / 2 ** 31);
    return table.get(key) as number;
  };
}

/** A path of the full grid: its beads ("i0,i1,j0,j1"), the cells it passes ("i,j", both ends), its log-weight. */
interface EnumeratedPath {
  beads: string[];
  cells: string[];
  weight: number;
}

/** Every path from (0, 0) to (n, m) with its log-weight as the DP defines it (run bonus, temperature). */
function everyPath(
  n: number,
  m: number,
  shapes: readonly BeadShape[],
  score: BeadScore,
  runBonus = 0,
  temperature = 1,
): EnumeratedPath[] {
  const paths: EnumeratedPath[] = [];
  const walk = (i: number, j: number, previous: string, path: EnumeratedPath): void => {
    if (i === n && j === m) {
      paths.push(path);
      return;
    }
    for (const shape of shapes) {
      const i1 = i + shape.source;
      const j1 = j + shape.target;
      if (i1 > n || j1 > m) continue;
      const kind = `${shape.source}-${shape.target}`;
      const run = (kind === '0-1' || kind === '1-0') && previous === kind ? runBonus : 0;
      walk(i1, j1, kind, {
        beads: [...path.beads, `${i},${i1},${j},${j1}`],
        cells: [...path.cells, `${i1},${j1}`],
        weight: path.weight + (score(i, i1, j, j1) + run) / temperature,
      });
    }
  };
  walk(0, 0, '', { beads: [], cells: ['0,0'], weight: 0 });
  return paths;
}

describe('alignByDp', () => {
  it('finds 1-1, 2-1, 1-2 and 1-0 beads where the scores say so', () => {
    const source = [5, 3, 4, 7, 20, 9];
    const target = [5, 7, 4, 3, 9];
    const { beads } = alignByDp(
      source.length,
      target.length,
      sumScorer(source, target),
      fullBand(6, 5),
      SENTENCE_BEAD_SHAPES,
    );
    expect(beads).toEqual([
      { source: [0], target: [0] },
      { source: [1, 2], target: [1] },
      { source: [3], target: [2, 3] },
      { source: [4], target: [] },
      { source: [5], target: [4] },
    ]);
  });

  it('covers every unit of both sides exactly once, in order, on random inputs', () => {
    const draw = pseudoRandom(7);
    for (let trial = 0; trial < 30; trial++) {
      const n = 1 + draw(25);
      const m = 1 + draw(25);
      const source = Array.from({ length: n }, () => draw(10));
      const target = Array.from({ length: m }, () => draw(10));
      const result = alignByDp(n, m, sumScorer(source, target), fullBand(n, m), SENTENCE_BEAD_SHAPES);
      expect(covers(result.beads, n, m)).toBe(true);
      expect(result.posteriors).toHaveLength(result.beads.length);
      for (const p of result.posteriors) expect(p).toBeGreaterThanOrEqual(0);
      for (const p of result.posteriors) expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('gives a clear winner a posterior near 1 and an ambiguous bead less', () => {
    const oneToOne: BeadScore = (i0, i1, j0, j1) => (i1 - i0 === 1 && j1 - j0 === 1 ? 0 : -20);
    const clear = alignByDp(1, 1, oneToOne, fullBand(1, 1), SENTENCE_BEAD_SHAPES);
    expect(clear.posteriors[0]).toBeGreaterThan(0.99);
    // Two equally good ways to align two units with two: 1-1 + 1-1, or one 2-2 bead.
    const tie: BeadScore = (i0, i1, j0, j1) => (i1 - i0 === j1 - j0 && i1 > i0 ? 0 : -50);
    const ambiguous = alignByDp(2, 2, tie, fullBand(2, 2), SENTENCE_BEAD_SHAPES);
    expect(ambiguous.posteriors[0]).toBeGreaterThan(0.4);
    expect(ambiguous.posteriors[0]).toBeLessThan(0.6);
  });

  it('finds the same path in a band around it as in the full grid', () => {
    const source = [3, 8, 2, 2, 6, 1, 7, 4, 4, 9, 3, 5];
    const target = [3, 8, 4, 6, 1, 7, 4, 4, 9, 3, 5];
    const score = sumScorer(source, target);
    const full = alignByDp(12, 11, score, fullBand(12, 11), SENTENCE_BEAD_SHAPES);
    const diagonal = Array.from({ length: 13 }, (_, i) => (i * 11) / 12);
    const banded = alignByDp(12, 11, score, bandAround(diagonal, 12, 11, 3), SENTENCE_BEAD_SHAPES);
    expect(banded.beads).toEqual(full.beads);
  });

  it('a band around a path with a long jump still lets the search through', () => {
    const center = [0, 1, 30, 31, 32];
    const band = bandAround(center, 4, 32, 2);
    const score: BeadScore = (i0, i1, j0, j1) => (i1 - i0 === 1 && j1 - j0 === 1 ? 0 : -1);
    const result = alignByDp(4, 32, score, band, SENTENCE_BEAD_SHAPES);
    expect(covers(result.beads, 4, 32)).toBe(true);
  });

  it('bands are monotone and always hold both corners', () => {
    const band = bandAround([0, 9, 1, 8, 2], 4, 10, 1);
    expect(band.lo[0]).toBe(0);
    expect(band.hi[4]).toBe(10);
    for (let i = 1; i <= 4; i++) {
      expect(band.lo[i]).toBeGreaterThanOrEqual(band.lo[i - 1] as number);
      expect(band.hi[i]).toBeGreaterThanOrEqual(band.hi[i - 1] as number);
    }
  });

  it('stretches the row before a jump in the path to where the jump lands', () => {
    // The path stays near 2 until row 2, then jumps to 30 (a run of 28 insertions travelled along row 2).
    const band = bandAround([0, 1, 2, 30, 31], 4, 32, 2);
    expect(band.hi[2]).toBeGreaterThanOrEqual(32);
  });

  it('makes a run of insertions cheaper than absorbing them into wide beads when runBonus says so', () => {
    // Units 1..4 of the target match nothing; absorbing them costs -4 a unit, an isolated insertion -5.
    const score: BeadScore = (i0, i1, j0, j1) => {
      if (i1 - i0 === 0 && j1 - j0 === 1) return -5;
      if (i1 - i0 === 1 && j1 - j0 === 0) return -20;
      const junk = Math.max(0, Math.min(j1, 5) - Math.max(j0, 1));
      const real = j1 - j0 - junk;
      return real === 1 && i1 - i0 === 1 ? -4 * junk : -30;
    };
    const shapes: BeadShape[] = [...WIDE_SENTENCE_BEAD_SHAPES];
    const absorbed = alignByDp(2, 6, score, fullBand(2, 6), shapes, { runBonus: 0 });
    expect(absorbed.beads.some((b) => b.target.length > 1)).toBe(true);
    const run = alignByDp(2, 6, score, fullBand(2, 6), shapes, { runBonus: 2 });
    expect(run.beads).toEqual([
      { source: [0], target: [0] },
      { source: [], target: [1] },
      { source: [], target: [2] },
      { source: [], target: [3] },
      { source: [], target: [4] },
      { source: [1], target: [5] },
    ]);
  });

  it.each([0, 1.5])(
    'gives each bead its exact marginal with run bonus %s (checked by enumerating every path)',
    (runBonus) => {
      const score = randomScorer(11, 4);
      const n = 3;
      const m = 4;
      const temperature = 1.3;
      const shapes = SENTENCE_BEAD_SHAPES;
      const paths = everyPath(n, m, shapes, score, runBonus, temperature);
      const total = paths.reduce((sum, p) => sum + Math.exp(p.weight), 0);
      const result = alignByDp(n, m, score, fullBand(n, m), shapes, { temperature, runBonus });
      let i0 = 0;
      let j0 = 0;
      result.beads.forEach((bead, k) => {
        const id = `${i0},${i0 + bead.source.length},${j0},${j0 + bead.target.length}`;
        i0 += bead.source.length;
        j0 += bead.target.length;
        const exact = paths.filter((p) => p.beads.includes(id)).reduce((sum, p) => sum + Math.exp(p.weight), 0) / total;
        expect(result.posteriors[k]).toBeCloseTo(exact, 6);
      });
      // And the chosen path is the heaviest one.
      const heaviest = paths.reduce((a, b) => (b.weight > a.weight ? b : a));
      expect(result.score / temperature).toBeCloseTo(heaviest.weight, 9);
    },
  );

  it('names per row the first and last cell passed with e^-margin of the mass (checked on every path)', () => {
    const score = randomScorer(5, 8);
    const n = 4;
    const m = 5;
    const shapes = SENTENCE_BEAD_SHAPES;
    const paths = everyPath(n, m, shapes, score);
    const total = paths.reduce((sum, p) => sum + Math.exp(p.weight), 0);
    const margin = 3;
    const result = alignByDp(n, m, score, fullBand(n, m), shapes, { plausibleMargin: margin });
    const plausible = result.plausible as SearchBand;
    let narrowed = false;
    for (let i = 0; i <= n; i++) {
      const cells: number[] = [];
      for (let j = 0; j <= m; j++) {
        const through = paths.filter((p) => p.cells.includes(`${i},${j}`));
        const posterior = through.reduce((sum, p) => sum + Math.exp(p.weight), 0) / total;
        if (posterior >= Math.exp(-margin)) cells.push(j);
      }
      expect([plausible.lo[i], plausible.hi[i]]).toEqual(
        cells.length > 0 ? [Math.min(...cells), Math.max(...cells)] : [m + 1, -1],
      );
      if (cells.length > 0 && Math.max(...cells) - Math.min(...cells) < m) narrowed = true;
    }
    // The check means something only if some row is narrower than the whole band.
    expect(narrowed).toBe(true);
    expect(alignByDp(n, m, score, fullBand(n, m), shapes).plausible).toBeNull();
  });
});
