import {
  DeletedTextRun,
  Document,
  EndnoteReferenceRun,
  Footer,
  Header,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createNumberingCounter, readNumbering } from '../../../src/extract/docx/numbering.js';
import { parseXml } from '../../../src/extract/docx/parse-xml.js';
import { extractDocument } from '../../../src/extract/extract-document.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('Word numbering (numbering.xml)', () => {
  // numId 1 and 2 share abstract 0 (the second continues the first); numId 3 restarts level 0 at 8.
  const numbering = readNumbering(
    parseXml(
      `<w:numbering xmlns:w="urn:w">
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="0"/>
      <w:lvlOverride w:ilvl="0"><w:startOverride w:val="8"/></w:lvlOverride></w:num>
    <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
  </w:numbering>`,
      'numbering.xml',
    ),
  );

  it('writes out labels through continued lists, sub-levels, restarts and a second list', () => {
    const label = createNumberingCounter(numbering);
    const sequence: Array<[string, number]> = [
      ['4', 0],
      ['1', 0],
      ['1', 1],
      ['1', 1],
      ['1', 2],
      ['1', 2],
      ['1', 1],
      ['2', 0],
      ['2', 1],
      ['4', 0],
      ['3', 0],
      ['3', 0],
      ['0', 0],
    ];
    expect(sequence.map(([numId, ilvl]) => label(numId, ilvl)?.text ?? null)).toEqual([
      'I.',
      '1.',
      'a)',
      'b)',
      '(i)',
      '(ii)',
      'c)',
      '2.',
      'a)',
      'II.',
      '8.',
      '9.',
      null,
    ]);
  });
});

describe('extractDocx', () => {
  it('keeps insertions, drops deletions, tables as rows, endnotes as notes, no headers or footers', async () => {
    const doc = new Document({
      endnotes: { 1: { children: [new Paragraph('An endnote.')] } },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('RUNNING HEADER')] }) },
          footers: { default: new Footer({ children: [new Paragraph('RUNNING FOOTER')] }) },
          children: [
            new Paragraph({
              children: [
                new TextRun('The Committee '),
                new DeletedTextRun({ text: 'rejected', id: 1, author: 'a', date: '2024-01-01T00:00:00Z' }),
                new InsertedTextRun({ text: 'adopted', id: 2, author: 'a', date: '2024-01-01T00:00:00Z' }),
                new TextRun(' the report.'),
                new EndnoteReferenceRun(1),
              ],
            }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('Item')] }),
                    new TableCell({ children: [new Paragraph('Cost | total')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const extracted = await extractDocument(new Uint8Array(await Packer.toBuffer(doc)), 'changes.docx', {
      language: 'en',
    });
    expect(extracted.text).toContain('The Committee adopted the report.[^i]');
    expect(extracted.text).not.toContain('rejected');
    expect(extracted.text).toContain('| Item | Cost \\| total |');
    expect(extracted.text).toContain('[^i]: An endnote.');
    expect(extracted.text).not.toMatch(/RUNNING/);
    expect(extracted.warnings.join('\n')).toMatch(
      /tracked changes resolved \(1 insertions kept, 1 deletions dropped\)/,
    );
  });

  it('numbers paragraphs from their paragraph style', async () => {
    const bytes = zipSync({
      'word/document.xml': utf8(
        '<w:document xmlns:w="urn:w"><w:body><w:p><w:pPr><w:pStyle ' +
          'w:val="Para"/></w:pPr><w:r><w:t>First.</w:t></w:r></w:p><w:p><w:pPr><w:pStyle ' +
          'w:val="Para"/></w:pPr><w:r><w:t>Second.</w:t></w:r></w:p></w:body></w:document>',
      ),
      'word/styles.xml': utf8(
        '<w:styles xmlns:w="urn:w"><w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:numPr><w:numId ' +
          'w:val="5"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Para"><w:basedOn ' +
          'w:val="Base"/></w:style></w:styles>',
      ),
      'word/numbering.xml': utf8(
        '<w:numbering xmlns:w="urn:w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start ' +
          'w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num ' +
          'w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
      ),
    });
    expect((await extractDocument(bytes, 'styled.docx', { language: 'en' })).text).toBe('1. First.\n\n2. Second.\n');
  });
});

describe('extractHtml', () => {
  it.each([
    ['en', '(a) Sub a;', '(b) Sub b;'],
    ['fr', 'a) Sub a;', 'b) Sub b;'],
  ])('writes out <ol start type> numbers (%s)', async (language, a, b) => {
    const html =
      '<!DOCTYPE html><html><body><h2>I. Intro</h2><ol start="12"><li>Twelve.<ol type="a"><li>Sub a;</li><li>Sub ' +
      'b;</li></ol></li><li>Thirteen.</li></ol><table><tr><td>A</td><td>B</td></tr></table></body></html>';
    const extracted = await extractDocument(utf8(html), 'page.html', { language });
    expect(extracted.text).toBe(`## I. Intro\n\n12. Twelve.\n\n${a}\n\n${b}\n\n13. Thirteen.\n\n| A | B |\n`);
  });
});
