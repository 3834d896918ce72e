/** The collection an upload is filed under, as the request's account may file it. */
import type { Request } from 'express';
import { HttpError, HttpErrorCode } from './http-error.js';
import { collectionsOf } from './request-account.js';

/**
 * The collection asked for, or, for an account limited to one collection, that one; throws a 403 {@link HttpError}
 * when the account may not file there (an account of several collections must name one).
 */
export function resolveUploadCollection(req: Request, asked: string | undefined): string | null {
  const allowed = collectionsOf(req);
  if (allowed === undefined) return asked ?? null;
  const collection = asked ?? (allowed.length === 1 ? allowed[0] : undefined);
  if (collection === undefined || !allowed.includes(collection))
    throw new HttpError(403, HttpErrorCode.collectionForbidden, { collections: allowed.join(', ') });
  return collection;
}
