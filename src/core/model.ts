/**
 * The data model every stage shares: extract → parse → segment → align → qa → export.
 *
 * Conventions: indices are 0-based; ranges are half-open `[start, end)` in UTF-16 code units.
 */

/** ISO 639-1 language code, lower case ("fr", "en", "de"). */
export type LanguageCode = string;

/** The six official languages of the United Nations, whose documents paralign reads (ISO 639-1). */
export const UN_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
/** One of {@link UN_LANGUAGES}. */
export type UnLanguage = (typeof UN_LANGUAGES)[number];

/** Whether `code` is one of the six UN languages. */
export function isUnLanguage(code: string): code is UnLanguage {
  return (UN_LANGUAGES as readonly string[]).includes(code);
}

/** A half-open `[start, end)` span in UTF-16 code units of the string it refers to. */
export interface Range {
  /** First code unit, inclusive. */
  start: number;
  /** One past the last code unit. */
  end: number;
}

/** What part of a document a block is. */
export const BlockKind = {
  /** Front matter: body, distribution, date, languages, session, agenda item. */
  header: 'header',
  /** Document title and subtitle lines (e.g. "Note by the Secretariat"). */
  title: 'title',
  /** "I. Introduction", "A. Background", "Annex I". */
  heading: 'heading',
  /** Numbered paragraph ("12.") or a plain prose paragraph in a numbered body. */
  paragraph: 'paragraph',
  /** "(a)"/"a)" and "(i)"/"i)" sub-paragraphs. */
  subparagraph: 'subparagraph',
  /** Footnote text with its marker ("*", "1"). */
  footnote: 'footnote',
  /** Bulleted item. */
  listItem: 'listItem',
  /** One table row, cells joined by tabs. */
  tableRow: 'tableRow',
  /** Anything else: unnumbered prose, preambular paragraphs. */
  text: 'text',
} as const;
/** See {@link BlockKind}. */
export type BlockKind = (typeof BlockKind)[keyof typeof BlockKind];

/** How a label is numbered; decides which labels can anchor one another. */
export const LabelStyle = {
  /** 1. 2. 3. */
  arabic: 'arabic',
  /** (a) a) */
  lowerLetter: 'lowerLetter',
  /** (i) i) */
  lowerRoman: 'lowerRoman',
  /** A. B. */
  upperLetter: 'upperLetter',
  /** I. II. */
  upperRoman: 'upperRoman',
  /** Footnote marker: "*", "**", "1". */
  footnote: 'footnote',
  /** "Annex I" / "Annexe I". */
  annex: 'annex',
  /** "Article 5" / "Article premier", "Rule 5": the articles of conventions, declarations, statutes and rules. */
  article: 'article',
  /** "Chapter IV" / "Chapitre IV", "Chapter I" / "Chapitre premier": the chapters of the Charter and of treaties. */
  chapter: 'chapter',
  /** "Section 3": the sections of bulletins and instructions (ST/SGB, ST/AI) and of budget fascicles. */
  section: 'section',
  /** Agenda item: "Item 2 (b)" / "Point 2 b)". */
  agendaItem: 'agendaItem',
  /** Bullet: "-", "•". Carries no number, so never anchors. */
  bullet: 'bullet',
} as const;
/** See {@link LabelStyle}. */
export type LabelStyle = (typeof LabelStyle)[keyof typeof LabelStyle];

/** A paragraph number or marker, normalised so that English and French versions compare equal. */
export interface Label {
  /** Numbering style. */
  style: LabelStyle;
  /** Language-independent value: "12", "a", "iv", "IV", "A", "*", "I", "2b". */
  value: string;
  /** Exactly as printed in the document: "12.", "(a)", "a)", "IV.", "*", "Annexe I". */
  raw: string;
  /** `style:value`; equal keys mean the same label in either language (`(a)` and `a)` give `lowerLetter:a`). */
  key: string;
}

/** One structural unit of a document: a paragraph, heading, footnote, table row ... */
export interface Block {
  /** Position in the document's block list. */
  index: number;
  /** What the block is. */
  kind: BlockKind;
  /** Its own label, or null when unnumbered. */
  label: Label | null;
  /**
   * Language-neutral label path from the outermost numbered ancestor, values joined by "/":
   * "12" (paragraph 12), "12/a" (its sub-paragraph (a) or a)), "12/a/ii", "II" and "II/A" (headings),
   * "fn:1" and "fn:*" (footnotes), "annex:I" and "annex:I/3" (paragraph 3 of Annex I), "art:5" and "art:5/2"
   * (paragraph 2 of article 5), "chap:4" (Chapter IV), "sec:3" (Section 3);
   * null when the block is unlabelled. Equal paths on both sides mean the same place in the document.
   */
  path: string | null;
  /** The block's text without its label and markup: what is segmented, aligned and exported. */
  text: string;
  /** The slice of the source document this block came from, label and markup included. */
  raw: string;
  /** Where `raw` sits in the source document. */
  range: Range;
}

