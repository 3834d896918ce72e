/** The exports of a reviewed alignment: edited texts, statuses, reviewers, and the status filter. */
import { describe, expect, it } from 'vitest';
import { writeTmx } from '../../../src/core/export/tmx.js';
import { writeTmxMemory, type MemoryUnit } from '../../../src/core/export/tmx-memory.js';
import { writeTsv } from '../../../src/core/export/tsv.js';
import { writeXliff } from '../../../src/core/export/xliff.js';
import { applyEdits } from '../../../src/core/review/apply-edits.js';
import { buildReviewedAlignment } from '../../../src/core/review/build-reviewed-alignment.js';
import type { EditOp, ReviewedAlignment, VersionStamp } from '../../../src/core/review/review-model.js';
import { reviewBlockBeads } from '../../../src/core/review/review-block-beads.js';
import { startReview } from '../../../src/core/review/start-review.js';
import { alignmentOf, oneToOne } from '../review/review-fixture.js';
import { elements, only, readXml, textOf } from './read-xml.js';

const aligned = alignmentOf(14, oneToOne(14));
const stamps = new Map<number, VersionStamp>([
  [1, { version: 1, author: null, createdAt: new Date('2024-03-01T10:00:00Z') }],
  [2, { version: 2, author: 'rev-a', createdAt: new Date('2024-03-02T11:30:00Z') }],
]);

function reviewed(ops: EditOp[]): ReviewedAlignment {
  const beads = applyEdits(startReview(aligned.sentences, 1), ops, {
    source: aligned.source,
    target: aligned.target,
    version: 2,
  });
  return buildReviewedAlignment(aligned, 2, beads, stamps);
}

