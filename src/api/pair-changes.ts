/**
 * Lets a request wait for a pair to change instead of its client polling: the alignment queue's events (BullMQ
 * QueueEvents, a Redis stream every API process reads) wake the requests waiting on a pair as soon as one of its jobs
 * reports progress, completes or fails (a request that answers only at the end, as soon as the job ends). The events
 * only say "look again": the store stays the one source of a pair's state, so an event that is missed (Redis
 * restarting) costs a late answer, never a wrong one.
 */
import type { QueueEvents } from 'bullmq';
import { alignJobId } from '../queue/align-queue.js';
import type { AlignProgress } from '../queue/align-stage.js';
import { PairStatus } from '../storage/store.js';

/** A wake-up for one waiting request. */
export interface ChangeWatch {
  /** Resolves when a job of the pair reports progress, completes or fails, or when watching stops; never rejects. */
  woken: Promise<void>;
  /** Forgets the watch: call it once the request no longer waits. */
  cancel(): void;
}

/**
 * What wakes a watch: `settled`, only the end of the pair's job (done or failed), for a request that answers only
 * then; `change`, any progress too.
 */
export type WatchFor = 'settled' | 'change';

/** The waits of one API process. */
export interface PairChanges {
  /** Starts watching `pairId`: watch before reading the store, so that a change in between still wakes it. */
  watch(pairId: string, watchFor?: WatchFor): ChangeWatch;
  /** Wakes every waiting request and every later one at once (shutdown: the server must not wait for them). */
  stop(): void;
}

const PAIR_JOB_PREFIX = alignJobId('');

interface Waker {
  wake: () => void;
  watchFor: WatchFor;
}

/** Whether a pair has reached a status it only leaves by being uploaded or edited again. */
export function isSettled(status: PairStatus): boolean {
  return status === PairStatus.done || status === PairStatus.failed;
}

// A job reports its last stage as progress just before it completes: a waiter for the end can be answered then.
function reportsEnd(data: unknown): boolean {
  const stage = typeof data === 'object' && data !== null ? (data as Partial<AlignProgress>).stage : undefined;
  return stage !== undefined && isSettled(stage);
}

/** Follows the progress, completions and failures `events` reports; without events, watches end only on stop. */
export function followPairChanges(events?: QueueEvents): PairChanges {
  const waiting = new Map<string, Set<Waker>>();
  let stopped = false;

  const wake = (pairId: string, settled: boolean): void => {
    const wakers = waiting.get(pairId);
    if (wakers === undefined) return;
    for (const waker of wakers) {
      if (!settled && waker.watchFor === 'settled') continue;
      wakers.delete(waker);
      waker.wake();
    }
    if (wakers.size === 0) waiting.delete(pairId);
  };
  const pairOf = (jobId: string): string | undefined =>
    jobId.startsWith(PAIR_JOB_PREFIX) ? jobId.slice(PAIR_JOB_PREFIX.length) : undefined;
  const onProgress = ({ jobId, data }: { jobId: string; data: unknown }): void => {
    const pairId = pairOf(jobId);
    if (pairId !== undefined) wake(pairId, reportsEnd(data));
  };
  const onEnd = ({ jobId }: { jobId: string }): void => {
    const pairId = pairOf(jobId);
    if (pairId !== undefined) wake(pairId, true);
  };
  events?.on('progress', onProgress);
  events?.on('completed', onEnd);
  events?.on('failed', onEnd);

  return {
    watch(pairId, watchFor = 'change') {
      if (stopped) return { woken: Promise.resolve(), cancel: () => {} };
      const waker: Waker = { wake: () => {}, watchFor };
      const woken = new Promise<void>((resolve) => {
        waker.wake = resolve;
      });
      const wakers = waiting.get(pairId) ?? new Set();
      wakers.add(waker);
      waiting.set(pairId, wakers);
      return {
        woken,
        cancel() {
          wakers.delete(waker);
          if (wakers.size === 0 && waiting.get(pairId) === wakers) waiting.delete(pairId);
        },
      };
    },
    stop() {
      stopped = true;
      events?.off('progress', onProgress);
      events?.off('completed', onEnd);
      events?.off('failed', onEnd);
      for (const pairId of [...waiting.keys()]) wake(pairId, true);
    },
  };
}
