import { describe, expect, it } from 'vitest';
import { comparableLengths } from '../../../src/core/align/length-model.js';
import { lengthVarianceFor } from '../../../src/core/align/costs.js';

const lengths = (texts: string[]): Float64Array => Float64Array.from(texts, (text) => text.length);

describe('comparableLengths', () => {
  it('leaves two alphabetic sides as they are', () => {
    const source = ['La Conférence a adopté le rapport.'];
    const target = ['The Conference adopted the report.'];
    const result = comparableLengths(source, target, lengths(source), lengths(target));
    expect([...result.source]).toEqual([source[0]?.length]);
    expect([...result.target]).toEqual([target[0]?.length]);
    expect(result.hanWeight).toBe(1);
  });

  it('weighs Chinese characters so that both sides total the same, digits and Latin letters at one', () => {
    const source = ['委员会通过了报告。', '澳大利亚(2017年)'];
    const target = ['The Committee adopted the report.', 'Australia (2017)'];
    const result = comparableLengths(source, target, lengths(source), lengths(target));
    const total = (values: Float64Array): number => values.reduce((sum, x) => sum + x, 0);
    expect(total(result.source)).toBeCloseTo(total(lengths(target)), 6);
    expect(result.hanWeight).toBeGreaterThan(2);
    // "(2017)" counts as in English: the list is not weighed as if all of it were Chinese.
    const han = 5;
    expect(result.source[1]).toBeCloseTo(source[1]!.length - han + han * result.hanWeight, 6);
    expect([...result.target]).toEqual([...lengths(target)]);
  });

  it('weighs the target side when it is the Chinese one', () => {
    const source = ['The Committee adopted the report.'];
    const target = ['委员会通过了报告。'];
    const result = comparableLengths(source, target, lengths(source), lengths(target));
    expect(result.target[0]).toBeCloseTo(source[0]!.length, 6);
  });
});

describe('lengthVarianceFor', () => {
  it('keeps the tuned variance for pairs of alphabetic languages', () => {
    expect(lengthVarianceFor(6.8, 0.885)).toBe(6.8);
    expect(lengthVarianceFor(6.8, 1.18)).toBe(6.8);
  });

  it('scales it with the ratio when one side is far more compact', () => {
    expect(lengthVarianceFor(6.8, 3.7)).toBeCloseTo(6.8 * 3.7, 6);
    expect(lengthVarianceFor(6.8, 0.27)).toBeCloseTo(6.8 * 0.27 * 0.27, 6);
  });
});
