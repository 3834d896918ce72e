/**
 * Fault and load suite (`npm run bench:faults [-- UPLOADS]`): starts the real service as separate processes (one API,
 * two workers, SQLite, the local Redis under a unique prefix), sends UPLOADS (default 200) uploads at concurrency 20
 * with GETs beside them, kills each worker once with SIGKILL mid-load (its process only, as the OOM killer would)
 * and starts a new one, sends malformed requests, waits for every accepted pair to finish, and prints a table:
 * accepted, lost, duplicated, stuck, orphan processes, answers by status, upload latency p50/p95.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../src/storage/sqlite/open-sqlite-store.js';
import { deleteRedisKeys, TEST_REDIS_URL } from '../harness/start-service.js';
import { makeLargePair } from '../harness/make-large-pair.js';
import { processIds, processStatFields } from './proc-stat.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const uploads = Number(process.argv[2] ?? 200);
const CONCURRENCY = 20;
const port = 40_000 + (process.pid % 20_000);
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'paralign-faults-'));
const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  QUEUE_PREFIX: `paralign-faults-${process.pid}`,
  WORKER_LOCK_MS: '3000',
  WORKER_CONCURRENCY: '1',
  RECONCILE_INTERVAL_MS: '1000',
  UPLOADS_PER_MINUTE: '1000000',
  EXPORTS_PER_MINUTE: '1000000',
  DATABASE_URL: '',
  // The bench drives faults and load, not accounts: the single-user mode (it binds 127.0.0.1 only).
  PARALIGN_AUTH: 'off',
};
const groups: number[] = [];
const statuses = new Map<number, number>();
const latencies: number[] = [];

function start(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: 'ignore',
  });
  // spawn() of node itself gives a pid; a failure surfaces as the service never answering below.
  groups.push(child.pid ?? 0);
  return child;
}

function count(status: number): void {
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
}

// Running, or at least not a zombie: one that has exited and waits only for its parent to read its status.
function running(fields: string[] | undefined): fields is string[] {
  return fields !== undefined && fields[0] !== 'Z';
}

function childPids(ppid: number): number[] {
  return processIds().filter((pid) => {
    const fields = processStatFields(pid);
    return running(fields) && Number(fields[1]) === ppid;
  });
}

function alive(pid: number): boolean {
  return running(processStatFields(pid));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Kills the worker process alone; answers how many of its children still run 10 s later (named on stderr). */
async function killWorker(worker: ChildProcess): Promise<number> {
  const pid = worker.pid ?? 0;
  const children = childPids(pid);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Say so rather than stop the run: its pairs must still end done or failed, which the table checks.
    process.stderr.write(`worker ${pid} had already exited before its kill\n`);
  }
  for (let waited = 0; waited < 10_000 && children.some(alive); waited += 200) await sleep(200);
  const left = children.filter(alive);
  for (const child of left) {
    const command = readFileSync(`/proc/${child}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 160);
    process.stderr.write(`orphan ${child} of worker ${pid}: ${command}\n`);
  }
  return left.length;
}

async function upload(seed: number): Promise<string | undefined> {
  const { fr, en } = makeLargePair(8, 1000 + seed);
  const form = new FormData();
  form.append('fr', new Blob([fr]), 'fr.txt');
  form.append('en', new Blob([en]), 'en.txt');
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/v1/pairs`, { method: 'POST', body: form });
    latencies.push(performance.now() - started);
    count(response.status);
    const body = (await response.json()) as { pairId?: string };
    return response.status === 202 ? body.pairId : undefined;
  } catch {
    count(0);
    return undefined;
  }
}

function raw(request: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => resolve(0));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

async function main(): Promise<void> {
  start(['src/server.ts', '--api-only']);
  const workers = [start(['workers/align-worker.ts']), start(['workers/align-worker.ts'])];
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('the API did not start');
    if (
      await fetch(`${baseUrl}/healthz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await sleep(100);
  }

  const accepted = new Set<string>();
  let orphans = 0;
  let next = 0;
  let loading = true;
  const readers = (async () => {
    while (loading) {
      for (const path of ['/v1/pairs?limit=5', '/v1/tm/search?q=secretariat&lang=en', '/readyz']) {
        const response = await fetch(`${baseUrl}${path}`).catch(() => undefined);
        count(response?.status ?? 0);
        await response?.arrayBuffer();
      }
    }
  })();
  const killAt = [Math.floor(uploads / 4), Math.floor(uploads / 2)];
  const kills: Promise<void>[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < uploads) {
        const seed = next++;
        const id = await upload(seed);
        if (id !== undefined) accepted.add(id);
        const victim = killAt.indexOf(seed);
        if (victim >= 0) {
          const worker = workers[victim];
          if (worker === undefined) continue;
          kills.push(
            killWorker(worker).then((left) => {
              orphans += left;
              workers[victim] = start(['workers/align-worker.ts']);
            }),
          );
        }
      }
    }),
  );
  await Promise.all(kills);
  for (const request of [
    'POST /v1/pairs HTTP/1.1\r\nHost: b\r\nContent-Type: multipart/form-data\r\nContent-Length: 4\r\n\r\nabcd',
    'POST /v1/pairs HTTP/1.1\r\nHost: b\r\nContent-Type: multipart/form-data; boundary=x\r\n' +
      'Content-Length: 60\r\nConnection: close\r\n\r\n--x\r\n' +
      'Content-Disposition: form-data; name="fr"; filename="a\0b"\r\n\r\n',
  ])
    count(await raw(request));
  loading = false;
  await readers;

  // Every accepted pair must finish: done, or failed with a reason.
  const deadline = Date.now() + 600_000;
  let unfinished = [...accepted];
  while (unfinished.length > 0 && Date.now() < deadline) {
    const states = await Promise.all(
      unfinished.map(async (id) => {
        const pair = (await (await fetch(`${baseUrl}/v1/pairs/${id}`)).json()) as { status?: string };
        return pair.status === 'done' || pair.status === 'failed' ? undefined : id;
      }),
    );
    unfinished = states.filter((id): id is string => id !== undefined);
    if (unfinished.length > 0) await sleep(1000);
  }

  const store = openSqliteStore({ path: join(dataDir, 'paralign.sqlite') });
  const total = (await store.listPairs({}, { limit: 1, offset: 0 })).total;
  let lost = 0;
  let duplicated = Math.max(0, total - accepted.size);
  let failed = 0;
  for (const id of accepted) {
    const pair = await store.getPair(id);
    if (pair === null) lost += 1;
    if (pair?.status === 'failed') failed += 1;
    if (pair?.status !== 'done') continue;
    const indices: number[] = [];
    for await (const unit of store.streamUnits({ pairId: id })) indices.push(unit.index);
    if (new Set(indices).size !== indices.length) duplicated += 1;
  }
  await store.close();

  const answers = [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status === 0 ? 'none' : status}: ${n}`)
    .join(', ');
  console.log(`| uploads | accepted | lost | duplicated | stuck | failed | orphans | answers by status | p50 | p95 |`);
  console.log(`|---|---|---|---|---|---|---|---|---|---|`);
  console.log(
    `| ${uploads} | ${accepted.size} | ${lost} | ${duplicated} | ${unfinished.length} | ${failed} | ${orphans} | ` +
      `${answers} | ${percentile(latencies, 50)} ms | ${percentile(latencies, 95)} ms |`,
  );
}

try {
  await main();
} finally {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
  await deleteRedisKeys(process.env.REDIS_URL ?? TEST_REDIS_URL, env.QUEUE_PREFIX);
}
