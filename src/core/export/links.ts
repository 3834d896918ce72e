/**
 * The plain-text bead format of Vecalign and Bertalign (and of their gold files): one bead a line, `[0, 1]:[0]`,
 * optionally with a third field as Vecalign prints its cost (`[0, 1]:[0]:0.97`; here, the bead's confidence).
 */
import type { Bead, ScoredBead } from '../model.js';
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

/** What {@link formatLinks} writes besides the two sides. */
export interface LinksOptions {
  /** Append each bead's confidence as a third field, two decimals, rounded down (`[0]:[1, 2]:0.97`). */
  confidence?: boolean;
}

/** A bead read from a links file, with the third field when the line has one. */
export interface LinksBead extends Bead {
  /** The line's third field (a confidence or Vecalign's cost), when present. */
  confidence?: number;
}

/** Writes one bead a line as Vecalign prints it (`[0, 1]:[0]`, `[2]:[]`, `[]:[1]`), each line ending in "\n". */
export function formatLinks(beads: readonly (Bead | ScoredBead)[], options: LinksOptions = {}): string {
  return beads
    .map((bead) => {
      const sides = `${formatSide(bead.source)}:${formatSide(bead.target)}`;
      if (!options.confidence || !('confidence' in bead)) return `${sides}\n`;
      return `${sides}:${formatConfidence(bead.confidence)}\n`;
    })
    .join('');
}

// Rounded down, so that a line reading 0.90 or more is a bead the TM filter `--min-confidence 0.9` keeps; the
// epsilon keeps 0.97 (stored as 0.9699999...) at 0.97.
function formatConfidence(confidence: number): string {
  return (Math.floor(confidence * 100 + 1e-9) / 100).toFixed(2);
}

/**
 * Reads the format {@link formatLinks} writes, tolerating spaces anywhere between tokens, CR LF and blank lines;
 * throws {@link LinksSyntaxError} on any other line.
 */
export function parseLinks(text: string): LinksBead[] {
  const beads: LinksBead[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const lineNumber = i + 1; // files count lines from 1, arrays from 0
    const match = LINE.exec(line);
    if (match === null) {
      throw new LinksSyntaxError(lineNumber, line, 'expected "[i, ...]:[j, ...]" with non-negative integers');
    }
    const bead: LinksBead = {
      source: parseSide(match[1] ?? '', lineNumber, line),
      target: parseSide(match[2] ?? '', lineNumber, line),
    };
    if (match[3] !== undefined) bead.confidence = Number(match[3]);
    beads.push(bead);
  }
  return beads;
}

// Each side: a bracketed, comma-separated list of digits, possibly empty. Vecalign reads lines with
// Python's literal_eval, so a trailing comma ("[1,]") is accepted there too.
const LIST = String.raw`\[\s*((?:\d+\s*,\s*)*(?:\d+\s*,?\s*)?)\]`;
// The optional third field is a decimal number (Vecalign prints its cost there, paralign the confidence).
const LINE = new RegExp(String.raw`^\s*${LIST}\s*:\s*${LIST}\s*(?::\s*(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*)?$`);

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
