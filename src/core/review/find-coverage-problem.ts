/** The invariant every version keeps: each sentence of both sides in exactly one bead, in order, no empty bead. */
import type { Bead } from '../model.js';

/**
 * What breaks the invariant, in one English sentence, or null when `beads` cover sentences `0 … sourceCount - 1` and
 * `0 … targetCount - 1` once each, in increasing order, with no bead empty on both sides.
 */
export function findCoverageProblem(beads: readonly Bead[], sourceCount: number, targetCount: number): string | null {
  const next = { source: 0, target: 0 };
  for (const [position, bead] of beads.entries()) {
    if (bead.source.length === 0 && bead.target.length === 0) return `bead ${position} has no sentence`;
    for (const side of ['source', 'target'] as const) {
      for (const index of bead[side]) {
        if (index !== next[side]) return `bead ${position} holds ${side} sentence ${index} where ${next[side]} was due`;
        next[side] += 1;
      }
    }
  }
  if (next.source !== sourceCount) return `the beads cover ${next.source} of ${sourceCount} source sentences`;
  if (next.target !== targetCount) return `the beads cover ${next.target} of ${targetCount} target sentences`;
  return null;
}
