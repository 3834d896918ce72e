import { describe, expect, it } from 'vitest';
import { alignDocumentPair } from '../../src/pipeline/align-document-pair.js';
import { readDocumentPair } from '../../src/pipeline/read-document-pair.js';
import { english, french } from './pipeline-texts.js';

const pair = await readDocumentPair(french, english);

describe('alignDocumentPair', () => {
  it('aligns every sentence of both sides once, in order, and reports on that alignment', () => {
    const { alignment, report } = alignDocumentPair(pair);
    const covered = (side: 'source' | 'target') => alignment.sentences.flatMap((bead) => bead[side]);
    expect(covered('source')).toEqual(pair.source.sentences.map((_s, i) => i));
    expect(covered('target')).toEqual(pair.target.sentences.map((_s, i) => i));
    expect(report.counts.source.sentences).toBe(pair.source.sentences.length);
    expect(report.counts.target.sentences).toBe(pair.target.sentences.length);
  });

  it('hands the dictionary to the aligner', () => {
    const plain = alignDocumentPair(pair).alignment.sentences.map((bead) => bead.confidence);
    // Every English word taken for the translation of one French word: evidence the aligner cannot ignore.
    const words = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];
    const french = [...new Set(pair.source.sentences.flatMap((s) => words(s.text)))];
    const dictionary = new Map(
      [...new Set(pair.target.sentences.flatMap((s) => words(s.text)))].map((word, i) => [
        word,
        [french[(i * 7) % french.length] ?? ''],
      ]),
    );
    const guided = alignDocumentPair(pair, { dictionary }).alignment.sentences.map((bead) => bead.confidence);
    expect(guided).not.toEqual(plain);
  });
});
