/** Reading order of a page printed in two columns: the left column, then the right. */
import type { PdfLine } from './build-lines.js';

// Two columns: many lines end before the middle and many others start after it.
function isTwoColumn(lines: readonly PdfLine[], width: number): boolean {
  const middle = width / 2;
  const left = lines.filter((l) => l.right < middle).length;
  const right = lines.filter((l) => l.x > middle - width * 0.02).length;
  return lines.length >= 10 && left >= lines.length * 0.3 && right >= lines.length * 0.3;
}

/** A page's lines in reading order, and whether the page was read as two columns; `width` is in points. */
export function orderColumns(lines: PdfLine[], width: number): { lines: PdfLine[]; twoColumn: boolean } {
  if (!isTwoColumn(lines, width)) return { lines, twoColumn: false };
  const middle = width / 2;
  const left = lines.filter((l) => l.x < middle - width * 0.02);
  const right = lines.filter((l) => l.x >= middle - width * 0.02);
  return { lines: [...left, ...right], twoColumn: true };
}
