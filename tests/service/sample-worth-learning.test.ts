import { describe, expect, it } from 'vitest';
import { sampleWorthLearning } from '../../src/service/store-lexicon-learning.js';

describe('sampleWorthLearning', () => {
  const units = 5000;

  it('learns the first sample, and never one no newer than the newest learned', () => {
    expect(sampleWorthLearning(0, 450, units)).toBe(true);
    expect(sampleWorthLearning(0, 0, units)).toBe(false);
    expect(sampleWorthLearning(900, 900, units)).toBe(false);
    expect(sampleWorthLearning(10_000, 5000, units)).toBe(false);
  });

  it('learns a young store again only once it has doubled', () => {
    expect(sampleWorthLearning(450, 899, units)).toBe(false);
    expect(sampleWorthLearning(450, 900, units)).toBe(true);
    // Pairs of 450 segments: learned after pairs 1, 2, 4 and 8 of the first 11, not after each.
    let newest = 0;
    const learnedAfter: number[] = [];
    for (let pair = 1; pair <= 11; pair++) {
      if (sampleWorthLearning(newest, pair * 450, units)) {
        newest = pair * 450;
        learnedAfter.push(pair);
      }
    }
    expect(learnedAfter).toEqual([1, 2, 4, 8]);
  });

  it('learns every step of a store past its first sample size', () => {
    expect(sampleWorthLearning(3600, 5000, units)).toBe(true);
    expect(sampleWorthLearning(5000, 10_000, units)).toBe(true);
    expect(sampleWorthLearning(95_000, 100_000, units)).toBe(true);
  });

  it('learns a step of a store past its first sample only once the newest lexicon is old enough', () => {
    const minIntervalMs = 60_000;
    expect(sampleWorthLearning(5000, 10_000, units, { sinceNewestMs: 59_999, minIntervalMs })).toBe(false);
    expect(sampleWorthLearning(5000, 10_000, units, { sinceNewestMs: 60_000, minIntervalMs })).toBe(true);
    expect(sampleWorthLearning(3600, 5000, units, { sinceNewestMs: 1000, minIntervalMs })).toBe(false);
    // A young store still learns as it doubles, and the first sample at once, however recent the last lexicon.
    expect(sampleWorthLearning(900, 1800, units, { sinceNewestMs: 0, minIntervalMs })).toBe(true);
    expect(sampleWorthLearning(0, 450, units, { sinceNewestMs: 0, minIntervalMs })).toBe(true);
  });
});
