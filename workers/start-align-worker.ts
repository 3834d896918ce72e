/** Starts a BullMQ worker on the alignment queue whose jobs run in sandboxed child processes. */
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../src/config.js';
import { configToEnv } from '../src/queue/config-env.js';
import {
  ALIGN_QUEUE_NAME,
  createRedisOptions,
  type AlignJobData,
  type AlignJobResult,
} from '../src/queue/align-queue.js';
import { WORKER_PID_VARIABLE } from './processors/watch-parent.js';

/** Tuning of {@link startAlignWorker}; the defaults suit production. */
export interface AlignWorkerOptions {
  /** Jobs run at once by this process, each in its own child (default: config.workerConcurrency). */
  concurrency?: number;
  /** How long a job's lock lasts without renewal, in ms; a killed worker's job is taken over after about this. */
  lockDurationMs?: number;
  /** How often stalled jobs (of killed workers) are looked for, in ms. */
  stalledIntervalMs?: number;
}

/** Whether this module runs from the build (dist/, bundled JavaScript) rather than from its TypeScript source. */
const COMPILED = !import.meta.url.endsWith('.ts');

/** The processor file, run by BullMQ in a child process: its build beside this bundle (dist/), or its source. */
export const ALIGN_PROCESSOR_FILE = fileURLToPath(
  new URL(COMPILED ? './align-pair.js' : './processors/align-pair.ts', import.meta.url),
);

/** Starts consuming the alignment queue; close the returned worker to stop (it waits for running jobs). */
export function startAlignWorker(
  config: Config,
  logger: Logger,
  options: AlignWorkerOptions = {},
): Worker<AlignJobData, AlignJobResult> {
  // From the sources the child imports a .ts file: register tsx's loader there, by absolute URL so it resolves from
  // any cwd. The build's child runs plain JavaScript.
  const execArgv = COMPILED ? [] : ['--import', import.meta.resolve('tsx')];
  const worker = new Worker<AlignJobData, AlignJobResult>(ALIGN_QUEUE_NAME, ALIGN_PROCESSOR_FILE, {
    connection: createRedisOptions(config.redisUrl, 'worker'),
    prefix: config.queuePrefix,
    concurrency: options.concurrency ?? config.workerConcurrency,
    useWorkerThreads: false,
    workerForkOptions: {
      execArgv,
      // The child opens its own store from the same configuration as this process, whatever built it, and watches
      // this process (watch-parent.ts).
      env: { ...process.env, ...configToEnv(config), [WORKER_PID_VARIABLE]: String(process.pid) },
    },
    lockDuration: options.lockDurationMs ?? config.workerLockMs,
    stalledInterval: options.stalledIntervalMs ?? config.workerLockMs,
  });
  worker.on('completed', (job, result) => logger.info({ jobId: job.id, ...result }, 'alignment done'));
  worker.on('failed', (job, error) =>
    logger.warn(
      { jobId: job?.id, pairId: job?.data.pairId, attempts: job?.attemptsMade, reason: error.message },
      'alignment failed',
    ),
  );
  worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
  return worker;
}
