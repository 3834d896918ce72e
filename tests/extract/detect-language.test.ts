import { describe, expect, it } from 'vitest';
import { detectLanguage, MIN_LETTERS_FOR_DETECTION } from '../../src/extract/detect-language.js';

const english = 'The Secretariat received requests for assistance from Member States during the reporting period. ';

/** `text` cut right after its `count`-th letter. */
function withLetters(text: string, count: number): string {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\p{L}/u.test(text[i] ?? '')) seen += 1;
    if (seen === count) return text.slice(0, i + 1);
  }
  throw new Error(`fewer than ${count} letters`);
}

describe('detectLanguage', () => {
  const long = english.repeat(20);

  it('tells from the letters alone when there are enough of them, digits and spaces not counted', () => {
    const padded = (text: string): string => `${'1 2 3 '.repeat(100)}${text}`;
    expect(detectLanguage(padded(withLetters(long, MIN_LETTERS_FOR_DETECTION - 1)))).toBeNull();
    expect(detectLanguage(padded(withLetters(long, MIN_LETTERS_FOR_DETECTION)))).toBe('en');
  });

  it('names the language of a long document', () => {
    expect(detectLanguage(english.repeat(2000))).toBe('en');
    expect(
      detectLanguage('Le Secrétariat a reçu des demandes d’assistance émanant d’États Membres. '.repeat(2000)),
    ).toBe('fr');
  });
});
