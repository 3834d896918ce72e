/**
 * The plain-text bead format of Vecalign and Bertalign (and of their gold files): one bead a line, `[0, 1]:[0]`.
 */
import type { Bead } from '../model.js';
import { ExportError, ExportErrorCode } from './export-error.js';

/** A line of a links file that is not `[i, ...]:[j, ...]`. */
export class LinksSyntaxError extends ExportError {
  /** 1-based number of the offending line. */
  readonly line: number;

  constructor(line: number, text: string, reason: string) {
    super(ExportErrorCode.linksSyntax, `Links line ${line}: ${reason}: ${JSON.stringify(truncate(text))}`);
    this.name = 'LinksSyntaxError';
    this.line = line;
  }
}

/** Writes one bead a line as Vecalign prints it (`[0, 1]:[0]`, `[2]:[]`, `[]:[1]`), each line ending in "\n". */
export function formatLinks(beads: readonly Bead[]): string {
  return beads.map((bead) => `${formatSide(bead.source)}:${formatSide(bead.target)}\n`).join('');
}

/**
 * Reads the format {@link formatLinks} writes, tolerating spaces anywhere between tokens, CR LF and blank lines;
 * throws {@link LinksSyntaxError} on any other line.
 */
export function parseLinks(text: string): Bead[] {
  const beads: Bead[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const lineNumber = i + 1; // files count lines from 1, arrays from 0
    const match = LINE.exec(line);
    if (match === null) {
      throw new LinksSyntaxError(lineNumber, line, 'expected "[i, ...]:[j, ...]" with non-negative integers');
    }
    beads.push({
      source: parseSide(match[1] ?? '', lineNumber, line),
      target: parseSide(match[2] ?? '', lineNumber, line),
    });
  }
  return beads;
}

// Each side: a bracketed, comma-separated list of digits, possibly empty. Vecalign reads lines with
// Python's literal_eval, so a trailing comma ("[1,]") is accepted there too.
const LIST = String.raw`\[\s*((?:\d+\s*,\s*)*(?:\d+\s*,?\s*)?)\]`;
const LINE = new RegExp(String.raw`^\s*${LIST}\s*:\s*${LIST}\s*$`);

function parseSide(list: string, lineNumber: number, line: string): number[] {
  const indices = list
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map(Number);
  for (const index of indices) {
    if (!Number.isSafeInteger(index)) throw new LinksSyntaxError(lineNumber, line, `index ${index} is too large`);
  }
  return indices;
}

function formatSide(indices: readonly number[]): string {
  return `[${indices.join(', ')}]`;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
