import { describe, expect, it } from 'vitest';
import { writeTmxMemory, type MemoryUnit } from '../../../src/core/export/tmx-memory.js';
import { elements, only, readXml, textOf } from './read-xml.js';

const units: MemoryUnit[] = [
  {
    sourceText: 'Le taux était < 50 %.',
    targetText: 'The rate was < 50 per cent.',
    sourceLanguage: 'fr',
    targetLanguage: 'en',
    symbol: 'A/1',
    label: '2/a',
    confidence: 0.934,
    tuid: 'p1:0',
  },
  {
    sourceText: 'Trafficking & smuggling.',
    targetText: 'Traite & trafic.',
    sourceLanguage: 'en',
    targetLanguage: 'fr',
    symbol: null,
    label: null,
    confidence: 0.5,
  },
  {
    sourceText: 'Der Rat.',
    targetText: 'The Council.',
    sourceLanguage: 'de',
    targetLanguage: 'es',
    symbol: null,
    label: null,
    confidence: 1,
  },
];

async function write(input: Iterable<MemoryUnit>): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of writeTmxMemory(input, {
    srcLang: 'en',
    creationDate: new Date(Date.UTC(2018, 6, 18, 9, 5, 3)),
    creationToolVersion: '0.1.0',
  }))
    chunks.push(chunk);
  return chunks.join('');
}

describe('writeTmxMemory', () => {
  it('writes the TMX 1.4 header with srclang and the creation date in basic ISO 8601', async () => {
    const { root, doctype } = readXml(await write([]));
    expect(doctype).toContain('tmx14.dtd');
    expect(root.attributes.version).toBe('1.4');
    expect(only(root, 'header').attributes).toMatchObject({
      srclang: 'en',
      creationdate: '20180718T090503Z',
      segtype: 'sentence',
      datatype: 'plaintext',
    });
    expect(elements(only(root, 'body'), 'tu')).toHaveLength(0);
  });

  it('puts the srclang tuv first from either side, props before tuvs, leaves out units without srclang', async () => {
    const tus = elements(only(readXml(await write(units)).root, 'body'), 'tu');
    expect(tus).toHaveLength(2);
    const [first, second] = tus;
    expect(first?.attributes.tuid).toBe('p1:0');
    expect(first ? elements(first).map((child) => child.name) : []).toEqual(['prop', 'prop', 'prop', 'tuv', 'tuv']);
    expect(first ? elements(first, 'prop').map((prop) => [prop.attributes.type, textOf(prop)]) : []).toEqual([
      ['x-paralign-symbol', 'A/1'],
      ['x-paralign-label', '2/a'],
      ['x-paralign-confidence', '0.93'],
    ]);
    for (const tu of [first, second])
      expect(tu ? elements(tu, 'tuv')[0]?.attributes['xml:lang'] : undefined).toBe('en');
    expect(first ? elements(first, 'tuv').map((tuv) => textOf(only(tuv, 'seg'))) : []).toEqual([
      'The rate was < 50 per cent.',
      'Le taux était < 50 %.',
    ]);
    expect(second ? elements(second, 'tuv').map((tuv) => textOf(only(tuv, 'seg'))) : []).toEqual([
      'Trafficking & smuggling.',
      'Traite & trafic.',
    ]);
  });
});
