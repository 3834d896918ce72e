/**
 * TM export benchmark: fills a store with 1,000,000 units, then streams the whole memory as TMX to /dev/null in a
 * fresh child process and prints its time and peak RSS. SQLite always; PostgreSQL too when DATABASE_URL answers
 * (default postgres://postgres@127.0.0.1:5432/test, in a throw-away schema).
 *
 *   npm run bench:tm-export              # 1,000,000 units
 *   npm run bench:tm-export -- 200000    # fewer
 *   npm run bench:tm-export -- --sample  # time Store.sampleTrainingPairs (5,000 units) instead of export and search
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { Alignment } from '../src/core/model.js';
import { buildParityReport } from '../src/core/qa/parity-report.js';
import { writeTmxMemory } from '../src/core/export/tmx-memory.js';
import { openStore, type StoreConfig } from '../src/storage/open-store.js';
import type { Store, TrainingSample } from '../src/storage/store.js';
import { syntheticAlignment, type SyntheticShape } from '../harness/synthetic-alignment.js';
import { median } from './median.js';
import { benchPostgresUrl, postgresReachable, runAdminSql } from './bench-postgres.js';

const UNITS_PER_PAIR = 10_000;

// ~150 characters a sentence, the median of the corpora's French sentences give or take, with XML specials.
const BENCH_SHAPE: SyntheticShape = {
  sentenceText: (language, tag, index) => {
    const opening =
      language === 'fr'
        ? 'La Conférence des Parties « A/RES/70/1 » & co'
        : 'The Conference of the Parties "A/RES/70/1" & co';
    return `${opening} ${tag} ${index} `.padEnd(150, 'x') + '.';
  },
  confidence: (index) => 0.5 + (index % 50) / 100,
  symbol: (tag) => `CTOC/COP/${tag}`,
};

function benchAlignment(size: number, tag: string): Alignment {
  return syntheticAlignment(size, tag, BENCH_SHAPE);
}

async function fill(config: StoreConfig, units: number): Promise<number> {
  const store = openStore(config);
  await store.migrate();
  // The report's content does not matter here; building one per 10,000-bead pair would dominate the fill time.
  const report = buildParityReport(benchAlignment(10, 'report'));
  const started = performance.now();
  for (let i = 0; i * UNITS_PER_PAIR < units; i++) {
    const alignment = benchAlignment(Math.min(UNITS_PER_PAIR, units - i * UNITS_PER_PAIR), `${i}`);
    const { pair } = await store.createPair({
      source: { name: `${i}.fr.docx`, bytes: Buffer.from(`bench ${i} fr`) },
      target: { name: `${i}.en.docx`, bytes: Buffer.from(`bench ${i} en`) },
      sourceLanguage: 'fr',
      targetLanguage: 'en',
      collection: 'bench',
    });
    await store.saveAlignment(pair.id, alignment, report);
  }
  await store.close();
  return performance.now() - started;
}

/**
 * Times concordance searches over the filled store, first page of 20: one phrase in every unit, one in a single unit,
 * one in none. Cold (the first search of an opened store) and the median of 5 after it.
 */
async function timeSearches(config: StoreConfig): Promise<string> {
  const store = openStore(config);
  const parts: string[] = [];
  for (const query of ['CONFÉRENCE des parties', 'co 42 4242 ', 'absent phrase']) {
    const times: number[] = [];
    let hits = '';
    for (let run = 0; run < 6; run++) {
      const started = performance.now();
      const page = await store.searchSegments(query, 'fr', { limit: 20, offset: 0 });
      times.push(performance.now() - started);
      hits = `${page.total}${page.totalIsExact ? '' : '+'}`;
    }
    const [cold = 0, ...warm] = times;
    parts.push(`"${query}" ${hits} hits, cold ${cold.toFixed(0)} ms, warm ${median(warm).toFixed(1)} ms`);
  }
  await store.close();
  return `search ${parts.join(', ')}`;
}

const SAMPLE_LIMIT = 5000;
const SAMPLE_MIN_CONFIDENCE = 0.9;

/**
 * Times {@link Store.sampleTrainingPairs} of 5,000 units at confidence 0.9 (a fifth of the filled units qualify):
 * cold then the median of 5 warm calls, both directions, leaving out the newest pair, and a language pair the store
 * lacks (the whole table is read: the worst case).
 */
