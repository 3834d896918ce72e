import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../src/storage/fold-for-search.js';
import { pseudoRandom } from '../../harness/pseudo-random.js';

// The definition the store's folded columns were written with since migration 010, one regular expression a step;
// foldForSearch must give exactly what it gives, or rows folded before and after would not find each other.
function foldByDefinition(text: string): string {
  const words = text
    .replace(/\p{Script=Han}/gu, ' $& ')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  return words.length === 0 ? ' ' : ` ${words.join(' ')} `;
}

// Characters of every kind the steps treat apart: ASCII letters, digits and punctuation, accented letters precomposed
// and decomposed, marks alone, Han (a compatibility ideograph too), Hangul, other scripts' letters and digits, a
// dotted capital I, Greek sigmas (lowercase depends on the neighbours), a letter and a digit outside the BMP, a lone
// surrogate, NBSP and other spaces.
const ALPHABET = [
  ..."aZ09 .,;:'-_()%\t\n",
  ...'éÉèçÇœŒÆßﬁ',
  'e\u0301',
  '\u0301',
  '\u0327\u0308',
  ...'水质数据中文豈가',
  ...'ДжΑΒΣσςابت٣٤',
  'İ',
  '\u{1D400}',
  '\u{1D7CE}',
  '\uD800',
  '\u00A0',
  '\u202F',
  '\u3000',
];

// A fixed pseudo-random sequence, so a failure names a string that stays the same.
function* randomTexts(count: number): Generator<string> {
  const next = pseudoRandom(20_261_207);
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = next(24);
    for (let k = 0; k < length; k++) text += ALPHABET[next(ALPHABET.length)] ?? '';
    yield text;
  }
}

describe('foldForSearch', () => {
  it.each([
    ["L'État (50 %)", ' l etat 50 '],
    ['水质数据', ' 水 质 数 据 '],
    ['Plain ASCII, TEXT 42.', ' plain ascii text 42 '],
    ['e\u0301tat', ' etat '],
    ['ΟΔΟΣ ΑΣ.Β', ' οδος ασ β '],
    ['İstanbul', ' istanbul '],
    ['a\u00A0b\u202Fc', ' a b c '],
    ['\u{1D400}x \uD800y', ' \u{1D400}x y '],
    ['', ' '],
    [' ,;. ', ' '],
  ])('folds %j to %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
    expect(foldByDefinition(text)).toBe(folded);
  });

  it('gives what the definition gives on 20,000 strings of mixed scripts', () => {
    for (const text of randomTexts(20_000))
      expect(foldForSearch(text), JSON.stringify(text)).toBe(foldByDefinition(text));
  });
});
