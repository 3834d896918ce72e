import { existsSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseDocument } from '../../../src/core/parse/parse-document.js';
import type { Block, ParsedDocument } from '../../../src/core/model.js';
import { haveSharedData } from '../../../harness/shared-data.js';

const SEED = new URL('../../../../shared/seeds/un-note-ctoc-cop-2018.fr.md', import.meta.url);

function expectRangesExact(source: string, doc: ParsedDocument): void {
  doc.blocks.forEach((block, i) => {
    expect(block.index).toBe(i);
    expect(source.slice(block.range.start, block.range.end)).toBe(block.raw);
    if (i > 0) expect(block.range.start).toBeGreaterThanOrEqual(doc.blocks[i - 1]?.range.end ?? 0);
  });
}

type Row = [Block['kind'], string | null, string];
function rows(doc: ParsedDocument): Row[] {
  return doc.blocks.map((b) => [b.kind, b.path, b.text]);
}

describe.skipIf(!haveSharedData('parseDocument on the French seed', [SEED]))('parseDocument on the French seed', () => {
  const source = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const doc = parseDocument(source, { language: 'fr', format: 'markdown' });

  it('keeps every raw slice exact', () => {
    expectRangesExact(source, doc);
  });

  it('finds header lines, the titles, three paragraphs and the footnote', () => {
    expect(doc.blocks.map((b) => [b.kind, b.path, b.label?.key ?? null])).toEqual([
      ['header', null, null],
      ['header', null, null],
      ['header', null, null],
      ['header', null, null],
      ['header', null, null],
      ['header', null, null],
      ['header', null, null],
      ['header', null, 'agendaItem:2b'],
      ['title', null, null],
      ['title', null, null],
      ['title', null, null],
      ['paragraph', '1', 'arabic:1'],
      ['paragraph', '2', 'arabic:2'],
      ['paragraph', '3', 'arabic:3'],
      ['footnote', 'fn:*', 'footnote:*'],
    ]);
  });

  it('extracts block text without labels and markup', () => {
    const texts = doc.blocks.map((b) => b.text);
    expect(texts.slice(0, 8)).toEqual([
      'Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée',
      'Distr. générale',
      '18 juillet 2018',
      'Français',
      'Original : anglais',
      'Neuvième session',
      'Vienne, 15-19 octobre 2018',
      "Point 2 b) de l'ordre du jour provisoire*",
    ]);
    expect(texts[8]).toMatch(/^Examen de l'application de la Convention des Nations Unies contre la criminalité/);
    expect(texts[8]).not.toMatch(/\*|\n| {2}/);
    expect(doc.blocks[8]?.raw.split('\n')).toHaveLength(5);
    expect(texts[10]).toBe('Note du Secrétariat');
    expect(texts[11]).toMatch(/^Dans sa décision 4\/4,/);
    expect(texts[13]).toContain('(CTOC/COP/WG.4/2017/4 et CTOC/COP/WG.4/2018/3)');
    expect(texts[14]).toBe('CTOC/COP/2018/1.');
  });
});

describe('parseDocument input handling', () => {
  it.each(['', '\n\n', '   \r\n\t\r\n', '\uFEFF'])('gives no blocks for %j', (source) => {
    const doc = parseDocument(source, { language: 'en', format: 'text' });
    expect(doc.blocks).toEqual([]);
    expect(doc.meta.title).toBeNull();
    expect(doc.language).toBe('en');
  });

  it('handles a BOM, CRLF and NBSP, keeping NBSP in text', () => {
    const source = '\uFEFFTitre\r\n\r\n1.\u00A0Texte\u00A0: avec  \u00A0 espaces.\r\n2. Deux\r\nlignes.\r\n';
    const doc = parseDocument(source, { language: 'fr', format: 'text' });
    expectRangesExact(source, doc);
    expect(rows(doc)).toEqual([
      ['title', null, 'Titre'],
      ['paragraph', '1', 'Texte\u00A0: avec \u00A0 espaces.'],
      ['paragraph', '2', 'Deux lignes.'],
    ]);
    expect(doc.blocks[0]?.range.start).toBe(1);
    expect(doc.blocks[2]?.raw).toBe('2. Deux\r\nlignes.');
  });

  it('handles old Mac line ends', () => {
    const source = '1. One.\r2. Two.\r';
    const doc = parseDocument(source, { language: 'en', format: 'text' });
    expectRangesExact(source, doc);
    expect(doc.blocks.map((b) => b.path)).toEqual(['1', '2']);
  });
});

describe('parseDocument blocks', () => {
  it('makes every line a block in plain text without blank lines', () => {
    const source = 'Report of the Secretariat\nThe first unnumbered paragraph.\nThe second one.\n1. A numbered one.';
    const doc = parseDocument(source, { language: 'en', format: 'text' });
    expectRangesExact(source, doc);
    expect(doc.blocks.map((b) => b.text)).toEqual([
      'Report of the Secretariat',
      'The first unnumbered paragraph.',
      'The second one.',
      'A numbered one.',
    ]);
  });

  it('joins hard-wrapped lines but splits runs of long one-paragraph lines', () => {
    const long = 'Long paragraph text that goes on and on. '.repeat(4).trim();
    const source = `Intro\n\nA wrapped\nparagraph.\n\n${long}\n${long}\n`;
    const doc = parseDocument(source, { language: 'en', format: 'text' });
    expect(doc.blocks.map((b) => b.text)).toEqual(['Intro', 'A wrapped paragraph.', long, long]);
  });

  it('reads footnotes after the separator line only, and ends them at the next prose', () => {
    const source = [
      'Distr.: General',
      '12 March 2019',
      '',
      'Title',
      '',
      '1. Text.1',
      '__________',
      '* A/AC.999/2019/1.',
      '1 See resolution',
      'continued here.',
      '',
      '2. More text.',
    ].join('\n');
    const doc = parseDocument(source, { language: 'en', format: 'text' });
    expectRangesExact(source, doc);
    expect(rows(doc)).toEqual([
      ['header', null, 'Distr.: General'],
      ['header', null, '12 March 2019'],
      ['title', null, 'Title'],
      ['paragraph', '1', 'Text.1'],
      ['footnote', 'fn:*', 'A/AC.999/2019/1.'],
      ['footnote', 'fn:1', 'See resolution continued here.'],
      ['paragraph', '2', 'More text.'],
    ]);
  });

  it('disambiguates (i) by its siblings inside a document', () => {
    const source =
      '1. Letters:\n(h) eighth;\n(i) ninth;\n(j) tenth.\n2. Romans:\n(h) eighth:\n(i) first;\n(ii) second.\n' +
      '3. Plain:\n(a) one:\n(i) first.';
    const doc = parseDocument(source, { language: 'en', format: 'text' });
    expect(doc.blocks.map((b) => b.path)).toEqual([
      '1',
      '1/h',
      '1/i',
      '1/j',
      '2',
      '2/h',
      '2/h/i',
      '2/h/ii',
      '3',
      '3/a',
      '3/a/i',
    ]);
    expect(doc.blocks.filter((b) => b.kind === 'subparagraph')).toHaveLength(8);
  });

  it('reads Markdown headings, emphasis around labels, quotes, tables, bullets and footnote definitions', () => {
    const source = [
      '# I. Introduction',
      '',
      '**1.** Text with a [link](http://x) and a note[^1].',
      '(a) *First*;',
      '',
      '> 2. Quoted paragraph',
      '> continues here.',
      '',
      '| Country | Amount |',
      '|---|---|',
      '| France | 1\u00A0000 |',
      '',
      '- bullet one',
      '* star bullet',
      '',
      '**II. Findings**',
      '',
      '3. Last.',
      '',
      '[^1]: The note',
      '    continues.',
    ].join('\n');
    const doc = parseDocument(source, { language: 'en', format: 'markdown' });
    expectRangesExact(source, doc);
    expect(rows(doc)).toEqual([
      ['heading', 'I', 'Introduction'],
      ['paragraph', '1', 'Text with a link and a note.'],
      ['subparagraph', '1/a', 'First;'],
      ['paragraph', '2', 'Quoted paragraph continues here.'],
      ['tableRow', null, 'Country\tAmount'],
      ['tableRow', null, 'France\t1\u00A0000'],
      ['listItem', null, 'bullet one'],
      ['listItem', null, 'star bullet'],
      ['heading', 'II', 'Findings'],
      ['paragraph', '3', 'Last.'],
      ['footnote', 'fn:1', 'The note continues.'],
    ]);
  });

  it('builds annex paths and keeps the annex label in the text', () => {
    const source =
      '12. Last paragraph.\n\nAnnex I\n\nList of participants\n\n1. First.\n(a) Under it.\n\nII. Heading\n\n' +
      'A. Sub\n\nANNEXE II\n\n1. Again.';
    const doc = parseDocument(source, { language: 'en', format: 'text' });
    expect(rows(doc)).toEqual([
      ['paragraph', '12', 'Last paragraph.'],
      ['heading', 'annex:I', 'Annex I'],
      ['heading', null, 'List of participants'],
      ['paragraph', 'annex:I/1', 'First.'],
      ['subparagraph', 'annex:I/1/a', 'Under it.'],
      ['heading', 'annex:I/II', 'Heading'],
      ['heading', 'annex:I/II/A', 'Sub'],
      ['heading', 'annex:II', 'ANNEXE II'],
      ['paragraph', 'annex:II/1', 'Again.'],
    ]);
  });

  it('reads the Charter layout: chapter and article headings, their titles and text on the lines under them', () => {
    const source =
      'CHAPITRE PREMIER\nOBJET ET PRINCIPES\n\nArticle 1\nLe présent accord a pour objet :\n' +
      '1. De renforcer la coopération.\n2. De faciliter les échanges.';
    expect(rows(parseDocument(source, { language: 'fr', format: 'text' }))).toEqual([
      ['heading', 'chap:1', 'CHAPITRE PREMIER'],
      ['heading', null, 'OBJET ET PRINCIPES'],
      ['heading', 'art:1', 'Article 1'],
      ['text', null, 'Le présent accord a pour objet :'],
      ['paragraph', 'art:1/1', 'De renforcer la coopération.'],
      ['paragraph', 'art:1/2', 'De faciliter les échanges.'],
    ]);
  });

  it('keeps an annex heading apart from the title on the line under it', () => {
    const doc = parseDocument('1. Text.\n\nAnnex I\nList of participants\n\n1. First.', {
      language: 'en',
      format: 'text',
    });
    expect(rows(doc)).toEqual([
      ['paragraph', '1', 'Text.'],
      ['heading', 'annex:I', 'Annex I'],
      ['heading', null, 'List of participants'],
      ['paragraph', 'annex:I/1', 'First.'],
    ]);
  });

  it('reads articles as headings with their own paths, even when the text follows on the next line', () => {
    // The layout of the UN's plain-text declarations: no blank line between an article's heading and its text.
    const source =
      'Préambule\n\nArticle premier\nLes membres du comité sont élus pour quatre ans.\n\nArticle 2\n' +
      '1. Le comité se réunit deux fois par an.\n2. Il peut tenir des sessions extraordinaires.\n\nArticle 3\n' +
      'Le secrétariat est assuré par l’Organisation.';
    const doc = parseDocument(source, { language: 'fr', format: 'text' });
    expect(rows(doc)).toEqual([
      ['title', null, 'Préambule'],
      ['heading', 'art:1', 'Article premier'],
      ['text', null, 'Les membres du comité sont élus pour quatre ans.'],
      ['heading', 'art:2', 'Article 2'],
      ['paragraph', 'art:2/1', 'Le comité se réunit deux fois par an.'],
      ['paragraph', 'art:2/2', 'Il peut tenir des sessions extraordinaires.'],
      ['heading', 'art:3', 'Article 3'],
      ['text', null, 'Le secrétariat est assuré par l’Organisation.'],
    ]);
  });

  it('runs paragraph numbers through headings and puts A. under the latest roman heading', () => {
    const source =
      'I. One\n\n1. a.\n\nA. Sub\n\n2. b.\n\nII. Two\n\nA. Again\n\n3. c.\n\n' +
      'B. Long heading-like line that ends with a full stop.';
    const doc = parseDocument(source, { language: 'en', format: 'text' });
    expect(doc.blocks.map((b) => [b.kind, b.path])).toEqual([
      ['heading', 'I'],
      ['paragraph', '1'],
      ['heading', 'I/A'],
      ['paragraph', '2'],
      ['heading', 'II'],
      ['heading', 'II/A'],
      ['paragraph', '3'],
      ['paragraph', 'II/B'],
    ]);
  });

  it('marks unnumbered prose among numbered paragraphs as paragraph, and before them as text', () => {
    const source =
      'Title\n\n*The General Assembly*,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act;\n\n' +
      'The second half of paragraph one, with no number.';
    const doc = parseDocument(source, { language: 'en', format: 'markdown' });
    expect(rows(doc)).toEqual([
      ['title', null, 'Title'],
      ['text', null, 'The General Assembly,'],
      ['text', null, 'Recalling its resolution 70/1,'],
      ['paragraph', '1', 'Decides to act;'],
      ['paragraph', null, 'The second half of paragraph one, with no number.'],
    ]);
  });

  it('keeps a trailing "*" line a footnote in Markdown but reads a "*" line mid-document as a bullet', () => {
    const source = 'Item 2 of the provisional agenda*\n\nTitle\n\n* first point\n\n1. Text.\n\n* CTOC/COP/2018/1.';
    const doc = parseDocument(source, { language: 'en', format: 'markdown' });
    expect(doc.blocks.map((b) => [b.kind, b.label?.key ?? null])).toEqual([
      ['header', 'agendaItem:2'],
      ['title', null],
      ['listItem', 'bullet:'],
      ['paragraph', 'arabic:1'],
      ['footnote', 'footnote:*'],
    ]);
  });

  it.each([
    ['escaped, at the end', 'Title\n\n1. Text.\n\n\\* E/CN.7/2024/1.'],
    ['unescaped, at the end', 'Title\n\n1. Text.\n\n* E/CN.7/2024/1.'],
    ['escaped, under the title', 'Title\n\n\\* E/CN.7/2024/1.\n\n1. Text.'],
    ['unescaped, under the title', 'Title\n\n* E/CN.7/2024/1.\n\n1. Text.'],
  ])('reads the title\'s symbol footnote "* E/CN.7/2024/1." as a footnote, %s', (_case, source) => {
    const doc = parseDocument(source, { language: 'en', format: 'markdown' });
    const note = doc.blocks.find((b) => b.text === 'E/CN.7/2024/1.');
    expect(note).toMatchObject({ kind: 'footnote', path: 'fn:*', label: { key: 'footnote:*' } });
    expect(doc.blocks.filter((b) => b.kind === 'footnote')).toHaveLength(1);
    expectRangesExact(source, doc);
  });

  it('splits header lines that share a paragraph but keeps a wrapped organ name whole', () => {
    const source =
      'Conference of the Parties to the United Nations\nConvention against Corruption\nDistr.: General\n' +
      '18 July 2018\nFrench\nOriginal: English\n\nNote\n\n1. Text.';
    const doc = parseDocument(source, { language: 'en', format: 'text' });
    expect(rows(doc).slice(0, 5)).toEqual([
      ['header', null, 'Conference of the Parties to the United Nations Convention against Corruption'],
      ['header', null, 'Distr.: General'],
      ['header', null, '18 July 2018'],
      ['header', null, 'French'],
      ['header', null, 'Original: English'],
    ]);
    expect(doc.blocks[5]?.kind).toBe('title');
  });

  it('leaves Markdown characters alone in plain text', () => {
    const source = 'Title\n\n1. A *starred* word, a snake_case_name and [brackets](here).';
    const doc = parseDocument(source, { language: 'en', format: 'text' });
    expect(doc.blocks[1]?.text).toBe('A *starred* word, a snake_case_name and [brackets](here).');
  });
});
