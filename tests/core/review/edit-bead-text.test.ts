import { describe, expect, it } from 'vitest';
import { sideText } from '../../../src/core/review/bead-side-text.js';
import { editBeadText, MAX_EDIT_LENGTH } from '../../../src/core/review/edit-bead-text.js';
import { EditReason } from '../../../src/core/review/edit-error.js';
import { setReviewStatus } from '../../../src/core/review/set-review-status.js';
import { alignmentOf, snapshot, startEditing } from './review-fixture.js';

describe('editBeadText', () => {
  const alignment = alignmentOf(3, [
    [
      [0, 1],
      [0, 1],
    ],
    [[2], []],
    [[], [2]],
  ]);

  it('stores the trimmed text for the side, keeps the status and the sentences', () => {
    const { beads, context } = startEditing(alignment);
    const approved = setReviewStatus(beads, [0], 'approved', context);
    const before = snapshot(approved);
    const edited = editBeadText(approved, 0, 'target', '  en zero.\tEn one, corrected.\n', { ...context, version: 3 });
    expect(edited[0]).toMatchObject({
      source: [0, 1],
      target: [0, 1],
      status: 'approved',
      sourceText: null,
      targetText: 'en zero.\tEn one, corrected.',
      changedIn: 3,
    });
    const [first] = edited;
    if (first === undefined) throw new Error('the edit kept every bead');
    expect(sideText(first, 'target', alignment.target)).toBe('en zero.\tEn one, corrected.');
    expect(sideText(first, 'source', alignment.source)).toBe('fr 0. fr 1.');
    expect(approved).toEqual(before);
  });

  it('clears the edit when the text is the original again', () => {
    const { beads, context } = startEditing(alignment);
    const edited = editBeadText(beads, 0, 'source', 'typo', context);
    expect(editBeadText(edited, 0, 'source', ' fr 0. fr 1. ', context)[0]?.sourceText).toBeNull();
  });

  it.each([
    ['an empty text', '   ', EditReason.badText],
    ['a NUL', 'a\u0000b', EditReason.badText],
    ['a vertical tab', 'a\u000bb', EditReason.badText],
    ['U+FFFF', 'a\uffffb', EditReason.badText],
    ['a text too long', 'x'.repeat(MAX_EDIT_LENGTH + 1), EditReason.badText],
  ])('refuses %s', (_case, text, reason) => {
    const { beads, context } = startEditing(alignment);
    expect(() => editBeadText(beads, 0, 'source', text, context)).toThrow(expect.objectContaining({ reason }));
  });

  it('refuses to edit a side with no sentence, and a bead that does not exist', () => {
    const { beads, context } = startEditing(alignment);
    expect(() => editBeadText(beads, 1, 'target', 'x', context)).toThrow(
      expect.objectContaining({ reason: EditReason.emptySide }),
    );
    expect(() => editBeadText(beads, 3, 'target', 'x', context)).toThrow(
      expect.objectContaining({ reason: EditReason.beadOutOfRange }),
    );
  });

  it('accepts the longest text allowed', () => {
    const { beads, context } = startEditing(alignment);
    expect(editBeadText(beads, 1, 'source', 'y'.repeat(MAX_EDIT_LENGTH), context)[1]?.sourceText).toHaveLength(
      MAX_EDIT_LENGTH,
    );
  });
});
