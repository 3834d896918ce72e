import { describe, expect, it } from 'vitest';
import { editBeadText } from '../../../src/core/review/edit-bead-text.js';
import { EditReason } from '../../../src/core/review/edit-error.js';
import { setReviewStatus } from '../../../src/core/review/set-review-status.js';
import { splitBead } from '../../../src/core/review/split-bead.js';
import { alignmentOf, shapes, snapshot, startEditing } from './review-fixture.js';

describe('splitBead', () => {
  // One 3-2 bead between two 1-1 beads.
  const alignment = alignmentOf(5, [
    [[0], [0]],
    [
      [1, 2, 3],
      [1, 2],
    ],
    [[4], [3, 4]],
  ]);

  it.each([
    [1, 1, [[1], [1]], [[2, 3], [2]]],
    [2, 1, [[1, 2], [1]], [[3], [2]]],
    [
      1,
      0,
      [[1], []],
      [
        [2, 3],
        [1, 2],
      ],
    ],
    [0, 2, [[], [1, 2]], [[1, 2, 3], []]],
    [3, 0, [[1, 2, 3], []], [[], [1, 2]]],
  ])('splits after %i source and %i target sentences', (source, target, first, second) => {
    const { beads, context } = startEditing(alignment);
    const approved = setReviewStatus(beads, [1], 'approved', context);
    const before = snapshot(approved);
    const split = splitBead(approved, 1, source, target, { ...context, version: 3 });
    expect(shapes(split)).toEqual([[[0], [0]], first, second, [[4], [3, 4]]]);
    expect(split.slice(1, 3).map((bead) => [bead.status, bead.changedIn, bead.confidence])).toEqual([
      ['pending', 3, approved[1]?.confidence],
      ['pending', 3, approved[1]?.confidence],
    ]);
    expect(approved).toEqual(before);
  });

  it.each([
    [0, 0, EditReason.splitPoint],
    [3, 2, EditReason.splitPoint],
    [4, 0, EditReason.splitPoint],
    [1, 3, EditReason.splitPoint],
    [-1, 1, EditReason.splitPoint],
    [1.5, 1, EditReason.splitPoint],
  ])('refuses a split after %s source and %s target sentences', (source, target, reason) => {
    const { beads, context } = startEditing(alignment);
    expect(() => splitBead(beads, 1, source, target, context)).toThrow(expect.objectContaining({ reason }));
  });

  it('refuses to divide an edited side, and lets a side that goes whole keep its edit', () => {
    const { beads, context } = startEditing(alignment);
    const edited = editBeadText(beads, 1, 'target', 'en one and two.', context);
    expect(() => splitBead(edited, 1, 1, 1, context)).toThrow(
      expect.objectContaining({ reason: EditReason.editedSide, values: { bead: 1, side: 'target' } }),
    );
    const split = splitBead(edited, 1, 1, 2, context);
    expect(split.slice(1, 3).map((bead) => [bead.sourceText, bead.targetText])).toEqual([
      [null, 'en one and two.'],
      [null, null],
    ]);
    expect(splitBead(edited, 1, 2, 0, context)[2]?.targetText).toBe('en one and two.');
  });

  it('refuses a bead that does not exist', () => {
    const { beads, context } = startEditing(alignment);
    expect(() => splitBead(beads, 3, 0, 1, context)).toThrow(
      expect.objectContaining({ reason: EditReason.beadOutOfRange }),
    );
  });
});
