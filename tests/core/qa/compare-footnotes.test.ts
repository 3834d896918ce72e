import { describe, expect, it } from 'vitest';
import { compareFootnotes, findReferences } from '../../../src/core/qa/compare-footnotes.js';
import { makeDocument, note, plain } from './make-alignment.js';

describe('findReferences', () => {
  it.each([
    ['Item 2 (b) of the provisional agenda*', ['*']],
    ['the Protocol.** It', ['**']],
    ['as stated in the report,¹ and in the annex²³', ['1', '23']],
    ['as stated in the report[^4] and', ['4']],
    ['5 * 3 is not a reference, nor is a lone *', []],
    ['no reference here', []],
  ])('finds in %j the markers %j', (text, markers) => {
    expect(findReferences(text)).toEqual(markers);
  });
});

describe('compareFootnotes', () => {
  it('matches footnotes by marker, not by printed form or position', () => {
    const source = makeDocument('en', [plain('Text.*'), note('*', 'A.'), note('1', 'B.')]);
    const target = makeDocument('fr', [plain('Texte*'), note('1', 'B.'), note('*', 'A.')]);
    expect(compareFootnotes(source, target)).toMatchObject({ sourceOnly: [], targetOnly: [], match: true });
  });

  it('reports a marker used twice on one side only', () => {
    const source = makeDocument('en', [note('*', 'A.'), note('*', 'B.')]);
    const target = makeDocument('fr', [note('*', 'A.')]);
    expect(compareFootnotes(source, target)).toMatchObject({
      counts: { source: 2, target: 1 },
      sourceOnly: [{ marker: '*', block: 1 }],
      match: false,
    });
  });

  it('reports references on one side only, once per extra reference', () => {
    const source = makeDocument('en', [plain('One* and two** and three*')]);
    const target = makeDocument('fr', [plain('Un* et deux**')]);
    expect(compareFootnotes(source, target).references).toEqual({
      source: 3,
      target: 2,
      sourceOnly: ['*'],
      targetOnly: [],
    });
  });
});
