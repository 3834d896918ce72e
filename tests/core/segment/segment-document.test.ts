import { describe, expect, it } from 'vitest';
import type { Block, BlockKind, ParsedDocument } from '../../../src/core/model.js';
import { segmentDocument } from '../../../src/core/segment/segment-document.js';

function block(index: number, kind: BlockKind, text: string): Block {
  return { index, kind, label: null, path: null, text, raw: text, range: { start: 0, end: text.length } };
}

function documentOf(language: string, blocks: readonly [BlockKind, string][]): ParsedDocument {
  return {
    language,
    blocks: blocks.map(([kind, text], index) => block(index, kind, text)),
    meta: {
      symbol: null,
      distribution: null,
      date: null,
      originalLanguage: null,
      session: null,
      agendaItem: null,
      title: null,
    },
  };
}

describe('segmentDocument', () => {
  const doc = documentOf('fr', [
    ['title', 'Note du Secrétariat'],
    ['paragraph', 'M. Dupont a ouvert la séance. « Non. » Puis il est parti.'],
    ['paragraph', ' \n '],
    ['heading', 'Introduction'],
    ['tableRow', 'Point 1\tAdoption de l’ordre du jour'],
    ['subparagraph', 'Voir l’art. 3. Le Conseil a décidé.'],
  ]);
  const segmented = segmentDocument(doc);

  it('numbers sentences across the document and records their block', () => {
    expect(segmented.sentences.map((sentence) => [sentence.index, sentence.block, sentence.text])).toEqual([
      [0, 0, 'Note du Secrétariat'],
      [1, 1, 'M. Dupont a ouvert la séance.'],
      [2, 1, '« Non. »'],
      [3, 1, 'Puis il est parti.'],
      [4, 3, 'Introduction'],
      [5, 4, 'Point 1\tAdoption de l’ordre du jour'],
      [6, 5, 'Voir l’art. 3.'],
      [7, 5, 'Le Conseil a décidé.'],
    ]);
  });

  it('gives a blank block no sentence', () => {
    expect(segmented.sentences.some((sentence) => sentence.block === 2)).toBe(false);
  });

  it('keeps each raw at its range in its block, the raws of a block rebuilding its text', () => {
    for (const sentence of segmented.sentences) {
      const text = doc.blocks[sentence.block]?.text ?? '';
      expect(text.slice(sentence.range.start, sentence.range.end)).toBe(sentence.raw);
    }
    for (const original of doc.blocks.filter((candidate) => candidate.text.trim() !== '')) {
      const raws = segmented.sentences
        .filter((sentence) => sentence.block === original.index)
        .map((sentence) => sentence.raw);
      expect(raws.join('')).toBe(original.text);
    }
  });

  it('keeps the parsed document as it was', () => {
    expect(segmented.blocks).toBe(doc.blocks);
    expect(segmented.meta).toBe(doc.meta);
    expect(segmented.language).toBe('fr');
  });

  it('uses the document language: "etc. The" ends an English sentence, "M. Dupont" never ends a French one', () => {
    const english = segmentDocument(documentOf('en', [['paragraph', 'Paper, ink, etc. The budget was cut.']]));
    expect(english.sentences.map((sentence) => sentence.text)).toEqual(['Paper, ink, etc.', 'The budget was cut.']);
    const french = segmentDocument(documentOf('fr', [['paragraph', 'Il a vu M. Dupont.']]));
    expect(french.sentences.map((sentence) => sentence.text)).toEqual(['Il a vu M. Dupont.']);
  });

  it('gives an empty document no sentences', () => {
    expect(segmentDocument(documentOf('en', [])).sentences).toEqual([]);
  });
});
