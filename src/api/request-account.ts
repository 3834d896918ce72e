/** The account a request is made by (set by src/api/authorize.ts), and what it may read. */
import type { Request } from 'express';
import { isInCollections } from '../auth/collection-scope.js';
import type { PairRecord, UserRecord } from '../storage/store.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The authenticated account; absent on public routes. */
    account?: UserRecord;
  }
}

/** The account every request is made by when authentication is off (PARALIGN_AUTH=off): an admin of everything. */
export const LOCAL_ACCOUNT: UserRecord = {
  name: 'local',
  role: 'admin',
  collections: null,
  hasPassword: false,
  createdAt: new Date(0),
  revokedAt: null,
};

/** The collections the request's account is limited to, or undefined for the whole store. */
export function collectionsOf(req: Request): readonly string[] | undefined {
  return req.account?.collections ?? undefined;
}

/** Whether the request's account may see `pair` (pairs without a collection are outside every limited scope). */
export function maySeePair(req: Request, pair: PairRecord): boolean {
  return isInCollections(pair.collection, collectionsOf(req));
}

/** `{ collections }` to spread into a store filter when the account is limited, else nothing. */
export function scopeFilter(req: Request): { collections?: readonly string[] } {
  const collections = collectionsOf(req);
  return collections === undefined ? {} : { collections };
}
