import { describe, expect, it } from 'vitest';
import { formatParityReportText } from '../../../src/core/qa/format-report-text.js';
import { buildParityReport } from '../../../src/core/qa/parity-report.js';
import { makeAlignment, makeDocument, note, para, plain, sub } from './make-alignment.js';

const SECTIONS = [
  'Counts',
  'Labels in printed order',
  'Missing labels',
  'Labels out of order',
  'Splits and merges',
  'Footnotes',
  'Number, symbol and date mismatches',
  'Length outliers',
  'Untranslated',
  'Low confidence and unaligned',
  'Summary:',
];

function reportWithProblems(): string {
  const english = makeDocument('en', [
    plain('Item 2 (b) of the provisional agenda*', 'header'),
    para('1', 'A total of 1,250 tonnes were seized on 18 July 2018 in the ports of the region under review.'),
    para('2', 'The Working Group held its seventh meeting.'),
    sub('2', '(a)', 'Report of the Secretary-General on the work of the Organization'),
    para('3', 'Third paragraph of the report.'),
    para('4', 'Fourth paragraph of the report.'),
    note('*', 'CTOC/COP/2018/1.'),
    note('1', 'See A/RES/70/1.'),
  ]);
  const french = makeDocument('fr', [
    plain('Point 2 b) de l’ordre du jour provisoire', 'header'),
    para('1', 'Au total, 1 520 tonnes ont été saisies le 18 juillet 2018 dans les ports de la région considérée.'),
    para('2', 'Le Groupe de travail a tenu sa septième réunion.'),
    plain('Elle a duré trois jours entiers et a réuni de nombreux experts.'),
    sub('2', 'a)', 'Report of the Secretary-General on the work of the Organization'),
    para('4', 'Quatrième paragraphe du rapport.'),
    para('3', 'Troisième paragraphe du rapport.'),
    note('*', 'CTOC/COP/2018/1.'),
  ]);
  const blocks: Array<[number[], number[]]> = [
    [[0], [0]],
    [[1], [1]],
    [[2], [2, 3]],
    [[3], [4]],
    [[4], [6]],
    [[5], [5]],
    [[6], [7]],
    [[7], []],
  ];
  const sentences: Array<[number[], number[], number?]> = [
    [[0], [0]],
    [[1], [1], 0.3],
    [[2], [2, 3]],
    [[3], [4]],
    [[4], [6]],
    [[5], [5]],
    [[6], [7]],
    [[7], []],
  ];
  return formatParityReportText(buildParityReport(makeAlignment(english, french, { blocks, sentences })));
}

describe('formatParityReportText', () => {
  const text = reportWithProblems();
  const lines = text.trimEnd().split('\n');

  it.each(SECTIONS)('has the section %j', (title) => {
    expect(lines.some((line) => line.startsWith(title))).toBe(true);
  });

  it('lists each problem with a short excerpt', () => {
    expect(text).toMatch(/^Missing labels \(1\)$/mu);
    expect(text).toMatch(/^ {2}fn:1 +1 +en +7 +footnote +See A\/RES\/70\/1\.$/mu);
    expect(text).toMatch(/^ {2}fr +backwards +3\. +3 +6 +4\.$/mu);
    expect(text).toMatch(/^ {2}2 +1-2 +label +en +2 +2\. /mu);
    expect(text).toMatch(/^ {2}1 +1 +numbers +1250 +1520 /mu);
    expect(text).toContain('only en: *');
    // Excerpts are cut at 40 characters.
    expect(text).not.toContain('in the ports of the region');
    expect(text).toContain('A total of 1,250 tonnes were seized on…');
  });

  it('lays out the counts side by side', () => {
    expect(lines).toContain('                       en  fr');
    expect(lines).toContain('  footnote              2   1');
  });

  it('ends with "Parity: no" and names what blocks it', () => {
    expect(lines.at(-1)).toBe('Parity: no');
    expect(lines.at(-2)).toBe(
      'Blocking parity: missingLabels, labelOrder, footnotes, labelledSplitsOrMerges, unalignedLabelledBlocks',
    );
  });

  it('has no terminal escape codes', () => {
    expect(text).not.toMatch(new RegExp(String.fromCharCode(0x1b)));
  });

  it('says "none" for empty lists and ends with "Parity: yes" when the versions agree', () => {
    const english = makeDocument('en', [para('1', 'The Conference adopted the report.')]);
    const french = makeDocument('fr', [para('1', 'La Conférence a adopté le rapport.')]);
    const agreed = formatParityReportText(buildParityReport(makeAlignment(english, french)));
    expect(agreed).toContain('Missing labels: none');
    expect(agreed).toContain('Low confidence and unaligned: none');
    expect(agreed).toContain('Footnotes: match');
    expect(agreed.trimEnd().split('\n').at(-1)).toBe('Parity: yes');
  });
});
