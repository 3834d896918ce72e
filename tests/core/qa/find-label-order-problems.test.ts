import { describe, expect, it } from 'vitest';
import { findLabelOrderProblems } from '../../../src/core/qa/find-label-order-problems.js';
import { parseDocument } from '../../../src/core/parse/parse-document.js';
import { segmentDocument } from '../../../src/core/segment/segment-document.js';
import { heading, makeDocument, note, para, sub, type BlockSpec } from './make-alignment.js';

function problemsOf(specs: BlockSpec[]): Array<[string, string, string | null, string[]]> {
  return findLabelOrderProblems(makeDocument('en', specs), 'source').map((problem) => [
    problem.problem,
    problem.label,
    problem.previous?.label ?? null,
    problem.skipped,
  ]);
}

const paras = (...values: string[]): BlockSpec[] => values.map((value) => para(value, `Paragraph ${value}.`));

describe('findLabelOrderProblems', () => {
  it.each([
    ['in order', paras('1', '2', '3', '4'), []],
    ['4 and 3 swapped', paras('1', '2', '4', '3'), [['backwards', '3.', '4.', []]]],
    ['5 after 7', paras('1', '2', '3', '4', '6', '7', '5', '8'), [['backwards', '5.', '7.', []]]],
    ['a duplicated 3', paras('1', '2', '3', '3', '4'), [['duplicate', '3.', '3.', []]]],
    ['a gap', paras('1', '2', '5', '6'), [['gap', '5.', '2.', ['3', '4']]]],
    ['a gap at the start', paras('2', '3'), [['gap', '2.', null, ['1']]]],
  ])('%s', (_case, specs, expected) => {
    expect(problemsOf(specs)).toEqual(expected);
  });

  it('checks each level on its own: sub-paragraphs restart under each paragraph', () => {
    const specs = [
      para('1', 'One.'),
      sub('1', '(a)', 'A.'),
      sub('1', '(b)', 'B.'),
      para('2', 'Two.'),
      sub('2', '(a)', 'A.'),
      sub('2', '(c)', 'C.'),
    ];
    expect(problemsOf(specs)).toEqual([['gap', '(c)', '(a)', ['b']]]);
  });

  it('keeps headings, paragraphs and footnotes in separate sequences', () => {
    const specs = [
      heading('I', 'Intro'),
      para('1', 'One.'),
      heading('II', 'Next'),
      para('2', 'Two.'),
      note('*', 'N.'),
      note('1', 'F.'),
    ];
    expect(problemsOf(specs)).toEqual([]);
  });

  it('reads roman numerals by value', () => {
    const specs = [heading('I', 'A'), heading('II', 'B'), heading('IV', 'C'), heading('III', 'D')];
    expect(problemsOf(specs)).toEqual([['backwards', 'III.', 'IV.', []]]);
  });

  it('checks article numbers, and restarts paragraph numbers in each article', () => {
    const text = 'Article premier\n\n1. One.\n\n2. Two.\n\nArticle 2\n\n1. One.\n\nArticle 4\n\n1. One.\n\n3. Three.';
    const document = segmentDocument(parseDocument(text, { language: 'fr', format: 'text' }));
    const found = findLabelOrderProblems(document, 'target').map((p) => [p.problem, p.path, p.skipped]);
    expect(found).toEqual([
      ['gap', 'art:4', ['3']],
      ['gap', 'art:4/3', ['2']],
    ]);
  });

  it('reports the side and block of each problem', () => {
    const [problem] = findLabelOrderProblems(makeDocument('fr', paras('1', '3', '2')), 'target');
    expect(problem).toMatchObject({ side: 'target', problem: 'backwards', block: 2, path: '2', label: '2.' });
  });
});
