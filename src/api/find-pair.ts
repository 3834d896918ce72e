/** Finds the pair a /v1/pairs/{id}/... request names, as the request's account may see it. */
import type { Request } from 'express';
import { PairStatus, type PairRecord, type Store } from '../storage/store.js';
import { HttpError, HttpErrorCode } from './http-error.js';
import { maySeePair } from './request-account.js';
import { pairParamsSchema } from './schemas.js';

/** The pair of `req.params.id`; 404 when there is none or it lies outside the account's collections. */
export async function findPair(store: Store, req: Request): Promise<PairRecord> {
  const { id } = pairParamsSchema.parse(req.params);
  const pair = await store.getPair(id);
  // A pair outside the account's collections is answered as if it did not exist.
  if (pair === null || !maySeePair(req, pair)) throw new HttpError(404, HttpErrorCode.pairNotFound, { id });
  return pair;
}

/** {@link findPair}, and 409 unless the pair is aligned (with its failure reason when it failed). */
export async function findDonePair(store: Store, req: Request): Promise<PairRecord> {
  const pair = await findPair(store, req);
  if (pair.status === PairStatus.failed)
    throw new HttpError(409, HttpErrorCode.pairFailed, { id: pair.id, reason: pair.failureReason ?? '' });
  if (pair.status !== PairStatus.done)
    throw new HttpError(409, HttpErrorCode.pairNotReady, {
      id: pair.id,
      status: req.t(pair.status, { ns: 'status' }),
    });
  return pair;
}
