/** Notes at the foot of the pages: set apart from the body, their lines gathered under their markers. */
import { lineText, type PdfLine, type PdfPage } from './build-lines.js';

/** A note printed at the foot of a page. */
export interface PdfNote {
  /** Its marker as printed ("1", "*"). */
  mark: string;
  /** Its lines, in order (a note may run on to the next page). */
  lines: string[];
}

// The note area starts at the first line opened by a raised marker at the left; body lines never start so.
function splitPage(page: PdfPage): { body: PdfLine[]; notes: Array<{ mark: string | null; line: PdfLine }> } {
  const left = Math.min(...page.lines.map((l) => l.x));
  const start = page.lines.findIndex(
    (line, i) =>
      i > 0 &&
      line.pieces[0]?.superscript === true &&
      line.x <= left + 2 &&
      (line.pieces.length > 1 || page.lines[i + 1] !== undefined),
  );
  if (start < 0) return { body: page.lines, notes: [] };
  const notes = page.lines.slice(start).map((line) => {
    const first = line.pieces[0];
    if (first?.superscript === true && line.x <= left + 2) {
      return { mark: first.text.trim(), line: { ...line, pieces: line.pieces.slice(1) } };
    }
    return { mark: null, line };
  });
  return { body: page.lines.slice(0, start), notes };
}

/** Splits each page into its body lines and the notes under them, gathered across pages. */
export function splitNotes(pages: readonly PdfPage[]): { bodies: PdfLine[][]; notes: PdfNote[] } {
  const split = pages.map(splitPage);
  const notes: PdfNote[] = [];
  for (const page of split) {
    for (const { mark, line } of page.notes) {
      const text = lineText(line, (t) => t);
      if (mark !== null) notes.push({ mark, lines: [text] });
      else notes.at(-1)?.lines.push(text); // a note continued from the previous page, or its next line
    }
  }
  return { bodies: split.map((page) => page.body), notes };
}

/**
 * How a raised marker in the body is written: the call of a known note becomes a Markdown reference (`[^1]`); a
 * raised `*` is printed text.
 */
export function noteCallRenderer(notes: readonly PdfNote[]): (text: string) => string {
  const marks = new Set(notes.map((n) => n.mark));
  return (text) => (text === '*' || !marks.has(text) ? text : `[^${text}]`);
}
