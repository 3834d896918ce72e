/** Turns a {@link Config} back into the environment variables {@link loadConfig} reads, for child processes. */
import type { Config } from '../config.js';

/** The variables that make `loadConfig(env)` in a child process give back `config`. */
export function configToEnv(config: Config): Record<string, string> {
  return {
    PORT: String(config.port),
    REDIS_URL: config.redisUrl,
    // An empty value reads as "not set" (src/config.ts), so a parent's DATABASE_URL cannot leak into a SQLite child.
    DATABASE_URL: config.databaseUrl ?? '',
    DATABASE_SCHEMA: config.databaseSchema ?? '',
    DATA_DIR: config.dataDir,
    SQLITE_PATH: config.sqlitePath,
    WORKER_CONCURRENCY: String(config.workerConcurrency),
    QUEUE_PREFIX: config.queuePrefix,
    MAX_UPLOAD_BYTES: String(config.maxUploadBytes),
    WORKER_LOCK_MS: String(config.workerLockMs),
    RECONCILE_INTERVAL_MS: String(config.reconcileIntervalMs),
    REQUEST_TIMEOUT_MS: String(config.requestTimeoutMs),
    UPLOADS_PER_MINUTE: String(config.uploadsPerMinute),
    EXPORTS_PER_MINUTE: String(config.exportsPerMinute),
    PARALIGN_LEXICON_UNITS: String(config.lexiconUnits),
    PARALIGN_LEXICON_MIN_CONFIDENCE: String(config.lexiconMinConfidence),
    PARALIGN_LEXICON_MIN_INTERVAL_MS: String(config.lexiconMinIntervalMs),
  };
}
