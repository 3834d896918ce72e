/**
 * PDF → Markdown the UN parser reads: lines rebuilt into paragraphs, running heads and feet removed, hyphenated
 * line ends joined, notes at the foot of the page turned into `[^n]:` definitions, a two-column layout reported.
 * Each step has its file: build-lines.ts, order-columns.ts, running-lines.ts, split-notes.ts, join-lines.ts.
 */
import { getDocumentProxy } from 'unpdf';
import { InputError } from '../../core/errors.js';
import { buildLines, type PdfItem, type PdfPage } from './build-lines.js';
import { joinLines, joinParagraphs } from './join-lines.js';
import { orderColumns } from './order-columns.js';
import { stripRunningLines } from './running-lines.js';
import { noteCallRenderer, splitNotes } from './split-notes.js';

/** Markdown text and warnings extracted from a PDF. */
export interface PdfExtraction {
  /** Markdown: one block per paragraph, blank lines between them. */
  text: string;
  /** Facts the user should know, one line each. */
  warnings: string[];
}

function weightedMode(values: Array<{ value: number; weight: number }>): number {
  const totals = new Map<number, number>();
  for (const { value, weight } of values) totals.set(value, (totals.get(value) ?? 0) + weight);
  let best = 0;
  let bestWeight = -1;
  for (const [value, weight] of totals) {
    if (weight > bestWeight) {
      best = value;
      bestWeight = weight;
    }
  }
  return best;
}

async function readPages(
  bytes: Uint8Array,
  name: string,
): Promise<{ pages: Array<{ height: number; width: number; items: PdfItem[] }> }> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may detach the buffer it is given: hand it a copy.
    // verbosity 0 (pdf.js VerbosityLevel.ERRORS): its "Warning:" lines would break the one-line message rule.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: true, verbosity: 0 });
  } catch (error) {
    const kind = error instanceof Error ? error.name : '';
    if (kind === 'PasswordException')
      throw new InputError(`${name}: the PDF is password-protected; remove the password and try again`);
    throw new InputError(
      `${name}: the PDF is corrupt or unreadable (${error instanceof Error ? error.message : 'unknown error'})`,
    );
  }
  const pages: Array<{ height: number; width: number; items: PdfItem[] }> = [];
  try {
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
        items.push({ text: item.str, x, y, width: item.width, size: Math.round(Math.hypot(a, b) * 10) / 10 });
      }
      pages.push({ height: viewport.height, width: viewport.width, items });
    }
  } catch (error) {
    throw new InputError(
      `${name}: the PDF is corrupt or unreadable (${error instanceof Error ? error.message : 'unknown error'})`,
    );
  } finally {
    await pdf.destroy();
  }
  return { pages };
}

/** Extracts a PDF's text as Markdown; `name` only appears in messages. */
export async function extractPdf(bytes: Uint8Array, name: string): Promise<PdfExtraction> {
  const { pages: raw } = await readPages(bytes, name);
  const warnings: string[] = [];
  const allItems = raw.flatMap((p) => p.items);
  if (allItems.every((item) => item.text.trim() === '')) {
    throw new InputError(`${name}: the PDF has no text layer (a scan?); run OCR first`);
  }
  const bodySize = weightedMode(allItems.map((item) => ({ value: item.size, weight: item.text.length })));
  const twoColumnPages: number[] = [];
  const pages: PdfPage[] = raw.map((page, i) => {
    const { lines, twoColumn } = orderColumns(buildLines(page.items, bodySize), page.width);
    if (twoColumn) twoColumnPages.push(i + 1);
    return { height: page.height, width: page.width, lines };
  });
  if (twoColumnPages.length > 0)
    warnings.push(
      `${name}: two-column layout detected on page(s) ${twoColumnPages.join(', ')}; ` +
        'columns were read left then right, check the paragraph order',
    );
  stripRunningLines(pages);
  const { bodies, notes } = splitNotes(pages);
  const words = new Set(allItems.flatMap((item) => item.text.toLowerCase().match(/[\p{L}-]+/gu) ?? []));
  const paragraphs = joinParagraphs(bodies, noteCallRenderer(notes), words, bodySize);
  const blocks = paragraphs.map((p) => (/^(?:#|>|\||\[\^[^\]]*\]:)/.test(p) ? `\\${p}` : p));
  for (const note of notes) blocks.push(`[^${note.mark}]: ${note.lines.reduce((a, b) => joinLines(a, b, words))}`);
  return { text: `${blocks.join('\n\n')}\n`, warnings };
}
