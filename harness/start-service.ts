/** Starts the real service for integration tests: SQLite temp store, real Redis under a unique prefix, app, workers. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createApp } from '../src/api/create-app.js';
import { addUser } from '../src/auth/add-user.js';
import { createApiMetrics } from '../src/api/metrics.js';
import { followPairChanges } from '../src/api/pair-changes.js';
import { loadConfig, type Config } from '../src/config.js';
import { openConfiguredStore } from '../src/open-configured-store.js';
import {
  closeWithin,
  createAlignQueue,
  createAlignQueueEvents,
  type AlignJobData,
  type AlignJobResult,
} from '../src/queue/align-queue.js';
import { pingRedis } from '../src/queue/ensure-redis.js';
import type { Store } from '../src/storage/store.js';
import { startAlignWorker, type AlignWorkerOptions } from '../workers/start-align-worker.js';

/** The Redis the integration tests use (.ci/run starts it). */
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** Whether the test Redis answers; integration suites skip when it does not. */
export const redisAvailable: boolean = await pingRedis(TEST_REDIS_URL).then(
  () => true,
  () => false,
);

/** An account a test service is started with. */
export interface TestUser {
  /** Account name. */
  name: string;
  /** Role name. */
  role: string;
  /** Collections it is limited to; absent for every collection. */
  collections?: string[];
}

/** Where requests go and the Authorization header they carry by default. */
export interface ServiceTarget {
  /** http://127.0.0.1:port */
  baseUrl: string;
  /** `Bearer <admin token>`, or empty when the service runs without authentication. */
  authorization: string;
}

/** The name of the admin every test service is started with. */
export const TEST_ADMIN = 'test-admin';

/** A running service and how to reach and stop it. */
export interface TestService extends ServiceTarget {
  config: Config;
  store: Store;
  /** The API's producer queue. */
  queue: Queue<AlignJobData, AlignJobResult>;
  /** API token of each account the service was started with, {@link TEST_ADMIN} included, by name. */
  tokens: Record<string, string>;
  /** fetch() of a path of the service, as the admin unless `init.headers` has its own Authorization. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Stops app, workers, queue and store; deletes the run's Redis keys and temp files. */
  stop(): Promise<void>;
}

/** Options of {@link startTestService}. */
export interface TestServiceOptions {
  /** In-process worker instances (each with sandboxed children); 0 for none. */
  workers?: number;
  /** Options of each worker. */
  workerOptions?: AlignWorkerOptions;
  /** Overrides of the configuration. */
  config?: Partial<Config>;
  /** Accounts to create besides {@link TEST_ADMIN}; their tokens are in {@link TestService.tokens}. */
  users?: TestUser[];
}

/** How many pairs the store holds, whatever their status: what a refused upload must leave unchanged. */
export async function countStoredPairs(store: Store): Promise<number> {
  return (await store.listPairs({}, { limit: 1, offset: 0 })).total;
}

