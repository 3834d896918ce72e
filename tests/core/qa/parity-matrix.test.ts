import { describe, expect, it } from 'vitest';
import { describeGap, describePath } from '../../../src/core/qa/describe-gap.js';
import { formatParityMatrixText } from '../../../src/core/qa/format-matrix-text.js';
import { GapKind, readNumbers, type ParityMatrix } from '../../../src/core/qa/parity-matrix.js';
import { alignDocumentVersions } from '../../../src/pipeline/align-document-versions.js';
import { segmentText } from '../../../src/pipeline/segment-file.js';

const PARAGRAPHS = {
  en: [
    '1. The Committee held its ninth session in Vienna from 15 to 19 October 2018.',
    '2. The Committee considered the following items:',
    '(a) Organizational matters;',
    '(b) Technical assistance;',
    '(c) Adoption of the report.',
    '3. Contributions amounted to 1,250,000 dollars in 2017.*',
    '4. The Committee adopted its report by consensus.',
    '5. The next session will be held in 2020.',
    '* Footnote text on contributions.',
  ],
  fr: [
    '1. Le Comité a tenu sa neuvième session à Vienne du 15 au 19 octobre 2018.',
    '2. Le Comité a examiné les points suivants :',
    'a) Questions d’organisation ;',
    'b) Assistance technique ;',
    'c) Adoption du rapport.',
    '3. Les contributions se sont élevées à 1 250 000 dollars en 2017*.',
    '4. Le Comité a adopté son rapport par consensus.',
    '5. La prochaine session se tiendra en 2020.',
    '* Texte de la note sur les contributions.',
  ],
  ru: [
    '1. Комитет провел свою девятую сессию в Вене 15-19 октября 2018 года.',
    '2. Комитет рассмотрел следующие пункты:',
    'a) организационные вопросы;',
    'b) техническая помощь;',
    'c) утверждение доклада.',
    '3. Взносы составили 1 250 000 долларов в 2017 году*.',
    '4. Комитет утвердил свой доклад консенсусом.',
    '5. Следующая сессия состоится в 2020 году.',
    '* Текст сноски о взносах.',
  ],
};

type Version = keyof typeof PARAGRAPHS;

function matrixOf(edit: Partial<Record<Version, (paragraphs: string[]) => string[]>> = {}): ParityMatrix {
  const documents = (['en', 'fr', 'ru'] as const).map((language) => {
    const paragraphs = (edit[language] ?? ((p: string[]) => p))([...PARAGRAPHS[language]]);
    return segmentText(paragraphs.join('\n\n'), { language, format: 'text' });
  });
  return alignDocumentVersions({ documents, names: ['en.txt', 'fr.txt', 'ru.txt'], pivot: 'en' }).matrix;
}

const without =
  (...drop: string[]) =>
  (paragraphs: string[]): string[] =>
    paragraphs.filter((p) => !drop.some((start) => p.startsWith(start)));

