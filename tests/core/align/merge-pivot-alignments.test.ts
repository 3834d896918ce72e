import { describe, expect, it } from 'vitest';
import { mergePivotSentences, type VersionBeads } from '../../../src/core/align/merge-pivot-alignments.js';
import type { MultiUnit, ScoredBead } from '../../../src/core/model.js';
import { pseudoRandom } from '../../../harness/pseudo-random.js';

// Beads written as vecalign prints them: "[0]:[0,1]" has version sentence 0 and pivot sentences 0 and 1.
function beads(...links: string[]): ScoredBead[] {
  return links.map((link, k) => {
    const [source, target] = link.split(':').map((side) => JSON.parse(side) as number[]) as [number[], number[]];
    return { source, target, confidence: 1 - k / 100 };
  });
}

function shape(units: MultiUnit[], languages: string[]): string[] {
  return units.map((unit) => languages.map((language) => JSON.stringify(unit.segments[language])).join(' '));
}

// A random monotone alignment of `sourceCount` version sentences with `targetCount` pivot sentences.
function randomBeads(random: () => number, sourceCount: number, targetCount: number): ScoredBead[] {
  const shapes = [
    [1, 1],
    [1, 1],
    [1, 0],
    [0, 1],
    [2, 1],
    [1, 2],
  ] as const;
  const out: ScoredBead[] = [];
  let i = 0;
  let j = 0;
  while (i < sourceCount || j < targetCount) {
    const [a, b] = shapes[Math.floor(random() * shapes.length)] as readonly [number, number];
    const take = [Math.min(a, sourceCount - i), Math.min(b, targetCount - j)] as const;
    if (take[0] + take[1] === 0) continue;
    out.push({
      source: Array.from({ length: take[0] }, (_, k) => i + k),
      target: Array.from({ length: take[1] }, (_, k) => j + k),
      confidence: random(),
    });
    i += take[0];
    j += take[1];
  }
  return out;
}

function seeded(seed: number): () => number {
  const draw = pseudoRandom(seed);
  return () => draw(2 ** 31) / 2 ** 31;
}

describe('mergePivotSentences', () => {
  it('gives back the beads of a single version', () => {
    const fr = beads('[0]:[0]', '[1]:[]', '[2,3]:[1]', '[]:[2]', '[4]:[3,4]');
    const units = mergePivotSentences({ language: 'en', count: 5 }, [{ language: 'fr', beads: fr }]);
    expect(
      units.map((unit) => ({ source: unit.segments.fr, target: unit.segments.en, confidence: unit.confidence })),
    ).toEqual(fr);
  });

  it('widens a unit to the union of every version’s pivot groups', () => {
    const fr = beads('[0]:[0]', '[1]:[1]', '[2]:[2]');
    const ru = beads('[0]:[0]', '[1]:[1,2]');
    const units = mergePivotSentences({ language: 'en', count: 3 }, [
      { language: 'fr', beads: fr },
      { language: 'ru', beads: ru },
    ]);
    expect(shape(units, ['en', 'fr', 'ru'])).toEqual(['[0] [0] [0]', '[1,2] [1,2] [1]']);
    // The lowest confidence of the beads merged into it.
    expect(units[1]?.confidence).toBeCloseTo(0.98);
  });

  it('keeps a sentence with no pivot counterpart inside a unit another version widened', () => {
    const fr = beads('[0]:[0]', '[1]:[]', '[2]:[1]');
    const es = beads('[0]:[0,1]');
    const units = mergePivotSentences({ language: 'en', count: 2 }, [
      { language: 'fr', beads: fr },
      { language: 'es', beads: es },
    ]);
    expect(shape(units, ['en', 'fr', 'es'])).toEqual(['[0,1] [0,1,2] [0]']);
  });

  it('puts a sentence with no pivot counterpart in a unit of its own, after the unit it follows', () => {
    const fr = beads('[]:[0]', '[0]:[1]', '[1]:[]', '[2]:[2]');
    const es = beads('[0]:[]', '[1]:[0]', '[2]:[1]', '[3]:[2]', '[4]:[]');
    const units = mergePivotSentences({ language: 'en', count: 3 }, [
      { language: 'fr', beads: fr },
      { language: 'es', beads: es },
    ]);
    expect(shape(units, ['en', 'fr', 'es'])).toEqual([
      '[] [] [0]',
      '[0] [] [1]',
      '[1] [0] [2]',
      '[] [1] []',
      '[2] [2] [3]',
      '[] [] [4]',
    ]);
  });

  it('joins segments the pivot lacks when they stand at the same place and carry the same label', () => {
    // French and Spanish have "Article 2" (their segment 1), the pivot has not; Spanish also has an unlabelled extra.
    const key = (labels: Record<number, string>) => (bead: ScoredBead) => labels[bead.source[0] ?? -1] ?? null;
    const fr = { language: 'fr', beads: beads('[0]:[0]', '[1]:[]', '[2]:[1]'), keyOf: key({ 1: 'art:2' }) };
    const es = { language: 'es', beads: beads('[0]:[0]', '[1]:[]', '[2]:[]', '[3]:[1]'), keyOf: key({ 1: 'art:2' }) };
    const units = mergePivotSentences({ language: 'en', count: 2 }, [fr, es]);
    expect(shape(units, ['en', 'fr', 'es'])).toEqual(['[0] [0] [0]', '[] [1] [1]', '[] [] [2]', '[1] [2] [3]']);
  });

  it('never joins a labelled segment to a unit that would put its version out of order', () => {
    const key = (labels: Record<number, string>) => (bead: ScoredBead) => labels[bead.source[0] ?? -1] ?? null;
    const fr = { language: 'fr', beads: beads('[0]:[]', '[1]:[]'), keyOf: key({ 0: 'a', 1: 'b' }) };
    const es = { language: 'es', beads: beads('[0]:[]', '[1]:[]'), keyOf: key({ 0: 'b', 1: 'a' }) };
    const units = mergePivotSentences({ language: 'en', count: 0 }, [fr, es]);
    expect(shape(units, ['en', 'fr', 'es'])).toEqual(['[] [0] []', '[] [1] [0]', '[] [] [1]']);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('covers every sentence of every language once, in order (seed %i)', (seed) => {
    const random = seeded(seed);
    const pivotCount = 5 + Math.floor(random() * 30);
    const versions: VersionBeads<ScoredBead>[] = ['ar', 'es', 'fr', 'ru', 'zh'].map((language) => ({
      language,
      beads: randomBeads(random, 5 + Math.floor(random() * 30), pivotCount),
    }));
    const units = mergePivotSentences({ language: 'en', count: pivotCount }, versions);
    const counts = new Map(versions.map((v) => [v.language, v.beads.reduce((n, b) => n + b.source.length, 0)]));
    counts.set('en', pivotCount);
    for (const [language, count] of counts) {
      const seen = units.flatMap((unit) => unit.segments[language] ?? []);
      expect(seen).toEqual(Array.from({ length: count }, (_, k) => k));
    }
    // Every pairwise bead lies inside one unit: units only ever join beads, never cut them.
    for (const version of versions) {
      for (const bead of version.beads) {
        const holders = new Set(
          [...bead.source.map((i) => ['s', i] as const), ...bead.target.map((j) => ['t', j] as const)].map(
            ([side, index]) =>
              units.findIndex((unit) => (unit.segments[side === 's' ? version.language : 'en'] ?? []).includes(index)),
          ),
        );
        expect(holders.size).toBe(1);
      }
    }
    expect(units.every((unit) => Object.values(unit.segments).some((list) => list.length > 0))).toBe(true);
  });
});
