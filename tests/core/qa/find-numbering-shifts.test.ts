import { describe, expect, it } from 'vitest';
import { findNumberingShifts } from '../../../src/core/qa/find-numbering-shifts.js';
import { describeNumberingShift } from '../../../src/core/qa/format-report-text.js';
import { makeAlignment, makeDocument, para, sub } from './make-alignment.js';

const french = (values: string[]) =>
  makeDocument(
    'fr',
    values.map((n) => para(n, `Paragraphe ${n}.`)),
  );
const english = (values: string[]) =>
  makeDocument(
    'en',
    values.map((n) => para(n, `Paragraph ${n}.`)),
  );
const languages = { source: 'fr', target: 'en' };
// One sentence a block here: the sentence beads are the block beads.
const withBeads = (beads: Array<[number[], number[]]>) => ({ blocks: beads, sentences: beads });

describe('findNumberingShifts', () => {
  it('finds a paragraph dropped from French and the rest renumbered, once', () => {
    // French 1 2 3 4 5 hold English 1 2 4 5 6: English 3 has no counterpart.
    const alignment = makeAlignment(
      french(['1', '2', '3', '4', '5']),
      english(['1', '2', '3', '4', '5', '6']),
      withBeads([
        [[0], [0]],
        [[1], [1]],
        [[], [2]],
        [[2], [3]],
        [[3], [4]],
        [[4], [5]],
      ]),
    );
    const shifts = findNumberingShifts(alignment);
    expect(shifts).toMatchObject([{ side: 'source', by: -1, from: '4', to: '3', missing: ['3'], beads: [3, 4, 5] }]);
    expect(describeNumberingShift(shifts[0] as (typeof shifts)[0], languages)).toBe(
      'French numbering shifted by \u22121 from paragraph 4: paragraph 3 is missing in French',
    );
  });

  it('reads a paragraph inserted in English as one missing in French: the documents cannot tell them apart', () => {
    const alignment = makeAlignment(
      french(['1', '2', '3']),
      english(['1', '2', '3', '4']),
      withBeads([
        [[0], [0]],
        [[], [1]],
        [[1], [2]],
        [[2], [3]],
      ]),
    );
    expect(findNumberingShifts(alignment)).toMatchObject([
      { side: 'source', by: -1, from: '3', to: '2', missing: ['2'], extra: [] },
    ]);
  });

  it('finds a skipped number with nothing missing, on the translation side', () => {
    const alignment = makeAlignment(french(['1', '2', '4', '5']), english(['1', '2', '3', '4']));
    const shifts = findNumberingShifts(alignment);
    expect(shifts).toMatchObject([{ side: 'source', by: 1, from: '3', to: '4', missing: [], extra: [] }]);
    expect(describeNumberingShift(shifts[0] as (typeof shifts)[0], languages)).toBe(
      'French numbering shifted by +1 from paragraph 3 (English 3 is French 4)',
    );
  });

  it('follows a re-lettered list and its parents', () => {
    const fr = makeDocument('fr', [
      para('1', 'Le Groupe recommande :'),
      sub('1', 'a)', 'Premier point.'),
      sub('1', 'b)', 'Troisième point.'),
    ]);
    const en = makeDocument('en', [
      para('1', 'The Group recommends:'),
      sub('1', '(a)', 'First item.'),
      sub('1', '(b)', 'Second item.'),
      sub('1', '(c)', 'Third item.'),
    ]);
    const alignment = makeAlignment(
      fr,
      en,
      withBeads([
        [[0], [0]],
        [[1], [1]],
        [[], [2]],
        [[2], [3]],
      ]),
    );
    expect(findNumberingShifts(alignment)).toMatchObject([{ side: 'source', by: -1, from: '1/c', missing: ['1/b'] }]);
  });

  it('leaves two swapped labels to the order check', () => {
    const alignment = makeAlignment(french(['1', '2', '4', '3']), english(['1', '2', '3', '4']));
    expect(findNumberingShifts(alignment)).toEqual([]);
  });

  it('finds nothing when the numbers agree', () => {
    expect(findNumberingShifts(makeAlignment(french(['1', '2', '3']), english(['1', '2', '3'])))).toEqual([]);
  });
});
