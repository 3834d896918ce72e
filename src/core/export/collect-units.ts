/**
 * Turns an alignment's beads into the text pairs every export format writes, counting what it leaves out.
 */
import type { Alignment, Block, ScoredBead, SegmentedDocument, Sentence } from '../model.js';
import { isDocumentSymbol } from '../parse/header-lines.js';
import { reviewBlockBeads, type BlockReview } from '../review/review-block-beads.js';
import {
  effectiveConfidence,
  isReviewedAlignment,
  ReviewStatus,
  type ReviewBead,
  type ReviewedAlignment,
} from '../review/review-model.js';
import { ExportError, ExportErrorCode } from './export-error.js';

/** What one exported unit spans: a sentence bead or a block (paragraph) bead. */
export const UnitKind = {
  /** One unit per sentence bead of `alignment.sentences`. */
  sentence: 'sentence',
  /** One unit per block bead of `alignment.blocks`. */
  paragraph: 'paragraph',
} as const;
/** See {@link UnitKind}. */
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];

/** Which beads become units. */
export interface UnitSelection {
  /** Sentence beads (the default) or block beads. */
  units?: UnitKind;
  /** Beads whose confidence is below this, in [0, 1], are left out; none is by default. */
  minConfidence?: number;
  /**
   * Review statuses to keep; pending and approved by default (rejected beads are left out). Beads of an alignment
   * without review state count as pending.
   */
  statuses?: readonly ReviewStatus[];
}

/** Review statuses exported when the selection names none. */
export const DEFAULT_EXPORT_STATUSES: readonly ReviewStatus[] = [ReviewStatus.pending, ReviewStatus.approved];

/** A unit's review state, for units of a reviewed alignment. */
export interface UnitReview {
  /** Review status. */
  status: ReviewStatus;
  /** Account that last changed the unit, or null when only the aligner did. */
  changedBy: string | null;
  /** When the unit last changed (the aligner's version for untouched units), or null when unknown. */
  changedAt: Date | null;
}

/** One source/target text pair ready to write. */
export interface ExportUnit {
  /** Position of the bead in `alignment.sentences` (sentence units) or `alignment.blocks` (paragraph units). */
  bead: number;
  /** Text of the source document's side: its pieces cleaned, trimmed and joined by one space; never empty. */
  source: string;
  /** Text of the target document's side, built like `source`; never empty. */
  target: string;
  /** The bead's confidence, in [0, 1]; 1 once approved. */
  confidence: number;
  /** Label path of the block holding the first source sentence (or the first source block); null when unlabelled. */
  label: string | null;
  /** Review state; null for an alignment without one (the CLI's). */
  review: UnitReview | null;
}

/** How many beads became units and why the others did not. */
export interface ExportSummary {
  /** Units written. */
  units: number;
  /** Beads with an empty side (1-0 or 0-1): nothing to pair the text with. */
  oneSided: number;
  /** Two-sided beads below `minConfidence`. */
  lowConfidence: number;
  /** Two-sided beads kept by confidence whose text was empty on a side after cleaning. */
  emptyText: number;
  /** Two-sided beads whose sides are each a lone document symbol (the title's "* E/CN.7/2024/1." footnote). */
  symbolOnly: number;
  /** Two-sided beads whose review status the selection does not keep. */
  otherStatus: number;
}

/** A summary with every count at zero, for {@link collectUnits} to fill. */
export function createExportSummary(): ExportSummary {
  return { units: 0, oneSided: 0, lowConfidence: 0, emptyText: 0, symbolOnly: 0, otherStatus: 0 };
}

/**
 * Yields the two-sided beads of the selection as text pairs, each piece passed through `clean` (which must not add
 * edge white space), and counts the beads it leaves out in `summary`.
 */
