/**
 * Edit benchmark: how long one correction takes through the service layer (read the current version, apply a merge,
 * store the new version and rewrite the pair's segments), and reading an older version, for pairs of 300, 3,000
 * and 30,000 sentence beads. SQLite always; PostgreSQL too when it answers (default
 * postgres://postgres@127.0.0.1:5432/test, in a throw-away schema).
 *
 *   npm run bench:edits
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildParityReport } from '../src/core/qa/parity-report.js';
import { editAlignment } from '../src/service/edit-alignment.js';
import { openStore, type StoreConfig } from '../src/storage/open-store.js';
import { syntheticAlignment } from '../harness/synthetic-alignment.js';
import { median } from './median.js';
import { benchPostgresUrl, postgresReachable, runAdminSql } from './bench-postgres.js';

const SIZES = [300, 3_000, 30_000];
const EDITS = 5;

/** Median milliseconds of one merge, of one undo, and of reading the first page of version 1 once edited. */
async function measure(config: StoreConfig, size: number): Promise<string> {
  const store = openStore(config);
  await store.migrate();
  try {
    const alignment = syntheticAlignment(size, `e${size}`, {
      // ~150 characters a sentence, as bench:tm-export's.
      sentenceText: (language, tag, index) => `${language} ${tag} sentence ${index} `.padEnd(150, 'x') + '.',
      confidence: () => 0.9,
      symbol: (tag) => `EDIT/${tag}`,
    });
    const { pair } = await store.createPair({
      source: { name: 'fr.docx', bytes: Buffer.from(`edits ${size} fr`) },
      target: { name: 'en.docx', bytes: Buffer.from(`edits ${size} en`) },
      sourceLanguage: 'fr',
      targetLanguage: 'en',
    });
    await store.saveAlignment(pair.id, alignment, buildParityReport(alignment));
    const merges: number[] = [];
    const undos: number[] = [];
    let version = 1;
    for (let run = 0; run < EDITS; run++) {
      let started = performance.now();
      version = (
        await editAlignment(store, {
          pairId: pair.id,
          basedOn: version,
          author: 'bench',
          operations: [{ op: 'merge', bead: run * 2 }],
        })
      ).version;
      merges.push(performance.now() - started);
      started = performance.now();
      version = (
        await editAlignment(store, { pairId: pair.id, basedOn: version, author: 'bench', operations: [{ op: 'undo' }] })
      ).version;
      undos.push(performance.now() - started);
    }
    const started = performance.now();
    await store.getAlignment(pair.id, { limit: 20, offset: 0 }, 1);
    const older = performance.now() - started;
    const ms = (value: number): string => `${value.toFixed(0)} ms`;
    return (
      `${String(size).padStart(6)} beads: merge ${ms(median(merges))}, undo ${ms(median(undos))}, ` +
      `read version 1 ${ms(older)} (median of ${EDITS})`
    );
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'paralign-edits-bench-'));
  try {
    for (const size of SIZES)
      console.log(`sqlite     ${await measure({ sqlitePath: join(folder, `edits-${size}.sqlite`) }, size)}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const url = benchPostgresUrl();
  if (!(await postgresReachable(url))) {
    console.log(`postgres   skipped: nothing answers at ${url}`);
    return;
  }
  const schema = `paralign_edits_bench_${process.pid}`;
  try {
    for (const size of SIZES) console.log(`postgres   ${await measure({ databaseUrl: url, schema }, size)}`);
  } finally {
    await runAdminSql(url, `drop schema if exists "${schema}" cascade`);
  }
}

await main();
