/**
 * The review state of a version's paragraphs (block beads), read from their sentence beads: for paragraph exports
 * and the store's paragraph rows.
 */
import { sideText } from './bead-side-text.js';
import { ReviewStatus, type BeadSide, type ReviewBead, type ReviewedAlignment } from './review-model.js';

/** A block bead's review state. */
export interface BlockReview {
  /** approved when all its sentence beads are, rejected when all are, else pending (and pending with none). */
  status: ReviewStatus;
  /** The latest version that changed one of its sentence beads; null when it has none. */
  changedIn: number | null;
  /** Its sentence beads' source texts (edits applied) when one of them is edited; null: use the blocks' texts. */
  sourcePieces: string[] | null;
  /** Same for the target side. */
  targetPieces: string[] | null;
}

/** One {@link BlockReview} per block bead of `alignment`, in order. */
export function reviewBlockBeads(alignment: ReviewedAlignment): BlockReview[] {
  const members = sentenceBeadsByBlockBead(alignment);
  return members.map((beads) => ({
    status: paragraphStatus(beads.map((bead) => bead.status)),
    changedIn: beads.length === 0 ? null : Math.max(...beads.map((bead) => bead.changedIn)),
    sourcePieces: piecesOf(beads, 'source', alignment),
    targetPieces: piecesOf(beads, 'target', alignment),
  }));
}

/** The index of the block bead holding each sentence bead (by its first sentence, source side first), in order. */
export function blockBeadOfSentenceBeads(alignment: ReviewedAlignment): number[] {
  const of = (side: BeadSide): Map<number, number> => {
    const map = new Map<number, number>();
    alignment.blocks.forEach((bead, index) => {
      for (const block of bead[side]) map.set(block, index);
    });
    return map;
  };
  const sourceBead = of('source');
  const targetBead = of('target');
  return alignment.sentences.map((bead) => {
    const side: BeadSide = bead.source.length > 0 ? 'source' : 'target';
    const sentence = alignment[side].sentences[bead[side][0] ?? -1];
    // -1: a sentence no block bead covers, which a valid alignment never has.
    return sentence === undefined ? -1 : ((side === 'source' ? sourceBead : targetBead).get(sentence.block) ?? -1);
  });
}

function sentenceBeadsByBlockBead(alignment: ReviewedAlignment): ReviewBead[][] {
  const members: ReviewBead[][] = alignment.blocks.map(() => []);
  const owners = blockBeadOfSentenceBeads(alignment);
  alignment.sentences.forEach((bead, index) => members[owners[index] ?? -1]?.push(bead));
  return members;
}

/** A paragraph's status from its sentence beads' statuses: all approved, all rejected, else (or none) pending. */
export function paragraphStatus(statuses: readonly ReviewStatus[]): ReviewStatus {
  if (statuses.length > 0 && statuses.every((status) => status === ReviewStatus.approved)) return ReviewStatus.approved;
  if (statuses.length > 0 && statuses.every((status) => status === ReviewStatus.rejected)) return ReviewStatus.rejected;
  return ReviewStatus.pending;
}

function piecesOf(beads: readonly ReviewBead[], side: BeadSide, alignment: ReviewedAlignment): string[] | null {
  const edited = beads.some((bead) => (side === 'source' ? bead.sourceText : bead.targetText) !== null);
  return edited ? beads.map((bead) => sideText(bead, side, alignment[side])).filter((text) => text !== '') : null;
}
