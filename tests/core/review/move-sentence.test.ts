import { describe, expect, it } from 'vitest';
import { editBeadText } from '../../../src/core/review/edit-bead-text.js';
import { EditReason } from '../../../src/core/review/edit-error.js';
import { moveSentence } from '../../../src/core/review/move-sentence.js';
import { alignmentOf, shapes, snapshot, startEditing } from './review-fixture.js';

describe('moveSentence', () => {
  const alignment = alignmentOf(4, [
    [[0], [0]],
    [
      [1, 2],
      [1, 2],
    ],
    [[3], [3]],
  ]);

  it.each([
    [
      'source',
      'previous',
      [
        [[0, 1], [0]],
        [[2], [1, 2]],
        [[3], [3]],
      ],
    ],
    [
      'source',
      'next',
      [
        [[0], [0]],
        [[1], [1, 2]],
        [[2, 3], [3]],
      ],
    ],
    [
      'target',
      'previous',
      [
        [[0], [0, 1]],
        [[1, 2], [2]],
        [[3], [3]],
      ],
    ],
    [
      'target',
      'next',
      [
        [[0], [0]],
        [[1, 2], [1]],
        [[3], [2, 3]],
      ],
    ],
  ] as const)('moves the edge %s sentence of bead 1 to the %s bead', (side, to, expected) => {
    const { beads, context } = startEditing(alignment);
    const before = snapshot(beads);
    const moved = moveSentence(beads, 1, side, to, context);
    expect(shapes(moved)).toEqual(expected);
    const touched = to === 'previous' ? [0, 1] : [1, 2];
    for (const index of touched) expect(moved[index]).toMatchObject({ status: 'pending', changedIn: 2 });
    expect(beads).toEqual(before);
  });

  it('drops a bead left with no sentence: moving the lone sentence of a 1-0 bead joins it to its neighbour', () => {
    const { beads, context } = startEditing(
      alignmentOf(3, [
        [[0], [0]],
        [[1], []],
        [[2], [1, 2]],
      ]),
    );
    expect(shapes(moveSentence(beads, 1, 'source', 'next', context))).toEqual([
      [[0], [0]],
      [
        [1, 2],
        [1, 2],
      ],
    ]);
    expect(shapes(moveSentence(beads, 1, 'source', 'previous', context))).toEqual([
      [[0, 1], [0]],
      [[2], [1, 2]],
    ]);
  });

  it.each([
    [0, 'source', 'previous', EditReason.noNeighbour],
    [2, 'target', 'next', EditReason.noNeighbour],
    [3, 'target', 'next', EditReason.beadOutOfRange],
  ] as const)('refuses bead %i %s to %s (%s)', (bead, side, to, reason) => {
    const { beads, context } = startEditing(alignment);
    expect(() => moveSentence(beads, bead, side, to, context)).toThrow(expect.objectContaining({ reason }));
  });

  it('refuses to move from an empty side', () => {
    const { beads, context } = startEditing(
      alignmentOf(2, [
        [[0], [0]],
        [[1], []],
        [[], [1]],
      ]),
    );
    expect(() => moveSentence(beads, 1, 'target', 'previous', context)).toThrow(
      expect.objectContaining({ reason: EditReason.nothingToMove }),
    );
  });

  it('refuses to change the sentences of an edited side, on either bead', () => {
    const { beads, context } = startEditing(alignment);
    const edited = editBeadText(beads, 0, 'source', 'fr zero, corrected.', context);
    expect(() => moveSentence(edited, 1, 'source', 'previous', context)).toThrow(
      expect.objectContaining({ reason: EditReason.editedSide, values: { bead: 0, side: 'source' } }),
    );
    // The other side is free to move.
    expect(shapes(moveSentence(edited, 1, 'target', 'previous', context))[0]).toEqual([[0], [0, 1]]);
  });
});
