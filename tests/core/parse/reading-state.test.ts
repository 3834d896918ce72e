import { describe, expect, it } from 'vitest';
import type { Label } from '../../../src/core/model.js';
import { makeLabel } from '../../../src/core/parse/numbering.js';
import {
  initialReadingState,
  readFrontMatterBlock,
  readLabel,
  resolveLabel,
  type ReadingState,
} from '../../../src/core/parse/reading-state.js';

const label = (style: Label['style'], value: string): Label => makeLabel(style, value, value);

// Reads the labels in order and returns the final state with the path of each.
function readAll(labels: Label[]): { state: ReadingState; paths: Array<string | null> } {
  let state = initialReadingState;
  const paths: Array<string | null> = [];
  for (const l of labels) {
    const read = readLabel(state, l);
    state = read.state;
    paths.push(read.path);
  }
  return { state, paths };
}

describe('reading state', () => {
  it('advances the label path and opens the numbered run at a numbered paragraph', () => {
    const { state, paths } = readAll([label('upperRoman', 'II'), label('arabic', '12'), label('lowerLetter', 'a')]);
    expect(paths).toEqual(['II', '12', '12/a']);
    expect(state.numbered).toBe(true);
    expect(state.previousUpper?.value).toBe('II');
    expect(state.previousLower?.value).toBe('a');
  });

  it('closes the numbered run at a word heading and forgets the upper label at an annex', () => {
    expect(readAll([label('arabic', '1'), label('article', '5')]).state.numbered).toBe(false);
    const { state } = readAll([label('upperRoman', 'I'), label('annex', 'I')]);
    expect(state.previousUpper).toBeNull();
  });

  it.each([
    ['a footnote keeps', label('footnote', '1'), 'h'],
    ['a bullet keeps', label('bullet', ''), 'h'],
    ['a numbered paragraph clears', label('arabic', '3'), undefined],
  ])('%s the last lower label', (_, next, kept) => {
    expect(readAll([label('lowerLetter', 'h'), next]).state.previousLower?.value).toBe(kept);
  });

  it('reads "(i)" after "(h)" as a letter and at the start as a roman numeral', () => {
    const afterH = readLabel(initialReadingState, label('lowerLetter', 'h')).state;
    expect(resolveLabel(afterH, label('lowerRoman', 'i'), null).style).toBe('lowerLetter');
    expect(resolveLabel(initialReadingState, label('lowerRoman', 'i'), null).style).toBe('lowerRoman');
  });

  it('ends the title run at the first block that does not look like a title, for good', () => {
    const titles = [true, true, false, true].reduce<boolean[]>((seen, titleLike) => {
      const state = readFrontMatterBlock({ ...initialReadingState, titling: seen.at(-1) ?? true }, titleLike);
      return [...seen, state.titling];
    }, []);
    expect(titles).toEqual([true, true, false, false]);
  });
});
