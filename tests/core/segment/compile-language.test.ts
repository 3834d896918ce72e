import { describe, expect, it } from 'vitest';
import { abbreviationStem, AbbreviationKind, compileLanguage } from '../../../src/core/segment/compile-language.js';
import type { LanguageData } from '../../../src/core/segment/languages/language-data.js';

const data: LanguageData = {
  code: 'xx',
  abbreviations: ['Mr.', 'i. d. R.', 'Pt.'],
  terminalAbbreviations: ['etc.', 'Mr.'],
  numberAbbreviations: ['No.', 'Pt.'],
  monthAbbreviations: ['Jan.'],
  labelWords: ['Annex'],
  ordinalFollowers: ['Oktober'],
};

describe('abbreviationStem', () => {
  it.each([
    ['Mr.', 'Mr'],
    ['Mme', 'Mme'],
    ['p. ex.', 'p. ex'],
    [' z.  B. ', 'z. B'],
    ['U.S.', 'U.S'],
  ])('%j → %j', (abbreviation, stem) => {
    expect(abbreviationStem(abbreviation)).toBe(stem);
  });
});

describe('compileLanguage', () => {
  const compiled = compileLanguage(data);

  it.each([
    ['Mr', AbbreviationKind.never],
    ['etc', AbbreviationKind.terminal],
    ['No', AbbreviationKind.number],
    ['Jan', AbbreviationKind.number],
    ['i. d. R', AbbreviationKind.never],
    ['i. d', AbbreviationKind.never],
    // the never-ending list wins over the others
    ['Pt', AbbreviationKind.never],
  ])('%j is %s', (stem, kind) => {
    expect(compiled.abbreviations.get(stem)).toBe(kind);
  });

  it('counts the longest abbreviation in words and lower-cases label words', () => {
    expect(compiled.maxWords).toBe(3);
    expect(compiled.labelWords.has('annex')).toBe(true);
    expect(compiled.ordinalFollowers.has('Oktober')).toBe(true);
  });

  it('compiles each data object once', () => {
    expect(compileLanguage(data)).toBe(compiled);
  });
});
