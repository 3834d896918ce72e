/**
 * The whole alignment as one JSON-ready object: what the API returns and what a review page reads.
 */
import type {
  Alignment,
  Block,
  BlockBead,
  DocumentMeta,
  LanguageCode,
  ScoredBead,
  SegmentedDocument,
  Sentence,
} from '../model.js';

/** Version of the {@link AlignmentJson} shape; raised whenever a field changes meaning or goes away. */
export const ALIGNMENT_JSON_VERSION = 1;

/** One side of an {@link AlignmentJson}. */
export interface DocumentJson {
  /** Language of the document. */
  language: LanguageCode;
  /** Front-matter facts. */
  meta: DocumentMeta;
  /** Blocks in document order; bead block indices point here. */
  blocks: Block[];
  /** Sentences in document order; bead sentence indices point here. */
  sentences: Sentence[];
}

/** A plain, serialisable copy of an alignment and, optionally, its QA report. */
export interface AlignmentJson {
  /** Always {@link ALIGNMENT_JSON_VERSION}. */
  version: typeof ALIGNMENT_JSON_VERSION;
  /** The source-language document. */
  source: DocumentJson;
  /** The target-language document. */
  target: DocumentJson;
  /** Beads over block indices. */
  blocks: BlockBead[];
  /** Beads over sentence indices. */
  beads: ScoredBead[];
  /** Whatever report the caller attached (the QA parity report); absent when none. */
  report?: unknown;
}

/** What {@link toAlignmentJson} may attach besides the alignment. */
export interface AlignmentJsonExtras {
  /** A JSON-serialisable report to carry along. */
  report?: unknown;
}

/**
 * Copies an alignment into a fresh plain object ready for `JSON.stringify`; only `extras.report` is attached as given.
 */
export function toAlignmentJson(alignment: Alignment, extras: AlignmentJsonExtras = {}): AlignmentJson {
  const json: AlignmentJson = {
    version: ALIGNMENT_JSON_VERSION,
    source: toDocumentJson(alignment.source),
    target: toDocumentJson(alignment.target),
    blocks: alignment.blocks.map((bead) => ({
      source: [...bead.source],
      target: [...bead.target],
      confidence: bead.confidence,
      method: bead.method,
    })),
    beads: alignment.sentences.map((bead) => ({
      source: [...bead.source],
      target: [...bead.target],
      confidence: bead.confidence,
    })),
  };
  if (extras.report !== undefined) json.report = extras.report;
  return json;
}

/** A plain copy of one document, as {@link AlignmentJson} carries each side. */
export function toDocumentJson(doc: SegmentedDocument): DocumentJson {
  // Field by field rather than a spread, so that extra runtime properties (caches, parser state) stay out.
  return {
    language: doc.language,
    meta: { ...doc.meta },
    blocks: doc.blocks.map((block) => ({
      index: block.index,
      kind: block.kind,
      label: block.label === null ? null : { ...block.label },
      path: block.path,
      text: block.text,
      raw: block.raw,
      range: { start: block.range.start, end: block.range.end },
    })),
    sentences: doc.sentences.map((sentence) => ({
      index: sentence.index,
      block: sentence.block,
      raw: sentence.raw,
      text: sentence.text,
      range: { start: sentence.range.start, end: sentence.range.end },
    })),
  };
}
