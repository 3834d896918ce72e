/** Runs {@link reconcilePairs} now and then every `intervalMs`, logging what it repaired, until stopped. */
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { AlignJobData, AlignJobResult } from '../queue/align-queue.js';
import type { Store } from '../storage/store.js';
import { reconcilePairs } from './reconcile-pairs.js';

/** A running reconciler. */
export interface PairReconciler {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Starts reconciling the store's unfinished pairs with the queue at once and every `intervalMs` ms. */
export function startPairReconciler(
  store: Store,
  queue: Queue<AlignJobData, AlignJobResult>,
  logger: Logger,
  intervalMs: number,
): PairReconciler {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const run = (): void => {
    // A slow run (a store of many unfinished pairs, a Redis timing out) must not pile up behind itself.
    if (busy) return;
    busy = true;
    running = reconcilePairs(store, queue)
      .then((result) => {
        if (result.failed > 0 || result.rerun > 0) logger.warn(result, 'repaired pairs whose jobs had ended');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'could not reconcile unfinished pairs with the queue'))
      .finally(() => {
        busy = false;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
