import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../../src/core/align/align-documents.js';
import { matchLabelAnchors } from '../../../src/core/align/paragraphs.js';
import { scoreAgainstCorpusGold } from '../../../src/core/eval/corpus-gold.js';
import type { Alignment, Block, SegmentedDocument } from '../../../src/core/model.js';
import { parseDocument } from '../../../src/core/parse/parse-document.js';
import { segmentDocument } from '../../../src/core/segment/segment-document.js';
import { loadCorpusCases } from '../../../harness/corpora.js';

const textDocument = (lines: string | string[], language: string): SegmentedDocument =>
  segmentDocument(parseDocument(Array.isArray(lines) ? lines.join('\n\n') : lines, { language, format: 'text' }));

function block(index: number, path: string | null): Block {
  return { index, kind: 'paragraph', label: null, path, text: `text ${index}`, raw: '', range: { start: 0, end: 0 } };
}

function expectFullCoverage(alignment: Alignment): void {
  const sourceSentences = alignment.sentences.flatMap((b) => b.source);
  const targetSentences = alignment.sentences.flatMap((b) => b.target);
  expect(sourceSentences).toEqual(alignment.source.sentences.map((s) => s.index));
  expect(targetSentences).toEqual(alignment.target.sentences.map((s) => s.index));
  expect(alignment.blocks.flatMap((b) => b.source)).toEqual(alignment.source.blocks.map((b) => b.index));
  expect(alignment.blocks.flatMap((b) => b.target)).toEqual(alignment.target.blocks.map((b) => b.index));
  for (const bead of alignment.sentences) {
    expect(bead.confidence).toBeGreaterThanOrEqual(0);
    expect(bead.confidence).toBeLessThanOrEqual(1);
  }
}

describe('matchLabelAnchors', () => {
  it('takes labels in order, skipping missing, extra, duplicated and out-of-sequence ones', () => {
    const source = [
      block(0, null),
      block(1, '1'),
      block(2, '2'),
      block(3, '4'),
      block(4, '3'),
      block(5, '5'),
      block(6, '5'),
    ];
    const target = [block(0, '1'), block(1, '2'), block(2, '3'), block(3, '4'), block(4, '5'), block(5, '6')];
    const anchors = matchLabelAnchors(source, target);
    // Longest chain: 1, 2, one of 3/4 (they cross); 6 is missing, and a 5 met twice names no single place.
    expect(anchors).toHaveLength(3);
    expect(anchors.some((a) => source[a.source]?.path === '5')).toBe(false);
    expect(anchors.slice(0, 2)).toEqual([
      { source: 1, target: 0 },
      { source: 2, target: 1 },
    ]);
    for (const a of anchors) expect(source[a.source]?.path).toBe(target[a.target]?.path);
    for (let k = 1; k < anchors.length; k++) {
      expect(anchors[k]?.source).toBeGreaterThan(anchors[k - 1]?.source as number);
      expect(anchors[k]?.target).toBeGreaterThan(anchors[k - 1]?.target as number);
    }
  });
});

describe('matchLabelAnchors with repeated paths', () => {
  it('anchors no list item whose path repeats: "(a)" under sections whose numbers are not labels', () => {
    // Two sections, each with a list; the French one runs the first list into its lead-in sentence.
    const source = [block(0, null), block(1, null), block(2, null), block(3, 'a'), block(4, 'b')];
    const target = [block(0, null), block(1, 'a'), block(2, 'b'), block(3, null), block(4, 'a'), block(5, 'b')];
    expect(matchLabelAnchors(source, target)).toEqual([]);
    // The same lists under numbered paragraphs have paths of their own and anchor.
    const numbered = (blocks: Block[], parents: string[]): Block[] =>
      blocks.map((b, k) => (b.path ? block(k, `${parents[k]}/${b.path}`) : b));
    const anchors = matchLabelAnchors(
      numbered(source, ['', '', '', '2', '2']),
      numbered(target, ['', '1', '1', '', '2', '2']),
    );
    expect(anchors).toEqual([
      { source: 3, target: 4 },
      { source: 4, target: 5 },
    ]);
  });
});

const cases = await loadCorpusCases();

