import { describe, expect, it } from 'vitest';
import { SimilarityMeter } from '../../../src/core/align/costs.js';
import { buildFeatures, KeySpace, tokenizeSide } from '../../../src/core/align/features.js';
import { MAX_MASKED_WORDS, PairOverlap } from '../../../src/core/align/pair-overlap.js';
import { pseudoRandom } from '../../../harness/pseudo-random.js';

// Sentences over a small vocabulary shared by both sides, so that beads match some words and miss others.
function sentences(count: number, seed: number): string[] {
  const draw = pseudoRandom(seed);
  return Array.from({ length: count }, (_, s) => {
    // Every 37th sentence is longer than a mask holds.
    const length = s % 37 === 36 ? MAX_MASKED_WORDS + 5 : 3 + draw(20);
    const words = Array.from({ length }, () => `w${draw(300)}x`);
    return `${words.join(' ')}.`;
  });
}

function sides(n: number, m: number) {
  const space = new KeySpace();
  const none = (k: number) => new Uint8Array(k);
  const s = tokenizeSide(sentences(n, 11));
  const t = tokenizeSide(sentences(m, 29));
  const source = buildFeatures(s, space, { functionWords: none(s.vocabulary.length) });
  const target = buildFeatures(t, space, { functionWords: none(t.vocabulary.length) });
  return { source, target, space };
}

describe('PairOverlap', () => {
  const { source, target, space } = sides(160, 170);
  const meter = new SimilarityMeter(source, target, space);
  const wordsOf = (i0: number, i1: number, j0: number, j1: number) =>
    (source.wordStart[i1] as number) -
    (source.wordStart[i0] as number) +
    (target.wordStart[j1] as number) -
    (target.wordStart[j0] as number);

  // Beads of up to three sentences a side near the diagonal, visited forwards then backwards, as the DP's two passes
  // do.
  const beads: [number, number, number, number][] = [];
  for (let i1 = 1; i1 <= 160; i1++)
    for (let j1 = Math.max(1, i1 - 8); j1 <= Math.min(170, i1 + 18); j1++)
      for (let a = 1; a <= 3 && a <= i1; a++)
        for (let b = 1; b <= 3 && b <= j1; b++) beads.push([i1 - a, i1, j1 - b, j1]);

  it('counts exactly the words that matching word by word counts, forwards and backwards', () => {
    const overlap = new PairOverlap(source, target, space.stamps());
    let compared = 0;
    let partial = 0;
    for (const bead of [...beads, ...[...beads].reverse()]) {
      if (!overlap.fits(...bead)) continue;
      const { similarity, words } = meter.measure(...bead);
      expect(words).toBe(wordsOf(...bead));
      expect(overlap.matched(...bead)).toBe(Math.round(similarity * words));
      compared += 1;
      if (similarity > 0 && similarity < 1) partial += 1;
    }
    expect(compared).toBeGreaterThan(beads.length);
    // Most beads match some words and miss others: the comparison is not between zeros.
    expect(partial).toBeGreaterThan(compared / 2);
  });

  it('refuses beads with a sentence longer than a mask', () => {
    const overlap = new PairOverlap(source, target, space.stamps());
    expect(overlap.fits(36, 37, 36, 37)).toBe(false);
    expect(overlap.fits(35, 36, 35, 36)).toBe(true);
  });
});
