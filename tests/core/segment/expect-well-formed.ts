import { expect } from 'vitest';
import type { TextPiece } from '../../../src/core/segment/split-sentences.js';

/** Asserts the contract every split must keep, whatever the input: exact concatenation and consistent ranges. */
export function expectWellFormed(input: string, pieces: readonly TextPiece[]): void {
  expect(pieces.map((piece) => piece.raw).join('')).toBe(input);
  let position = 0;
  for (const [index, piece] of pieces.entries()) {
    expect(piece.range.start).toBe(position);
    expect(input.slice(piece.range.start, piece.range.end)).toBe(piece.raw);
    expect(piece.text).toBe(piece.raw.trim());
    // Only the first piece may start with white space, and only a blank input gives an empty text.
    if (index > 0) expect(piece.raw).toMatch(/^\S/);
    if (pieces.length > 1) expect(piece.text).not.toBe('');
    position = piece.range.end;
  }
  expect(position).toBe(input.length);
}
