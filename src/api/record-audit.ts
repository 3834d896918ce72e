/** Appends one audit row for a request: who (its account), from where (its IP address), what. */
import type { Request } from 'express';
import type { AuditEntry, Store } from '../storage/store.js';

/** Records `entry` by the request's account (or `actor` when given: a failed sign-in names who was tried). */
export async function recordAudit(
  store: Store,
  req: Request,
  entry: Omit<AuditEntry, 'actor' | 'address'> & { actor?: string | null },
): Promise<void> {
  await store.appendAudit({ ...entry, actor: entry.actor ?? req.account?.name ?? null, address: req.ip ?? null });
}

/** An export's audit detail: the format and the query string that filtered it ("tm.tmx collection=CTOC"). */
export function exportDetail(format: string, originalUrl: string): string {
  const query = originalUrl.split('?')[1] ?? '';
  return query === '' ? format : `${format} ${decodeURIComponent(query.replace(/\+/g, ' ')).slice(0, 500)}`;
}
