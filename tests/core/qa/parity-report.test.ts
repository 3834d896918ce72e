import { describe, expect, it } from 'vitest';
import { buildParityReport } from '../../../src/core/qa/parity-report.js';
import { heading, makeAlignment, makeDocument, note, para, plain, sub, type BlockSpec } from './make-alignment.js';

// Two versions of a small UN note that agree in every way the report checks.
const ENGLISH: BlockSpec[] = [
  plain('Item 2 (b) of the provisional agenda*', 'header'),
  plain('Issued on 18 July 2018 in Vienna', 'header'),
  heading('I', 'Introduction'),
  para(
    '1',
    'In its decision 4/4, the Conference of the Parties established a working group on trafficking in persons.',
  ),
  para(
    '2',
    'The Working Group held its seventh meeting from 6 to 8 September 2017. Its report is before the Conference ' +
      'as CTOC/COP/WG.4/2017/4.',
  ),
  sub('2', '(a)', 'A total of 1,250.5 tonnes of precursors were seized during the year under review.'),
  sub('2', '(b)', 'Some 15,000 victims were identified in the period from 15–19 October 2018.'),
  para('3', 'The Conference may wish to consider the recommendations made by the Working Group.'),
  note('*', 'CTOC/COP/2018/1.'),
];
const FRENCH: BlockSpec[] = [
  plain('Point 2 b) de l’ordre du jour provisoire*', 'header'),
  plain('Publié le 18 juillet 2018 à Vienne', 'header'),
  heading('I', 'Introduction'),
  para('1', 'Dans sa décision 4/4, la Conférence des Parties a créé un groupe de travail sur la traite des personnes.'),
  para(
    '2',
    'Le Groupe de travail a tenu sa septième réunion du 6 au 8 septembre 2017. Son rapport est soumis à la ' +
      'Conférence sous la cote CTOC/COP/WG.4/2017/4.',
  ),
  sub('2', 'a)', 'Au total, 1 250,5 tonnes de précurseurs ont été saisies au cours de l’année considérée.'),
  sub('2', 'b)', 'Quelque 15\u00A0000 victimes ont été identifiées pendant la période du 15-19 octobre 2018.'),
  para('3', 'La Conférence voudra peut-être examiner les recommandations formulées par le Groupe de travail.'),
  note('*', 'CTOC/COP/2018/1.'),
];

function replaceAt(specs: BlockSpec[], index: number, replacement: BlockSpec): BlockSpec[] {
  return specs.map((spec, i) => (i === index ? replacement : spec));
}

