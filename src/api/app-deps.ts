/** What the API's routes are given: the store, the queue, the settings and the logger; nothing is global. */
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { AlignJobData, AlignJobResult } from '../queue/align-queue.js';
import type { Store } from '../storage/store.js';
import type { ApiMetrics } from './metrics.js';
import type { PairChanges } from './pair-changes.js';

/** The settings the API reads (a subset of src/config.ts's Config). */
export interface ApiConfig {
  /** Largest accepted upload file, in bytes. */
  maxUploadBytes: number;
  /** Time a request has to be complete and answered, in ms (408 after). */
  requestTimeoutMs: number;
  /** Uploads per client per minute (429 after). */
  uploadsPerMinute: number;
  /** Exports per client per minute (429 after). */
  exportsPerMinute: number;
  /** "off": no authentication, every caller is the local admin (laptop mode); "on" otherwise. */
  auth: 'on' | 'off';
  /** Origins a browser may call the API from; empty for none (no CORS headers at all). */
  corsOrigins: readonly string[];
}

/** Everything a route handler may use. */
export interface AppDeps {
  /** The segment store. */
  store: Store;
  /** Producer side of the alignment queue. */
  queue: Queue<AlignJobData, AlignJobResult>;
  /** Settings. */
  config: ApiConfig;
  /** Structured logger. */
  logger: Logger;
  /** Prometheus metrics of this process. */
  metrics: ApiMetrics;
  /** Wakes the requests waiting for a pair to change (progress, done, failed). */
  pairChanges: PairChanges;
}