export function* collectUnits(
  alignment: Alignment,
  selection: UnitSelection,
  clean: (text: string) => string,
  summary: ExportSummary,
): Generator<ExportUnit> {
  const paragraphs = selection.units === UnitKind.paragraph;
  const beads: readonly ScoredBead[] = paragraphs ? alignment.blocks : alignment.sentences;
  const minConfidence = selection.minConfidence ?? Number.NEGATIVE_INFINITY;
  const statuses = new Set(selection.statuses ?? DEFAULT_EXPORT_STATUSES);
  const reviewed = isReviewedAlignment(alignment) ? alignment : null;
  const blockReviews = reviewed !== null && paragraphs ? reviewBlockBeads(reviewed) : null;

  for (const [position, bead] of beads.entries()) {
    if (bead.source.length === 0 || bead.target.length === 0) {
      summary.oneSided += 1;
      continue;
    }
    const state = reviewed === null ? null : reviewStateOf(reviewed, position, blockReviews);
    if (!statuses.has(state?.review.status ?? ReviewStatus.pending)) {
      summary.otherStatus += 1;
      continue;
    }
    const confidence = effectiveConfidence(bead.confidence, state?.review.status ?? null);
    if (confidence < minConfidence) {
      summary.lowConfidence += 1;
      continue;
    }
    const side = (doc: SegmentedDocument, indices: number[], edited: string[] | null): string =>
      joinPieces(edited ?? indices.map((i) => (paragraphs ? blockAt(doc, i).text : sentenceAt(doc, i).text)), clean);
    const source = side(alignment.source, bead.source, state?.sourcePieces ?? null);
    const target = side(alignment.target, bead.target, state?.targetPieces ?? null);
    if (source === '' || target === '') {
      summary.emptyText += 1;
      continue;
    }
    // A symbol is the same in every language: a translation memory gains nothing from the pair.
    if (isSymbolOnly(source) && isSymbolOnly(target)) {
      summary.symbolOnly += 1;
      continue;
    }
    // Non-empty: checked at the top of the loop.
    const first = bead.source[0] as number;
    const labelBlock = paragraphs
      ? blockAt(alignment.source, first)
      : blockAt(alignment.source, sentenceAt(alignment.source, first).block);
    summary.units += 1;
    yield { bead: position, source, target, confidence, label: labelBlock.path, review: state?.review ?? null };
  }
}

interface BeadState {
  review: UnitReview;
  sourcePieces: string[] | null;
  targetPieces: string[] | null;
}

function reviewStateOf(
  alignment: ReviewedAlignment,
  position: number,
  blockReviews: readonly BlockReview[] | null,
): BeadState {
  const stamped = (status: ReviewStatus, changedIn: number | null): UnitReview => {
    const stamp = changedIn === null ? undefined : alignment.stamps.get(changedIn);
    return { status, changedBy: stamp?.author ?? null, changedAt: stamp?.createdAt ?? null };
  };
  if (blockReviews !== null) {
    const block = blockReviews[position];
    return {
      review: stamped(block?.status ?? ReviewStatus.pending, block?.changedIn ?? null),
      sourcePieces: block?.sourcePieces ?? null,
      targetPieces: block?.targetPieces ?? null,
    };
  }
  // Sentence units: `position` indexes alignment.sentences, the reviewed beads themselves.
  const bead = alignment.sentences[position] as ReviewBead;
  return {
    review: stamped(bead.status, bead.changedIn),
    sourcePieces: bead.sourceText === null ? null : [bead.sourceText],
    targetPieces: bead.targetText === null ? null : [bead.targetText],
  };
}

/** Runs {@link collectUnits} for its counts only. */
export function summarizeUnits(
  alignment: Alignment,
  selection: UnitSelection,
  clean: (text: string) => string,
): ExportSummary {
  const summary = createExportSummary();
  const units = collectUnits(alignment, selection, clean, summary);
  while (units.next().done !== true) {
    // Draining the generator is what fills the summary.
  }
  return summary;
}

function isSymbolOnly(text: string): boolean {
  return isDocumentSymbol(text.replace(/\.$/, ''));
}

function joinPieces(pieces: string[], clean: (text: string) => string): string {
  // Each piece is trimmed on its own so that joining never puts two spaces between sentences; white space
  // inside a piece is the document's and stays as it is.
  return pieces
    .map((piece) => clean(piece).trim())
    .filter((piece) => piece !== '')
    .join(' ');
}

function sentenceAt(doc: SegmentedDocument, index: number): Sentence {
  const sentence = doc.sentences[index];
  if (sentence === undefined) {
    throw new ExportError(
      ExportErrorCode.beadOutOfRange,
      `A bead names sentence ${index} but the ${doc.language} document has ${doc.sentences.length} sentences.`,
    );
  }
  return sentence;
}

function blockAt(doc: SegmentedDocument, index: number): Block {
  const block = doc.blocks[index];
  if (block === undefined) {
    throw new ExportError(
      ExportErrorCode.beadOutOfRange,
      `A bead names block ${index} but the ${doc.language} document has ${doc.blocks.length} blocks.`,
    );
  }
  return block;
}
