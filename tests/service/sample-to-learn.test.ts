/**
 * sampleToLearn against a real SQLite store: once the store is past its first sample, a new step of the sample is
 * learned only when the newest lexicon is older than the configured interval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { alignDocumentPair } from '../../src/pipeline/align-document-pair.js';
import { readDocumentPair } from '../../src/pipeline/read-document-pair.js';
import { learnNewestStoreLexicon, sampleToLearn } from '../../src/service/store-lexicon-learning.js';
import { openSqliteStore } from '../../src/storage/sqlite/open-sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { makeLargePair } from '../../harness/make-large-pair.js';

const direction = { sourceLanguage: 'fr', targetLanguage: 'en' } as const;
// A sample of 300 segments: each pair of 150 paragraphs (about 450 segments) moves it on by a step.
const config = { ...loadConfig({}), lexiconUnits: 300 };

async function saveAlignedPair(store: Store, seed: number): Promise<void> {
  const { fr, en } = makeLargePair(150, seed);
  const source = { name: 'fr.txt', bytes: new TextEncoder().encode(fr), language: 'fr' as const };
  const target = { name: 'en.txt', bytes: new TextEncoder().encode(en), language: 'en' as const };
  const { alignment, report } = alignDocumentPair(await readDocumentPair(source, target));
  const { pair } = await store.createPair({ source, target, sourceLanguage: 'fr', targetLanguage: 'en' });
  await store.saveAlignment(pair.id, alignment, report, { lexiconVersion: 'none' });
}

describe('sampleToLearn', () => {
  let store: Store;
  beforeAll(async () => {
    store = openSqliteStore({ path: ':memory:' });
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
  });

  it('waits for the interval before learning a new step of a busy store', async () => {
    await saveAlignedPair(store, 41);
    const first = await sampleToLearn(store, { ...config, lexiconMinIntervalMs: 60_000 }, direction);
    expect(first).not.toBeNull();
    await learnNewestStoreLexicon(store, config, direction);

    await saveAlignedPair(store, 42);
    // The sample has moved on by a step, but the lexicon learned a moment ago is younger than a minute.
    expect(await sampleToLearn(store, { ...config, lexiconMinIntervalMs: 60_000 }, direction)).toBeNull();
    const step = await sampleToLearn(store, { ...config, lexiconMinIntervalMs: 0 }, direction);
    expect(step).toBeGreaterThan(first as number);
  }, 30_000);
});
