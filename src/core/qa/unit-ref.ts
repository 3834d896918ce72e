import type { Block, BlockKind, SegmentedDocument, Sentence } from '../model.js';

/** Which document of an alignment: the source-language one or the target-language one. */
export type Side = 'source' | 'target';

/** Longest excerpt a report carries, in UTF-16 code units. */
export const EXCERPT_LENGTH = 80;

/** A block as a report shows it: where it is, what it is, and the start of its text. */
export interface BlockRef {
  /** Block index in its document. */
  index: number;
  /** Block kind. */
  kind: BlockKind;
  /** Label path ("12/a"), or null when unlabelled. */
  path: string | null;
  /** Label as printed ("12.", "a)"), or null when unlabelled. */
  label: string | null;
  /** First {@link EXCERPT_LENGTH} characters of the text, spaces collapsed. */
  text: string;
}

/** A sentence as a report shows it, with the label path of its block so a reviewer can find it. */
export interface SentenceRef {
  /** Sentence index in its document. */
  index: number;
  /** Index of its block. */
  block: number;
  /** Label path of its block, or null when the block is unlabelled. */
  path: string | null;
  /** First {@link EXCERPT_LENGTH} characters of the text, spaces collapsed. */
  text: string;
}

/** Whether `block` carries a number or marker that can anchor it: any label but a bullet, or a label path. */
export function isNumbered(block: Block): boolean {
  return block.path !== null || (block.label !== null && block.label.style !== 'bullet');
}

/** Collapses white space and cuts `text` to at most `max` characters, ending a cut text with "…". */
export function shortenText(text: string, max: number = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Returns block `index` of `document`, throwing a RangeError when an alignment points past its blocks. */
export function getBlock(document: SegmentedDocument, index: number): Block {
  const block = document.blocks[index];
  if (block === undefined) {
    throw new RangeError(
      `Alignment refers to block ${index}, but the ${document.language} document has ${document.blocks.length}`,
    );
  }
  return block;
}

/** Returns sentence `index` of `document`, throwing a RangeError when an alignment points past its sentences. */
export function getSentence(document: SegmentedDocument, index: number): Sentence {
  const sentence = document.sentences[index];
  if (sentence === undefined) {
    throw new RangeError(
      `Alignment refers to sentence ${index}, but the ${document.language} document has ${document.sentences.length}`,
    );
  }
  return sentence;
}

/** Describes block `index` of `document` for a report. */
export function makeBlockRef(document: SegmentedDocument, index: number): BlockRef {
  const block = getBlock(document, index);
  return {
    index,
    kind: block.kind,
    path: block.path,
    label: block.label?.raw ?? null,
    text: shortenText(block.text),
  };
}

/** Describes sentence `index` of `document` for a report. */
export function makeSentenceRef(document: SegmentedDocument, index: number): SentenceRef {
  const sentence = getSentence(document, index);
  return {
    index,
    block: sentence.block,
    path: document.blocks[sentence.block]?.path ?? null,
    text: shortenText(sentence.text),
  };
}
