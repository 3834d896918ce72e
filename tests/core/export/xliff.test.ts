import { describe, expect, it } from 'vitest';
import type { ExportSummary } from '../../../src/core/export/collect-units.js';
import { writeXliff, type XliffOptions } from '../../../src/core/export/xliff.js';
import { alignment, expectedSentenceUnits } from './fixtures/un-ctoc-note/alignment.js';
import { elements, only, readXml, textOf, type XmlElement } from './read-xml.js';

function write(options: Partial<XliffOptions> = {}): { xml: string; summary: ExportSummary } {
  const generator = writeXliff(alignment, { original: 'CTOC_COP_2018_1 «fr».md', ...options });
  const chunks: string[] = [];
  for (let step = generator.next(); ; step = generator.next()) {
    if (step.done === true) return { xml: chunks.join(''), summary: step.value };
    chunks.push(step.value);
  }
}

describe('writeXliff', () => {
  it('writes one well-formed XLIFF 1.2 file with the languages, the original name and a trans-unit per unit', () => {
    const { xml, summary } = write();
    const { root } = readXml(xml);
    expect(root.name).toBe('xliff');
    expect(root.attributes).toEqual({ version: '1.2', xmlns: 'urn:oasis:names:tc:xliff:document:1.2' });
    const file = only(root, 'file');
    expect(file.attributes).toMatchObject({
      original: 'CTOC_COP_2018_1 «fr».md',
      'source-language': 'fr',
      'target-language': 'en',
      datatype: 'plaintext',
    });
    const units = elements(only(file, 'body'), 'trans-unit');
    expect(summary).toEqual({ units: 8, oneSided: 2, lowConfidence: 0, emptyText: 0, symbolOnly: 0, otherStatus: 0 });
    expect(units.map((unit) => unit.attributes.id)).toEqual(expectedSentenceUnits.map((unit) => String(unit.bead)));
    expect(units.map((unit) => [textOf(only(unit, 'source')), textOf(only(unit, 'target'))])).toEqual(
      expectedSentenceUnits.map((unit) => [unit.fr, unit.en]),
    );
  });

  it('puts source, target, then note in each trans-unit, with the confidence and label in the note', () => {
    const units = elements(only(only(readXml(write().xml).root, 'file'), 'body'), 'trans-unit');
    for (const unit of units) expect(elements(unit).map((child) => child.name)).toEqual(['source', 'target', 'note']);
    expect(units).toHaveLength(8);
    // Length checked above: the fourth unit exists.
    expect(textOf(only(units[3] as XmlElement, 'note'))).toBe('confidence 0.81; label 1');
  });

  it.each([
    [{ minConfidence: 0.92 }, 3],
    [{ units: 'paragraph' as const }, undefined],
  ])('honours the unit selection %j', (selection, count) => {
    const { xml, summary } = write(selection);
    const units = elements(only(only(readXml(xml).root, 'file'), 'body'), 'trans-unit');
    expect(units).toHaveLength(summary.units);
    if (count !== undefined) expect(summary.units).toBe(count);
    expect(new Set(units.map((unit) => unit.attributes.id)).size).toBe(units.length);
  });
});
