/**
 * The review model: a version of a pair's sentence alignment as people correct and approve it.
 *
 * The documents never change: a version is a list of sentence beads over the aligner's sentences, each with its
 * review status and, per side, an edited text that stands in for the sentences' own text. Indices are 0-based.
 */
import type { Alignment, BlockBead, ScoredBead } from '../model.js';

/** Where a bead stands in review. */
export const ReviewStatus = {
  /** Nobody has judged it yet (every bead of the aligner's version). */
  pending: 'pending',
  /** A reviewer says it is right: it counts as confidence 1 and trains the store's lexicon first. */
  approved: 'approved',
  /** A reviewer says it is wrong: exports leave it out unless asked for it. */
  rejected: 'rejected',
} as const;
/** See {@link ReviewStatus}. */
export type ReviewStatus = (typeof ReviewStatus)[keyof typeof ReviewStatus];

/** Every status, in the order of {@link ReviewStatus}. */
export const REVIEW_STATUSES: readonly ReviewStatus[] = Object.values(ReviewStatus);

/** Which side of a bead. */
export type BeadSide = 'source' | 'target';

/** A sentence bead of a version: the aligner's bead as corrected, with its review state. */
export interface ReviewBead extends ScoredBead {
  /** Review status. */
  status: ReviewStatus;
  /** Text that replaces the source sentences' own text (trimmed, non-empty), or null when not edited. */
  sourceText: string | null;
  /** Text that replaces the target sentences' own text, or null when not edited. */
  targetText: string | null;
  /** The version that last changed this bead (its shape, text or status); the aligner's for untouched ones. */
  changedIn: number;
}

/** Who made a version and when: what a bead's {@link ReviewBead.changedIn} points to. */
export interface VersionStamp {
  /** Version number, from 1. */
  version: number;
  /** Account name, or null for the aligner. */
  author: string | null;
  /** When the version was made (the store's clock). */
  createdAt: Date;
}

/**
 * An alignment as one version has it: the aligner's documents, the version's sentence beads, block beads that follow
 * them (derive-block-beads.ts), and the stamps of the versions its beads name.
 */
export interface ReviewedAlignment extends Alignment {
  /** Sentence beads of the version, covering every sentence of both sides once, in order. */
  sentences: ReviewBead[];
  /** Block beads: the aligner's, merged where a sentence bead crosses from one to the next. */
  blocks: BlockBead[];
  /** The version this alignment is. */
  version: number;
  /** Stamps of every version a bead names, by version number. */
  stamps: ReadonlyMap<number, VersionStamp>;
}

/** One operation of an edit request, as the API takes it (beads numbered in the state the operation applies to). */
export type EditOp =
  | { op: 'merge'; bead: number }
  | { op: 'split'; bead: number; source: number; target: number }
  | { op: 'move'; bead: number; side: BeadSide; to: 'previous' | 'next' }
  | { op: 'edit'; bead: number; side: BeadSide; text: string }
  | { op: 'approve' | 'reject'; beads: number[] }
  | { op: 'undo' };

/** The ops {@link applyEdits} applies itself; `undo` needs earlier versions and is the service's. */
export type BeadEditOp = Exclude<EditOp, { op: 'undo' }>;

/** The confidence a bead counts with in exports, the store and training: 1 once approved, else the aligner's. */
export function effectiveConfidence(confidence: number, status: ReviewStatus | null): number {
  return status === ReviewStatus.approved ? 1 : confidence;
}

/** Whether `alignment` is a version with review state (exports then carry status, edits and reviewers). */
export function isReviewedAlignment(alignment: Alignment): alignment is ReviewedAlignment {
  return 'stamps' in alignment && 'version' in alignment;
}
