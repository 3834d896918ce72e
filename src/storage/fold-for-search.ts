/** The folded form of a text that concordance search compares: the same in JavaScript for both backends. */

/**
 * The text's words without accents, in lower case, one space between words and one at each end: "L'État (50 %)"
 * gives " l etat 50 ". Words are runs of letters and digits (Unicode), as SQLite FTS5's unicode61 tokenizer cuts
 * them; a phrase is found as a whole-word substring, `" etat 50 "`. Chinese writes no spaces, so each Han character
 * is a word of its own ("水质数据" gives " 水 质 数 据 "): a Chinese phrase is then found wherever its characters
 * stand in sequence. In JavaScript rather than SQL: SQLite's lower() folds ASCII only, PostgreSQL's depends on the
 * database locale and its unaccent() on an extension.
 */
export function foldForSearch(text: string): string {
  const words = text
    .replace(/\p{Script=Han}/gu, ' $& ')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return words.length === 0 ? ' ' : ` ${words.join(' ')} `;
}
