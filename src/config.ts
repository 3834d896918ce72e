/**
 * Settings from the environment: the only module that reads process.env (callers pass `env`, so tests need not touch
 * it).
 */
import { join } from 'node:path';
import { DEFAULT_LIMITS } from './extract/limits.js';

/** Every setting paralign's service reads, with its unit. */
export interface Config {
  /** HTTP port of the API (PORT, default 3000). */
  port: number;
  /** Address the API listens on (HOST, default 127.0.0.1: this machine only; 0.0.0.0 for every interface). */
  host: string;
  /**
   * Whether callers must authenticate (PARALIGN_AUTH, default "on"); "off" is a single-user laptop mode where everyone
   * is an admin, allowed only with a loopback HOST.
   */
  auth: 'on' | 'off';
  /** Origins allowed to call the API from a browser (CORS_ORIGINS, comma-separated); empty: CORS off. */
  corsOrigins: string[];
  /** Redis for the queue (REDIS_URL, default redis://127.0.0.1:6379). */
  redisUrl: string;
  /** PostgreSQL store when set (DATABASE_URL, postgres://...); SQLite under `dataDir` when absent. */
  databaseUrl?: string;
  /** PostgreSQL schema of the store (DATABASE_SCHEMA); the server's default schema when absent. */
  databaseSchema?: string;
  /** Folder for local data, the SQLite file among it (DATA_DIR, default ./data). */
  dataDir: string;
  /** SQLite store file: `dataDir`/paralign.sqlite (SQLITE_PATH overrides). */
  sqlitePath: string;
  /** Jobs one worker process runs at once (WORKER_CONCURRENCY, default 2). */
  workerConcurrency: number;
  /** Prefix of every BullMQ key in Redis (QUEUE_PREFIX, default "paralign"). */
  queuePrefix: string;
  /** Largest accepted upload file, in bytes (MAX_UPLOAD_BYTES, default 50 MiB, the extractors' own limit). */
  maxUploadBytes: number;
  /**
   * How long a worker's lock on a job lasts without renewal, in ms (WORKER_LOCK_MS, default 30000): a killed worker's
   * job goes to another worker after about this long; also the interval of the stalled-job check.
   */
  workerLockMs: number;
  /**
   * How often the API and each worker compare unfinished pairs with their jobs and repair the difference, in ms
   * (RECONCILE_INTERVAL_MS, default 60000; src/service/reconcile-pairs.ts).
   */
  reconcileIntervalMs: number;
  /**
   * How long the API waits for a request to be complete and answered before a 408, in ms (REQUEST_TIMEOUT_MS, 60000).
   */
  requestTimeoutMs: number;
  /** Uploads one client (IP address) may make per minute before 429s (UPLOADS_PER_MINUTE, default 60). */
  uploadsPerMinute: number;
  /** Exports one client may ask for per minute, per pair or whole-store (EXPORTS_PER_MINUTE, default 30). */
  exportsPerMinute: number;
  /**
   * Most stored segments that train each alignment's lexicon, the most recent one-to-one segments of the same language
   * pair (PARALIGN_LEXICON_UNITS, default 5000; 0 trains on the document alone).
   */
  lexiconUnits: number;
  /**
   * Least confidence, in [0, 1], of a stored segment that trains a lexicon (PARALIGN_LEXICON_MIN_CONFIDENCE, default
   * 0.9).
   */
  lexiconMinConfidence: number;
  /**
   * Least time, in ms, between two learnings of a direction's lexicon once its store is past its first sample
   * (PARALIGN_LEXICON_MIN_INTERVAL_MS, default 60000): a busy store then learns once a minute rather than on every
   * `lexiconUnits` new segments.
   */
  lexiconMinIntervalMs: number;
}

/** Reads the {@link Config} from `env`, throwing an Error that names the variable when a value is unusable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = readString(env, 'DATA_DIR') ?? './data';
  const databaseUrl = readString(env, 'DATABASE_URL');
  const databaseSchema = readString(env, 'DATABASE_SCHEMA');
  const host = readString(env, 'HOST') ?? '127.0.0.1';
  const auth = readString(env, 'PARALIGN_AUTH') ?? 'on';
  if (auth !== 'on' && auth !== 'off') throw new Error(`PARALIGN_AUTH must be "on" or "off", not "${auth}".`);
  if (auth === 'off' && !LOOPBACK_HOSTS.has(host)) {
    throw new Error(`PARALIGN_AUTH=off listens on 127.0.0.1 only: unset HOST (now "${host}") or turn auth on.`);
  }
  return {
    port: readInteger(env, 'PORT', 3000, 0, 65_535),
    host,
    auth,
    corsOrigins: (readString(env, 'CORS_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter((origin) => origin !== ''),
    redisUrl: readString(env, 'REDIS_URL') ?? 'redis://127.0.0.1:6379',
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(databaseSchema === undefined ? {} : { databaseSchema }),
    dataDir,
    sqlitePath: readString(env, 'SQLITE_PATH') ?? join(dataDir, 'paralign.sqlite'),
    workerConcurrency: readInteger(env, 'WORKER_CONCURRENCY', 2, 1, 1024),
    queuePrefix: readString(env, 'QUEUE_PREFIX') ?? 'paralign',
    maxUploadBytes: readInteger(env, 'MAX_UPLOAD_BYTES', DEFAULT_LIMITS.maxFileBytes, 1, Number.MAX_SAFE_INTEGER),
    workerLockMs: readInteger(env, 'WORKER_LOCK_MS', 30_000, 1000, 3_600_000),
    reconcileIntervalMs: readInteger(env, 'RECONCILE_INTERVAL_MS', 60_000, 100, 86_400_000),
    requestTimeoutMs: readInteger(env, 'REQUEST_TIMEOUT_MS', 60_000, 100, 3_600_000),
    uploadsPerMinute: readInteger(env, 'UPLOADS_PER_MINUTE', 60, 1, 1_000_000),
    exportsPerMinute: readInteger(env, 'EXPORTS_PER_MINUTE', 30, 1, 1_000_000),
    // The core trains on at most 5,000 pairs (DEFAULT_LEXICON_OPTIONS.maxPairs) and thins a larger sample evenly.
    lexiconUnits: readInteger(env, 'PARALIGN_LEXICON_UNITS', 5000, 0, 1_000_000),
    lexiconMinConfidence: readNumber(env, 'PARALIGN_LEXICON_MIN_CONFIDENCE', 0.9, 0, 1),
    lexiconMinIntervalMs: readInteger(env, 'PARALIGN_LEXICON_MIN_INTERVAL_MS', 60_000, 0, 86_400_000),
  };
}

// Addresses that only this machine reaches: the one place where an unauthenticated service may listen.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

function readString(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  // An empty variable (NAME= in a compose file) means "not set".
  return value === undefined || value === '' ? undefined : value;
}

function readNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}