function at<T>(list: readonly (T | undefined)[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

function drain<T>(chunks: Generator<string, T>): { text: string; summary: T } {
  let text = '';
  for (let next = chunks.next(); ; next = chunks.next()) {
    if (next.done === true) return { text, summary: next.value };
    text += next.value;
  }
}

const tmxOptions = { creationDate: new Date('2024-03-03T00:00:00Z'), creationToolVersion: 'test' };

describe('exports of a reviewed alignment', () => {
  const alignment = reviewed([
    { op: 'merge', bead: 0 },
    { op: 'edit', bead: 1, side: 'target', text: 'en two, corrected.' },
    { op: 'approve', beads: [1, 2] },
    { op: 'reject', beads: [3] },
  ]);

  it('writes TMX with edited texts, the status of every unit, and who changed it when a person did', () => {
    const { text, summary } = drain(writeTmx(alignment, tmxOptions));
    const units = elements(only(readXml(text).root, 'body'), 'tu');
    // 14 beads, two merged, one rejected: 12 units.
    expect(summary).toMatchObject({ units: 12, otherStatus: 1 });
    const props = (tu: (typeof units)[number]) =>
      Object.fromEntries(elements(tu, 'prop').map((prop) => [prop.attributes.type, textOf(prop)]));
    const segs = (tu: (typeof units)[number]) => elements(tu, 'tuv').map((tuv) => textOf(only(tuv, 'seg')));
    expect(segs(at(units, 0))).toEqual(['fr 0. fr 1.', 'en 0. en 1.']);
    expect(units[0]?.attributes).toEqual({ changeid: 'rev-a', changedate: '20240302T113000Z' });
    expect(props(at(units, 0))['x-review-status']).toBe('pending');
    expect(segs(at(units, 1))).toEqual(['fr 2.', 'en two, corrected.']);
    expect(props(at(units, 1))).toMatchObject({ 'x-review-status': 'approved', 'x-paralign-confidence': '1.00' });
    // Untouched by anyone but the aligner: a status, no reviewer, no date.
    expect(units[3]?.attributes).toEqual({});
    expect(props(at(units, 3))['x-review-status']).toBe('pending');
  });

  it.each([
    ['approved', ['approved'], 2],
    ['rejected', ['rejected'], 1],
    ['every status', ['pending', 'approved', 'rejected'], 13],
  ] as const)('exports %s units only when asked', (_case, statuses, units) => {
    expect(drain(writeTmx(alignment, { ...tmxOptions, statuses })).summary.units).toBe(units);
    expect(drain(writeTsv(alignment, { statuses })).summary.units).toBe(units);
  });

  it('writes the edited text to TSV and XLIFF, and XLIFF marks approved and rejected units', () => {
    const tsv = drain(writeTsv(alignment)).text.split('\n');
    expect(tsv[2]).toBe('fr 2.\ten two, corrected.\t1.00\t1');
    const xliff = drain(writeXliff(alignment, { original: 'fr.md', statuses: ['approved', 'rejected'] })).text;
    const units = elements(only(only(readXml(xliff).root, 'file'), 'body'), 'trans-unit');
    expect(units.map((unit) => [unit.attributes.id, unit.attributes.approved])).toEqual([
      ['1', 'yes'],
      ['2', 'yes'],
      ['3', undefined],
    ]);
    expect(textOf(only(at(units, 0), 'target'))).toBe('en two, corrected.');
    expect(units.map((unit) => only(unit, 'target').attributes.state)).toEqual([
      'signed-off',
      'signed-off',
      'needs-review-translation',
    ]);
    expect(textOf(only(at(units, 0), 'note'))).toBe('confidence 1.00; label 1; review approved by rev-a');
  });

  it('builds paragraph units from the sentence beads once one of them is edited, with their joint status', () => {
    const blocks = reviewBlockBeads(alignment);
    expect(blocks.map((block) => block.status)).toEqual(['pending', 'pending']);
    expect(blocks[0]?.targetPieces?.slice(0, 3)).toEqual(['en 0. en 1.', 'en two, corrected.', 'en 3.']);
    expect(blocks[0]?.sourcePieces).toBeNull();
    const { text } = drain(writeTmx(alignment, { ...tmxOptions, units: 'paragraph' }));
    const segs = elements(only(readXml(text).root, 'body'), 'tu').map((tu) =>
      elements(tu, 'tuv').map((tuv) => textOf(only(tuv, 'seg'))),
    );
    expect(segs[0]?.[1]).toContain('en 0. en 1. en two, corrected. en 3.');
    expect(segs[0]?.[0]).toBe(aligned.source.blocks[0]?.text);
    const approvedAll = reviewed([{ op: 'approve', beads: [10, 11, 12, 13] }]);
    expect(reviewBlockBeads(approvedAll).map((block) => block.status)).toEqual(['pending', 'approved']);
  });

  it('writes the whole-store TMX with review state, and provenance when asked', async () => {
    const unit: MemoryUnit = {
      sourceText: 'Le texte.',
      targetText: 'The text.',
      sourceLanguage: 'fr',
      targetLanguage: 'en',
      symbol: null,
      label: null,
      confidence: 1,
      status: 'approved',
      changedBy: 'rev-a',
      changedAt: new Date('2024-03-02T11:30:00Z'),
      pairCreatedAt: new Date('2024-03-01T09:00:00Z'),
      collection: 'CTOC',
      sourceFileName: 'fr <1>.docx',
      targetFileName: 'en.docx',
    };
    const write = async (provenance: boolean, units: MemoryUnit[]) => {
      let text = '';
      for await (const chunk of writeTmxMemory(units, { srcLang: 'en', provenance, ...tmxOptions })) text += chunk;
      return elements(only(readXml(text).root, 'body'), 'tu');
    };
    const [plain] = await write(false, [unit]);
    expect(plain?.attributes).toEqual({ changeid: 'rev-a', changedate: '20240302T113000Z' });
    expect(elements(at([plain], 0), 'prop').map((prop) => prop.attributes.type)).not.toContain('x-paralign-collection');
    const [detailed, aligner] = await write(true, [unit, { ...unit, changedBy: null, collection: null }]);
    expect(detailed?.attributes).toEqual({
      creationdate: '20240301T090000Z',
      changedate: '20240302T113000Z',
      changeid: 'rev-a',
    });
    const props = elements(at([detailed], 0), 'prop').map((prop) => [prop.attributes.type, textOf(prop)]);
    expect(props).toEqual(
      expect.arrayContaining([
        ['x-review-status', 'approved'],
        ['x-paralign-collection', 'CTOC'],
        ['x-paralign-source-file', 'fr <1>.docx'],
        ['x-paralign-target-file', 'en.docx'],
      ]),
    );
    expect(aligner?.attributes).toEqual({ creationdate: '20240301T090000Z', changedate: '20240302T113000Z' });
    expect(elements(at([aligner], 0), 'prop').map((prop) => prop.attributes.type)).not.toContain(
      'x-paralign-collection',
    );
  });
});
