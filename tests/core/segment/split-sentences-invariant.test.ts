import { describe, expect, it } from 'vitest';
import { split } from 'sentence-splitter';
import { de } from '../../../src/core/segment/languages/de.js';
import { en } from '../../../src/core/segment/languages/en.js';
import { fr } from '../../../src/core/segment/languages/fr.js';
import { generic } from '../../../src/core/segment/languages/generic.js';
import { splitSentences } from '../../../src/core/segment/split-sentences.js';
import { expectWellFormed } from './expect-well-formed.js';

// Fragments chosen to hit every rule and its edges: stops, marks, labels, abbreviations, odd spaces.
const FRAGMENTS = [
  'The Council met',
  'le Conseil',
  ' ',
  '  ',
  '\n',
  '\u00a0',
  '\u202f',
  '\t',
  '.',
  '. ',
  '?',
  '!',
  '…',
  '...',
  ';',
  ':',
  ',',
  '«',
  '»',
  '« ',
  ' »',
  '<<',
  '>>',
  '"',
  '“',
  '”',
  '„',
  '(',
  ')',
  '[',
  ']',
  "'",
  '’',
  'Mr.',
  'M.',
  'p. ex.',
  'z. B.',
  'etc.',
  'No.',
  'para.',
  'art.',
  "l'art.",
  'Jan.',
  'U.S.',
  'a.m.',
  'G.O.',
  'J.',
  'I.',
  'IV.G.',
  '12.',
  '3.5',
  '1 000,5',
  '1,000.5',
  '15.10.2018',
  'A/RES/70/1',
  'A/70/1/Corr.',
  '(a)',
  'a)',
  'c.',
  '2015',
  'Puis',
  'then',
  'Éric',
  'été',
  '_',
  '-',
  '—',
  'x',
  'Y',
  '0',
];

/** A small seeded generator, so every run tests the same inputs. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomTexts(seed: number, count: number): string[] {
  const next = generator(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = Math.floor(next() * 40);
    let text = '';
    for (let j = 0; j < length; j++) {
      text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] ?? '';
      if (next() < 0.5) text += ' ';
    }
    texts.push(text);
  }
  return texts;
}

describe('splitSentences invariant', () => {
  it.each([
    ['en', en, 1],
    ['fr', fr, 2],
    ['de', de, 3],
    ['generic', generic, 4],
  ] as const)('keeps raws concatenating to the input and ranges consistent (%s)', (_name, language, seed) => {
    for (const text of randomTexts(seed, 3000)) expectWellFormed(text, splitSentences(text, language));
  });

  it('splits the random texts somewhere, so the invariant test exercises boundaries', () => {
    const counts = randomTexts(1, 300).map((text) => splitSentences(text, en).length);
    expect(Math.max(...counts)).toBeGreaterThan(5);
  });

  it('agrees with sentence-splitter on plain prose without traps', () => {
    const text =
      'The Committee met in Geneva. It adopted its agenda! Did it elect a Chair? It did so without a vote. ' +
      'The report was then introduced by the Secretariat. Delegations welcomed it.';
    const reference = split(text)
      .filter((node) => node.type === 'Sentence')
      .map((node) => node.raw);
    expect(splitSentences(text, en).map((piece) => piece.text)).toEqual(reference);
  });
});
