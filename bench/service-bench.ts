/**
 * Service benchmark, end to end over HTTP: pairs per minute and upload→done latency (p50, p95) at 1, 4 and 16
 * concurrent uploads, with 1 and 2 worker processes (`npm run worker`, WORKER_CONCURRENCY=1 each), against the real
 * Redis (unique prefix, deleted after) and a temporary SQLite store, or with --postgres a throw-away schema of the
 * local PostgreSQL (BENCH_DATABASE_URL, else the test database; dropped after); with the medians of where a pair's
 * time went (the upload request, the wait in the queue, the job in the worker's child) and the CPU a pair cost.
 *
 *   npm run bench:service                 # pairs of 150 numbered paragraphs (~50 kB a side)
 *   npm run bench:service -- 600          # larger pairs
 *   npm run bench:service -- --postgres   # the PostgreSQL store (its server's CPU counts in the machine column)
 *   PARALIGN_LEXICON_UNITS=0 npm run bench:service    # without the store lexicon, to compare
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queue } from 'bullmq';
import { pino } from 'pino';
import { createApp } from '../src/api/create-app.js';
import { createApiMetrics } from '../src/api/metrics.js';
import { followPairChanges } from '../src/api/pair-changes.js';
import { loadConfig, type Config } from '../src/config.js';
import { openConfiguredStore } from '../src/open-configured-store.js';
import {
  alignJobId,
  closeWithin,
  createAlignQueue,
  createAlignQueueEvents,
  type AlignJobData,
  type AlignJobResult,
} from '../src/queue/align-queue.js';
import { configToEnv } from '../src/queue/config-env.js';
import { deleteRedisKeys, uniquePrefix, uploadPair, waitForPair } from '../harness/start-service.js';
import { makeLargePair } from '../harness/make-large-pair.js';
import { markdownHeader, markdownRow } from './markdown-table.js';
import { benchPostgresUrl, postgresReachable, runAdminSql } from './bench-postgres.js';
import { median } from './median.js';
import { machineBusyMs, processGroupsCpuMs } from './proc-stat.js';

const args = process.argv.slice(2);
const postgres = args.includes('--postgres');
const paragraphs = Number(args.find((arg) => !arg.startsWith('--')) ?? 150);
// Each client waits for its pair with GET /v1/pairs/:id?wait=S (harness/start-service.ts), which answers as soon as
// the pair settles: no polling load on the two cores the workers share, and latencies exact to the event. Polling
// from 20 ms up to 200 ms had cost about 2.3 ms of CPU a request, client and API together (10 requests a pair).
// Medians per pair: the upload request until its 202, the wait in the queue, the job in the worker's child.
const PHASES = ['upload (ms)', 'queue wait (ms)', 'job (ms)'];
// CPU per pair during the round (ms): the API with the clients (this process), the workers, the whole machine.
const COLUMNS = [...PHASES, 'CPU/pair: API+clients', 'workers', 'machine'];
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
let seed = 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** What one round measured: throughput, upload→done latency, and where a pair's time went (medians, ms). */
interface RoundResult {
  perMinute: number;
  p50: number;
  p95: number;
  /** The upload request, until its 202: multipart, reading and checking both files, storing, queueing. */
  upload: number;
  /** From the job's creation until a worker took it. */
  queueWait: number;
  /** The job in the sandboxed child, as it measures itself (load, read, align, save, status writes). */
  job: number;
  /** CPU a pair cost (ms): this process (API and clients), the workers with their children, the whole machine. */
  cpu: { api: number; workers: number; machine: number };
}