describe('alignDocuments', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: every numbered paragraph aligned as in its gold',
    (_name, corpus) => {
      const alignment = alignDocuments(corpus.source, corpus.target);
      expectFullCoverage(alignment);
      const scores = scoreAgainstCorpusGold(alignment, corpus.gold);
      expect(scores.paragraphs.misses).toEqual([]);
      expect(scores.paragraphs.matched).toBe(corpus.gold.paragraphs.length);
    },
  );

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: sentence strict F1 against its gold is at least 0.9',
    (_name, corpus) => {
      const scores = scoreAgainstCorpusGold(alignDocuments(corpus.source, corpus.target), corpus.gold);
      expect(scores.sentences.strict.f1).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('keeps a paragraph with no counterpart apart from the next one: block boundaries count as paragraph marks', () => {
    // The UDHR preamble: English has "Now, therefore," where French goes straight on; glued to the next line as a
    // 2-1 bead, it would put English with no French counterpart into the translation unit.
    const fr = textDocument(
      [
        'Considérant que la coopération entre les États est essentielle au développement durable,',
        'Considérant que les ressources en eau douce des régions arides diminuent depuis 1990,',
        "Considérant qu'une conception commune de ces objectifs est de la plus haute importance,",
        "L'Assemblée générale",
        'Proclame la présente Déclaration sur la coopération en matière de ressources en eau.',
      ],
      'fr',
    );
    const en = textDocument(
      [
        'Whereas cooperation between States is essential to sustainable development,',
        'Whereas the freshwater resources of arid regions have been shrinking since 1990,',
        'Whereas a common understanding of these objectives is of the greatest importance,',
        'Now, therefore,',
        'The General Assembly',
        'Proclaims this Declaration on Cooperation in Water Resources.',
      ],
      'en',
    );
    const alignment = alignDocuments(fr, en);
    expectFullCoverage(alignment);
    expect(alignment.sentences.map((b) => [b.source, b.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[], [3]],
      [[3], [4]],
      [[4], [5]],
    ]);
  });

  it('aligns articles by their numbers, "Article premier" with "Article 1"', () => {
    const fr = textDocument(
      'Article premier\nLes membres du comité sont élus pour quatre ans.\n\nArticle 2\n' +
        'Le comité se réunit deux fois par an.',
      'fr',
    );
    const en = textDocument(
      'Article 1\nThe members of the committee are elected for four years.\n\nArticle 2\n' +
        'The committee meets twice a year.',
      'en',
    );
    const alignment = alignDocuments(fr, en);
    const byLabel = alignment.blocks.filter((b) => b.method === 'label').map((b) => [b.source, b.target]);
    expect(byLabel).toEqual([
      [[0], [0]],
      [[2], [2]],
    ]);
    expect(alignment.sentences.map((b) => [b.source, b.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3]],
    ]);
  });

  it('passes the doubt of a pairing of unnumbered paragraphs on to the sentences inside it', () => {
    // The translation swaps the middle paragraphs: no monotone alignment is right there, and it must not say 1.00.
    const fr = textDocument(
      [
        'Le Comité s’est réuni à Vienne le 3 mai 2018.',
        'Il a examiné les rapports des groupes de travail sur la traite des personnes.',
        'Les participants ont remercié le Secrétariat de son appui.',
        'La séance a été levée à 18 heures.',
      ],
      'fr',
    );
    const en = textDocument(
      [
        'The Committee met in Vienna on 3 May 2018.',
        'Participants thanked the Secretariat for its support.',
        'It considered the reports of the working groups on trafficking in persons.',
        'The meeting rose at 6 p.m.',
      ],
      'en',
    );
    const alignment = alignDocuments(fr, en);
    expectFullCoverage(alignment);
    const first = alignment.sentences[0];
    expect(first?.confidence).toBeGreaterThan(0.9);
    const middle = alignment.sentences.filter(
      (b) => b.source.some((i) => i === 1 || i === 2) || b.target.some((j) => j === 1 || j === 2),
    );
    expect(middle.length).toBeGreaterThan(0);
    for (const bead of middle) expect(bead.confidence).toBeLessThan(0.5);
  });

  it('pairs a short heading with a much longer translation of it rather than gluing it to its neighbours', () => {
    // Unnumbered provisions with side headings, as a law copied as plain text reads: "(8)" and "(1)" are no labels.
    const fr = textDocument(
      [
        '(8) L’expression conseil de la première nation, à l’alinéa (7)e), s’entend au sens du paragraphe 2(1) ' +
          'de la loi sur l’autonomie gouvernementale de cette première nation.',
        'Relevé',
        '(1) Le responsable d’une institution fédérale fait un relevé des usages des renseignements.',
        'Exception',
        '(2) Le paragraphe (1) ne s’applique pas aux renseignements personnels communiqués aux organismes d’enquête.',
      ],
      'fr',
    );
    const en = textDocument(
      [
        '(8) The expression council of the first nation in paragraph (7)(e) has the meaning given in subsection ' +
          '2(1) of its self-government act.',
        'Record of disclosures to be retained',
        '(1) The head of a government institution shall retain a record of any use of personal information.',
        'Limitation',
        '(2) Subsection (1) does not apply in respect of personal information disclosed to investigative bodies.',
      ],
      'en',
    );
    const alignment = alignDocuments(fr, en);
    expectFullCoverage(alignment);
    expect(alignment.blocks.map((b) => [b.source, b.target])).toEqual([0, 1, 2, 3, 4].map((k) => [[k], [k]]));
  });

  it('keeps text with no counterpart as 1-0 and 0-1 beads instead of dropping it', () => {
    const fr = textDocument(
      '1. Le Comité a adopté son ordre du jour.\n2. Il a examiné le rapport du Secrétariat.\n3. La séance est levée.',
      'fr',
    );
    const en = textDocument('1. The Committee adopted its agenda.\n3. The meeting rose.', 'en');
    const alignment = alignDocuments(fr, en);
    expectFullCoverage(alignment);
    const dropped = alignment.sentences.find((b) => b.target.length === 0);
    expect(dropped?.source).toEqual([1]);
  });

  it.each([['x'], ['1']])(
    'aligns a document holding a 4,000,000-character token of %j',
    (unit) => {
      const token = unit.repeat(4_000_000);
      const fr = textDocument(
        ['1. Le Comité a adopté son ordre du jour.', `2. ${token}`, '3. La séance est levée.'],
        'fr',
      );
      const en = textDocument(['1. The Committee adopted its agenda.', `2. ${token}`, '3. The meeting rose.'], 'en');
      const alignment = alignDocuments(fr, en);
      expectFullCoverage(alignment);
      expect(alignment.sentences.some((b) => b.source.length === 1 && b.target.length === 1)).toBe(true);
    },
    60_000,
  );
});
