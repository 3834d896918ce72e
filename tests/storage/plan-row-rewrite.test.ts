import { describe, expect, it } from 'vitest';
import { planRowRewrite } from '../../src/storage/plan-row-rewrite.js';

const same = (a: string, b: string): boolean => a === b;

describe('planRowRewrite', () => {
  it.each([
    ['a merge in the middle', 'abcdef', 'abXef', { head: 2, tail: 2, shift: -1 }],
    ['a split at the start', 'abcdef', 'XYbcdef', { head: 0, tail: 5, shift: 1 }],
    ['a change at the end', 'abcdef', 'abcdeX', { head: 5, tail: 0, shift: 0 }],
    ['nothing changed', 'abc', 'abc', { head: 3, tail: 0, shift: 0 }],
    ['everything changed', 'abc', 'XYZ', { head: 0, tail: 0, shift: 0 }],
    ['a repeated row, never counted twice', 'aaaa', 'aaa', { head: 3, tail: 0, shift: -1 }],
    ['from nothing', '', 'ab', { head: 0, tail: 0, shift: 2 }],
  ])('keeps the common head and tail of %s', (_case, before, after, plan) => {
    const result = planRowRewrite([...before], [...after], same, same);
    expect(result).toEqual(plan);
    // Head and tail never overlap in either list.
    expect(result.head + result.tail).toBeLessThanOrEqual(Math.min(before.length, after.length));
  });

  it('compares the tail with its own rule (rows that only moved)', () => {
    const old = [1, 2, 3, 4].map((n) => ({ key: n, at: n }));
    const next = [1, 9, 3, 4].map((n, index) => ({ key: n, at: index + 10 }));
    const plan = planRowRewrite(
      old,
      next,
      (a, b) => a.key === b.key && a.at === b.at,
      (a, b) => a.key === b.key && b.at - a.at === 9,
    );
    expect(plan).toEqual({ head: 0, tail: 2, shift: 0 });
  });
});
