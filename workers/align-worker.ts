/**
 * Entry of a worker process (`npm run worker`): consumes the alignment queue until SIGTERM/SIGINT, then finishes the
 * jobs it holds and exits. Start as many as you like, on one machine or many, against the same Redis and store.
 */
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/create-logger.js';
import { openConfiguredStore } from '../src/open-configured-store.js';
import { closeWithin, createAlignQueue } from '../src/queue/align-queue.js';
import { startPairReconciler } from '../src/service/start-pair-reconciler.js';
import { startAlignWorker } from './start-align-worker.js';

const config = loadConfig(process.env);
const logger = createLogger('paralign-worker');
// Migrate once here, so a worker started before the API still finds its tables; the sandboxed children do not.
const store = await openConfiguredStore(config);
const worker = startAlignWorker(config, logger);
// Each worker repairs pairs whose jobs ended without the store hearing of it (a stalled job failed, a disk that
// filled): a deployment of workers without the API still heals.
const queue = createAlignQueue(config);
queue.on('error', (error) => logger.warn({ err: error }, 'queue connection error'));
const reconciler = startPairReconciler(store, queue, logger, config.reconcileIntervalMs);
logger.info({ concurrency: worker.concurrency, queuePrefix: config.queuePrefix }, 'worker started');

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping: finishing the jobs in hand');
  // close() waits for running jobs to finish; Kubernetes/Docker give 10-30 s before SIGKILL, and a job killed then is
  // picked up again by another worker once its lock expires.
  reconciler
    .stop()
    .then(() => worker.close())
    .then(() => closeWithin(queue))
    .then(() => store.close())
    .then(() => {
      logger.info('worker stopped');
      process.exit(0);
    })
    .catch((error: unknown) => {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    });
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
