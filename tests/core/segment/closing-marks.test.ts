import { describe, expect, it } from 'vitest';
import { extendOverClosingMarks, isOpenBefore } from '../../../src/core/segment/closing-marks.js';

/** Where the sentence ending at the first "|" really ends, shown as a second "|" in the text without the first. */
function extended(marked: string): string {
  const end = marked.indexOf('|');
  const text = marked.replace('|', '');
  const position = extendOverClosingMarks(text, end, 0);
  return `${text.slice(0, position)}|${text.slice(position)}`;
}

describe('extendOverClosingMarks', () => {
  it.each([
    ['« Non.| » Puis', '« Non. »| Puis'],
    ['« Non.|\u00a0» Puis', '« Non.\u00a0»| Puis'],
    ['« Non !| ». Puis', '« Non ! ».| Puis'],
    ['He said "No.|" Then', 'He said "No."| Then'],
    ['She said “Never.|” Then', 'She said “Never.”| Then'],
    ['(See above.|) The', '(See above.)| The'],
    ['(See (a) above.|)) The', '(See (a) above.))| The'],
    ["sur << L'innovation.| >> Le", "sur << L'innovation. >>| Le"],
    ['Er sagte »Nein.|« Dann', 'Er sagte »Nein.«| Dann'],
    ['Er sagte „Nein.|“ Dann', 'Er sagte „Nein.“| Dann'],
    // a spaced closing mark with nothing open closes only when no word follows it
    ['fin .| » Ensuite', 'fin . »| Ensuite'],
    ['fin.| »Ensuite', 'fin.| »Ensuite'],
    // opening marks are left to the next sentence
    ['Fin.| « Début', 'Fin.| « Début'],
    ['End.| “Start', 'End.| “Start'],
    ['End.| "Start', 'End.| "Start'],
    ['End.|', 'End.|'],
  ])('%j → %j', (marked, expected) => {
    expect(extended(marked)).toBe(expected);
  });
});

describe('isOpenBefore', () => {
  it.each([
    ['« a', '»', true],
    ['« a » b', '»', false],
    ['"a', '"', true],
    ['"a" b', '"', false],
    ['(a) (b', ')', true],
    ['<< a', '>>', true],
    ['a', ')', false],
  ])('%j before %j: %s', (text, closing, expected) => {
    expect(isOpenBefore(text, 0, text.length, closing)).toBe(expected);
  });
});