/** Front-matter facts of a UN document; each null when the document does not state it. */
export interface DocumentMeta {
  /** Document symbol, e.g. "CTOC/COP/2018/1". */
  symbol: string | null;
  /** Distribution as printed ("General", "générale", "Limited"). */
  distribution: string | null;
  /** Issue date, ISO 8601 `YYYY-MM-DD`. */
  date: string | null;
  /** Language the document was drafted in, ISO 639-1 ("en" for "Original: English"). */
  originalLanguage: LanguageCode | null;
  /** Session line as printed ("Ninth session"). */
  session: string | null;
  /** Agenda item label value, e.g. "2b" for "Item 2 (b)". */
  agendaItem: string | null;
  /** Main title, markup removed. */
  title: string | null;
}

/** A document parsed into blocks. */
export interface ParsedDocument {
  /** Language of the text. */
  language: LanguageCode;
  /** Blocks in document order. */
  blocks: Block[];
  /** Front-matter facts. */
  meta: DocumentMeta;
}

/** A sentence of a block. */
export interface Sentence {
  /** Position among all sentences of the document. */
  index: number;
  /** Index of the block it belongs to. */
  block: number;
  /** The slice of `block.text` it covers, spaces included: the raws of a block concatenate to its text. */
  raw: string;
  /** `raw` without surrounding white space: what is aligned and exported. */
  text: string;
  /** Where `raw` sits in its block's `text`. */
  range: Range;
}

/** A parsed document with its sentences. */
export interface SegmentedDocument extends ParsedDocument {
  /** Sentences of all blocks, in document order; blocks with only white space have none. */
  sentences: Sentence[];
}

/**
 * A group of source units aligned with a group of target units (vecalign's bead).
 * Either side may be empty (1-0 or 0-1); indices are sorted and contiguous.
 */
export interface Bead {
  /** Source unit indices. */
  source: number[];
  /** Target unit indices. */
  target: number[];
}

/** A bead with the aligner's confidence that it is right. */
export interface ScoredBead extends Bead {
  /** Probability-like confidence in [0, 1]. */
  confidence: number;
}

/** How a pair of paragraph groups was matched. */
export const LinkMethod = {
  /** Same label (path) on both sides. */
  label: 'label',
  /** Dynamic programming on length and shared tokens. */
  content: 'content',
} as const;
/** See {@link LinkMethod}. */
export type LinkMethod = (typeof LinkMethod)[keyof typeof LinkMethod];

/** A bead over blocks, with how it was found. */
export interface BlockBead extends ScoredBead {
  /** Anchored on labels, or aligned on content. */
  method: LinkMethod;
}

/** The full result of aligning two documents. */
export interface Alignment {
  /** The source-language document. */
  source: SegmentedDocument;
  /** The target-language document. */
  target: SegmentedDocument;
  /** Beads over block indices, covering every block of both sides once, in order. */
  blocks: BlockBead[];
  /** Beads over sentence indices, covering every sentence of both sides once, in order. */
  sentences: ScoredBead[];
}

/**
 * One unit of an n-way alignment: the segments (sentence or block indices) of each language that translate one
 * another. Every language of the alignment has a key; its list is sorted and contiguous, empty when that language
 * has nothing here.
 */
export interface MultiUnit {
  /** Per language (ISO 639-1), the indices of its segments in its own document. */
  segments: Record<LanguageCode, number[]>;
  /** The lowest confidence of the pairwise beads merged into the unit, in [0, 1]. */
  confidence: number;
}

/** A unit over blocks, with how its pairwise beads were found. */
export interface MultiBlockUnit extends MultiUnit {
  /** `label` when every two-sided bead merged into it was anchored on labels, else `content`. */
  method: LinkMethod;
}

/**
 * Two to six language versions of one document aligned through a pivot version: every other version is aligned
 * with the pivot, and the pairwise beads are merged into units that hold one segment group per language.
 */
export interface MultiAlignment {
  /** The pivot's language: the original language the header names, else English. */
  pivot: LanguageCode;
  /** The versions in the order given, the pivot among them; their languages are distinct. */
  documents: SegmentedDocument[];
  /** Each other version (source) aligned with the pivot (target), in the order of `documents`. */
  pairs: Alignment[];
  /** Units over block indices: every block of every version in exactly one unit, in document order. */
  blocks: MultiBlockUnit[];
  /** Units over sentence indices: every sentence of every version in exactly one unit, in document order. */
  sentences: MultiUnit[];
}
