import { describe, expect, it } from 'vitest';
import { mergePivotAlignments } from '../../../src/core/align/merge-pivot-alignments.js';
import { ExportError } from '../../../src/core/export/export-error.js';
import type { MultiExportSummary } from '../../../src/core/export/collect-multi-units.js';
import { writeMultilingualTmx } from '../../../src/core/export/tmx-multilingual.js';
import { writeMultilingualTsv } from '../../../src/core/export/tsv-multilingual.js';
import type { Alignment, BlockBead, ScoredBead, SegmentedDocument } from '../../../src/core/model.js';
import { segmentText } from '../../../src/pipeline/segment-file.js';
import { elements, only, readXml, textOf } from './read-xml.js';

const english = segmentText('1. One. Two.\n\n2. Three & four.\n\n3. E/CN.7/2024/1', { language: 'en', format: 'text' });
const french = segmentText('1. Un. Deux.\n\n2. Trois et quatre. En plus.\n\n3. E/CN.7/2024/1', {
  language: 'fr',
  format: 'text',
});
const russian = segmentText('1. Один и два.\n\n2. Три и четыре.\n\n3. E/CN.7/2024/1', {
  language: 'ru',
  format: 'text',
});

const bead = (source: number[], target: number[], confidence = 0.9): ScoredBead => ({ source, target, confidence });
const block = (source: number[], target: number[]): BlockBead => ({ ...bead(source, target), method: 'label' });

function pair(source: SegmentedDocument, sentences: ScoredBead[]): Alignment {
  return { source, target: english, blocks: [block([0], [0]), block([1], [1]), block([2], [2])], sentences };
}

// English sentences: 0 "One." 1 "Two." 2 "Three & four." 3 the symbol. French adds "En plus." (3), which English
// lacks; Russian joins "One. Two." in one sentence.
const multi = mergePivotAlignments([french, english, russian], 'en', [
  pair(french, [bead([0], [0]), bead([1], [1]), bead([2], [2], 0.4), bead([3], []), bead([4], [3])]),
  pair(russian, [bead([0], [0, 1]), bead([1], [2]), bead([2], [3])]),
]);

function write(options: { srcLang?: string; minConfidence?: number } = {}): {
  xml: string;
  summary: MultiExportSummary;
} {
  const generator = writeMultilingualTmx(multi, {
    ...options,
    creationDate: new Date(Date.UTC(2024, 0, 2)),
    creationToolVersion: '0.1.0',
  });
  const chunks: string[] = [];
  for (let step = generator.next(); ; step = generator.next()) {
    if (step.done === true) return { xml: chunks.join(''), summary: step.value };
    chunks.push(step.value);
  }
}

function variants(xml: string): string[][] {
  return elements(only(readXml(xml).root, 'body'), 'tu').map((tu) =>
    elements(tu, 'tuv').map((tuv) => `${tuv.attributes['xml:lang'] ?? ''}:${textOf(only(tuv, 'seg'))}`),
  );
}

describe('writeMultilingualTmx', () => {
  it('writes one <tu> a unit, one <tuv> a language with text, the pivot first', () => {
    const { xml, summary } = write();
    expect(variants(xml)).toEqual([
      ['en:One. Two.', 'fr:Un. Deux.', 'ru:Один и два.'],
      ['en:Three & four.', 'fr:Trois et quatre.', 'ru:Три и четыре.'],
    ]);
    // "En plus." has no counterpart; the symbol is the same everywhere.
    expect(summary).toEqual({
      units: 2,
      oneLanguage: 1,
      lowConfidence: 0,
      withoutSource: 0,
      symbolOnly: 1,
      otherStatus: 0,
    });
  });

  it('puts the requested source language first and leaves out units below the confidence asked', () => {
    const { xml, summary } = write({ srcLang: 'ru', minConfidence: 0.5 });
    expect(only(readXml(xml).root, 'header').attributes['srclang']).toBe('ru');
    // Then the others in the order the versions were given.
    expect(variants(xml)).toEqual([['ru:Один и два.', 'fr:Un. Deux.', 'en:One. Two.']]);
    expect(summary.lowConfidence).toBe(1);
  });

  it('refuses a source language with no version', () => {
    expect(() => write({ srcLang: 'zh' })).toThrow(ExportError);
  });

  it('writes a TSV with a column per language and empty fields where a language has no text', () => {
    const lines = [...writeMultilingualTsv(multi, { units: 'paragraph' })];
    expect(lines[0]).toBe('en\tfr\tru\tconfidence\tlabel\n');
    expect(lines[2]).toBe('Three & four.\tTrois et quatre. En plus.\tТри и четыре.\t0.90\t2\n');
  });
});
