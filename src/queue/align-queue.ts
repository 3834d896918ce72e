/** The alignment queue shared by the API (producer) and the workers (consumers): its name, payload and options. */
import { Queue, QueueEvents, type JobsOptions, type RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';

/** Name of the BullMQ queue that carries one job per uploaded pair. */
export const ALIGN_QUEUE_NAME = 'align';

/** What a job carries: only the pair's id; the files and options live in the store. */
export const alignJobSchema = z.object({
  /** Id of the pair in the store. */
  pairId: z.string().min(1),
});
/** See {@link alignJobSchema}. */
export type AlignJobData = z.infer<typeof alignJobSchema>;

/** What a finished job returns (kept in Redis with the job, shown by Bull Board). */
export interface AlignJobResult {
  /** Id of the pair. */
  pairId: string;
  /** Sentence beads stored. */
  sentenceBeads: number;
  /** Whether the parity report found the two versions parallel. */
  parity: boolean;
  /** Wall time of the job, in milliseconds. */
  durationMs: number;
}

/** The part of the configuration the queue needs. */
export interface QueueConfig {
  /** redis://host:port/db of the queue's Redis. */
  redisUrl: string;
  /** BullMQ key prefix: separates deployments (and test runs) sharing one Redis. */
  queuePrefix: string;
}

/** Who opens a connection: producers must fail fast, workers must wait out a Redis restart. */
export type ConnectionRole = 'producer' | 'worker';

/** Attempts of a job that fails with a transient fault (bad input is never retried). */
export const ALIGN_JOB_ATTEMPTS = 4;

/** Default options of every alignment job: exponential backoff from 2 s, bounded history. */
export const ALIGN_JOB_OPTIONS: JobsOptions = {
  attempts: ALIGN_JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

/** ioredis options for `role` from a redis:// URL. */
export function createRedisOptions(redisUrl: string, role: ConnectionRole): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  const base: RedisOptions = {
    host: url.hostname || '127.0.0.1',
    port: url.port === '' ? 6379 : Number(url.port),
    db: Number.isInteger(db) ? db : 0,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // Reconnect forever, at most every 2 s: the service must come back on its own after a Redis restart.
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
  if (role === 'producer') {
    // An upload must get a 503 at once while Redis is down, not hang in ioredis' offline queue (BullMQ docs,
    // "Going to production": fail fast on the producer side).
    return { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 };
  }
  // BullMQ requires null for blocking worker connections.
  return { ...base, maxRetriesPerRequest: null };
}

/** An ioredis client for `role`; connection errors are left to the owner's 'error' listeners and /readyz. */
export function createRedisClient(redisUrl: string, role: ConnectionRole): Redis {
  const client = new Redis(createRedisOptions(redisUrl, role));
  client.on('error', () => {
    // ioredis reconnects by itself; without a listener each failed attempt prints an "Unhandled error event".
  });
  return client;
}

/** Opens the producer side of the alignment queue (used by the API). */
export function createAlignQueue(config: QueueConfig): Queue<AlignJobData, AlignJobResult> {
  return new Queue<AlignJobData, AlignJobResult>(ALIGN_QUEUE_NAME, {
    // Our own client, so that closeWithin can drop it: BullMQ's close() and disconnect() wait for a Redis that is down.
    connection: createRedisClient(config.redisUrl, 'producer'),
    prefix: config.queuePrefix,
    defaultJobOptions: ALIGN_JOB_OPTIONS,
  });
}

/**
 * Follows the alignment queue's events (progress, completions, failures) over one blocking connection of its own,
 * which waits out a Redis restart like a worker's; the API's metrics and waiting requests share it.
 */
export function createAlignQueueEvents(config: QueueConfig): QueueEvents {
  const events = new QueueEvents(ALIGN_QUEUE_NAME, {
    connection: createRedisClient(config.redisUrl, 'worker'),
    prefix: config.queuePrefix,
  });
  events.on('error', () => {
    // Reconnects on its own; /readyz reports the outage.
  });
  return events;
}

/** Job id of a pair's alignment: one live job per pair, so a repeated upload cannot queue the pair twice. */
export function alignJobId(pairId: string): string {
  return `pair-${pairId}`;
}

/** Something BullMQ-made that holds Redis connections. */
export interface RedisClosable {
  close(): Promise<void>;
  opts: { connection?: unknown };
}

/**
 * Closes gracefully within `ms`, then drops the ioredis client we passed in as `connection` (BullMQ leaves a shared
 * client open, and its close() waits forever for a Redis that never answered).
 */
export async function closeWithin(closable: RedisClosable, ms = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  const closing = closable.close().catch(() => {
    // Closing over a dead connection fails; the client is dropped below either way.
  });
  await Promise.race([closing, timedOut]).finally(() => clearTimeout(timer));
  const connection = closable.opts.connection;
  if (connection instanceof Redis) connection.disconnect();
}
