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
 *
 * Each unit also gets a review state for the exports to write and filter on: approved when every bead merged into it
 * is (a unit approved in the French pair only is not yet approved in Spanish), changed by whoever changed one of its
 * beads last.
 */
import { mergePivotAlignments } from '../align/merge-pivot-alignments.js';
import type { UnitReview } from '../export/collect-units.js';
import type {
  Alignment,
  Bead,
  BlockBead,
  LanguageCode,
  MultiAlignment,
  MultiUnit,
  ScoredBead,
  SegmentedDocument,
} from '../model.js';
import { reviewBlockBeads } from './review-block-beads.js';
import { effectiveConfidence, ReviewStatus, type ReviewedAlignment, type VersionStamp } from './review-model.js';

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

/** Review state of each unit of an n-way alignment merged from reviewed pairs: what multilingual exports write. */
export interface ReviewedMultiAlignment extends MultiAlignment {
  /** One per unit of `sentences`, in order. */
  sentenceReviews: UnitReview[];
  /** One per unit of `blocks`, in order. */
  blockReviews: UnitReview[];
}

/** Whether `alignment` carries its units' review state (merged by {@link mergeReviewedVersions}). */
export function isReviewedMultiAlignment(alignment: MultiAlignment): alignment is ReviewedMultiAlignment {
  return 'sentenceReviews' in alignment && 'blockReviews' in alignment;
}

/**
 * The n-way alignment of a document whose version pairs are `reviewed` (each version as source, the pivot as target,
 * every one with the same pivot `pivot`), with the reviews carried in as the module comment says and each unit's
 * review state; null when there is no pair.
 */
export function mergeReviewedVersions(
  reviewed: readonly ReviewedAlignment[],
  pivot: LanguageCode,
): ReviewedMultiAlignment | null {
  const carried = carryReviews(reviewed);
  const pivotDocument = carried[0]?.pair.target;
  if (pivotDocument === undefined) return null;
  const pairs = carried.map(({ pair }) => pair);
  const merged = mergePivotAlignments([pivotDocument, ...pairs.map((pair) => pair.source)], pivot, pairs);
  return {
    ...merged,
    sentenceReviews: unitReviews(merged.sentences, pivot, carried, 'sentences'),
    blockReviews: unitReviews(merged.blocks, pivot, carried, 'blocks'),
  };
}

/**
 * One pair as its review stands, carried in as for a merge (edits as its sentences' and paragraphs' texts, rejected
 * beads as their two sides apart, approved ones at confidence 1): what its parity report is built from.
 */
export function asReviewedPair(reviewed: ReviewedAlignment): Alignment {
  return (carryReviews([reviewed])[0] as CarriedPair).pair; // one pair in, one out
}

/** What review said of one bead as it goes into the merge. */
interface BeadState {
  /** Its status; null for a side of a rejected bead, which stands alone by the reviewer's decision. */
  status: ReviewStatus | null;
  /** The version that last changed it, or null when none did (a paragraph of no sentence bead). */
  changedIn: number | null;
}

/** A version's pair with the reviews carried in, the state of each of its beads, and its versions' stamps. */
interface CarriedPair {
  pair: Alignment;
  states: Record<Level, BeadState[]>;
  stamps: ReviewedAlignment['stamps'];
}

type Level = 'sentences' | 'blocks';