async function timeSamples(config: StoreConfig): Promise<string> {
  const store = openStore(config);
  const newest = (await store.listPairs({}, { limit: 1, offset: 0 })).items[0]?.id;
  const cases: Array<[string, Parameters<Store['sampleTrainingPairs']>[0]]> = [
    [
      'fr→en',
      { sourceLanguage: 'fr', targetLanguage: 'en', minConfidence: SAMPLE_MIN_CONFIDENCE, limit: SAMPLE_LIMIT },
    ],
    [
      'en→fr',
      { sourceLanguage: 'en', targetLanguage: 'fr', minConfidence: SAMPLE_MIN_CONFIDENCE, limit: SAMPLE_LIMIT },
    ],
    [
      'fr→en without the newest pair',
      {
        sourceLanguage: 'fr',
        targetLanguage: 'en',
        minConfidence: SAMPLE_MIN_CONFIDENCE,
        limit: SAMPLE_LIMIT,
        ...(newest === undefined ? {} : { excludePairId: newest }),
      },
    ],
    [
      'es→en (absent)',
      { sourceLanguage: 'es', targetLanguage: 'en', minConfidence: SAMPLE_MIN_CONFIDENCE, limit: SAMPLE_LIMIT },
    ],
  ];
  const parts: string[] = [];
  for (const [name, request] of cases) {
    const times: number[] = [];
    let sample: TrainingSample = { pairs: [], approved: 0, version: 'none' };
    for (let run = 0; run < 6; run++) {
      const started = performance.now();
      sample = await store.sampleTrainingPairs(request);
      times.push(performance.now() - started);
    }
    const [cold = 0, ...warm] = times;
    const pairs = `${sample.pairs.length} pairs (${sample.version})`;
    parts.push(`${name}: ${pairs} cold ${cold.toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms`);
  }
  await store.close();
  return `sample ${parts.join('; ')}`;
}

/** Child mode: export the whole store to /dev/null and print one JSON line of figures. */
async function exportAll(config: StoreConfig): Promise<void> {
  const store = openStore(config);
  let units = 0;
  let bytes = 0;
  let peakRss = 0;
  const started = performance.now();
  async function* counted(): AsyncGenerator<string> {
    for await (const chunk of writeTmxMemory(
      (async function* () {
        for await (const unit of store.streamUnits({})) {
          units += 1;
          if (units % 50_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
          yield unit;
        }
      })(),
      { srcLang: 'fr', creationDate: new Date(), creationToolVersion: 'bench' },
    )) {
      bytes += Buffer.byteLength(chunk);
      yield chunk;
    }
  }
  await pipeline(Readable.from(counted()), createWriteStream('/dev/null'));
  const ms = performance.now() - started;
  await store.close();
  // maxRSS is in kilobytes and covers the whole child, start-up included.
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ units, bytes, ms, sampledPeakRss: peakRss, maxRss }));
}

function runExportChild(config: StoreConfig): { units: number; bytes: number; ms: number; maxRss: number } {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, self, 'export', JSON.stringify(config)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`export child exited with ${child.status}`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as { units: number; bytes: number; ms: number; maxRss: number };
}

function report(
  backend: string,
  fillMs: number,
  figures: { units: number; bytes: number; ms: number; maxRss: number },
): void {
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MiB`;
  const seconds = figures.ms / 1000;
  const unitsPerSecond = Math.round(figures.units / seconds);
  console.log(
    `${backend.padEnd(10)} fill ${(fillMs / 1000).toFixed(1)} s | export ${figures.units} units, ` +
      `${mb(figures.bytes)} TMX in ${seconds.toFixed(1)} s (${unitsPerSecond} units/s) | ` +
      `peak RSS ${mb(figures.maxRss)}`,
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === 'export') {
    await exportAll(JSON.parse(process.argv[3] ?? '{}') as StoreConfig);
    return;
  }
  const sampleOnly = process.argv.includes('--sample');
  const units = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 1_000_000);
  console.log(
    `Filling each store with ${units} units (${UNITS_PER_PAIR} a pair), then ` +
      (sampleOnly ? 'sampling training pairs.' : 'exporting TMX to /dev/null in a child process.'),
  );
  const measure = async (backend: string, config: StoreConfig, fillMs: number): Promise<void> => {
    if (sampleOnly) {
      console.log(`${backend.padEnd(10)} fill ${(fillMs / 1000).toFixed(1)} s | ${await timeSamples(config)}`);
      return;
    }
    report(backend, fillMs, runExportChild(config));
    console.log(`${backend.padEnd(10)} ${await timeSearches(config)}`);
  };

  const folder = mkdtempSync(join(tmpdir(), 'paralign-tm-bench-'));
  try {
    const sqlite: StoreConfig = { sqlitePath: join(folder, 'bench.sqlite') };
    await measure('sqlite', sqlite, await fill(sqlite, units));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const url = benchPostgresUrl();
  if (!(await postgresReachable(url))) {
    console.log(`postgres   skipped: nothing answers at ${url}`);
    return;
  }
  const schema = `paralign_bench_${process.pid}`;
  const postgres: StoreConfig = { databaseUrl: url, schema };
  try {
    const fillMs = await fill(postgres, units);
    // As autovacuum would soon after a bulk load: without statistics the planner guesses a phrase matches a few rows.
    await runAdminSql(url, `analyze "${schema}".segments, "${schema}".pairs`);
    await measure('postgres', postgres, fillMs);
  } finally {
    await runAdminSql(url, `drop schema if exists "${schema}" cascade`);
  }
}

await main();
