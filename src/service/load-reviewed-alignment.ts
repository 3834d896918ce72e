/** Reads a version of a pair's alignment whole, as the exports write it: documents, beads, paragraphs, reviewers. */
import { buildReviewedAlignment } from '../core/review/build-reviewed-alignment.js';
import type { ReviewedAlignment, VersionStamp } from '../core/review/review-model.js';
import type { Store } from '../storage/store.js';

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
