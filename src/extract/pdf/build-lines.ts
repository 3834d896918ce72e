/** Groups pdf.js text items into lines (baseline, left to right), keeping superscripts apart. */

/** A text item as pdf.js gives it, reduced to what line building needs. */
export interface PdfItem {
  /** The item's text. */
  text: string;
  /** Left edge, in PDF points from the page's left. */
  x: number;
  /** Baseline, in PDF points from the page's bottom. */
  y: number;
  /** Advance width, in points. */
  width: number;
  /** Font size, in points. */
  size: number;
}

/** A run of text within a line: normal text or a superscript (a footnote call or marker). */
export interface LinePiece {
  /** The text. */
  text: string;
  /** Whether it is raised and smaller than the line's text. */
  superscript: boolean;
  /** Left edge, in points. */
  x: number;
  /** Right edge, in points. */
  right: number;
}

/** One printed line. */
export interface PdfLine {
  /** Baseline of its normal-size text, in points from the bottom. */
  y: number;
  /** Left edge, in points. */
  x: number;
  /** Right edge, in points. */
  right: number;
  /** Font size of its normal-size text, in points. */
  size: number;
  /** Its pieces, left to right. */
  pieces: LinePiece[];
}

/** One page of lines, top to bottom. */
export interface PdfPage {
  /** Page height, in points. */
  height: number;
  /** Page width, in points. */
  width: number;
  /** Its lines, top to bottom (columns in reading order). */
  lines: PdfLine[];
}

/** Items smaller than this share of the body size are superscripts (LibreOffice and Word print them at 58%). */
const SUPERSCRIPT_RATIO = 0.8;

/** Builds lines from one page's items; `bodySize` is the document's usual font size. */
export function buildLines(items: readonly PdfItem[], bodySize: number): PdfLine[] {
  const normal = items.filter((item) => item.text !== '' && item.size >= bodySize * SUPERSCRIPT_RATIO * 0.9);
  const small = items.filter((item) => item.text !== '' && item.size < bodySize * SUPERSCRIPT_RATIO * 0.9);
  const lines: PdfLine[] = [];
  // Normal items on the same baseline (within a fifth of their size) make one line.
  for (const item of [...normal].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= item.size * 0.2);
    const piece: LinePiece = { text: item.text, superscript: false, x: item.x, right: item.x + item.width };
    if (line) {
      line.pieces.push(piece);
      line.x = Math.min(line.x, piece.x);
      line.right = Math.max(line.right, piece.right);
    } else lines.push({ y: item.y, x: piece.x, right: piece.right, size: item.size, pieces: [piece] });
  }
  // A small item belongs to the line whose text it is raised above (calls), or starts its own line (a note's marker).
  for (const item of small) {
    const piece: LinePiece = { text: item.text, superscript: true, x: item.x, right: item.x + item.width };
    const line = lines.find((l) => item.y >= l.y - 1 && item.y <= l.y + l.size * 0.7);
    if (line) {
      line.pieces.push(piece);
      line.x = Math.min(line.x, piece.x);
    } else lines.push({ y: item.y, x: piece.x, right: piece.right, size: item.size, pieces: [piece] });
  }
  for (const line of lines) line.pieces.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y || a.x - b.x);
}

/** The line's text, superscripts rendered by `superscript`, a space where pieces are apart. */
export function lineText(line: PdfLine, superscript: (text: string) => string): string {
  let out = '';
  let previousRight = Number.NEGATIVE_INFINITY;
  for (const piece of line.pieces) {
    const text = piece.text.trim() === '' ? ' ' : piece.superscript ? superscript(piece.text.trim()) : piece.text;
    // pdf.js drops the space between items that the layout set apart; a gap of a fifth of the size is one.
    if (out !== '' && !/\s$/.test(out) && !/^\s/.test(text) && piece.x - previousRight > line.size * 0.2) out += ' ';
    out += text;
    previousRight = piece.right;
  }
  return out.replace(/[ \t]+/g, ' ').trim();
}
