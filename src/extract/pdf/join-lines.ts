/** Lines into paragraphs: where a paragraph ends, and how a line joins the one before it (hyphens, spaces). */
import { lineText, type PdfLine } from './build-lines.js';

const LABEL = /^(?:\d{1,3}\.|\(?[a-z]{1,2}\)|\(?[ivxlc]{1,6}\)|[IVXLC]{1,6}\.|[A-Z]\.)$/;
const SENTENCE_END = /[.;:!?…][»”"')\]]*$/u;

/** Joins a line to the text before it; `knownWords` (lower case) tells a compound from a word the break cut. */
export function joinLines(previous: string, next: string, knownWords: ReadonlySet<string>): string {
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

// The line step inside a paragraph is the smallest common one; a paragraph break adds spacing above it.
function lineStepOf(bodies: readonly PdfLine[][], bodySize: number): number {
  const steps: number[] = [];
  for (const body of bodies)
    for (let i = 1; i < body.length; i++)
      steps.push(Math.round(((body[i - 1] as PdfLine).y - (body[i] as PdfLine).y) * 2) / 2);
  const positive = steps.filter((s) => s > 0).sort((a, b) => a - b);
  return positive.length === 0 ? bodySize * 1.2 : (positive[Math.floor(positive.length * 0.25)] as number);
}

// A label alone at the start of a line ("12.", "(b)", "IV."), set apart from the text after it, opens a paragraph.
function opensWithLabel(line: PdfLine): boolean {
  const first = line.pieces[0];
  const second = line.pieces[1];
  return (
    first !== undefined &&
    LABEL.test(first.text.trim()) &&
    (second === undefined || second.text.trim() === '' || second.x - first.right > line.size * 0.8)
  );
}

/**
 * Joins the body lines of every page (one array a page) into paragraphs: a line continues the paragraph unless it
 * opens with a label or sits further below the line before than the usual line step; across a page break, unless
 * the paragraph ended a sentence. `renderCall` writes raised markers; `bodySize` is the usual font size in points.
 */
export function joinParagraphs(
  bodies: readonly PdfLine[][],
  renderCall: (text: string) => string,
  knownWords: ReadonlySet<string>,
  bodySize: number,
): string[] {
  const lineStep = lineStepOf(bodies, bodySize);
  const paragraphs: string[] = [];
  let current: string | null = null;
  let previousLine: PdfLine | null = null;
  for (const body of bodies) {
    for (const [i, line] of body.entries()) {
      const text = lineText(line, renderCall);
      if (text === '') continue;
      let continues = current !== null && previousLine !== null && !opensWithLabel(line);
      if (continues && i === 0)
        continues = !SENTENCE_END.test(current ?? ''); // across a page break
      else if (continues && previousLine !== null) continues = previousLine.y - line.y <= lineStep * 1.3;
      if (continues && current !== null) current = joinLines(current, text, knownWords);
      else {
        if (current !== null) paragraphs.push(current);
        current = text;
      }
      previousLine = line;
    }
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs;
}
