import { describe, expect, it } from 'vitest';
import { editBeadText } from '../../../src/core/review/edit-bead-text.js';
import { EditReason } from '../../../src/core/review/edit-error.js';
import { mergeBeads } from '../../../src/core/review/merge-beads.js';
import { setReviewStatus } from '../../../src/core/review/set-review-status.js';
import { alignmentOf, oneToOne, shapes, snapshot, startEditing } from './review-fixture.js';

describe('mergeBeads', () => {
  const alignment = alignmentOf(4, [
    [[0], [0, 1]],
    [[1, 2], []],
    [[3], [2, 3]],
  ]);

  it('joins bead i and i + 1, both sides in order, as a pending bead of the new version', () => {
    const { beads, context } = startEditing(alignment);
    const approved = setReviewStatus(beads, [0, 1], 'approved', context);
    const before = snapshot(approved);
    const merged = mergeBeads(approved, 0, { ...context, version: 3 });
    expect(shapes(merged)).toEqual([
      [
        [0, 1, 2],
        [0, 1],
      ],
      [[3], [2, 3]],
    ]);
    expect(merged[0]).toMatchObject({ status: 'pending', changedIn: 3, sourceText: null, targetText: null });
    // The less sure of the two: a hand-made bead is no surer than its parts until approved.
    expect(merged[0]?.confidence).toBe(Math.min(beads[0]?.confidence ?? 0, beads[1]?.confidence ?? 0));
    expect(merged[1]).toBe(approved[2]);
    expect(approved).toEqual(before);
  });

  it('keeps an edit: the merged side reads as the two did, one after the other', () => {
    const { beads, context } = startEditing(alignment);
    const edited = editBeadText(beads, 1, 'source', 'fr one and two, corrected.', context);
    const merged = mergeBeads(edited, 0, context);
    expect(merged[0]?.sourceText).toBe('fr 0. fr one and two, corrected.');
    expect(merged[0]?.targetText).toBeNull();
  });

  it.each([
    [2, EditReason.mergeLast],
    [3, EditReason.beadOutOfRange],
    [-1, EditReason.beadOutOfRange],
    [0.5, EditReason.beadOutOfRange],
  ])('refuses bead %s (%s)', (bead, reason) => {
    const { beads, context } = startEditing(alignment);
    expect(() => mergeBeads(beads, bead, context)).toThrow(expect.objectContaining({ reason }));
  });

  it('merges the last two of many', () => {
    const { beads, context } = startEditing(alignmentOf(3, oneToOne(3)));
    expect(shapes(mergeBeads(beads, 1, context))).toEqual([
      [[0], [0]],
      [
        [1, 2],
        [1, 2],
      ],
    ]);
  });
});
