import { describe, expect, it } from 'vitest';
import { EditReason } from '../../../src/core/review/edit-error.js';
import { setReviewStatus } from '../../../src/core/review/set-review-status.js';
import { alignmentOf, oneToOne, snapshot, startEditing } from './review-fixture.js';

describe('setReviewStatus', () => {
  const alignment = alignmentOf(4, oneToOne(4));

  it('sets the status of each bead named, once however often named, and nothing else', () => {
    const { beads, context } = startEditing(alignment);
    const before = snapshot(beads);
    const approved = setReviewStatus(beads, [2, 0, 2], 'approved', context);
    expect(approved.map((bead) => bead.status)).toEqual(['approved', 'pending', 'approved', 'pending']);
    expect(approved.map((bead) => bead.changedIn)).toEqual([2, 1, 2, 1]);
    expect(approved[1]).toBe(beads[1]);
    const rejected = setReviewStatus(approved, [0], 'rejected', { ...context, version: 3 });
    expect(rejected[0]).toMatchObject({ status: 'rejected', changedIn: 3 });
    expect(beads).toEqual(before);
  });

  it.each([
    [[], EditReason.noBeads],
    [[4], EditReason.beadOutOfRange],
    [[0, -1], EditReason.beadOutOfRange],
  ])('refuses %j', (indices, reason) => {
    const { beads, context } = startEditing(alignment);
    expect(() => setReviewStatus(beads, indices, 'approved', context)).toThrow(expect.objectContaining({ reason }));
  });
});
