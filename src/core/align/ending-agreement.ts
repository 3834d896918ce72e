/**
 * What the marks ending two sentences say about their being translations of each other, learned from the pair
 * itself: a question ends with "?" in both languages and a lead-in with ":", while a translator who turns ";"
 * into "." does so throughout. The table holds, for each pair of ending classes, the log-likelihood ratio of
 * seeing it at the end of a confident first-pass bead against seeing it in two sentences drawn independently
 * from each side. A bead scores the entry of its last sentences: a 2-2 bead that hides a question answered by a
 * question gives up the evidence its two 1-1 beads would have had.
 */
import { SENTENCE_ENDINGS } from './features.js';

const CLASSES = SENTENCE_ENDINGS.length;
/**
 * Weight, in training beads, of the prior that endings are independent: a pair of classes seen a few times is
 * pulled towards a ratio of 1, so rare marks (one sentence ending with "," on a side) say little either way.
 */
const INDEPENDENCE_PRIOR = 20;
/** Fewer training beads than this teach nothing reliable. */
const MIN_TRAINING = 20;

/** Log-likelihood ratios by `source class * SENTENCE_ENDINGS.length + target class`. */
export type EndingAgreement = Float64Array;

/** Learns the table from pairs of sentence indices taken to be translations; null when there are too few. */
export function learnEndingAgreement(
  sourceEndings: Uint8Array,
  targetEndings: Uint8Array,
  pairs: readonly { source: number; target: number }[],
): EndingAgreement | null {
  if (pairs.length < MIN_TRAINING) return null;
  const sourceShare = shares(sourceEndings);
  const targetShare = shares(targetEndings);
  const joint = new Float64Array(CLASSES * CLASSES);
  for (let s = 0; s < CLASSES; s++) {
    for (let t = 0; t < CLASSES; t++)
      joint[s * CLASSES + t] = INDEPENDENCE_PRIOR * (sourceShare[s] as number) * (targetShare[t] as number);
  }
  for (const { source, target } of pairs) {
    const cell = (sourceEndings[source] as number) * CLASSES + (targetEndings[target] as number);
    joint[cell] = (joint[cell] as number) + 1;
  }
  const total = pairs.length + INDEPENDENCE_PRIOR;
  return joint.map((count, cell) => {
    const chance = (sourceShare[Math.floor(cell / CLASSES)] as number) * (targetShare[cell % CLASSES] as number);
    return Math.log(count / total / chance);
  });
}

// Share of each class among a side's sentences, smoothed so that no class has probability 0.
function shares(endings: Uint8Array): Float64Array {
  const counts = new Float64Array(CLASSES).fill(0.5);
  for (const e of endings) counts[e] = (counts[e] as number) + 1;
  const total = endings.length + 0.5 * CLASSES;
  return counts.map((c) => c / total);
}
