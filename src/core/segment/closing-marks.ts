/** Quotation marks and brackets as `[opening, closing]` pairs; German uses » « and „ “ the other way round. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['«', '»'],
  ['»', '«'],
  ['“', '”'],
  ['„', '“'],
  ['‘', '’'],
  ['‚', '‘'],
  ['‹', '›'],
  ['(', ')'],
  ['[', ']'],
  // UNPC and plain-text conversions write guillemets as << >>.
  ['<<', '>>'],
  ['"', '"'],
  // Chinese corner quotes and full-width brackets.
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
  ['《', '》'],
];

// Marks that close whatever precedes them when they touch a full stop: `."`, `.)`, `.»`.
const CLOSING_WHEN_TOUCHING: ReadonlySet<string> = new Set([
  ...['»', '”', '’', '›', ')', ']', '>>', '"'],
  ...['」', '』', '）', '》'],
]);

/** Every mark that can close a quotation or bracket, longest first. */
const CLOSING_MARKS: readonly string[] = [...new Set(PAIRS.map(([, closing]) => closing))].sort(
  (a, b) => b.length - a.length,
);

/** The closing mark starting at `index` of `text`, or undefined. */
export function closingMarkAt(text: string, index: number): string | undefined {
  for (const mark of CLOSING_MARKS) {
    if (text.startsWith(mark, index)) return mark;
  }
  return undefined;
}

/** True for white space that is not a line break (NBSP and narrow NBSP included). */
export function isHorizontalSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x2007;
}

// Chinese full-width stops and the Arabic question mark.
const STOPS: ReadonlySet<string> = new Set(['.', '?', '!', '…', '。', '！', '？', '؟']);

/** True for full stop, question mark, exclamation mark and ellipsis, in Latin, Chinese or Arabic form. */
export function isStopCharacter(char: string | undefined): boolean {
  return char !== undefined && STOPS.has(char);
}

function countOf(text: string, mark: string, from: number, to: number): number {
  let count = 0;
  let at = text.indexOf(mark, from);
  while (at !== -1 && at + mark.length <= to) {
    count++;
    at = text.indexOf(mark, at + mark.length);
  }
  return count;
}

// A spaced "»" or ")" followed by a word opens it (German »Nein«); followed by space or punctuation, it closes.
function opensWord(text: string, index: number): boolean {
  return /[\p{L}\p{N}]/u.test(text.charAt(index));
}

/** True when `text[from, to)` has opened a quotation or bracket that `closing` would close. */
export function isOpenBefore(text: string, from: number, to: number, closing: string): boolean {
  for (const [opening, close] of PAIRS) {
    if (close !== closing) continue;
    if (opening === close) {
      if (countOf(text, opening, from, to) % 2 === 1) return true;
    } else if (countOf(text, opening, from, to) > countOf(text, close, from, to)) {
      return true;
    }
  }
  return false;
}

/**
 * Where a sentence whose final punctuation ends at `end` really ends: closing quotes and brackets after the
 * stop stay with it (`."`, `.)`, `« Non. »` with its space or NBSP), and so does a stop after them (`! ».`).
 */
export function extendOverClosingMarks(text: string, end: number, sentenceStart: number): number {
  let position = end;
  for (;;) {
    let next = position;
    while (next < text.length && isHorizontalSpace(text.charCodeAt(next))) next++;
    const mark = closingMarkAt(text, next);
    if (mark === undefined) {
      if (next === position && position > end && isStopCharacter(text[next])) {
        position = next + 1;
        continue;
      }
      return position;
    }
    const closes =
      CLOSING_WHEN_TOUCHING.has(mark) && (next === position || (mark !== '"' && !opensWord(text, next + mark.length)));
    if (!closes && !isOpenBefore(text, sentenceStart, position, mark)) return position;
    position = next + mark.length;
  }
}