/** A unique BullMQ prefix for one test run, so runs never see each other's jobs. */
export function uniquePrefix(name: string): string {
  return `paralign-test-${name}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/** Deletes every Redis key under `prefix`. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Starts the service on an ephemeral port. */
export async function startTestService(name: string, options: TestServiceOptions = {}): Promise<TestService> {
  const dir = mkdtempSync(join(tmpdir(), `paralign-${name}-`));
  const config: Config = {
    ...loadConfig({}),
    redisUrl: TEST_REDIS_URL,
    dataDir: dir,
    sqlitePath: join(dir, 'store.sqlite'),
    queuePrefix: uniquePrefix(name),
    workerConcurrency: 2,
    // Suites upload and export from one address far faster than a person: the rate-limit suite sets its own.
    uploadsPerMinute: 100_000,
    exportsPerMinute: 100_000,
    ...options.config,
  };
  const logger = pino({ level: 'silent' });
  const store = await openConfiguredStore(config);
  const tokens: Record<string, string> = {};
  for (const user of [{ name: TEST_ADMIN, role: 'admin' }, ...(options.users ?? [])])
    tokens[user.name] = (await addUser(store, user, 'test')).token;
  const queue = createAlignQueue(config);
  queue.on('error', () => {
    // Tests that point the queue at a dead Redis expect the errors.
  });
  const queueEvents = createAlignQueueEvents(config);
  const metrics = createApiMetrics(queue, queueEvents);
  const pairChanges = followPairChanges(queueEvents);
  const app = createApp({ store, queue, config, logger, metrics, pairChanges });
  const server = app.listen(0, '127.0.0.1');
  // The tests' fetch shares this process: an upload that reads its files holds the event loop, and Node's 5 s
  // keep-alive timer can then close a socket fetch is about to reuse (ECONNRESET). Clients keep theirs shorter.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const workers: Worker[] = [];
  for (let i = 0; i < (options.workers ?? 1); i++)
    workers.push(startAlignWorker(config, logger, options.workerOptions));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const authorization = config.auth === 'off' ? '' : `Bearer ${tokens[TEST_ADMIN] ?? ''}`;
  return {
    baseUrl,
    authorization,
    tokens,
    fetch: (path, init = {}) =>
      fetch(`${baseUrl}${path}`, { ...init, headers: withAuthorization(authorization, init.headers) }),
    config,
    store,
    queue,
    async stop() {
      pairChanges.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(workers.map((worker) => closeWithin(worker, 30_000)));
      metrics.close();
      await closeWithin(queueEvents);
      await closeWithin(queue);
      await store.close();
      if (config.redisUrl === TEST_REDIS_URL) await deleteRedisKeys(config.redisUrl, config.queuePrefix);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A file to upload: its name and its text or bytes. */
export interface UploadFile {
  name: string;
  bytes: Uint8Array | string;
}

/** `headers` with `Authorization: authorization` added unless they have their own (or `authorization` is empty). */
export function withAuthorization(authorization: string, headers: RequestInit['headers'] = {}): Headers {
  const merged = new Headers(headers);
  if (authorization !== '' && !merged.has('authorization')) merged.set('authorization', authorization);
  return merged;
}

/**
 * Uploads a pair of files as multipart fields named by language (`fr`, `en`, `ar` ...), in the order given, and
 * `dictionary` when given, as the target's admin.
 */
export async function uploadPair(
  target: ServiceTarget | string,
  files: Partial<Record<string, UploadFile>>,
  headers: Record<string, string> = {},
  fields: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [field, file] of Object.entries(files))
    if (file !== undefined) form.append(field, new Blob([file.bytes]), file.name);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const { baseUrl, authorization } = typeof target === 'string' ? { baseUrl: target, authorization: '' } : target;
  return fetch(`${baseUrl}/v1/pairs`, {
    method: 'POST',
    body: form,
    headers: withAuthorization(authorization, headers),
  });
}

// Seconds each request of waitForPair asks the service to wait (GET /v1/pairs/:id?wait=S).
const WAIT_SECONDS = 10;
// Least time between two of its requests: a service whose request timeout is too short to wait answers at once.
const MIN_REQUEST_GAP_MS = 100;

/**
 * Waits until the pair is done or failed, as a client of the API should: with GET /v1/pairs/:id?wait=S, which
 * answers as soon as the pair settles; answers its last JSON.
 */
export async function waitForPair(
  target: ServiceTarget | string,
  id: string,
  timeoutMs = 60_000,
): Promise<{ status: string; failureReason: string | null; [key: string]: unknown }> {
  const { baseUrl, authorization } = typeof target === 'string' ? { baseUrl: target, authorization: '' } : target;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sent = Date.now();
    const wait = Math.max(0, Math.min(WAIT_SECONDS, Math.ceil((deadline - sent) / 1000)));
    const headers = withAuthorization(authorization);
    const pair = (await (await fetch(`${baseUrl}/v1/pairs/${id}?wait=${wait}`, { headers })).json()) as {
      status: string;
      failureReason: string | null;
    };
    if (pair.status === 'done' || pair.status === 'failed') return pair;
    if (Date.now() > deadline) throw new Error(`pair ${id} still ${pair.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, MIN_REQUEST_GAP_MS - (Date.now() - sent))));
  }
}

/**
 * Polls until BullMQ has settled a job as `state`: the store marks a pair failed inside the processor, a moment
 * before the worker records the attempt on the job, so a test that reads the job right after the pair races it.
 */
export async function waitForJobState(
  queue: Queue,
  jobId: string,
  state: 'completed' | 'failed',
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    const current = job === undefined ? 'missing' : await job.getState();
    if (current === state) return;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${current} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
