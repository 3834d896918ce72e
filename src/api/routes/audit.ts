/** /v1/audit: the audit trail for admins, a page of JSON or the whole filtered trail as CSV; read only. */
import { Router } from 'express';
import type { AuditAction, AuditFilter, AuditRecord } from '../../storage/store.js';
import type { AppDeps } from '../app-deps.js';
import { auditCsvQuerySchema, auditQuerySchema } from '../schemas.js';
import { streamChunks } from '../stream-chunks.js';

const CSV_COLUMNS = ['seq', 'at', 'actor', 'action', 'pairId', 'collection', 'detail', 'address'] as const;

/** Builds the router of /v1/audit and /v1/audit.csv (GET only: nothing changes or deletes the trail). */
export function createAuditRouter(deps: AppDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get('/v1/audit', async (req, res) => {
    const { limit, offset, ...query } = auditQuerySchema.parse(req.query);
    const page = await store.listAudit(toFilter(query), { limit, offset });
    res.json({ items: page.items.map(presentRow), total: page.total, limit, offset });
  });

  router.get('/v1/audit.csv', async (req, res) => {
    const filter = toFilter(auditCsvQuerySchema.parse(req.query));
    res.attachment('paralign-audit.csv');
    res.type('text/csv; charset=utf-8');
    await streamChunks(res, toCsv(store.streamAudit(filter)));
  });

  return router;
}

function toFilter(query: {
  actor?: string;
  action?: string;
  pairId?: string;
  collection?: string;
  from?: Date;
  to?: Date;
}): AuditFilter {
  return {
    ...(query.actor !== undefined ? { actor: query.actor } : {}),
    // The schema's enum is AUDIT_ACTIONS.
    ...(query.action !== undefined ? { action: query.action as AuditAction } : {}),
    ...(query.pairId !== undefined ? { pairId: query.pairId } : {}),
    ...(query.collection !== undefined ? { collection: query.collection } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
  };
}

function presentRow(row: AuditRecord): Record<(typeof CSV_COLUMNS)[number], string | number | null> {
  return { ...row, at: row.at.toISOString() };
}

async function* toCsv(rows: AsyncIterable<AuditRecord>): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const row of rows) {
    const present = presentRow(row);
    yield `${CSV_COLUMNS.map((column) => csvField(present[column])).join(',')}\r\n`;
  }
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A cell starting with = + - @ is a formula to a spreadsheet (OWASP CSV injection): make it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // RFC 4180 §2: quote fields holding a comma, quote or line break, doubling the quotes.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
