/** Markdown table lines for bench output, so the README's tables can be pasted from a run. */

/** One row: `| a | b | c |`. */
export function markdownRow(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The header row and its separator line. */
export function markdownHeader(columns: readonly string[]): string {
  return `${markdownRow(columns)}\n|${columns.map(() => '---').join('|')}|`;
}
