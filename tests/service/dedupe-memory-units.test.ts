import { describe, expect, it } from 'vitest';
import { dedupeMemoryUnits } from '../../src/service/dedupe-memory-units.js';
import type { StoredUnit } from '../../src/storage/store.js';

function unit(seq: number, sourceText: string, targetText: string, confidence: number): StoredUnit {
  return {
    seq,
    pairId: `p${seq}`,
    index: 0,
    sourceText,
    targetText,
    sourceLanguage: 'fr',
    targetLanguage: 'en',
    symbol: null,
    collection: null,
    label: null,
    confidence,
    status: 'pending',
    changedBy: null,
    changedAt: new Date('2024-01-01T00:00:00Z'),
    pairCreatedAt: new Date('2024-01-01T00:00:00Z'),
    sourceFileName: 'fr.txt',
    targetFileName: 'en.txt',
  };
}

const UNITS: StoredUnit[] = [
  unit(1, 'Bonjour.', 'Hello.', 0.9),
  unit(2, 'Merci.', 'Thanks.', 0.5),
  unit(3, 'Bonjour.', 'Hello.', 0.95),
  unit(4, 'Bonjour.', 'Hi.', 0.99),
  unit(5, 'Bonjour.', 'Hello.', 0.95),
  unit(6, 'Merci.', 'Thanks.', 0.4),
];

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* stream(units: StoredUnit[]): AsyncGenerator<StoredUnit> {
  yield* units;
}

describe('dedupeMemoryUnits', () => {
  it('keeps one unit per pair of texts: the most confident, the newest among equals, with its count', async () => {
    const kept = await collect(dedupeMemoryUnits(() => stream(UNITS)));
    expect(kept.map((u) => [u.seq, u.duplicates])).toEqual([
      [2, 2],
      [4, 1],
      [5, 3],
    ]);
  });

  it('tells languages apart', async () => {
    const swapped = { ...unit(7, 'Bonjour.', 'Hello.', 0.1), sourceLanguage: 'en', targetLanguage: 'fr' };
    const kept = await collect(dedupeMemoryUnits(() => stream([...UNITS, swapped])));
    expect(kept.map((u) => u.seq)).toEqual([2, 4, 5, 7]);
  });
});
