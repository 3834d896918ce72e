/**
 * Markdown inline markup removal and white-space collapsing for block text.
 */

// Ordinary white space only: NBSP (U+00A0) and NNBSP (U+202F) carry French typography and stay. Only the runs other
// than one space are replaced: replacing every run (most of them one space by one space) and trimming with a second
// expression was the costliest step of reading a document. A run of two or more, or a lone tab or line break: no
// backtracking at each single space, half the time of the same runs written as "[ws]*[ws but space][ws]*| {2,}".
const IRREGULAR_SPACE_RUN = /[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]/g;

/** Collapses runs of ordinary white space (space, tab, line breaks) to one space and trims them; NBSP is kept. */
export function collapseWhitespace(text: string): string {
  const collapsed = text.replace(IRREGULAR_SPACE_RUN, ' ');
  // Each run at an edge is one space now.
  const start = collapsed.startsWith(' ') ? 1 : 0;
  const end = collapsed.length > start && collapsed.endsWith(' ') ? collapsed.length - 1 : collapsed.length;
  return collapsed.slice(start, end);
}

const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!|>~])/g;
// Escaped characters are parked in the Private Use Area while emphasis is removed, so "\*" survives.
const PARK_BASE = 0xf0000;

/**
 * Removes Markdown inline markup: `**b**`, `__b__`, `*i*`, `_i_`, `` `code` ``, `[text](url)` → text,
 * `![alt](src)` → alt, footnote references `[^1]`, simple HTML emphasis tags and backslash escapes.
 * A lone `*` glued to a word ("provisional agenda*") is a footnote reference and is kept.
 */
export function stripInlineMarkdown(text: string): string {
  let s = text.replace(ESCAPABLE, (_, c: string) => String.fromCodePoint(PARK_BASE + c.charCodeAt(0)));
  s = s.replace(/\\(?=\r?\n)/g, '');
  // Bracketed text may not hold "[": each "[" then scans to the next one only, which keeps a run of millions of
  // "[" linear instead of scanning the whole rest of the text from every one of them.
  s = s.replace(/!\[([^[\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1');
  s = s.replace(/\[\^[^[\]\s]+\](?!:)/g, '');
  s = s.replace(/\[([^[\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1');
  s = s.replace(/`([^`]+)`/g, '$1');
  s = s.replace(/<br\s*\/?>/gi, ' ');
  s = s.replace(/<\/?(?:sup|sub|span|em|strong|b|i|u)\b[^>]*>/gi, '');
  // A span may not contain its own delimiter, which keeps unmatched "**" from making this quadratic.
  s = s.replace(/\*\*(?=\S)((?:(?!\*\*)[\s\S])*?\S)\*\*/g, '$1');
  s = s.replace(/__(?=\S)((?:(?!__)[\s\S])*?\S)__/g, '$1');
  s = s.replace(/(^|[^\p{L}\p{N}*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![*\p{L}\p{N}])/gu, '$1$2');
  s = s.replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![_\p{L}\p{N}])/gu, '$1$2');
  return s.replace(/[\u{f0000}-\u{f00ff}]/gu, (c) => String.fromCharCode((c.codePointAt(0) ?? PARK_BASE) - PARK_BASE));
}

/** Splits a Markdown table row "| a | b |" into its cells, markup removed and white space collapsed. */
export function splitTableRow(line: string): string[] {
  const trimmed = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => collapseWhitespace(stripInlineMarkdown(cell)));
}
