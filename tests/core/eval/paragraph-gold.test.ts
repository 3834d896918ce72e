import { describe, expect, it } from 'vitest';
import { scoreAgainstParagraphGold, type ParagraphGoldPair } from '../../../src/core/eval/paragraph-gold.js';
import type { Alignment, ScoredBead } from '../../../src/core/model.js';
import { parseDocument } from '../../../src/core/parse/parse-document.js';
import { segmentDocument } from '../../../src/core/segment/segment-document.js';

const FR =
  'Copie de travail\n\nArticle premier\n\nLe comité se réunit. Il adopte son rapport.\n\nArticle 2\n\n' +
  'Le secrétariat assiste le comité.';
const EN =
  'Working copy\n\nArticle 1\n\nThe committee meets. It adopts its report.\n\nNow, therefore,\n\nArticle 2\n\n' +
  'The secretariat assists the committee.';

const GOLD: ParagraphGoldPair[] = [
  { source: 'Article premier', target: 'Article 1' },
  { source: 'Le comité se réunit. Il adopte son rapport.', target: 'The committee meets. It adopts its report.' },
  { source: null, target: 'Now, therefore,' },
  { source: 'Article 2', target: 'Article 2' },
  { source: 'Le secrétariat assiste le comité.', target: 'The secretariat assists the committee.' },
];

function alignmentWith(pairs: Array<[number[], number[]]>, confidence = 1): Alignment {
  const source = segmentDocument(parseDocument(FR, { language: 'fr', format: 'text' }));
  const target = segmentDocument(parseDocument(EN, { language: 'en', format: 'text' }));
  const sentences: ScoredBead[] = pairs.map(([s, t]) => ({ source: s, target: t, confidence }));
  return { source, target, blocks: [], sentences };
}

// Sentences: FR 0 "Copie de travail", 1 "Article premier", 2-3 the article's two, 4 "Article 2", 5 its text;
// EN 0 "Working copy", 1 "Article 1", 2-3, 4 "Now, therefore,", 5 "Article 2", 6.
const RIGHT: Array<[number[], number[]]> = [
  [[0], [0]],
  [[1], [1]],
  [[2], [2]],
  [[3], [3]],
  [[], [4]],
  [[4], [5]],
  [[5], [6]],
];

describe('scoreAgainstParagraphGold', () => {
  it('keeps every pair of a right alignment, whatever the sentence beads inside a pair', () => {
    const merged: Array<[number[], number[]]> = [
      [[0], [0]],
      [[1], [1]],
      [
        [2, 3],
        [2, 3],
      ],
      [[], [4]],
      [[4], [5]],
      [[5], [6]],
    ];
    for (const beads of [RIGHT, merged]) {
      const scores = scoreAgainstParagraphGold(alignmentWith(beads), GOLD);
      expect(scores).toMatchObject({ kept: 5, total: 5, unmapped: 2, misses: [] });
    }
    expect(scoreAgainstParagraphGold(alignmentWith(RIGHT), GOLD)).toMatchObject({
      beadsInside: 5,
      beads: 6,
      confidentInside: 5,
      confident: 6,
    });
  });

  it('breaks both pairs a bead crosses, and a one-sided paragraph glued to its neighbour', () => {
    const glued: Array<[number[], number[]]> = [
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3, 4]],
      [[4], [5]],
      [[5], [6]],
    ];
    const scores = scoreAgainstParagraphGold(alignmentWith(glued), GOLD);
    expect(scores.kept).toBe(3);
    expect(scores.misses).toEqual([
      'Le comité se réunit. Il adopte son rappo… → The committee meets. It adopts its repor…',
      '∅ → Now, therefore,',
    ]);
  });

  it('counts the confident beads apart', () => {
    const glued: Array<[number[], number[]]> = [
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3, 4]],
      [[4], [5]],
      [[5], [6]],
    ];
    expect(scoreAgainstParagraphGold(alignmentWith(glued, 0.95), GOLD)).toMatchObject({
      confidentInside: 4,
      confident: 6,
    });
    expect(scoreAgainstParagraphGold(alignmentWith(glued, 0.5), GOLD)).toMatchObject({
      confidentInside: 0,
      confident: 0,
    });
  });

  it('breaks a two-sided pair when one of its sentences is left unaligned', () => {
    const dropped: Array<[number[], number[]]> = [
      [[0], [0]],
      [[1], [1]],
      [[2], [2, 3]],
      [[3], []],
      [[], [4]],
      [[4], [5]],
      [[5], [6]],
    ];
    expect(scoreAgainstParagraphGold(alignmentWith(dropped), GOLD).kept).toBe(4);
  });
});
