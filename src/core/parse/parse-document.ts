/**
 * Plain text or Markdown UN document → blocks (header, title, headings, numbered paragraphs, sub-paragraphs,
 * footnotes ...) with language-neutral label paths. See README.md in this folder for the rules.
 */
import {
  BlockKind,
  LabelStyle,
  type Block,
  type BlockKind as Kind,
  type Label,
  type LanguageCode,
  type ParsedDocument,
} from '../model.js';
import { readDocumentMeta } from './document-meta.js';
import { isDocumentSymbol, isHeaderLine } from './header-lines.js';
import { makeLabel, splitLeadingLabel, type LeadingLabel } from './numbering.js';
import {
  initialReadingState,
  isUpper,
  isWordHeading,
  readFrontMatterBlock,
  readLabel,
  resolveLabel,
} from './reading-state.js';
import { collapseWhitespace, splitTableRow, stripInlineMarkdown } from './strip-markup.js';

/** How to read the source. */
export interface ParseOptions {
  /** Language of the document. */
  language: LanguageCode;
  /**
   * `text`: every character is literal; `markdown`: inline markup, headings, quotes, tables and `[^1]:` footnotes are
   * read.
   */
  format: 'text' | 'markdown';
}

/**
 * A document as the extractors give it: its text and how to parse it. All that parsing and segmenting it again needs
 * (the service stores it with a pair, so that its worker need not read the files again).
 */
export interface ExtractedText {
  /** The document as text. */
  text: string;
  /** How the parser reads `text`. */
  format: ParseOptions['format'];
}

/** One source line without its terminator; `start`/`end` are UTF-16 offsets in the source. */
interface Line {
  start: number;
  end: number;
  text: string;
}

/** A line's content once quote and heading markers are set aside. */
interface LineContent {
  /** Offset in the line where the content starts. */
  offset: number;
  /** The content. */
  text: string;
}

/** A label found on a block's first line, with the emphasis opener it sat in ("**1.**"). */
interface Opening {
  leading: LeadingLabel;
  opener: string;
}

const DraftType = {
  prose: 'prose',
  heading: 'heading',
  tableRow: 'tableRow',
} as const;
type DraftType = (typeof DraftType)[keyof typeof DraftType];

/** A block before its kind and path are known: consecutive lines of the source. */
interface Draft {
  type: DraftType;
  lines: Line[];
  opening: Opening | null;
  /** Whether the block came after a footnote separator line ("__________"). */
  footnoteArea: boolean;
}

