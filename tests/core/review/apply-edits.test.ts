import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/review/apply-edits.js';
import { EditError, EditReason } from '../../../src/core/review/edit-error.js';
import { findCoverageProblem } from '../../../src/core/review/find-coverage-problem.js';
import type { EditOp, ReviewBead } from '../../../src/core/review/review-model.js';
import { alignmentOf, oneToOne, shapes, snapshot, startEditing } from './review-fixture.js';
import { pseudoRandom } from '../../../harness/pseudo-random.js';

function refusal(run: () => unknown): EditError {
  try {
    run();
  } catch (error) {
    if (error instanceof EditError) return error;
    throw error;
  }
  throw new Error('the edits were applied');
}

describe('applyEdits', () => {
  const alignment = alignmentOf(6, oneToOne(6));

  it('applies operations in order, each to the result of the ones before', () => {
    const { beads, context } = startEditing(alignment);
    const edited = applyEdits(
      beads,
      [
        { op: 'merge', bead: 0 },
        // Bead 1 is now the third sentence pair: the merge made beads 0 and 1 one.
        { op: 'merge', bead: 1 },
        { op: 'approve', beads: [0, 1] },
      ],
      context,
    );
    expect(shapes(edited)).toEqual([
      [
        [0, 1],
        [0, 1],
      ],
      [
        [2, 3],
        [2, 3],
      ],
      [[4], [4]],
      [[5], [5]],
    ]);
    expect(edited.map((bead) => bead.status)).toEqual(['approved', 'approved', 'pending', 'pending']);
    expect(edited.map((bead) => bead.changedIn)).toEqual([2, 2, 1, 1]);
  });

  it('is all or nothing: an invalid operation names its index and leaves the beads as they were', () => {
    const { beads, context } = startEditing(alignment);
    const before = snapshot(beads);
    const error = refusal(() =>
      applyEdits(
        beads,
        [
          { op: 'merge', bead: 0 },
          { op: 'approve', beads: [1] },
          { op: 'merge', bead: 4 },
        ],
        context,
      ),
    );
    expect(error).toMatchObject({ opIndex: 2, op: 'merge', reason: EditReason.mergeLast, code: 'EDIT_INVALID' });
    expect(error.message).toBe('Operation 2 (merge): bead 4 is the last bead; nothing follows it to merge with');
    expect(beads).toEqual(before);
  });

  it('refuses undo among other operations (the service undoes, from the versions it keeps)', () => {
    const { beads, context } = startEditing(alignment);
    const error = refusal(() => applyEdits(beads, [{ op: 'approve', beads: [0] }, { op: 'undo' }], context));
    expect(error).toMatchObject({ opIndex: 1, reason: EditReason.undoNotAlone });
  });

  it('keeps every sentence of both sides in exactly one bead, in order, over a long random session', () => {
    const uneven = alignmentOf(40, [
      [[0, 1], [0]],
      [[2], [1, 2]],
      [[], [3]],
      [[3], []],
      ...Array.from({ length: 36 }, (_, i): [number[], number[]] => [[i + 4], [i + 4]]),
    ]);
    let { beads } = startEditing(uneven);
    // A fixed pseudo-random sequence: the same session on every run, and a failure can be replayed.
    const next = pseudoRandom(17);
    let applied = 0;
    let refused = 0;
    for (let step = 0; step < 2000; step++) {
      const bead = next(beads.length + 1);
      const side = next(2) === 0 ? 'source' : 'target';
      const candidates: EditOp[] = [
        { op: 'merge', bead },
        { op: 'split', bead, source: next(3), target: next(3) },
        { op: 'move', bead, side, to: next(2) === 0 ? 'previous' : 'next' },
        { op: 'edit', bead, side, text: `edited ${step}` },
        { op: 'approve', beads: [bead] },
      ];
      const op = candidates[next(candidates.length)] as EditOp;
      const context = { source: uneven.source, target: uneven.target, version: step + 2 };
      try {
        const after: ReviewBead[] = applyEdits(beads, [op], context);
        expect(findCoverageProblem(after, 40, 40), JSON.stringify(op)).toBeNull();
        beads = after;
        applied += 1;
      } catch (error) {
        expect(error, JSON.stringify(op)).toBeInstanceOf(EditError);
        refused += 1;
      }
    }
    // Both kinds happened often enough for the invariant to mean something.
    expect(applied).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(100);
  });
});

describe('findCoverageProblem', () => {
  it.each([
    [
      'a sentence twice',
      [
        { source: [0], target: [0] },
        { source: [0, 1], target: [1] },
      ],
      'holds source sentence 0',
    ],
    [
      'a sentence skipped',
      [
        { source: [0], target: [0] },
        { source: [2], target: [1] },
      ],
      'holds source sentence 2',
    ],
    [
      'out of order',
      [
        { source: [1], target: [0] },
        { source: [0], target: [1] },
      ],
      'holds source sentence 1',
    ],
    [
      'an empty bead',
      [
        { source: [0, 1], target: [0, 1] },
        { source: [], target: [] },
      ],
      'bead 1 has no sentence',
    ],
    ['a sentence left out', [{ source: [0], target: [0, 1] }], 'cover 1 of 2 source sentences'],
  ])('finds %s', (_case, beads, problem) => {
    expect(findCoverageProblem(beads, 2, 2)).toContain(problem);
  });

  it('accepts one-sided beads that cover everything', () => {
    expect(
      findCoverageProblem(
        [
          { source: [0], target: [] },
          { source: [1], target: [0, 1] },
        ],
        2,
        2,
      ),
    ).toBeNull();
  });
});
