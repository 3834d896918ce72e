/** The folded form of a text that concordance search compares: the same in JavaScript for both backends. */

/**
 * The text's words without accents, in lower case, one space between words and one at each end: "L'État (50 %)"
 * gives " l etat 50 ". Words are runs of letters and digits (Unicode), as SQLite FTS5's unicode61 tokenizer cuts
 * them; a phrase is found as a whole-word substring, `" etat 50 "`. In JavaScript rather than SQL: SQLite's lower()
 * folds ASCII only, PostgreSQL's depends on the database locale and its unaccent() on an extension.
 */
export function foldForSearch(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return words.length === 0 ? ' ' : ` ${words.join(' ')} `;
}
