/** Recognises page headers and footers: document symbols, page numbers and job numbers in the page margins. */
import { lineText, type PdfLine, type PdfPage } from './build-lines.js';

// Share of the page height at its top and bottom where running heads and feet are printed.
const MARGIN_ZONE = 0.12;

// Tokens of UN running heads and feet: job numbers ("V.18-04626", "18-04626", "(F)"), page numbers ("2", "2/14",
// "Page"), document symbols ("CTOC/COP/2018/1").
const RUNNING_TOKEN = [
  /^(?:[A-Z]\.)?\d{2}-\d{5}$/,
  /^\([A-Z]\)$/,
  /^\d{1,4}(?:\/\d{1,4})?$/,
  /^(?:page|p\.|of|sur|de)$/i,
  /^[A-Z][A-Z0-9]*(?:\/[A-Za-z0-9.\-()]+)+$/,
];

/** Whether every token of `text` is a page number, job number or document symbol. */
export function looksLikeRunningText(text: string): boolean {
  const tokens = text
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
  return tokens.length > 0 && tokens.every((token) => RUNNING_TOKEN.some((pattern) => pattern.test(token)));
}

/** A line's text with its digits masked, to find the same header on several pages ("Page 2" = "Page 3"). */
export function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Removes running heads and feet in place: up to two lines at each edge of a page, inside the margin zone, that
 * look like running text or recur on at least half the pages of a document of three or more; returns how many.
 */
export function stripRunningLines(pages: PdfPage[]): number {
  let removed = 0;
  const keyCount = new Map<string, number>();
  const edges = (page: PdfPage): PdfLine[] =>
    [page.lines[0], page.lines[1], page.lines.at(-1), page.lines.at(-2)].filter((l): l is PdfLine => l !== undefined);
  for (const page of pages)
    for (const key of new Set(edges(page).map((l) => runningKey(lineText(l, (t) => t)))))
      keyCount.set(key, (keyCount.get(key) ?? 0) + 1);
  const isRunning = (line: PdfLine): boolean => {
    const text = lineText(line, (t) => t);
    return (
      looksLikeRunningText(text) ||
      (pages.length > 2 && (keyCount.get(runningKey(text)) ?? 0) >= Math.ceil(pages.length / 2))
    );
  };
  for (const page of pages) {
    // Up to two lines at each edge (UN documents put the symbol over the page number or job number).
    for (let k = 0; k < 2; k++) {
      const top = page.lines[0];
      if (top !== undefined && top.y > page.height * (1 - MARGIN_ZONE) && isRunning(top)) {
        page.lines.shift();
        removed++;
      }
      const bottom = page.lines.at(-1);
      if (bottom !== undefined && bottom.y < page.height * MARGIN_ZONE && isRunning(bottom)) {
        page.lines.pop();
        removed++;
      }
    }
  }
  return removed;
}
