/**
 * What a change did to an alignment, in one line for a bench's output: other beads, or the same beads with how many
 * confidences moved and by how much at most.
 */
import type { Bead } from '../src/core/model.js';

/** A bead with the confidence an alignment or a links file gives it (none counts as 0). */
type RatedBead = Bead & { confidence?: number };

/** "identical", "same beads, N confidences moved (at most X)" or "DIFFERENT beads". */
export function describeAlignmentChange(before: readonly RatedBead[], now: readonly RatedBead[]): string {
  const sides = (beads: readonly RatedBead[]): string =>
    JSON.stringify(beads.map((bead) => [bead.source, bead.target]));
  if (sides(before) !== sides(now)) return 'DIFFERENT beads';
  let moved = 0;
  let largest = 0;
  before.forEach((bead, k) => {
    const change = Math.abs((bead.confidence ?? 0) - (now[k]?.confidence ?? 0));
    if (change > 0) moved += 1;
    largest = Math.max(largest, change);
  });
  return moved === 0 ? 'identical' : `same beads, ${moved} confidences moved (at most ${largest.toPrecision(2)})`;
}