const BLANK = /^\s*$/;
const QUOTE_PREFIX = /^[ \t]{0,3}(?:>[ \t]?)+/;
const MD_HEADING = /^[ \t]{0,3}(#{1,6})(?:[ \t]+|$)/;
const TABLE_ROW = /^[ \t]*\|/;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;
// Footnotes are printed under a rule: "__________" in UN plain text, "---" or "***" in Markdown.
const SEPARATOR = /^[ \t]*(?:_{3,}|-{3,}|\*{3,}|(?:[-*_][ \t]+){2,}[-*_])[ \t]*$/;
const EMPHASIS_OPENER = /^(\*\*|__|\*|_)(?=[^\s*_])/;
// A run whose lines (but its last) are this long was written one paragraph a line, not hard-wrapped.
const LONG_LINE = 120;

// Text is hard-wrapped by columns, and a Chinese character takes two (East Asian Wide).
function columnsOf(text: string): number {
  return text.length + (text.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0);
}
// Titles and headings are short and carry no closing punctuation.
const MAX_TITLE = 300;
const MAX_HEADING = 200;
const MAX_UNNUMBERED_HEADING = 80;
// Only the first blocks can be front matter; a long sentence ends it.
const MAX_HEADER_PROSE = 200;

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  // A byte-order mark is not content; ranges still count it, so slices of the source stay exact.
  let start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let m = breaks.exec(source); m !== null; m = breaks.exec(source)) {
    lines.push({ start, end: m.index, text: source.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < source.length) lines.push({ start, end: source.length, text: source.slice(start) });
  return lines;
}

function contentOf(line: Line, markdown: boolean): LineContent {
  if (!markdown) return { offset: 0, text: line.text };
  const quote = QUOTE_PREFIX.exec(line.text)?.[0] ?? '';
  const afterQuote = line.text.slice(quote.length);
  const heading = MD_HEADING.exec(afterQuote)?.[0] ?? '';
  const offset = quote.length + heading.length;
  let text = line.text.slice(offset);
  if (heading !== '') text = text.replace(/[ \t]+#+[ \t]*$/, '');
  return { offset, text };
}

function findOpening(
  content: string,
  markdown: boolean,
  footnoteArea: boolean,
  previousUpper: Label | null,
): Opening | null {
  const context = { markdown, footnoteArea, previous: previousUpper };
  const opener = markdown ? (EMPHASIS_OPENER.exec(content)?.[1] ?? '') : '';
  if (opener !== '') {
    const inside = splitLeadingLabel(content.slice(opener.length), context);
    if (inside) return { leading: { ...inside, labelEnd: inside.labelEnd + opener.length }, opener };
  }
  const leading = splitLeadingLabel(content, context);
  return leading ? { leading, opener: '' } : null;
}

/** Groups lines into drafts: paragraphs are runs of non-empty lines, and a labelled line opens a new one. */
function groupLines(lines: Line[], markdown: boolean, text: boolean): Draft[] {
  const nonBlank = lines.map((line) => !BLANK.test(line.text));
  // Per run of non-empty lines: one paragraph a line, or hard-wrapped paragraphs?
  const linePerBlock: boolean[] = new Array<boolean>(lines.length).fill(false);
  let runs = 0;
  for (let i = 0; i < lines.length;) {
    if (!nonBlank[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && nonBlank[j]) j++;
    runs++;
    // The run's last line may be short in either case, so only lines i .. j-2 are measured.
    const long = lines.slice(i, j - 1).some((line) => columnsOf(line.text.trim()) > LONG_LINE);
    for (let k = i; k < j; k++) linePerBlock[k] = long;
    i = j;
  }
  // Plain text without a single blank line is one paragraph a line.
  if (text && runs <= 1) linePerBlock.fill(true);

  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let footnoteArea = false;
  let previousBlank = true;
  let previousUpper: Label | null = null;
  lines.forEach((line, i) => {
    if (!nonBlank[i]) {
      current = null;
      previousBlank = true;
      return;
    }
    if (SEPARATOR.test(line.text)) {
      current = null;
      footnoteArea = true;
      previousBlank = true;
      return;
    }
    if (markdown && TABLE_ROW.test(line.text)) {
      current = null;
      if (!TABLE_SEPARATOR.test(line.text))
        drafts.push({ type: DraftType.tableRow, lines: [line], opening: null, footnoteArea });
      previousBlank = false;
      return;
    }
    const content = contentOf(line, markdown);
    const opening = findOpening(content.text, markdown, footnoteArea, previousUpper);
    if (opening && isUpper(opening.leading.label)) previousUpper = opening.leading.label;
    if (opening?.leading.label.style === LabelStyle.annex) previousUpper = null;
    const style = opening?.leading.label.style;
    // Prose after a blank line, or a numbered paragraph, means the footnotes of that page are over.
    if (footnoteArea && ((previousBlank && !opening) || (style !== undefined && style !== LabelStyle.footnote))) {
      footnoteArea = false;
    }
    const heading = markdown && MD_HEADING.test(line.text.replace(QUOTE_PREFIX, ''));
    const draftOf = (): Draft => ({
      type: heading ? DraftType.heading : DraftType.prose,
      lines: [line],
      opening,
      footnoteArea: footnoteArea && style === LabelStyle.footnote,
    });
    const open: Draft | null = current;
    if (open === null || opening !== null || heading || open.type !== DraftType.prose || linePerBlock[i]) {
      const draft = draftOf();
      drafts.push(draft);
      // "Article 3" or "Annex I" alone on its line is a heading: the line under it is the article's text or the
      // annex's title, not the wrapped rest of the heading.
      const headingLine = style !== undefined && isWordHeading(style) && opening?.leading.rest === '';
      current = heading || headingLine ? null : draft;
    } else {
      open.lines.push(line);
    }
    previousBlank = false;
  });
  return drafts;
}

function draftContent(draft: Draft, markdown: boolean): string {
  return draft.lines.map((line) => contentOf(line, markdown).text).join('\n');
}

function cleanText(raw: string, markdown: boolean): string {
  return collapseWhitespace(markdown ? stripInlineMarkdown(raw) : raw);
}

function isBold(draft: Draft, markdown: boolean): boolean {
  if (!markdown || draft.type !== DraftType.prose) return false;
  const content = draftContent(draft, markdown).trim();
  return /^(\*\*|__)(?=\S)[\s\S]*\S\1$/.test(content);
}

// Labels spelled as words belong to the text: "Item 2 (b) of the provisional agenda", "Annex I", "Article 5".
function keepsLabelInText(label: Label): boolean {
  return label.style === LabelStyle.agendaItem || isWordHeading(label.style);
}

function textOf(draft: Draft, markdown: boolean): string {
  if (draft.type === DraftType.tableRow) {
    const line = draft.lines[0];
    return line ? splitTableRow(line.text).join('\t') : '';
  }
  const contents = draft.lines.map((line) => contentOf(line, markdown).text);
  const opening = draft.opening;
  if (opening && !keepsLabelInText(opening.leading.label)) {
    const first = contents[0] ?? '';
    let after = first.slice(opening.leading.labelEnd).replace(/^[ \t\u00A0]+/, '');
    // "**1.** Text" closes the emphasis right after the label; "**I. Introduction**" keeps it around the rest.
    if (opening.opener !== '') {
      after = after.startsWith(opening.opener) ? after.slice(opening.opener.length) : opening.opener + after;
    }
    contents[0] = after;
  }
  return cleanText(contents.join('\n'), markdown);
}

function plainTextOf(draft: Draft, markdown: boolean): string {
  return cleanText(draftContent(draft, markdown), markdown);
}

/** Re-detects the opening label of a draft made from some of another draft's lines. */
function redraft(draft: Draft, lines: Line[], markdown: boolean): Draft {
  const first = lines[0];
  const opening = first ? findOpening(contentOf(first, markdown).text, markdown, false, null) : null;
  return { ...draft, lines, opening };
}

/**
 * Splits front-matter drafts so each standard header line ("Distr.: General", "18 July 2018") is a block of its own.
 */
function splitHeaderLines(
  drafts: Draft[],
  bodyStart: number,
  markdown: boolean,
): { drafts: Draft[]; bodyStart: number } {
  const out: Draft[] = [];
  drafts.forEach((draft, i) => {
    if (i >= bodyStart || draft.type !== DraftType.prose || draft.lines.length < 2 || isBold(draft, markdown)) {
      out.push(draft);
      return;
    }
    let group: Line[] = [];
    const flush = (): void => {
      if (group.length > 0) out.push(redraft(draft, group, markdown));
      group = [];
    };
    for (const line of draft.lines) {
      if (isHeaderLine(cleanText(contentOf(line, markdown).text, markdown))) {
        flush();
        group = [line];
        flush();
      } else {
        group.push(line);
      }
    }
    flush();
  });
  return { drafts: out, bodyStart: bodyStart + out.length - drafts.length };
}

/** Index of the first draft that belongs to the numbered body (a numbered paragraph, a heading, an annex). */
function findBodyStart(drafts: Draft[]): number {
  const index = drafts.findIndex((draft) => {
    if (draft.type === DraftType.heading) return true;
    const style = draft.opening?.leading.label.style;
    return (
      style === LabelStyle.arabic ||
      style === LabelStyle.upperRoman ||
      style === LabelStyle.upperLetter ||
      (style !== undefined && isWordHeading(style))
    );
  });
  return index === -1 ? drafts.length : index;
}

function endsLikeSentence(text: string): boolean {
  return /[.,;:]$/.test(text.replace(/[*\u00A0 ]+$/, ''));
}

function isTitleLike(text: string): boolean {
  return text.length > 0 && text.length <= MAX_TITLE && !endsLikeSentence(text);
}

/** Kind of a labelled block from its label and length. */
function kindOfLabel(label: Label, text: string, plain: string): Kind {
  switch (label.style) {
    case LabelStyle.arabic:
      return BlockKind.paragraph;
    case LabelStyle.lowerLetter:
    case LabelStyle.lowerRoman:
      return BlockKind.subparagraph;
    case LabelStyle.footnote:
      return BlockKind.footnote;
    case LabelStyle.bullet:
      return BlockKind.listItem;
    case LabelStyle.upperRoman:
    case LabelStyle.upperLetter:
    case LabelStyle.annex:
    case LabelStyle.article:
    case LabelStyle.chapter:
    case LabelStyle.section:
      return text.length <= MAX_HEADING && !/\.$/.test(text) ? BlockKind.heading : BlockKind.paragraph;
    case LabelStyle.agendaItem:
      return plain.length <= MAX_HEADING && !endsLikeSentence(plain) ? BlockKind.heading : BlockKind.text;
  }
}

/**
 * Parses a plain text or Markdown UN document into blocks with kinds, labels, label paths and meta data;
 * `source.slice(block.range.start, block.range.end) === block.raw` holds for every block.
 */
export function parseDocument(source: string, options: ParseOptions): ParsedDocument {
  const markdown = options.format === 'markdown';
  const lines = splitLines(source);
  const grouped = groupLines(lines, markdown, !markdown);
  const { drafts, bodyStart } = splitHeaderLines(grouped, findBodyStart(grouped), markdown);

  const plains = drafts.map((draft) => plainTextOf(draft, markdown));
  const bolds = drafts.map((draft) => isBold(draft, markdown));
  const footnoteLike = drafts.map(
    (draft) => draft.footnoteArea || draft.opening?.leading.label.style === LabelStyle.footnote,
  );

  // Front matter: up to the last standard header line before the body.
  let lastHeader = -1;
  for (let i = 0; i < bodyStart; i++) {
    const plain = plains[i] ?? '';
    if (plain.length > MAX_HEADER_PROSE && endsLikeSentence(plain)) break;
    if (!bolds[i] && !footnoteLike[i] && isHeaderLine(plain)) lastHeader = i;
  }
  // Everything after the last header line is title: the agenda item's title line, a bold title, "Note by the
  // Secretariat". Starting at the first bold block instead would make the agenda title a header in Markdown
  // and a title in plain text.
  const titleStart = lastHeader + 1;
  // Markdown "* note" lines are footnotes at the end of the document, bullets elsewhere.
  let trailingFrom = drafts.length;
  while (trailingFrom > 0 && footnoteLike[trailingFrom - 1]) trailingFrom--;

  const blocks: Block[] = [];
  let state = initialReadingState;

  drafts.forEach((draft, i) => {
    const first = draft.lines[0];
    const last = draft.lines[draft.lines.length - 1];
    // groupLines never makes an empty draft, and splitHeaderLines only flushes non-empty groups.
    if (!first || !last) return;
    const range = { start: first.start, end: last.end };
    const plain = plains[i] ?? '';
    const opening = draft.opening?.leading.label ?? null;
    let label = opening && resolveLabel(state, opening, drafts[i + 1]?.opening?.leading.label ?? null);
    const text = textOf(draft, markdown);
    if (
      label?.style === LabelStyle.footnote &&
      markdown &&
      /^\*$/.test(label.value) &&
      i < trailingFrom &&
      !draft.footnoteArea &&
      // "* E/CN.7/2024/1." is the footnote of the title's "*" wherever the writer put it, never a bullet.
      !isDocumentSymbol(text.replace(/\.$/, ''))
    ) {
      label = makeLabel(LabelStyle.bullet, '', label.raw);
    }

    let kind: Kind;
    if (draft.type === DraftType.tableRow) kind = BlockKind.tableRow;
    else if (draft.type === DraftType.heading) kind = BlockKind.heading;
    else if (label?.style === LabelStyle.footnote) kind = BlockKind.footnote;
    else if (i < titleStart) kind = BlockKind.header;
    else if (label) kind = kindOfLabel(label, text, plain);
    else if (i < bodyStart) {
      state = readFrontMatterBlock(state, bolds[i] === true || isTitleLike(plain));
      kind = state.titling ? BlockKind.title : BlockKind.text;
    } else if (plain.length <= MAX_UNNUMBERED_HEADING && /^\p{Lu}/u.test(plain) && !endsLikeSentence(plain)) {
      kind = BlockKind.heading;
    } else {
      // Unnumbered prose among numbered paragraphs (a paragraph's second half) is a paragraph; elsewhere text.
      kind = state.numbered ? BlockKind.paragraph : BlockKind.text;
    }

    let path: string | null = null;
    if (label) {
      const read = readLabel(state, label);
      state = read.state;
      path = read.path;
    }

    blocks.push({ index: blocks.length, kind, label, path, text, raw: source.slice(range.start, range.end), range });
  });

  return { language: options.language, blocks, meta: readDocumentMeta(blocks, options.language) };
}
