/** The first version of a pair: the aligner's sentence beads, every one pending and unedited. */
import type { ScoredBead } from '../model.js';
import { ReviewStatus, type ReviewBead } from './review-model.js';

/** `sentences` as beads of version `version`, pending, unedited, changed in that version. */
export function startReview(sentences: readonly ScoredBead[], version: number): ReviewBead[] {
  return sentences.map((bead) => ({
    source: [...bead.source],
    target: [...bead.target],
    confidence: bead.confidence,
    status: ReviewStatus.pending,
    sourceText: null,
    targetText: null,
    changedIn: version,
  }));
}
