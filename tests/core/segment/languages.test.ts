import { describe, expect, it } from 'vitest';
import { de } from '../../../src/core/segment/languages/de.js';
import { en } from '../../../src/core/segment/languages/en.js';
import { fr } from '../../../src/core/segment/languages/fr.js';
import { generic } from '../../../src/core/segment/languages/generic.js';
import { languageDataFor } from '../../../src/core/segment/languages/index.js';

describe('languageDataFor', () => {
  it.each([
    ['en', en],
    ['fr', fr],
    ['de', de],
    ['FR', fr],
    ['fr-CA', fr],
    ['en_GB', en],
    [' en ', en],
    ['es', generic],
    ['', generic],
  ])('%j gives %s', (code, expected) => {
    expect(languageDataFor(code)).toBe(expected);
  });
});

describe.each([en, fr, de, generic])('language data $code', (data) => {
  const lists = [
    data.abbreviations,
    data.terminalAbbreviations,
    data.numberAbbreviations,
    data.monthAbbreviations,
    data.labelWords,
    data.ordinalFollowers,
  ];

  it('holds trimmed, non-empty entries', () => {
    for (const entry of lists.flat()) expect(entry).toMatch(/^\S(?:.*\S)?$/);
  });

  it('writes label words in lower case', () => {
    for (const word of data.labelWords) expect(word).toBe(word.toLowerCase());
  });
});
