import { describe, expect, it } from 'vitest';
import type { LinePiece, PdfLine, PdfPage } from '../../../src/extract/pdf/build-lines.js';
import { joinLines, joinParagraphs } from '../../../src/extract/pdf/join-lines.js';
import { orderColumns } from '../../../src/extract/pdf/order-columns.js';
import { stripRunningLines } from '../../../src/extract/pdf/running-lines.js';
import { noteCallRenderer, splitNotes } from '../../../src/extract/pdf/split-notes.js';

// A line of 10-point text at baseline `y` from `x`, 5 points a character; `[1]` writes a raised piece.
function line(y: number, text: string, x = 72): PdfLine {
  const pieces: LinePiece[] = [];
  let at = x;
  for (const part of text.split(/(\[[^\]]+\])/).filter((p) => p !== '')) {
    const superscript = part.startsWith('[');
    const body = superscript ? part.slice(1, -1) : part;
    pieces.push({ text: body, superscript, x: at, right: at + body.length * 5 });
    at += body.length * 5;
  }
  return { y, x, right: at, size: 10, pieces };
}

function page(lines: PdfLine[]): PdfPage {
  return { height: 842, width: 595, lines };
}

describe('orderColumns', () => {
  it('reads a two-column page left column first, and leaves a one-column page as it is', () => {
    const rows = Array.from({ length: 6 }, (_, k) => 700 - k * 12);
    const twoColumns = rows.flatMap((y, k) => [line(y, `left ${k}`), line(y, `right ${k}`, 320)]);
    const ordered = orderColumns(twoColumns, 595);
    expect(ordered.twoColumn).toBe(true);
    expect(ordered.lines.map((l) => l.pieces[0]?.text)).toEqual([
      ...rows.map((_, k) => `left ${k}`),
      ...rows.map((_, k) => `right ${k}`),
    ]);
    const oneColumn = rows.map((y, k) => line(y, `A line of body text that runs across the page ${k}`));
    expect(orderColumns(oneColumn, 595)).toEqual({ lines: oneColumn, twoColumn: false });
  });
});

describe('stripRunningLines', () => {
  it('removes symbols, page numbers and repeated heads in the margins, never body lines', () => {
    const pages = [1, 2, 3].map((n) =>
      page([
        line(800, 'CTOC/COP/2018/1'),
        line(790, 'Report of the Conference'),
        line(700, `Body text of page ${n}.`),
        line(60, `V.18-04626 ${n}/3`),
      ]),
    );
    expect(stripRunningLines(pages)).toBe(9);
    expect(pages.map((p) => p.lines.map((l) => l.pieces[0]?.text))).toEqual([
      ['Body text of page 1.'],
      ['Body text of page 2.'],
      ['Body text of page 3.'],
    ]);
  });

  it('keeps a line that only looks running when it lies outside the margin zone', () => {
    const pages = [page([line(700, '2018/1'), line(690, 'Body.')])];
    expect(stripRunningLines(pages)).toBe(0);
  });
});

describe('splitNotes', () => {
  it('sets apart the notes under the body, gathers the lines of each note and renders known calls', () => {
    const pages = [
      page([line(700, 'Body with a call[1] here.'), line(100, '[1]First note'), line(88, 'runs on')]),
      page([line(700, 'More body.'), line(100, 'still the first note')]),
    ];
    // The second page's last line is not opened by a marker: it is body text, whatever its place.
    const { bodies, notes } = splitNotes(pages);
    expect(notes).toEqual([{ mark: '1', lines: ['First note', 'runs on'] }]);
    expect(bodies.map((b) => b.length)).toEqual([1, 2]);
    const render = noteCallRenderer(notes);
    expect([render('1'), render('2'), render('*')]).toEqual(['[^1]', '2', '*']);
  });
});

describe('joinLines', () => {
  const words = new Set(['recommendations', 'follow-up', 'follow', 'up']);
  it.each([
    ['recom-', 'mendations of', 'recommendations of'],
    ['the follow-', 'up report', 'the follow-up report'],
    ['Sud-', 'Est', 'Sud-Est'],
    ['soft\u00AD', 'hyphen', 'softhyphen'],
    ['two', 'lines', 'two lines'],
  ])('%s + %s', (previous, next, joined) => {
    expect(joinLines(previous, next, words)).toBe(joined);
  });
});

describe('joinParagraphs', () => {
  it('breaks at a wider gap, at a label, and across pages only after a sentence end', () => {
    const bodies = [
      [
        line(700, 'First paragraph'),
        line(688, 'goes on.'),
        line(664, 'Second after a gap'),
        line(652, '12.'),
        line(640, 'and its end'),
      ],
      [line(700, 'continued over the page.'), line(688, 'It ends here.')],
      [line(700, 'A new page, a new paragraph.')],
    ];
    // "12." alone (no text beside it) opens a paragraph; the line after it continues it.
    const paragraphs = joinParagraphs(bodies, (t) => t, new Set(), 10);
    expect(paragraphs).toEqual([
      'First paragraph goes on.',
      'Second after a gap',
      '12. and its end continued over the page. It ends here.',
      'A new page, a new paragraph.',
    ]);
  });
});
