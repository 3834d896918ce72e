/**
 * `npm run bench:shifts`: aligns every renumbered variant of the corpora/ pairs (numbering-variants.ts) and
 * prints, over all of them, how many beads reach confidence 0.9, how many of those are right (strict: the gold
 * bead itself) and how many pair sentences of paragraphs the gold does not pair.
 */
import type { Alignment, Bead } from '../src/core/model.js';
import { loadCorpusCases } from './corpora.js';
import { buildNumberingVariants, type NumberingVariant } from './numbering-variants.js';

/** What the beads at or above a confidence say against a variant's gold. */
export interface VariantScore {
  /** Beads at or above the threshold, left aside those with a sentence the gold cannot name (splitter differs). */
  confident: number;
  /** Of them, beads that are a gold bead. */
  correct: number;
  /** Of them, beads that link a sentence to one of a paragraph the gold does not pair with its own. */
  wrongParagraphs: Bead[];
}

const key = (bead: Bead): string => `${bead.source.join(',')}:${bead.target.join(',')}`;

/** Scores the beads of `alignment` at confidence `threshold` or more against the variant's gold. */
export function scoreVariant(variant: NumberingVariant, alignment: Alignment, threshold = 0.9): VariantScore {
  const gold = new Set(variant.gold.map(key));
  const blockOf = (side: 'source' | 'target', sentence: number): number =>
    alignment[side].sentences[sentence]?.block ?? -1;
  // Block pairs the gold links: a sentence of one paired with a sentence of the other in some gold bead.
  const pairs = new Set<string>();
  for (const bead of variant.gold)
    for (const i of bead.source)
      for (const j of bead.target) if (i >= 0 && j >= 0) pairs.add(`${blockOf('source', i)}:${blockOf('target', j)}`);
  const judged = {
    source: new Set(variant.gold.flatMap((bead) => bead.source)),
    target: new Set(variant.gold.flatMap((bead) => bead.target)),
  };
  let confident = 0;
  let correct = 0;
  const wrongParagraphs: Bead[] = [];
  for (const bead of alignment.sentences) {
    if (bead.confidence < threshold) continue;
    if (!bead.source.every((i) => judged.source.has(i)) || !bead.target.every((j) => judged.target.has(j))) continue;
    confident += 1;
    if (gold.has(key(bead))) correct += 1;
    const wrong = bead.source.some((i) =>
      bead.target.some((j) => !pairs.has(`${blockOf('source', i)}:${blockOf('target', j)}`)),
    );
    if (wrong) wrongParagraphs.push(bead);
  }
  return { confident, correct, wrongParagraphs };
}

/** Every variant of every corpora/ pair. */
export async function loadAllVariants(): Promise<NumberingVariant[]> {
  return (await loadCorpusCases()).flatMap(buildNumberingVariants);
}