async function runRound(
  baseUrl: string,
  queue: Queue<AlignJobData, AlignJobResult>,
  concurrency: number,
  pairs: number,
  workerGroups: ReadonlySet<number>,
): Promise<RoundResult> {
  const latencies: number[] = [];
  const uploads: number[] = [];
  const pairIds: string[] = [];
  let next = 0;
  const apiCpu = process.cpuUsage();
  const workersCpu = processGroupsCpuMs(workerGroups);
  const machineCpu = machineBusyMs();
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
      uploads.push(Date.now() - t0);
      pairIds.push(pairId);
      const pair = await waitForPair(baseUrl, pairId, 600_000);
      if (pair.status !== 'done') throw new Error(`pair failed: ${pair.failureReason}`);
      latencies.push(Date.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = Date.now() - started;
  const { user, system } = process.cpuUsage(apiCpu);
  const cpu = {
    api: (user + system) / 1000 / pairs,
    workers: (processGroupsCpuMs(workerGroups) - workersCpu) / pairs,
    machine: (machineBusyMs() - machineCpu) / pairs,
  };
  latencies.sort((a, b) => a - b);
  const jobs = await Promise.all(pairIds.map((id) => queue.getJob(alignJobId(id))));
  const waits = jobs.flatMap((job) => (job?.processedOn === undefined ? [] : [job.processedOn - job.timestamp]));
  const inChild = jobs.flatMap((job) => (job?.returnvalue ? [job.returnvalue.durationMs] : []));
  return {
    perMinute: (pairs / elapsed) * 60_000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    upload: Math.round(median(uploads)),
    queueWait: Math.round(median(waits)),
    job: Math.round(median(inChild)),
    cpu,
  };
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

const postgresUrl = benchPostgresUrl();
if (postgres && !(await postgresReachable(postgresUrl))) {
  console.log(`bench:service: no PostgreSQL answers at ${postgresUrl}; nothing to measure`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'paralign-bench-'));
const schema = `bench_service_${process.pid}`;
const config: Config = {
  ...loadConfig({}),
  dataDir: dir,
  sqlitePath: join(dir, 'store.sqlite'),
  ...(postgres ? { databaseUrl: postgresUrl, databaseSchema: schema } : {}),
  queuePrefix: uniquePrefix('bench'),
  // The bench measures alignment throughput, not accounts: the single-user mode, on 127.0.0.1 as it requires.
  auth: 'off',
  // Every upload comes from this one address, far faster than the per-client limit a person meets is set for.
  uploadsPerMinute: 1_000_000,
  lexiconUnits: loadConfig(process.env).lexiconUnits,
};
const store = await openConfiguredStore(config);
const queue = createAlignQueue(config);
const queueEvents = createAlignQueueEvents(config);
const metrics = createApiMetrics(queue, queueEvents);
const pairChanges = followPairChanges(queueEvents);
const logger = pino({ level: 'silent' });
const server = createApp({ store, queue, config, logger, metrics, pairChanges }).listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const sample = makeLargePair(paragraphs);
const kB = (text: string): number => Math.round(Buffer.byteLength(text) / 1024);
process.stdout.write(
  `service bench: pairs of ${paragraphs} paragraphs (fr ${kB(sample.fr)} kB, en ${kB(sample.en)} kB), ` +
    `${cpus().length} CPUs, ${postgres ? `PostgreSQL store (schema ${schema})` : 'SQLite store'}, ` +
    `Redis ${config.redisUrl}\n\n` +
    `${markdownHeader(['workers', 'concurrent uploads', 'pairs', 'pairs/min', 'p50 (ms)', 'p95 (ms)', ...COLUMNS])}\n`,
);
try {
  for (const workerCount of [1, 2]) {
    const workers = startWorkers(workerCount, config);
    // Detached: each worker leads its own process group, which its sandboxed children join.
    const workerGroups = new Set(workers.map((worker) => worker.pid as number));
    try {
      // Warm-up: the first job of each worker pays for tsx and the child process, the next few for V8's compiler.
      await runRound(baseUrl, queue, workerCount, 4 * workerCount, workerGroups);
      for (const concurrency of [1, 4, 16]) {
        const pairs = Math.max(8, concurrency * 4);
        const result = await runRound(baseUrl, queue, concurrency, pairs, workerGroups);
        const { perMinute, p50, p95, upload, queueWait, job, cpu } = result;
        const cpuCells = [cpu.api, cpu.workers, cpu.machine].map((ms) => ms.toFixed(0));
        const cells = [
          workerCount,
          concurrency,
          pairs,
          perMinute.toFixed(1),
          p50,
          p95,
          upload,
          queueWait,
          job,
          ...cpuCells,
        ];
        process.stdout.write(`${markdownRow(cells)}\n`);
      }
    } finally {
      await stopWorkers(workers);
    }
  }
} finally {
  pairChanges.stop();
  server.close();
  metrics.close();
  await closeWithin(queueEvents);
  await closeWithin(queue);
  await store.close();
  await deleteRedisKeys(config.redisUrl, config.queuePrefix);
  if (postgres) await runAdminSql(postgresUrl, `drop schema if exists ${schema} cascade`);
  rmSync(dir, { recursive: true, force: true });
}
