import { describe, expect, it } from 'vitest';
import { ar } from '../../../src/core/segment/languages/ar.js';
import { de } from '../../../src/core/segment/languages/de.js';
import { en } from '../../../src/core/segment/languages/en.js';
import { es } from '../../../src/core/segment/languages/es.js';
import { fr } from '../../../src/core/segment/languages/fr.js';
import { generic } from '../../../src/core/segment/languages/generic.js';
import { languageDataFor } from '../../../src/core/segment/languages/index.js';
import { ru } from '../../../src/core/segment/languages/ru.js';
import { zh } from '../../../src/core/segment/languages/zh.js';

describe('languageDataFor', () => {
  it.each([
    ['en', en],
    ['fr', fr],
    ['de', de],
    ['FR', fr],
    ['fr-CA', fr],
    ['en_GB', en],
    [' en ', en],
    ['es', es],
    ['ru', ru],
    ['ar', ar],
    ['zh', zh],
    ['zh-Hans', zh],
    ['pt', generic],
    ['', generic],
  ])('%j gives %s', (code, expected) => {
    expect(languageDataFor(code)).toBe(expected);
  });
});

describe.each([en, fr, de, es, ru, ar, zh, generic])('language data $code', (data) => {
  const lists = [
    data.abbreviations,
    data.terminalAbbreviations,
    data.numberAbbreviations,
    data.monthAbbreviations,
    data.labelWords,
    data.ordinalFollowers,
    data.extraStops ?? [],
    data.unspacedStops ?? [],
  ];

  it('holds trimmed, non-empty entries', () => {
    for (const entry of lists.flat()) expect(entry).toMatch(/^\S(?:.*\S)?$/);
  });

  it('writes label words in lower case', () => {
    for (const word of data.labelWords) expect(word).toBe(word.toLowerCase());
  });
});
