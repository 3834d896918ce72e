/**
 * A document's version pairs as their reviews stand, ready to merge through the pivot (merge-pivot-alignments.ts),
 * so that the n-way units, the document page and the multilingual TMX follow what reviewers corrected pair by pair
 * instead of the aligner's first answer.
 *
 * The merge reads texts from the documents and only indices from the beads, so each review decision is carried into
 * what it reads:
 * - an edited side stands in for its sentences: the first of them reads as the edit, the others as nothing (a unit
 *   always holds a bead's side whole, so the unit reads as the edit); its paragraphs the same way, from their
 *   sentence beads' texts (review-block-beads.ts);
 * - a rejected bead becomes two one-sided beads: the reviewer said its sides do not translate each other, so the
 *   version's sentences leave the pivot's unit and stand alone (which exports skip, as they skip rejected pairs);
 * - an approved bead counts with confidence 1, as in the pair's own exports.
 *
 * Every pair shares the pivot, so edits of the pivot's text made in any pair apply to it, the most recent last.
 * The documents returned are copies; the pairs' own documents are not changed.
 */
import { mergePivotAlignments } from '../align/merge-pivot-alignments.js';
import type { Alignment, BlockBead, LanguageCode, MultiAlignment, ScoredBead, SegmentedDocument } from '../model.js';
import { reviewBlockBeads } from './review-block-beads.js';
import { effectiveConfidence, ReviewStatus, type ReviewedAlignment } from './review-model.js';

/** Texts that stand in for a document's own, by sentence index and by block index. */
interface StandIns {
  sentences: Map<number, string>;
  blocks: Map<number, string>;
}

/** An edit of the pivot's text in one pair, with when it was made, so that the latest can be applied last. */
interface PivotEdit {
  level: keyof StandIns;
  indices: readonly number[];
  text: string;
  at: number;
}

/**
 * The pairs of `reviewed` (each version as source, the pivot as target, every one with the same pivot) with their
 * review decisions carried into texts and beads as the module comment says; same order.
 */
export function reviewedVersionPairs(reviewed: readonly ReviewedAlignment[]): Alignment[] {
  const pivotEdits: PivotEdit[] = [];
  const versions = reviewed.map((pair) => {
    const source: StandIns = { sentences: new Map(), blocks: new Map() };
    const blockReviews = reviewBlockBeads(pair);
    const timeOf = (version: number | null): number =>
      version === null ? 0 : (pair.stamps.get(version)?.createdAt.getTime() ?? 0);
    for (const bead of pair.sentences) {
      if (bead.sourceText !== null) standIn(source.sentences, bead.source, bead.sourceText);
      if (bead.targetText !== null)
        pivotEdits.push({
          level: 'sentences',
          indices: bead.target,
          text: bead.targetText,
          at: timeOf(bead.changedIn),
        });
    }
    blockReviews.forEach((review, k) => {
      const bead = pair.blocks[k] as BlockBead; // one review per block bead
      if (review.sourcePieces !== null) standIn(source.blocks, bead.source, review.sourcePieces.join(' '));
      if (review.targetPieces !== null)
        pivotEdits.push({
          level: 'blocks',
          indices: bead.target,
          text: review.targetPieces.join(' '),
          at: timeOf(review.changedIn),
        });
    });
    return {
      source: withStandIns(pair.source, source),
      sentences: pair.sentences.flatMap((bead) => asReviewed(bead, bead.status, (b) => scored(b))),
      blocks: pair.blocks.flatMap((bead, k) =>
        asReviewed(bead, blockReviews[k]?.status ?? ReviewStatus.pending, (b) => ({ ...scored(b), method: b.method })),
      ),
    };
  });
  const pivotStandIns: StandIns = { sentences: new Map(), blocks: new Map() };
  // Stable: edits made at the same moment apply in the order of their pairs.
  for (const edit of [...pivotEdits].sort((a, b) => a.at - b.at))
    standIn(pivotStandIns[edit.level], edit.indices, edit.text);
  const first = reviewed[0];
  if (first === undefined) return [];
  const pivot = withStandIns(first.target, pivotStandIns);
  return versions.map((version) => ({ ...version, target: pivot }));
}

/**
 * The n-way alignment of a document whose version pairs are `reviewed` (pivot `pivot`), their reviews carried in by
 * {@link reviewedVersionPairs}; null when there is no pair.
 */
export function mergeReviewedVersions(
  reviewed: readonly ReviewedAlignment[],
  pivot: LanguageCode,
): MultiAlignment | null {
  const pairs = reviewedVersionPairs(reviewed);
  const pivotDocument = pairs[0]?.target;
  if (pivotDocument === undefined) return null;
  return mergePivotAlignments([pivotDocument, ...pairs.map((pair) => pair.source)], pivot, pairs);
}

// The first index reads as the text, the others as nothing: exports and pages drop empty pieces.
function standIn(standIns: Map<number, string>, indices: readonly number[], text: string): void {
  indices.forEach((index, k) => standIns.set(index, k === 0 ? text : ''));
}

function withStandIns(document: SegmentedDocument, standIns: StandIns): SegmentedDocument {
  if (standIns.sentences.size === 0 && standIns.blocks.size === 0) return document;
  return {
    ...document,
    sentences: document.sentences.map((sentence) => {
      const text = standIns.sentences.get(sentence.index);
      return text === undefined ? sentence : { ...sentence, text };
    }),
    blocks: document.blocks.map((block) => {
      const text = standIns.blocks.get(block.index);
      return text === undefined ? block : { ...block, text };
    }),
  };
}

function scored(bead: ScoredBead): ScoredBead {
  return { source: bead.source, target: bead.target, confidence: bead.confidence };
}

// A rejected two-sided bead is its two sides apart; any other bead keeps its shape, approved ones at confidence 1.
function asReviewed<B extends ScoredBead, R extends ScoredBead>(
  bead: B,
  status: ReviewStatus,
  copy: (bead: B) => R,
): R[] {
  const base = copy(bead);
  if (status === ReviewStatus.rejected && bead.source.length > 0 && bead.target.length > 0)
    return [
      { ...base, target: [], confidence: 1 },
      { ...base, source: [], confidence: 1 },
    ];
  return [{ ...base, confidence: effectiveConfidence(bead.confidence, status) }];
}