function carryReviews(reviewed: readonly ReviewedAlignment[]): CarriedPair[] {
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
    const sentences = pair.sentences.flatMap((bead) => asReviewed(bead, scored(bead), bead.status, bead.changedIn));
    const blocks = pair.blocks.flatMap((bead, k) => {
      const review = blockReviews[k];
      return asReviewed(bead, { ...scored(bead), method: bead.method }, review?.status, review?.changedIn ?? null);
    });
    return {
      source: withStandIns(pair.source, source),
      sentences,
      blocks,
      stamps: pair.stamps,
    };
  });
  const pivotStandIns: StandIns = { sentences: new Map(), blocks: new Map() };
  // Stable: edits made at the same moment apply in the order of their pairs.
  for (const edit of [...pivotEdits].sort((a, b) => a.at - b.at))
    standIn(pivotStandIns[edit.level], edit.indices, edit.text);
  const first = reviewed[0];
  if (first === undefined) return [];
  const target = withStandIns(first.target, pivotStandIns);
  return versions.map(({ source, sentences, blocks, stamps }) => ({
    pair: {
      source,
      target,
      sentences: sentences.map(({ bead }) => bead),
      blocks: blocks.map(({ bead }) => bead),
    },
    states: { sentences: sentences.map(({ state }) => state), blocks: blocks.map(({ state }) => state) },
    stamps,
  }));
}

/**
 * Each unit's review state, from the beads merged into it (every bead lies whole in one unit, so a pair's beads of a
 * unit are those holding its segments on either side): approved when every one of them is, else pending; changed by
 * the person who changed one of them last (by the aligner when nobody did).
 */
function unitReviews(
  units: readonly MultiUnit[],
  pivot: LanguageCode,
  carried: readonly CarriedPair[],
  level: Level,
): UnitReview[] {
  const owners = carried.map(({ pair }) => ({
    source: beadOfSegment(pair[level], 'source', pair.source[level].length),
    target: beadOfSegment(pair[level], 'target', pair.target[level].length),
  }));
  return units.map((unit) => {
    let approved = 0;
    let judged = 0;
    // A person's change outranks the aligners' stamps: another version's pair may have been aligned after it.
    let latest: VersionStamp | undefined;
    let latestByPerson: VersionStamp | undefined;
    carried.forEach(({ pair, states, stamps }, p) => {
      const owner = owners[p] as (typeof owners)[number];
      const beads = new Set<number>();
      for (const index of unit.segments[pair.source.language] ?? []) beads.add(owner.source[index] as number);
      for (const index of unit.segments[pivot] ?? []) beads.add(owner.target[index] as number);
      for (const bead of beads) {
        const state = states[level][bead];
        if (state === undefined) continue;
        if (state.status !== null) {
          judged += 1;
          if (state.status === ReviewStatus.approved) approved += 1;
        }
        const stamp = state.changedIn === null ? undefined : stamps.get(state.changedIn);
        if (stamp === undefined) continue;
        if (latest === undefined || stamp.createdAt > latest.createdAt) latest = stamp;
        if (stamp.author !== null && (latestByPerson === undefined || stamp.createdAt > latestByPerson.createdAt))
          latestByPerson = stamp;
      }
    });
    const changed = latestByPerson ?? latest;
    return {
      status: judged > 0 && approved === judged ? ReviewStatus.approved : ReviewStatus.pending,
      changedBy: changed?.author ?? null,
      changedAt: changed?.createdAt ?? null,
    };
  });
}

// For each segment of one side, the index of the bead holding it.
function beadOfSegment(beads: readonly Bead[], side: 'source' | 'target', count: number): Int32Array {
  const owner = new Int32Array(count).fill(-1);
  beads.forEach((bead, k) => {
    for (const index of bead[side]) owner[index] = k;
  });
  return owner;
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
function asReviewed<R extends ScoredBead>(
  bead: ScoredBead,
  copy: R,
  status: ReviewStatus | undefined,
  changedIn: number | null,
): { bead: R; state: BeadState }[] {
  const known = status ?? ReviewStatus.pending;
  if (known === ReviewStatus.rejected && bead.source.length > 0 && bead.target.length > 0) {
    const state = { status: null, changedIn };
    return [
      { bead: { ...copy, target: [], confidence: 1 }, state },
      { bead: { ...copy, source: [], confidence: 1 }, state },
    ];
  }
  return [
    { bead: { ...copy, confidence: effectiveConfidence(bead.confidence, known) }, state: { status: known, changedIn } },
  ];
}
