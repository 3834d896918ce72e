import { beforeAll, describe, expect, it } from 'vitest';
import { buildAlignmentRows, keepProblemRows, type AlignmentGroup } from '../../../src/api/web/build-alignment-rows.js';
import { chooseColumns, classifyShape, RowClass } from '../../../src/api/web/row-class.js';
import { readCorpus, storeAlignedPair, type StoredPair } from './review-fixture.js';

describe('classifyShape', () => {
  it.each([
    [1, 1, []],
    [1, 0, [RowClass.missing]],
    [0, 1, [RowClass.extra]],
    [1, 2, [RowClass.split]],
    [1, 3, [RowClass.split]],
    [2, 1, [RowClass.merge]],
    [2, 2, [RowClass.many]],
    [3, 2, [RowClass.many]],
  ])('%i-%i gives %j', (source, target, expected) => {
    expect(classifyShape(source, target)).toEqual(expected);
  });
});

describe('chooseColumns', () => {
  it.each([
    ['fr', 'en', { left: 'fr', right: 'en', leftIsSource: true }],
    ['en', 'fr', { left: 'fr', right: 'en', leftIsSource: false }],
    ['de', 'en', { left: 'de', right: 'en', leftIsSource: true }],
  ])('%s → %s puts French (or the source) on the left', (source, target, expected) => {
    expect(chooseColumns(source, target)).toEqual(expected);
  });
});

describe('buildAlignmentRows on corpora/missing-split-merge', () => {
  let stored: StoredPair;
  let groups: AlignmentGroup[];
  beforeAll(async () => {
    stored = await storeAlignedPair(readCorpus('missing-split-merge'));
    groups = buildAlignmentRows(stored.alignment.items, stored.report, { source: 'fr', target: 'en' });
  });

  it('has one group per block bead and one row per sentence bead, in order', () => {
    expect(groups.map((group) => group.bead)).toEqual(stored.alignment.items.map((bead) => bead.index));
    const rows = groups.flatMap((group) => group.rows.map((row) => row.bead));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows).toHaveLength(stored.pair.counts?.sentenceBeads ?? -1);
  });

  it('marks paragraph 7, which the French lacks, as extra English text missing in French', () => {
    const group = groups.find((item) => item.label === '7');
    expect(group).toMatchObject({ shape: '0-1', classes: [RowClass.extra], missingLanguage: 'fr', problem: true });
    expect(group?.rows.length).toBeGreaterThan(0);
    for (const row of group?.rows ?? []) {
      expect(row).toMatchObject({ left: '', missingLanguage: 'fr', problem: true });
      expect(row.classes).toContain(RowClass.extra);
    }
    expect(group?.rows[0]?.right).toContain('The Secretariat informed the Working Group');
  });

  it('marks the French split of paragraph 10 as a merged block bead (2 French blocks, 1 English)', () => {
    const group = groups.find((item) => item.label === '10');
    expect(group).toMatchObject({ shape: '2-1', problem: true });
    expect(group?.classes).toContain(RowClass.merge);
    expect(group?.rows.every((row) => row.problem)).toBe(true);
  });

  it('marks every 1-n sentence bead as split and every n-1 as merge, with the texts in the right columns', () => {
    const rows = groups.flatMap((group) => group.rows);
    const splits = rows.filter((row) => /^1-[2-9]/.test(row.shape));
    expect(splits.length).toBeGreaterThan(0);
    for (const row of splits) expect(row.classes).toContain(RowClass.split);
    for (const row of rows.filter((item) => /^[2-9]-1$/.test(item.shape)))
      expect(row.classes).toContain(RowClass.merge);
    const paragraph4 = rows.find((row) => row.left.startsWith('Le représentant du Secrétariat'));
    expect(paragraph4).toMatchObject({ shape: '1-2', classes: [RowClass.split] });
    expect(paragraph4?.right).toMatch(
      /^The representative of the Secretariat made an introductory statement\. He presented/,
    );
  });

  it('marks two-sided beads under the report threshold as low confidence, and only those', () => {
    const threshold = stored.report.settings.lowConfidence;
    for (const row of groups.flatMap((group) => group.rows)) {
      const twoSided = row.left !== '' && row.right !== '';
      expect(row.classes.includes(RowClass.lowConfidence), `bead ${row.bead}`).toBe(
        twoSided && row.confidence < threshold,
      );
    }
  });

  it('keeps only problem rows, and drops the ordinary 1-1 rows', () => {
    const all = groups.flatMap((group) => group.rows);
    const kept = keepProblemRows(groups).flatMap((group) => group.rows);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
    expect(kept.every((row) => row.problem)).toBe(true);
    expect(kept).toEqual(all.filter((row) => row.problem));
  });

  it('marks the rows of a block bead whose numbers differ', () => {
    // The report of this corpus may or may not find token mismatches; build one from the stored beads to be sure.
    const bead = stored.alignment.items.find((item) => item.label === '9');
    expect(bead).toBeDefined();
    const index = bead?.index ?? -1;
    const report = {
      ...stored.report,
      tokenMismatches: [
        {
          bead: index,
          source: [],
          target: [],
          numbers: { sourceOnly: ['23'], targetOnly: ['32'] },
          symbols: { sourceOnly: [], targetOnly: [] },
          dates: { sourceOnly: [], targetOnly: [] },
        },
      ],
    };
    const marked = buildAlignmentRows(stored.alignment.items, report, { source: 'fr', target: 'en' }).find(
      (group) => group.bead === index,
    );
    expect(marked?.classes).toContain(RowClass.numberMismatch);
    expect(marked?.rows.every((row) => row.classes.includes(RowClass.numberMismatch) && row.problem)).toBe(true);
  });
});
