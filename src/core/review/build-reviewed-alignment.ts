/** Puts a version together: the aligner's documents, the version's beads, and paragraphs that follow them. */
import type { Alignment } from '../model.js';
import { deriveBlockBeads } from './derive-block-beads.js';
import type { ReviewBead, ReviewedAlignment, VersionStamp } from './review-model.js';

/** The {@link ReviewedAlignment} of version `version` of `aligned`, whose beads are `beads`. */
export function buildReviewedAlignment(
  aligned: Alignment,
  version: number,
  beads: readonly ReviewBead[],
  stamps: ReadonlyMap<number, VersionStamp>,
): ReviewedAlignment {
  return {
    source: aligned.source,
    target: aligned.target,
    sentences: [...beads],
    blocks: deriveBlockBeads(aligned.blocks, beads, aligned.source, aligned.target),
    version,
    stamps,
  };
}
