/** Reads a version of a pair's alignment whole, as the exports write it: documents, beads, paragraphs, reviewers. */
import { isInCollections } from '../auth/collection-scope.js';
import { buildReviewedAlignment } from '../core/review/build-reviewed-alignment.js';
import type { ReviewedAlignment, VersionStamp } from '../core/review/review-model.js';
import { PairStatus, type Store } from '../storage/store.js';

/** Version `version` of the pair's alignment (the current one by default), or null when there is none. */
export async function loadReviewedAlignment(
  store: Store,
  pairId: string,
  version?: number,
): Promise<ReviewedAlignment | null> {
  const [aligned, chosen, history] = await Promise.all([
    store.loadAlignment(pairId),
    store.getAlignmentVersion(pairId, version),
    store.listAlignmentVersions(pairId),
  ]);
  if (aligned === null || chosen === null) return null;
  const stamps = new Map<number, VersionStamp>(
    history.map(({ version: number, author, createdAt }) => [number, { version: number, author, createdAt }]),
  );
  return buildReviewedAlignment(aligned, chosen.version, chosen.beads, stamps);
}

/**
 * The current alignments of the pairs `pairIds`, in order, as a document's n-way views merge them; null when one of
 * them is gone, not aligned yet or failed (the views wait for every pair), or outside `collections` (an account's
 * limit: one pair outside it keeps the whole document from the account).
 */
export async function loadReviewedPairs(
  store: Store,
  pairIds: readonly string[],
  collections?: readonly string[],
): Promise<ReviewedAlignment[] | null> {
  const alignments: ReviewedAlignment[] = [];
  for (const pairId of pairIds) {
    const pair = await store.getPair(pairId);
    if (pair === null || pair.status !== PairStatus.done || !isInCollections(pair.collection, collections)) return null;
    const alignment = await loadReviewedAlignment(store, pairId);
    if (alignment === null) return null;
    alignments.push(alignment);
  }
  return alignments;
}