describe('buildParityReport on two versions that agree', () => {
  const report = buildParityReport(makeAlignment(makeDocument('en', ENGLISH), makeDocument('fr', FRENCH)));

  it('finds parity and no problem', () => {
    expect(report.parity).toBe(true);
    expect(report.summary.blockers).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.outOfOrder).toEqual([]);
    expect(report.splitsAndMerges).toEqual([]);
    expect(report.footnotes.match).toBe(true);
    expect(report.tokenMismatches).toEqual([]);
    expect(report.lengthOutliers).toEqual([]);
    expect(report.untranslated).toEqual([]);
    expect(report.lowConfidence).toEqual([]);
  });

  it('counts blocks per kind, sentences, labelled paragraphs and footnotes per side', () => {
    expect(report.languages).toEqual({ source: 'en', target: 'fr' });
    expect(report.counts.source).toEqual(report.counts.target);
    expect(report.counts.source).toMatchObject({
      blocks: 9,
      sentences: 10,
      labelled: 7,
      labelledParagraphs: 3,
      footnotes: 1,
    });
    expect(report.counts.source.byKind).toMatchObject({
      header: 2,
      heading: 1,
      paragraph: 3,
      subparagraph: 2,
      tableRow: 0,
    });
  });

  it('lists the labels as printed, in document order, with their paths', () => {
    expect(report.labels.source.map((entry) => entry.label)).toEqual(['I.', '1.', '2.', '(a)', '(b)', '3.', '*']);
    expect(report.labels.target.map((entry) => entry.label)).toEqual(['I.', '1.', '2.', 'a)', 'b)', '3.', '*']);
    expect(report.labels.target.map((entry) => entry.path)).toEqual(['I', '1', '2', '2/a', '2/b', '3', 'fn:*']);
    expect(report.labels.source[3]).toEqual({
      block: 5,
      kind: 'subparagraph',
      label: '(a)',
      path: '2/a',
      key: 'lowerLetter:a',
    });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('buildParityReport finds', () => {
  it('a paragraph missing from the French, and the gap it leaves', () => {
    const english = makeDocument(
      'en',
      ['1', '2', '3', '4', '5', '6', '7', '8'].map((n) => para(n, `Paragraph ${n} of the report.`)),
    );
    const french = makeDocument(
      'fr',
      ['1', '2', '3', '4', '5', '6', '8'].map((n) => para(n, `Paragraphe ${n} du rapport.`)),
    );
    const beads: Array<[number[], number[]]> = [
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3]],
      [[4], [4]],
      [[5], [5]],
      [[6], []],
      [[7], [6]],
    ];
    const report = buildParityReport(makeAlignment(english, french, { blocks: beads, sentences: beads }));

    expect(report.missing).toEqual([
      {
        side: 'source',
        missingFrom: 'target',
        path: '7',
        label: '7.',
        block: 6,
        kind: 'paragraph',
        text: 'Paragraph 7 of the report.',
      },
    ]);
    // One finding per problem: the missing label, not also its gap, its 1-0 block bead and its 1-0 sentences.
    expect(report.outOfOrder).toEqual([]);
    expect(report.splitsAndMerges).toEqual([]);
    expect(report.lowConfidence).toEqual([]);
    expect(report.summary.unalignedSentences).toBe(1);
    expect(report.parity).toBe(false);
    expect(report.summary.blockers).toEqual(['missingLabels', 'unalignedLabelledBlocks']);
  });

  it('a gap whose skipped label is missing from the other side only, not one that is missing from both', () => {
    const english = makeDocument(
      'en',
      ['1', '2', '4'].map((n) => para(n, `Paragraph ${n} of the report.`)),
    );
    const french = makeDocument(
      'fr',
      ['1', '2', '4'].map((n) => para(n, `Paragraphe ${n} du rapport.`)),
    );
    const report = buildParityReport(makeAlignment(english, french));
    expect(report.outOfOrder).toMatchObject([
      { side: 'source', problem: 'gap', skipped: ['3'] },
      { side: 'target', problem: 'gap', skipped: ['3'] },
    ]);
  });

  it('no problem in front-matter lines on one side only ("Français", "Original : anglais")', () => {
    const french = makeDocument('fr', [
      plain('Distr. générale', 'header'),
      plain('Français', 'header'),
      plain('Original : anglais', 'header'),
      para('1', 'Le Comité a adopté son ordre du jour.'),
    ]);
    const english = makeDocument('en', [
      plain('Distr.: General', 'header'),
      para('1', 'The Committee adopted its agenda.'),
    ]);
    const beads: Array<[number[], number[]]> = [
      [[0], [0]],
      [[1], []],
      [[2], []],
      [[3], [1]],
    ];
    const report = buildParityReport(makeAlignment(french, english, { blocks: beads, sentences: beads }));
    expect(report.splitsAndMerges).toEqual([]);
    expect(report.lowConfidence).toEqual([]);
    expect(report.parity).toBe(true);

    const merged = buildParityReport(
      makeAlignment(french, english, {
        blocks: [
          [[0, 1, 2], [0]],
          [[3], [1]],
        ],
        sentences: [
          [[0, 1, 2], [0], 0.3],
          [[3], [1]],
        ],
      }),
    );
    expect(merged.splitsAndMerges).toEqual([]);
    expect(merged.lowConfidence).toEqual([]);
  });

  it('low confidence: only beads under the threshold, each with its own confidence', () => {
    const english = makeDocument('en', [para('1', 'First sentence. Second sentence. Third sentence.')]);
    const french = makeDocument('fr', [para('1', 'Première phrase. Deuxième phrase.')]);
    const report = buildParityReport(
      makeAlignment(english, french, {
        sentences: [
          [[0], [0], 0.97],
          [[1], [1], 0.31],
          [[2], [], 0.42],
        ],
      }),
    );
    expect(report.lowConfidence.map((bead) => [bead.bead, bead.reason, bead.confidence])).toEqual([
      [1, 'lowConfidence', 0.31],
      [2, 'unaligned', 0.42],
    ]);
    expect(report.summary.unalignedSentences).toBe(1);

    const sure = buildParityReport(
      makeAlignment(english, french, {
        sentences: [
          [[0], [0], 0.97],
          [[1], [1], 0.95],
          [[2], [], 0.99],
        ],
      }),
    );
    // A sentence with no counterpart inside a paired paragraph is no other finding: it stays listed.
    expect(sure.lowConfidence.map((bead) => [bead.bead, bead.reason, bead.confidence])).toEqual([
      [2, 'unaligned', 0.99],
    ]);
  });

  it('a French paragraph split in two blocks (a 1-2 block bead)', () => {
    const french = [
      ...FRENCH.slice(0, 7),
      para('3', 'La Conférence voudra peut-être examiner les recommandations.'),
      plain('Elles ont été formulées par le Groupe de travail.'),
      FRENCH[8] ?? plain(''),
    ];
    const blocks: Array<[number[], number[]]> = [
      ...ENGLISH.slice(0, 7).map((_, i): [number[], number[]] => [[i], [i]]),
      [[7], [7, 8]],
      [[8], [9]],
    ];
    // Block 4 has two sentences, so paragraph 3 is sentence 8.
    const sentences: Array<[number[], number[]]> = [
      ...Array.from({ length: 8 }, (_, i): [number[], number[]] => [[i], [i]]),
      [[8], [8, 9]],
      [[9], [10]],
    ];
    const report = buildParityReport(
      makeAlignment(makeDocument('en', ENGLISH), makeDocument('fr', french), { blocks, sentences }),
    );

    expect(report.splitsAndMerges).toHaveLength(1);
    expect(report.splitsAndMerges[0]).toMatchObject({
      bead: 7,
      shape: '1-2',
      labelled: true,
      source: [{ index: 7, path: '3', label: '3.' }],
      target: [
        { index: 7, path: '3', label: '3.' },
        { index: 8, path: null, label: null, text: 'Elles ont été formulées par le Groupe de travail.' },
      ],
    });
    expect(report.missing).toEqual([]);
    expect(report.summary.blockers).toEqual(['labelledSplitsOrMerges']);
  });

  it('a changed number, but not a number written the French way', () => {
    const french = replaceAt(
      FRENCH,
      5,
      sub('2', 'a)', 'Au total, 1 520 tonnes de précurseurs ont été saisies au cours de l’année considérée.'),
    );
    const english = replaceAt(
      ENGLISH,
      5,
      sub('2', '(a)', 'A total of 1,250 tonnes of precursors were seized during the year under review.'),
    );
    const report = buildParityReport(makeAlignment(makeDocument('en', english), makeDocument('fr', french)));

    expect(report.tokenMismatches).toHaveLength(1);
    expect(report.tokenMismatches[0]).toMatchObject({
      bead: 5,
      source: [{ index: 5, path: '2/a', label: '(a)' }],
      target: [{ index: 5, path: '2/a', label: 'a)' }],
      numbers: { sourceOnly: ['1250'], targetOnly: ['1520'] },
      symbols: { sourceOnly: [], targetOnly: [] },
      dates: { sourceOnly: [], targetOnly: [] },
    });
    // A token mismatch is for the reviewer: it does not break paragraph parity.
    expect(report.parity).toBe(true);
  });

  it('a sentence left untranslated, but not a short identical title', () => {
    const sentence = 'The Conference may wish to consider the recommendations.';
    const english = replaceAt(ENGLISH, 7, para('3', sentence));
    const french = replaceAt(FRENCH, 7, para('3', sentence));
    const report = buildParityReport(makeAlignment(makeDocument('en', english), makeDocument('fr', french)));

    // "Introduction" (heading I) is identical too, but too short to say it was left untranslated.
    expect(report.untranslated).toEqual([
      {
        bead: 8,
        source: [{ index: 8, block: 7, path: '3', text: sentence }],
        target: [{ index: 8, block: 7, path: '3', text: sentence }],
      },
    ]);
  });

  it.each([
    ['a document symbol alone', 'CTOC/COP/2018/1.', false],
    ['a name and country', 'Ms. Ana López (Spain)', false],
    ['a heading that is the same word in both languages', 'Introduction', false],
    ['an English sentence', 'Report of the Secretary-General on the work of the Organization', true],
    [
      'the same sentence with other spaces',
      'Report of the Secretary-General\u00A0on the work  of the Organization',
      true,
    ],
  ])('identical sides: %s → untranslated %s', (_case, text, listed) => {
    const english = makeDocument('en', [plain(text)]);
    const french = makeDocument('fr', [plain(text.replace(/\u00A0|\s{2}/gu, ' '))]);
    expect(buildParityReport(makeAlignment(english, french)).untranslated).toHaveLength(listed ? 1 : 0);
  });

  it('a footnote missing from the French, and a reference marker missing from its text', () => {
    const english = [...ENGLISH, note('1', 'See A/RES/70/1.')];
    const french = replaceAt(FRENCH, 0, plain('Point 2 b) de l’ordre du jour provisoire', 'header'));
    const blocks: Array<[number[], number[]]> = [...FRENCH.map((_, i): [number[], number[]] => [[i], [i]]), [[9], []]];
    const sentences: Array<[number[], number[]]> = [
      ...Array.from({ length: 10 }, (_, i): [number[], number[]] => [[i], [i]]),
      [[10], []],
    ];
    const report = buildParityReport(
      makeAlignment(makeDocument('en', english), makeDocument('fr', french), { blocks, sentences }),
    );

    expect(report.footnotes).toMatchObject({
      counts: { source: 2, target: 1 },
      markers: { source: ['*', '1'], target: ['*'] },
      sourceOnly: [{ marker: '1', label: '1', block: 9, text: 'See A/RES/70/1.' }],
      targetOnly: [],
      references: { source: 1, target: 0, sourceOnly: ['*'], targetOnly: [] },
      match: false,
    });
    expect(report.summary.footnoteMismatches).toBe(2);
    expect(report.summary.blockers).toContain('footnotes');
    expect(report.parity).toBe(false);
  });

  it('labels out of order (1, 2, 4, 3)', () => {
    const english = makeDocument(
      'en',
      ['1', '2', '3', '4'].map((n) => para(n, `Paragraph ${n} of the report.`)),
    );
    const french = makeDocument(
      'fr',
      ['1', '2', '4', '3'].map((n) => para(n, `Paragraphe ${n} du rapport.`)),
    );
    const report = buildParityReport(makeAlignment(english, french));

    expect(report.labels.target.map((entry) => entry.label)).toEqual(['1.', '2.', '4.', '3.']);
    expect(report.outOfOrder).toMatchObject([
      { side: 'target', problem: 'backwards', label: '3.', block: 3, previous: { label: '4.', block: 2 } },
    ]);
    expect(report.missing).toEqual([]);
    expect(report.summary.blockers).toEqual(['labelOrder']);
  });

  it.each([
    [0.3, 0.5, ['lowConfidence']],
    [0.5, 0.5, []],
    [0.3, 0.2, []],
  ])('a sentence bead of confidence %d under threshold %d → %j', (confidence, threshold, reasons) => {
    const english = makeDocument('en', [para('1', 'The Conference adopted the report.')]);
    const french = makeDocument('fr', [para('1', 'La Conférence a adopté le rapport.')]);
    const alignment = makeAlignment(english, french, { sentences: [[[0], [0], confidence]] });
    const report = buildParityReport(alignment, { lowConfidence: threshold });
    expect(report.lowConfidence.map((bead) => bead.reason)).toEqual(reasons);
    expect(report.settings.lowConfidence).toBe(threshold);
  });

  it('a sentence whose French is far longer than the document’s usual ratio', () => {
    const pairs: Array<[string, string]> = [
      ['The Conference adopted the report of the meeting.', 'La Conférence a adopté le rapport de la réunion.'],
      [
        'The Working Group met twice during the period.',
        'Le Groupe de travail s’est réuni deux fois pendant la période.',
      ],
      [
        'Several speakers welcomed the new guidelines.',
        'Plusieurs orateurs ont salué les nouvelles lignes directrices.',
      ],
      ['The secretariat presented its annual report.', 'Le secrétariat a présenté son rapport annuel.'],
      ['The Chair closed the session on the last day.', 'La présidente a clos la session le dernier jour.'],
      [
        'The meeting was adjourned early.',
        'La réunion a été levée plus tôt que prévu, après un long débat sur la procédure à suivre pour la suite ' +
          'des travaux et sur le calendrier des prochaines réunions du Groupe.',
      ],
      ['Agreed.', 'D’accord, et adopté à l’unanimité.'],
    ];
    const english = makeDocument(
      'en',
      pairs.map(([text], i) => para(String(i + 1), text)),
    );
    const french = makeDocument(
      'fr',
      pairs.map(([, text], i) => para(String(i + 1), text)),
    );
    const report = buildParityReport(makeAlignment(english, french));

    // The last pair is as lopsided but shorter than 20 characters on one side, so it is not judged.
    expect(report.lengthOutliers.map((outlier) => outlier.bead)).toEqual([5]);
    expect(report.lengthOutliers[0]?.deviation).toBeGreaterThan(3);
    expect(report.lengthOutliers[0]?.ratio).toBeGreaterThan(4);
  });

  it.each([
    [{ lowConfidence: 1.5 }],
    [{ lowConfidence: Number.NaN }],
    [{ lengthRatio: { maxDeviation: 0 } }],
    [{ lengthRatio: { minBeads: 0 } }],
    [{ untranslatedMinLength: -1 }],
  ])('rejects the option %j', (options) => {
    const alignment = makeAlignment(makeDocument('en', ENGLISH), makeDocument('fr', FRENCH));
    expect(() => buildParityReport(alignment, options)).toThrow(RangeError);
  });

  it('rejects a bead that points past the blocks', () => {
    const alignment = makeAlignment(makeDocument('en', ENGLISH), makeDocument('fr', FRENCH));
    alignment.blocks.push({ source: [42], target: [], confidence: 1, method: 'content' });
    expect(() => buildParityReport(alignment)).toThrow(/block 42/u);
  });
});
