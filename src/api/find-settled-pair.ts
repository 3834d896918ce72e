/** GET /v1/pairs/{id}?wait=S: the pair once it is done or failed, or as it stands after S seconds. */
import type { Request, Response } from 'express';
import { setTimeout as delay } from 'node:timers/promises';
import { PairStatus, type PairRecord, type Store } from '../storage/store.js';
import { findPair } from './find-pair.js';
import type { PairSettlements } from './pair-settlements.js';

// A waiting request reads the store again this often even without an event: an event lost while Redis restarts, or
// a pair settled by the reconciler rather than a job, is then answered at most this late.
const RECHECK_MS = 1000;

/** Whether a pair has reached a status it only leaves by being uploaded or edited again. */
export function isSettled(status: PairStatus): boolean {
  return status === PairStatus.done || status === PairStatus.failed;
}

/**
 * Reads the pair of `req` until it is settled, `waitMs` have passed or the client has gone. Each round starts
 * watching before it reads, so a job that ends between the read and the wait still wakes it.
 */
export async function findSettledPair(
  store: Store,
  settlements: PairSettlements,
  req: Request,
  res: Response,
  waitMs: number,
): Promise<PairRecord> {
  const deadline = Date.now() + waitMs;
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
      const watch = settlements.watch(String(req.params.id));
      const timer = new AbortController();
      try {
        const pair = await findPair(store, req);
        const left = deadline - Date.now();
        if (isSettled(pair.status) || left <= 0 || clientGone) return pair;
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
