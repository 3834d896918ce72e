import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeGap } from '../../src/core/qa/describe-gap.js';
import { nameLanguage } from '../../src/core/language-names.js';
import { evalRawDir, haveSharedData } from '../../harness/shared-data.js';
import { alignUdhrSix, isMonotone, loadUdhrVersions, scoreUdhrUnits, SIX_LANGUAGES } from '../../harness/udhr-six.js';

const present = haveSharedData('the six-language UDHR n-way test', [
  join(evalRawDir(), 'udhr-unicode', 'udhr_arb.xml'),
]);
const versions = present ? loadUdhrVersions() : null;

// Six versions of a numbered UN-style document built from the UDHR (harness/udhr-six.ts): 30 article headings and
// 50 numbered article paragraphs, 80 units with an id in every version.
describe.skipIf(versions === null)('the UDHR in six languages, aligned n-way', () => {
  const six = versions ?? [];

  it('puts every article heading and paragraph of the six versions in one unit of its own', async () => {
    const aligned = await alignUdhrSix(six);
    expect(isMonotone(aligned.alignment)).toBe(true);
    const scores = scoreUdhrUnits(aligned);
    expect(scores.misses).toEqual([]);
    expect(scores.right).toBe(80);
    expect(aligned.matrix.gaps.map((gap) => describeGap(gap))).toEqual([]);
  }, 30_000);

  it.each(SIX_LANGUAGES)(
    'keeps at least 99 percent of its paragraphs right when the %s version has no numbering at all',
    async (x) => {
      const aligned = await alignUdhrSix(six, { [x]: { paragraphNumbers: false, articleHeadings: false } });
      const own = scoreUdhrUnits(aligned).perLanguage.get(x);
      expect(own?.total).toBe(50);
      expect((own?.right ?? 0) / (own?.total ?? 1)).toBeGreaterThanOrEqual(0.99);
      // The thirty headings it lacks are one finding.
      expect(aligned.matrix.gaps.map((gap) => describeGap(gap))).toEqual([
        `article 1 to article 30 are missing in ${nameLanguage(x)} only`,
      ]);
    },
    30_000,
  );

  it.each([
    ['ar', 16],
    ['en', 1],
    ['es', 25],
    ['fr', 30],
    ['ru', 16],
    ['zh', 25],
  ] as const)(
    'names the article dropped from the %s version (%i) in the matrix, once',
    async (x, article) => {
      const aligned = await alignUdhrSix(six, { [x]: { dropArticle: article } });
      const gaps = aligned.matrix.gaps.map((gap) => describeGap(gap));
      expect(gaps).toEqual([`article ${article} is missing in ${nameLanguage(x)} only`]);
      expect(aligned.matrix.parity).toBe(false);
    },
    30_000,
  );
});
