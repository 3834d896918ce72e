/** /v1/pairs/{id}/alignment/...: the history of an alignment's versions, and edits that make a new version. */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { EditError, EditReason } from '../../core/review/edit-error.js';
import type { EditOp } from '../../core/review/review-model.js';
import { AlignmentChangedError } from '../../service/alignment-changed-error.js';
import { editAlignment } from '../../service/edit-alignment.js';
import { AuditAction } from '../../storage/store.js';
import type { AppDeps } from '../app-deps.js';
import { findDonePair } from '../find-pair.js';
import { HttpError, HttpErrorCode } from '../http-error.js';
import { recordAudit } from '../record-audit.js';
import { editOpSchema, pageQuerySchema } from '../schemas.js';
import { sendAlignmentPage, versionEtag } from '../send-alignment-page.js';

// Ten thousand approvals of six-digit bead numbers, with room to spare; an edit's text is at most 20,000 characters.
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;
const MAX_OPERATIONS = 10_000;

/** Builds the router of the alignment's history and edits. */
export function createAlignmentEditsRouter(deps: AppDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get('/v1/pairs/:id/alignment/history', async (req, res) => {
    const pair = await findDonePair(store, req);
    const versions = await store.listAlignmentVersions(pair.id);
    res.json({ version: pair.alignmentVersion, items: versions });
  });

  router.post('/v1/pairs/:id/alignment/edits', readJsonBody, async (req, res) => {
    const pair = await findDonePair(store, req);
    // Read before anything is stored: a bad page query must not answer 400 for an edit that was made.
    const { limit, offset } = pageQuerySchema.parse(req.query);
    const { saved, operations } = await withCurrentEtag(res, async () => {
      // The precondition first (428, 412): a client editing a stale version must reload whatever it sent.
      const basedOn = matchVersion(req.get('if-match'), pair.alignmentVersion ?? 0);
      const operations = parseOperations(req.body);
      // The access policy lets only signed-in reviewers and admins here.
      const author = req.account?.name ?? '';
      return { saved: await editAlignment(store, { pairId: pair.id, basedOn, author, operations }), operations };
    });
    await recordAudit(store, req, {
      action: AuditAction.correction,
      pairId: pair.id,
      collection: pair.collection,
      detail: `version ${saved.version}: ${operations.map((op) => op.op).join(', ')}`.slice(0, 500),
    });
    const [page, aligned] = await Promise.all([
      store.getAlignment(pair.id, { limit, offset }, saved.version),
      store.loadAlignment(pair.id),
    ]);
    // Deleted or aligned again in the instant since: the edit is stored, but its version is gone.
    if (page === null || aligned === null) throw new AlignmentChangedError(pair.alignmentVersion ?? 0, saved.version);
    sendAlignmentPage(res, page, { limit, offset }, aligned);
  });

  return router;
}

// A 412 carries the current version's ETag, for a client that wants to say which version won.
async function withCurrentEtag<T>(res: Response, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AlignmentChangedError) res.setHeader('ETag', versionEtag(error.current));
    throw error;
  }
}

const parseJson = express.json({ limit: BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] });

// The body parser's own errors speak of multipart forms (error-handler.ts): say what an edit request needs instead.
function readJsonBody(req: Request, res: Response, next: NextFunction): void {
  parseJson(req, res, (error?: unknown) => {
    if (error === undefined || error === null) {
      next();
      return;
    }
    const type: unknown = (error as { type?: unknown }).type;
    next(
      type === 'entity.too.large'
        ? new HttpError(413, HttpErrorCode.editsTooLarge, { limit: BODY_LIMIT_BYTES / 1048576 })
        : new HttpError(400, HttpErrorCode.editsNotArray),
    );
  });
}

/**
 * The version an If-Match names when it is `current` (RFC 9110 §13.1.1: strong comparison, any tag of the list may
 * match; a bare number is taken as its quoted tag). 428 without one or with `*` (a client must say which version
 * it edits); {@link AlignmentChangedError} (412) when no tag names the current version.
 */
function matchVersion(header: string | undefined, current: number): number {
  const tags = (header ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  if (tags.length === 0 || tags.includes('*')) throw new HttpError(428, HttpErrorCode.ifMatchRequired);
  const versions = tags.map((tag) => /^"?(\d{1,15})"?$/.exec(tag)?.[1]).map((digits) => Number(digits ?? Number.NaN));
  if (versions.includes(current)) return current;
  throw new AlignmentChangedError(current, versions.find((version) => Number.isInteger(version)) ?? 0);
}

function parseOperations(body: unknown): EditOp[] {
  if (!Array.isArray(body) || body.length === 0 || body.length > MAX_OPERATIONS)
    throw new HttpError(400, HttpErrorCode.editsNotArray);
  return body.map((item: unknown, index) => {
    const parsed = editOpSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const name: unknown = typeof item === 'object' && item !== null ? (item as { op?: unknown }).op : undefined;
    const detail = parsed.error.issues
      .map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`))
      .join('; ');
    throw new EditError(EditReason.notAnOp, `not an operation: ${detail}`, { detail }).atOp(
      index,
      typeof name === 'string' ? name.slice(0, 20) : '?',
    );
  });
}
