/**
 * PDF → Markdown the UN parser reads: lines rebuilt into paragraphs, running heads and feet removed, hyphenated
 * line ends joined, notes at the foot of the page turned into `[^n]:` definitions, a two-column layout reported.
 */
import { getDocumentProxy } from 'unpdf';
import { InputError } from '../../core/errors.js';
import { buildLines, lineText, type PdfItem, type PdfLine } from './build-lines.js';
import { looksLikeRunningText, runningKey } from './running-lines.js';

/** Markdown text and warnings extracted from a PDF. */
export interface PdfExtraction {
  /** Markdown: one block per paragraph, blank lines between them. */
  text: string;
  /** Facts the user should know, one line each. */
  warnings: string[];
}

interface Page {
  height: number;
  width: number;
  lines: PdfLine[];
}

// Share of the page height at its top and bottom where running heads and feet are printed.
const MARGIN_ZONE = 0.12;
const LABEL = /^(?:\d{1,3}\.|\(?[a-z]{1,2}\)|\(?[ivxlc]{1,6}\)|[IVXLC]{1,6}\.|[A-Z]\.)$/;
const SENTENCE_END = /[.;:!?…][»”"')\]]*$/u;

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

// Two columns: many lines end before the middle and many others start after it.
function isTwoColumn(lines: readonly PdfLine[], width: number): boolean {
  const middle = width / 2;
  const left = lines.filter((l) => l.right < middle).length;
  const right = lines.filter((l) => l.x > middle - width * 0.02).length;
  return lines.length >= 10 && left >= lines.length * 0.3 && right >= lines.length * 0.3;
}

function orderColumns(lines: PdfLine[], width: number): PdfLine[] {
  const middle = width / 2;
  const left = lines.filter((l) => l.x < middle - width * 0.02);
  const right = lines.filter((l) => l.x >= middle - width * 0.02);
  return [...left, ...right];
}

function stripRunning(pages: Page[]): number {
  let removed = 0;
  const keyCount = new Map<string, number>();
  const edges = (page: Page): PdfLine[] =>
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

interface Note {
  mark: string;
  lines: string[];
}

// The note area starts at the first line opened by a raised marker at the left; body lines never start so.
function splitNotes(page: Page): { body: PdfLine[]; notes: Array<{ mark: string | null; line: PdfLine }> } {
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

function joinLines(previous: string, next: string, knownWords: ReadonlySet<string>): string {
  if (previous.endsWith('\u00AD')) return previous.slice(0, -1) + next;
  const hyphenated = /(\p{L}+)-$/u.exec(previous);
  const following = /^(\p{Ll}+)/u.exec(next);
  if (hyphenated && following) {
    const whole = `${hyphenated[1] ?? ''}${following[1] ?? ''}`.toLowerCase();
    // Keep a real compound ("follow-up"); drop a hyphen the line break made ("recom-" + "mendations").
    if (!knownWords.has(`${hyphenated[1] ?? ''}-${following[1] ?? ''}`.toLowerCase()) && knownWords.has(whole))
      return previous.slice(0, -1) + next;
    return previous + next;
  }
  // A hyphen before a capital joins a compound of names ("Sud-" + "Est", "Asia-" + "Pacific"): keep it, add no space.
  if (/\p{L}-$/u.test(previous) && /^\p{Lu}/u.test(next)) return previous + next;
  return `${previous} ${next}`;
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
  const pages: Page[] = raw.map((page, i) => {
    let lines = buildLines(page.items, bodySize);
    if (isTwoColumn(lines, page.width)) {
      twoColumnPages.push(i + 1);
      lines = orderColumns(lines, page.width);
    }
    return { height: page.height, width: page.width, lines };
  });
  if (twoColumnPages.length > 0)
    warnings.push(
      `${name}: two-column layout detected on page(s) ${twoColumnPages.join(', ')}; columns were read left then right, check the paragraph order`,
    );
  stripRunning(pages);

  const split = pages.map(splitNotes);
  const notes: Note[] = [];
  for (const page of split) {
    for (const { mark, line } of page.notes) {
      const text = lineText(line, (t) => t);
      if (mark !== null) notes.push({ mark, lines: [text] });
      else notes.at(-1)?.lines.push(text); // a note continued from the previous page, or its next line
    }
  }
  const marks = new Set(notes.map((n) => n.mark));
  // Footnote calls: a raised marker of a known note becomes a Markdown reference; a raised `*` is printed text.
  const renderCall = (text: string): string => (text === '*' || !marks.has(text) ? text : `[^${text}]`);

  const words = new Set(allItems.flatMap((item) => item.text.toLowerCase().match(/[\p{L}-]+/gu) ?? []));
  const steps: number[] = [];
  for (const page of split)
    for (let i = 1; i < page.body.length; i++)
      steps.push(Math.round(((page.body[i - 1] as PdfLine).y - (page.body[i] as PdfLine).y) * 2) / 2);
  const positive = steps.filter((s) => s > 0).sort((a, b) => a - b);
  // The line step inside a paragraph is the smallest common one; a paragraph break adds spacing above it.
  const lineStep = positive.length === 0 ? bodySize * 1.2 : (positive[Math.floor(positive.length * 0.25)] as number);

  const paragraphs: string[] = [];
  let current: string | null = null;
  let previousLine: PdfLine | null = null;
  for (const page of split) {
    for (const [i, line] of page.body.entries()) {
      const text = lineText(line, renderCall);
      if (text === '') continue;
      const firstPiece = line.pieces[0];
      const second = line.pieces[1];
      const opensWithLabel =
        firstPiece !== undefined &&
        LABEL.test(firstPiece.text.trim()) &&
        (second === undefined || second.text.trim() === '' || second.x - firstPiece.right > line.size * 0.8);
      let continues = current !== null && previousLine !== null && !opensWithLabel;
      if (continues && i === 0)
        continues = !SENTENCE_END.test(current ?? ''); // across a page break
      else if (continues && previousLine !== null) continues = previousLine.y - line.y <= lineStep * 1.3;
      if (continues && current !== null) current = joinLines(current, text, words);
      else {
        if (current !== null) paragraphs.push(current);
        current = text;
      }
      previousLine = line;
    }
  }
  if (current !== null) paragraphs.push(current);
  const blocks = paragraphs.map((p) => (/^(?:#|>|\||\[\^[^\]]*\]:)/.test(p) ? `\\${p}` : p));
  for (const note of notes) blocks.push(`[^${note.mark}]: ${note.lines.reduce((a, b) => joinLines(a, b, words))}`);
  return { text: `${blocks.join('\n\n')}\n`, warnings };
}
