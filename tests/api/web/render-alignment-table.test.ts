import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { AlignmentGroup } from '../../../src/api/web/build-alignment-rows.js';
import { renderAlignmentTable } from '../../../src/api/web/render-alignment-table.js';
import { makeContext } from './review-fixture.js';

// Paragraph 1 of a resolution in Arabic and English, and an Arabic sentence with no English counterpart.
const group: AlignmentGroup = {
  bead: 0,
  label: '1',
  shape: '1-1',
  method: 'label',
  confidence: 0.98,
  classes: [],
  missingLanguage: null,
  tokens: null,
  problem: false,
  rows: [
    {
      bead: 0,
      shape: '1-1',
      left: 'تحيط علما بتقرير الأمين العام.',
      right: 'Takes note of the report of the Secretary-General.',
      confidence: 0.98,
      classes: [],
      missingLanguage: null,
      problem: false,
    },
    {
      bead: 1,
      shape: '1-0',
      left: 'وتقرر أن تبقي المسألة قيد نظرها.',
      right: '',
      confidence: 0.4,
      classes: [],
      missingLanguage: 'en',
      problem: true,
    },
  ],
};

describe('renderAlignmentTable with a right-to-left language', () => {
  it.each([
    ['en', 'Arabic', 'nothing in English'],
    ['fr', 'Arabe', 'rien en anglais'],
  ] as const)('names the columns in %s and lets each text cell take its own direction', (language, title, nothing) => {
    const columns = { left: 'ar', right: 'en', leftIsSource: true };
    const $ = cheerio.load(`${renderAlignmentTable(makeContext(language), [group], columns, 0.5)}`);
    expect($('th[lang="ar"]').text()).toBe(title);
    const cells = $('td.text[lang]');
    expect(cells.map((_i, cell) => `${$(cell).attr('lang')} ${$(cell).attr('dir')}`).get()).toEqual([
      'ar auto',
      'en auto',
      'ar auto',
    ]);
    expect($('td.empty-side').text()).toContain(nothing);
  });
});
