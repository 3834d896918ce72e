/**
 * Lets a request wait for a pair to change instead of its client polling: the alignment queue's events (BullMQ
 * QueueEvents, a Redis stream every API process reads) wake the requests waiting on a pair as soon as one of its jobs
 * reports progress, completes or fails. The events only say "look again": the store stays the one source of a pair's
 * state, so an event that is missed (Redis restarting) costs a late answer, never a wrong one.
 */
import type { QueueEvents } from 'bullmq';
import { alignJobId } from '../queue/align-queue.js';

/** A wake-up for one waiting request. */
export interface ChangeWatch {
  /** Resolves when a job of the pair reports progress, completes or fails, or when watching stops; never rejects. */
  woken: Promise<void>;
  /** Forgets the watch: call it once the request no longer waits. */
  cancel(): void;
}

/** The waits of one API process. */
export interface PairChanges {
  /** Starts watching `pairId`: watch before reading the store, so that a change in between still wakes it. */
  watch(pairId: string): ChangeWatch;
  /** Wakes every waiting request and every later one at once (shutdown: the server must not wait for them). */
  stop(): void;
}

const PAIR_JOB_PREFIX = alignJobId('');
const JOB_EVENTS = ['progress', 'completed', 'failed'] as const;

/** Follows the progress, completions and failures `events` reports; without events, watches end only on stop. */
export function followPairChanges(events?: QueueEvents): PairChanges {
  const waiting = new Map<string, Set<() => void>>();
  let stopped = false;

  const wake = (pairId: string): void => {
    const wakers = waiting.get(pairId);
    if (wakers === undefined) return;
    waiting.delete(pairId);
    for (const waker of wakers) waker();
  };
  const onJobEvent = ({ jobId }: { jobId: string }): void => {
    if (jobId.startsWith(PAIR_JOB_PREFIX)) wake(jobId.slice(PAIR_JOB_PREFIX.length));
  };
  for (const name of JOB_EVENTS) events?.on(name, onJobEvent);

  return {
    watch(pairId) {
      if (stopped) return { woken: Promise.resolve(), cancel: () => {} };
      let waker: () => void = () => {};
      const woken = new Promise<void>((resolve) => {
        waker = resolve;
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
      for (const name of JOB_EVENTS) events?.off(name, onJobEvent);
      for (const pairId of [...waiting.keys()]) wake(pairId);
    },
  };
}
