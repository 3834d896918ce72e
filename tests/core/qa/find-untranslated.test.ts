import { describe, expect, it } from 'vitest';
import { maybeSameText, normaliseSpaces } from '../../../src/core/qa/find-untranslated.js';
import { pseudoRandom } from '../../../harness/pseudo-random.js';

describe('maybeSameText', () => {
  it.each([
    ['The Conference', 'La Conférence'],
    ['Report', 'Rapport'],
    ['abc', 'abcd'],
    ['1. Adoption', '1. Adopción'],
  ])('tells %j from %j', (a, b) => {
    expect(maybeSameText(a, b)).toBe(false);
  });

  it.each([
    ['CTOC/COP/2018/1', ' CTOC/COP/2018/1 '],
    ['a  b\n c', 'a b c'],
    ['Caf\u00e9', 'Cafe\u0301'],
    ['a\u00a0b', 'a b'],
  ])('cannot tell %j from %j', (a, b) => {
    expect(maybeSameText(a, b)).toBe(true);
  });

  it('never tells apart two texts that are the same once normalised, on 50,000 pairs of near-copies', () => {
    // Spaces of every kind, precomposed and decomposed letters, a lone combining mark, "<" that U+0338 composes into
    // "≮"; a fixed pseudo-random sequence, so a failure names a pair that stays.
    const alphabet = [' ', '  ', '\t', '\n', '\u00a0', '\u202f', 'a', 'b', 'e', 'A', '.', '<', '\u00e9', 'e\u0301'];
    const marks = ['\u0301', '\u0338', '\u0300'];
    const next = pseudoRandom(11);
    const pick = <T>(items: readonly T[]): T => items[next(items.length)] as T;
    let same = 0;
    for (let n = 0; n < 50_000; n++) {
      const pieces = Array.from({ length: next(8) }, () => pick(alphabet));
      const a = pieces.join('');
      // The copy keeps each piece, or swaps it for one of the same kind, or adds a mark after it.
      const b = pieces
        .map((piece) => {
          const roll = next(10);
          if (roll === 0) return pick(alphabet);
          if (roll === 1) return piece + pick(marks);
          if (roll === 2 && piece.trim() === '') return pick([' ', '\n', '  ']);
          if (roll === 3 && piece === '\u00e9') return 'e\u0301';
          return piece;
        })
        .join('');
      const equal = normaliseSpaces(a) === normaliseSpaces(b);
      if (equal) same += 1;
      if (equal) expect(maybeSameText(a, b), JSON.stringify([a, b])).toBe(true);
    }
    // The copies are the same text often enough for the property to be tried.
    expect(same).toBeGreaterThan(10_000);
  });
});
