/**
 * GET /v1/pairs/{id}?wait=S[&after=T]: the pair once it is done or failed, or (with `after`, the `updatedAt` the
 * client last saw) once it has changed since; else as it stands after S seconds.
 */
import type { Request, Response } from 'express';
import { setTimeout as delay } from 'node:timers/promises';
import type { PairRecord, Store } from '../storage/store.js';
import { findPair } from './find-pair.js';
import { isSettled, type PairChanges } from './pair-changes.js';

// A waiting request reads the store again this often even without an event: an event lost while Redis restarts, or
// a pair settled by the reconciler rather than a job, is then answered at most this late.
const RECHECK_MS = 1000;

/** What a waiting request waits for. */
export interface PairWait {
  /** Longest wait, in ms; 0 or less answers at once. */
  waitMs: number;
  /** The pair's `updatedAt` as the client last saw it: any later change ends the wait. */
  after?: string;
}

/**
 * Reads the pair of `req` until the wait is over or the client has gone. Each round starts watching before it reads,
 * so a change between the read and the wait still wakes it.
 */
export async function waitForPairChange(
  store: Store,
  changes: PairChanges,
  req: Request,
  res: Response,
  wait: PairWait,
): Promise<PairRecord> {
  const deadline = Date.now() + wait.waitMs;
  let clientGone = false;
  let onClose = (): void => {};
  const gone = new Promise<void>((resolve) => {
    onClose = () => {
      clientGone = true;
      resolve();
    };
  });
  res.once('close', onClose);
  try {
    for (;;) {
      // Without `after` only the end of the job can answer the request: its progress need not read the store again.
      const watch = changes.watch(String(req.params.id), wait.after === undefined ? 'settled' : 'change');
      const timer = new AbortController();
      try {
        const pair = await findPair(store, req);
        const changed = wait.after !== undefined && pair.updatedAt.toISOString() !== wait.after;
        const left = deadline - Date.now();
        if (isSettled(pair.status) || changed || left <= 0 || clientGone) return pair;
        const recheck = delay(Math.min(left, RECHECK_MS), undefined, { signal: timer.signal }).catch(() => {});
        await Promise.race([watch.woken, recheck, gone]);
      } finally {
        timer.abort();
        watch.cancel();
      }
    }
  } finally {
    res.off('close', onClose);
  }
}
