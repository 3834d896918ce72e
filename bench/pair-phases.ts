/**
 * Where one service pair's time goes, phase by phase, in one process against a temporary SQLite store: what the API
 * does for an upload (read and check both files, store the pair with the text read) and what a worker does for its
 * job (load, segment that text, read the newest store lexicon, align, save, ask whether a new sample needs learning,
 * status writes) and the
 * learning job each time the sample moves. Median of each phase over the pairs after a warm-up; the learning job's
 * median over the times it ran, with its count.
 *
 *   npx tsx bench/pair-phases.ts            # 40 pairs of 150 paragraphs
 *   npx tsx bench/pair-phases.ts 40 600     # pairs, paragraphs
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignDocumentPair } from '../src/pipeline/align-document-pair.js';
import { segmentCheckedPair } from '../src/pipeline/read-document-pair.js';
import { readLanguagePair } from '../src/pipeline/read-language-pair.js';
import { openSqliteStore } from '../src/storage/sqlite/open-sqlite-store.js';
import { PairStatus } from '../src/storage/store.js';
import { loadConfig } from '../src/config.js';
import { learnNewestStoreLexicon, sampleToLearn } from '../src/service/store-lexicon-learning.js';
import { StoreLexiconReader } from '../src/service/store-lexicon-reader.js';
import { makeLargePair } from '../harness/make-large-pair.js';
import { median } from './median.js';
import { markdownHeader, markdownRow } from './markdown-table.js';

const count = Number(process.argv[2] ?? 40);
const paragraphs = Number(process.argv[3] ?? 150);
const config = loadConfig({});
const direction = { sourceLanguage: 'fr', targetLanguage: 'en' } as const;
const dir = mkdtempSync(join(tmpdir(), 'paralign-phases-'));
const store = openSqliteStore({ path: join(dir, 'store.sqlite') });
await store.migrate();
const reader = new StoreLexiconReader(store);
const times = new Map<string, number[]>();
const timed = async <T>(phase: string, run: () => Promise<T> | T): Promise<T> => {
  const t0 = performance.now();
  const result = await run();
  const list = times.get(phase) ?? [];
  list.push(performance.now() - t0);
  times.set(phase, list);
  return result;
};
const encoder = new TextEncoder();
try {
  for (let i = 0; i < count; i++) {
    const { fr, en } = await timed('client: make pair', () => makeLargePair(paragraphs, 5000 + i));
    const source = { name: 'fr.txt', bytes: encoder.encode(fr), language: 'fr' as const };
    const target = { name: 'en.txt', bytes: encoder.encode(en), language: 'en' as const };
    const { extracted } = await timed('api: read and check both files', () => readLanguagePair([source, target], 'fr'));
    const { pair } = await timed('api: store the pair', () =>
      store.createPair({ source, target, sourceLanguage: 'fr', targetLanguage: 'en', extracted }),
    );
    const files = await timed('worker: load pair and files', async () => {
      await store.getPair(pair.id);
      return store.getPairFiles(pair.id);
    });
    await timed('worker: one status write', () => store.updateStatus(pair.id, PairStatus.parsing, 10));
    const stored = files?.extracted ?? extracted;
    const documents = await timed('worker: segment the stored text', () =>
      segmentCheckedPair({ ...stored.source, language: 'fr' }, { ...stored.target, language: 'en' }),
    );
    const { version, storeLexicon } = await timed('worker: newest store lexicon', () => reader.newest(direction));
    const { alignment, report } = await timed('worker: align', () =>
      alignDocumentPair(documents, storeLexicon === null ? {} : { storeLexicon }),
    );
    await timed('worker: save the alignment', () =>
      store.saveAlignment(pair.id, alignment, report, { lexiconVersion: version }),
    );
    // What a worker's request for learning does (without the queue add), and the learning job itself when asked.
    const toLearn = await timed('worker: is a new sample worth learning', () =>
      sampleToLearn(store, config, direction),
    );
    if (toLearn !== null)
      await timed('learning job (when the sample has moved enough)', () =>
        learnNewestStoreLexicon(store, config, direction),
      );
  }
  process.stdout.write(
    `${count} pairs of ${paragraphs} paragraphs, median (ms) of each phase and how many times it ran\n\n`,
  );
  process.stdout.write(`${markdownHeader(['phase', 'median (ms)'])}\n`);
  for (const [phase, list] of times) {
    // Phases of every pair lose their warm-up; the learning job runs too seldom for that.
    const kept = list.length > 10 ? list.slice(5) : list;
    process.stdout.write(`${markdownRow([`${phase} (${kept.length}×)`, median(kept).toFixed(1)])}\n`);
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
