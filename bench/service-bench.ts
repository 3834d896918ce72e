/**
 * Service benchmark, end to end over HTTP: pairs per minute and upload→done latency (p50, p95) at 1, 4 and 16
 * concurrent uploads, with 1 and 2 worker processes (`npm run worker`, WORKER_CONCURRENCY=1 each), against the real
 * Redis (unique prefix, deleted after) and a temporary SQLite store.
 *
 *   npm run bench:service                 # pairs of 150 numbered paragraphs (~50 kB a side)
 *   npm run bench:service -- 600          # larger pairs
 *   PARALIGN_LEXICON_UNITS=0 npm run bench:service    # without the store lexicon, to compare
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createApp } from '../src/api/create-app.js';
import { createApiMetrics } from '../src/api/metrics.js';
import { loadConfig, type Config } from '../src/config.js';
import { openConfiguredStore } from '../src/open-configured-store.js';
import { closeWithin, createAlignQueue } from '../src/queue/align-queue.js';
import { configToEnv } from '../src/queue/config-env.js';
import { deleteRedisKeys, uniquePrefix, uploadPair, waitForPair } from '../harness/start-service.js';
import { makeLargePair } from '../harness/make-large-pair.js';
import { markdownHeader, markdownRow } from './markdown-table.js';

const paragraphs = Number(process.argv[2] ?? 150);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
let seed = 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function runRound(
  baseUrl: string,
  concurrency: number,
  pairs: number,
): Promise<{ perMinute: number; p50: number; p95: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = Date.now();
  const client = async (): Promise<void> => {
    while (next < pairs) {
      next += 1;
      const { fr, en } = makeLargePair(paragraphs, seed++);
      const t0 = Date.now();
      const response = await uploadPair(baseUrl, {
        fr: { name: 'fr.txt', bytes: fr },
        en: { name: 'en.txt', bytes: en },
      });
      if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
      const { pairId } = (await response.json()) as { pairId: string };
      const pair = await waitForPair(baseUrl, pairId, 600_000, 20);
      if (pair.status !== 'done') throw new Error(`pair failed: ${pair.failureReason}`);
      latencies.push(Date.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = Date.now() - started;
  latencies.sort((a, b) => a - b);
  return { perMinute: (pairs / elapsed) * 60_000, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

function startWorkers(count: number, config: Config): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn('npm', ['run', '--silent', 'worker'], {
      cwd: repoRoot,
      env: { ...process.env, ...configToEnv({ ...config, workerConcurrency: 1 }) },
      detached: true,
      stdio: 'ignore',
    }),
  );
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.exitCode !== null) return resolve();
          worker.once('exit', () => resolve());
          // The whole group: npm, node and the sandboxed children (SIGTERM: graceful).
          process.kill(-(worker.pid as number), 'SIGTERM');
        }),
    ),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'paralign-bench-'));
const config: Config = {
  ...loadConfig({}),
  dataDir: dir,
  sqlitePath: join(dir, 'store.sqlite'),
  queuePrefix: uniquePrefix('bench'),
  // The bench measures alignment throughput, not accounts: the single-user mode, on 127.0.0.1 as it requires.
  auth: 'off',
  // Every upload comes from this one address, far faster than the per-client limit a person meets is set for.
  uploadsPerMinute: 1_000_000,
  lexiconUnits: loadConfig(process.env).lexiconUnits,
};
const store = await openConfiguredStore(config);
const queue = createAlignQueue(config);
const metrics = createApiMetrics(queue);
const server = createApp({ store, queue, config, logger: pino({ level: 'silent' }), metrics }).listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const sample = makeLargePair(paragraphs);
const kB = (text: string): number => Math.round(Buffer.byteLength(text) / 1024);
process.stdout.write(
  `service bench: pairs of ${paragraphs} paragraphs (fr ${kB(sample.fr)} kB, en ${kB(sample.en)} kB), ` +
    `${cpus().length} CPUs, SQLite store, Redis ${config.redisUrl}\n\n` +
    `${markdownHeader(['workers', 'concurrent uploads', 'pairs', 'pairs/min', 'p50 (ms)', 'p95 (ms)'])}\n`,
);
try {
  for (const workerCount of [1, 2]) {
    const workers = startWorkers(workerCount, config);
    try {
      // Warm-up: the first job of each worker pays for tsx and the child process.
      await runRound(baseUrl, workerCount, workerCount);
      for (const concurrency of [1, 4, 16]) {
        const pairs = Math.max(8, concurrency * 2);
        const result = await runRound(baseUrl, concurrency, pairs);
        const cells = [workerCount, concurrency, pairs, result.perMinute.toFixed(1), result.p50, result.p95];
        process.stdout.write(`${markdownRow(cells)}\n`);
      }
    } finally {
      await stopWorkers(workers);
    }
  }
} finally {
  server.close();
  await metrics.close();
  await closeWithin(queue);
  await store.close();
  await deleteRedisKeys(config.redisUrl, config.queuePrefix);
  rmSync(dir, { recursive: true, force: true });
}
