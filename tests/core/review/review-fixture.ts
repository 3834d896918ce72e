/** Small alignments to edit: sentences that say their side and index, ten a paragraph, beads given by the test. */
import type { Alignment, ScoredBead } from '../../../src/core/model.js';
import type { EditContext } from '../../../src/core/review/edit-context.js';
import { startReview } from '../../../src/core/review/start-review.js';
import type { ReviewBead } from '../../../src/core/review/review-model.js';
import { syntheticAlignment } from '../../../harness/synthetic-alignment.js';

/** An alignment of `sentences` sentences a side ("fr 3." …, "en 3." …) whose sentence beads are `beads`. */
export function alignmentOf(sentences: number, beads: Array<[number[], number[]]>): Alignment {
  const base = syntheticAlignment(sentences, 'R', {
    sentenceText: (language, _tag, index) => `${language} ${index}.`,
    confidence: () => 0.9,
    symbol: () => 'R/1',
  });
  const scored: ScoredBead[] = beads.map(([source, target], k) => ({ source, target, confidence: 0.5 + k / 100 }));
  return { ...base, sentences: scored };
}

/** 1-1 beads over `count` sentences a side. */
export function oneToOne(count: number): Array<[number[], number[]]> {
  return Array.from({ length: count }, (_, i): [number[], number[]] => [[i], [i]]);
}

/** The version-1 beads of `alignment` and the context that makes version 2. */
export function startEditing(alignment: Alignment, version = 2): { beads: ReviewBead[]; context: EditContext } {
  return {
    beads: startReview(alignment.sentences, version - 1),
    context: { source: alignment.source, target: alignment.target, version },
  };
}

/** The beads as `[source, target]` index lists, to compare shapes. */
export function shapes(beads: readonly ReviewBead[]): Array<[number[], number[]]> {
  return beads.map((bead) => [bead.source, bead.target]);
}

/** A deep copy that vitest can compare with the original to prove it was not changed. */
export function snapshot<T>(value: T): T {
  return structuredClone(value);
}
