/**
 * Front-matter facts (symbol, distribution, date, original language, session, agenda item, title) read from
 * the header and title blocks of a parsed document.
 */
import { BlockKind, LabelStyle, type Block, type DocumentMeta, type LanguageCode } from '../model.js';
import {
  findDocumentSymbol,
  parseAgendaItem,
  parseDistribution,
  parseIssueDate,
  parseOriginalLanguage,
  isSessionLine,
  isPlaceDateLine,
} from './header-lines.js';
import { collapseWhitespace, stripInlineMarkdown } from './strip-markup.js';

// Without header blocks (a document that starts with no recognised front matter), look this far only.
const FALLBACK_HEADER_BLOCKS = 12;
const RESOLUTION_TITLE = /^\d+\/\d+\.\s/;

function firstOf<T>(lines: readonly string[], read: (line: string) => T | null): T | null {
  for (const line of lines) {
    const value = read(line);
    if (value !== null) return value;
  }
  return null;
}

function headerLinesOf(blocks: readonly Block[]): string[] {
  let header = blocks.filter((block) => block.kind === BlockKind.header);
  if (header.length === 0) {
    header = blocks
      .slice(0, FALLBACK_HEADER_BLOCKS)
      .filter((block) => block.kind !== BlockKind.footnote && block.kind !== BlockKind.paragraph);
  }
  // Lines of the raw text, so a header block that kept several lines still yields one fact a line.
  return header.flatMap((block) =>
    block.raw
      .split(/\r\n|\r|\n/)
      .map((line) => collapseWhitespace(stripInlineMarkdown(line.replace(/^[ \t]*(?:>[ \t]?)*#*[ \t]*/, ''))))
      .filter((line) => line !== ''),
  );
}

function readTitle(blocks: readonly Block[]): string | null {
  const titles = blocks.filter((block) => block.kind === BlockKind.title && block.text !== '');
  const bold = titles.filter((block) => /^[ \t]*(\*\*|__)/.test(block.raw));
  // A resolution's own title ("78/999. Technical assistance ...") follows "Resolution adopted by ...".
  const resolution = titles.find((block) => RESOLUTION_TITLE.test(block.text));
  if (resolution) return resolution.text;
  if (bold[0]) return bold[0].text;
  let longest: Block | null = null;
  for (const block of titles) if (!longest || block.text.length > longest.text.length) longest = block;
  return longest?.text ?? null;
}

/**
 * Reads the front matter of a parsed document: the symbol from a header line (never from the agenda
 * footnote, which carries the agenda's symbol), distribution, ISO issue date, original language, session,
 * agenda item value ("2b") and title (bold title block, else the longest title block); month and language
 * names are read in English, French and Spanish whatever `language` is, since headers mix them.
 */
export function readDocumentMeta(blocks: readonly Block[], language: LanguageCode): DocumentMeta {
  // The document's own language is never used to guess its original language.
  void language;
  const lines = headerLinesOf(blocks);
  const agendaLabel = blocks.find(
    (block) => block.kind === BlockKind.header && block.label?.style === LabelStyle.agendaItem,
  )?.label;
  return {
    symbol: firstOf(lines, findDocumentSymbol),
    distribution: firstOf(lines, parseDistribution),
    // An issue date is a line of its own; "Vienna, 15–19 October 2018" is the session's place and dates.
    date: firstOf(lines, (line) => (isPlaceDateLine(line) ? null : parseIssueDate(line))),
    originalLanguage: firstOf(lines, parseOriginalLanguage) ?? firstOf(lines, readOnlyLanguage),
    session: firstOf(lines, (line) => (isSessionLine(line) ? line : null)),
    agendaItem: agendaLabel?.value ?? firstOf(lines, parseAgendaItem),
    title: readTitle(blocks),
  };
}

// Documents issued in one language only print "English only" instead of "Original: English".
function readOnlyLanguage(line: string): LanguageCode | null {
  const m = /^(\p{L}+)\s+only$/iu.exec(line);
  return m ? parseOriginalLanguage(`Original: ${m[1] ?? ''}`) : null;
}