describe('buildParityMatrix', () => {
  it('finds nothing missing when every version has the same labels, numbers and footnotes', () => {
    const matrix = matrixOf();
    expect(matrix.gaps.map((gap) => describeGap(gap))).toEqual([]);
    expect(matrix.parity).toBe(true);
    expect(matrix.counts['ru']?.labelled).toBe(matrix.counts['en']?.labelled);
  });

  it('names a sub-paragraph missing in one version only', () => {
    const matrix = matrixOf({ ru: without('c)') });
    expect(matrix.gaps.map((gap) => describeGap(gap))).toEqual(['paragraph 2 (c) is missing in Russian only']);
    expect(matrix.gaps[0]).toMatchObject({
      kind: GapKind.label,
      path: '2/c',
      missingFrom: ['ru'],
      presentIn: ['en', 'fr'],
    });
    expect(matrix.lacking).toEqual({ en: 0, fr: 0, ru: 1 });
    expect(matrix.parity).toBe(false);
  });

  it('names a run of consecutive labels the same versions lack once', () => {
    const matrix = matrixOf({ ru: without('a)', 'b)', 'c)') });
    expect(matrix.gaps.map((gap) => describeGap(gap))).toEqual([
      'paragraph 2 (a) to paragraph 2 (c) are missing in Russian only',
    ]);
    expect(describeGap(matrix.gaps[0] as ParityMatrix['gaps'][number], 'fr')).toBe(
      'paragraphe 2 a) à paragraphe 2 c) manquent en russe seulement',
    );
  });

  it('names a label the pivot lacks and the others have', () => {
    const matrix = matrixOf({ en: without('5.') });
    expect(matrix.gaps.map((gap) => describeGap(gap))).toEqual(['paragraph 5 is missing in English only']);
  });

  it('says a label present in fewer versions than lack it is only in those', () => {
    const extra = (paragraphs: string[]): string[] => [
      ...paragraphs.slice(0, -1),
      '6. Одна лишняя фраза.',
      ...paragraphs.slice(-1),
    ];
    const matrix = matrixOf({ ru: extra });
    expect(matrix.gaps.map((gap) => describeGap(gap))).toEqual(['paragraph 6 is only in Russian']);
  });

  it('names a number and a footnote reference one version lacks, and a footnote it lacks', () => {
    const matrix = matrixOf({
      ru: (paragraphs) =>
        without('*')(paragraphs).map((p) =>
          p.startsWith('3.') ? '3. Взносы составили 1 200 000 долларов в 2017 году.' : p,
        ),
    });
    expect(matrix.gaps.map((gap) => describeGap(gap))).toEqual([
      'paragraph 3: the number 1250000 is missing in Russian only',
      'paragraph 3: the number 1200000 is only in Russian',
      'paragraph 3: the footnote reference * is missing in Russian only',
      'footnote * is missing in Russian only',
    ]);
  });

  it('names a paragraph dropped and the renumbering after it once', () => {
    const renumber = (paragraphs: string[]): string[] =>
      without('3.')(paragraphs).map((p) => p.replace(/^4\./, '3.').replace(/^5\./, '4.'));
    const matrix = matrixOf({ ru: renumber });
    expect(matrix.gaps.map((gap) => describeGap(gap))).toEqual([
      'paragraph 3 is missing in Russian only, and Russian renumbers what follows (paragraph 4 is 3 there)',
    ]);
    expect(matrix.gaps[0]?.kind).toBe(GapKind.renumbered);
  });

  it('writes the report in French with French language names', () => {
    const matrix = matrixOf({ ru: without('c)') });
    expect(describeGap(matrix.gaps[0] as ParityMatrix['gaps'][number], 'fr')).toBe(
      'paragraphe 2 c) manque en russe seulement',
    );
    const text = formatParityMatrixText(matrix, 'fr');
    expect(text).toContain('Parité de anglais (pivot), français, russe');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Parité : non');
  });

  it('renders counts per version and ends with the parity line', () => {
    const text = formatParityMatrixText(matrixOf({ ru: without('c)') }));
    expect(text).toContain('Parity of English (pivot), French, Russian');
    expect(text).toMatch(/gaps it is in\s+0\s+0\s+1/);
    expect(text).toContain('  paragraph 2 (c) is missing in Russian only');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Parity: no');
  });
});

describe('describePath', () => {
  it.each([
    ['12', 'paragraph 12', 'paragraphe 12'],
    ['12/c', 'paragraph 12 (c)', 'paragraphe 12 c)'],
    ['12/c/ii', 'paragraph 12 (c) (ii)', 'paragraphe 12 c) ii)'],
    ['II', 'heading II', 'titre II'],
    ['II/A', 'heading II.A', 'titre II.A'],
    ['art:17', 'article 17', 'article 17'],
    ['art:5/2', 'article 5, paragraph 2', 'article 5, paragraphe 2'],
    ['annex:I/3', 'annex I, paragraph 3', 'annexe I, paragraphe 3'],
    ['fn:1', 'footnote 1', 'note 1'],
    ['chap:4', 'chapter 4', 'chapitre 4'],
  ])('%s is "%s" and « %s »', (path, english, french) => {
    expect(describePath(path)).toBe(english);
    expect(describePath(path, 'fr')).toBe(french);
  });
});

describe('readNumbers', () => {
  it.each([
    ['en', 'from 15 to 19 October 2018, 1,250.5 dollars', ['15', '19', '2018', '1250.5']],
    ['ru', '15-19 октября 2018 года, 1 250,5 долларов', ['15', '19', '2018', '1250.5']],
    ['ar', 'في الفترة ١٥-١٩ تشرين الأول 2018، 000 250 1 دولار', ['15', '19', '2018', '1250000']],
    ['zh', '2018年10月15日至19日，１２５０美元', ['2018', '15', '19', '1250']],
  ])('reads %s numbers in a form every language shares', (language, text, numbers) => {
    expect([...readNumbers(text, language).numbers].sort()).toEqual([...numbers].sort());
  });
});
