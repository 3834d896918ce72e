import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../../src/core/align/align-documents.js';
import { collectUnits, createExportSummary } from '../../../src/core/export/collect-units.js';
import { parseDocument } from '../../../src/core/parse/parse-document.js';
import { segmentDocument } from '../../../src/core/segment/segment-document.js';

const corpus = resolve(import.meta.dirname, '..', '..', '..', 'corpora', 'un-note-ctoc-cop-2018');

function read(language: string, text: string) {
  return segmentDocument(parseDocument(text, { language, format: 'markdown' }));
}

describe('collectUnits', () => {
  it.each([
    ['as printed', (text: string) => text],
    ['escaped', (text: string) => text.replace(/^\* CTOC/m, '\\* CTOC')],
  ])('leaves out the title\'s symbol footnote ("* CTOC/COP/2018/1."), %s, and counts it', (_case, edit) => {
    const fr = read('fr', edit(readFileSync(join(corpus, 'fr.md'), 'utf8')));
    const en = read('en', edit(readFileSync(join(corpus, 'en.md'), 'utf8')));
    const summary = createExportSummary();
    const units = [...collectUnits(alignDocuments(fr, en), {}, (text) => text, summary)];
    expect(units.length).toBeGreaterThan(10);
    expect(units.filter((unit) => unit.source.includes('CTOC/COP/2018/1.'))).toEqual([]);
    expect(summary.symbolOnly).toBe(1);
    expect(summary.units).toBe(units.length);
  });

  it('keeps a unit whose symbol sits in a sentence', () => {
    const fr = read('fr', 'Titre\n\n1. Voir le document E/CN.7/2024/1.\n');
    const en = read('en', 'Title\n\n1. See document E/CN.7/2024/1.\n');
    const summary = createExportSummary();
    const units = [...collectUnits(alignDocuments(fr, en), {}, (text) => text, summary)];
    expect(units.map((unit) => unit.target)).toContain('See document E/CN.7/2024/1.');
    expect(summary.symbolOnly).toBe(0);
  });
});
