/** A document of several language versions as the request's account may see it, and its n-way alignment. */
import type { Request } from 'express';
import type { MultiAlignment } from '../core/model.js';
import type { ParityReport } from '../core/qa/parity-report.js';
import type { ReviewedAlignment } from '../core/review/review-model.js';
import { mergeReviewedVersions } from '../core/review/reviewed-version-pairs.js';
import { loadReviewedAlignment } from '../service/load-reviewed-alignment.js';
import { PairStatus, type DocumentRecord, type Page, type PairRecord, type Store } from '../storage/store.js';
import { documentParamsSchema, type ListDocumentsQuery } from './document-schemas.js';
import { HttpError, HttpErrorCode } from './http-error.js';
import { maySeePair, scopeFilter } from './request-account.js';

/** A document with the pair of each version other than the pivot. */
export interface FoundDocument {
  /** The document. */
  document: DocumentRecord;
  /** Its pairs, in the order of its versions. */
  pairs: PairRecord[];
}

/**
 * The document of the request's `:id` with its pairs; a 404 {@link HttpError} when there is none, or when one of its
 * pairs is in a collection the account may not see (answered as if the document did not exist).
 */
export async function findDocument(store: Store, req: Request): Promise<FoundDocument> {
  const { id } = documentParamsSchema.parse(req.params);
  const document = await store.getDocument(id);
  const found = document === null ? null : await visibleWithPairs(store, req, document);
  if (found === null) throw new HttpError(404, HttpErrorCode.documentNotFound, { id });
  return found;
}

/**
 * A page of the documents the request's account may see, as `query` filters them, oldest first, each with its pairs
 * as {@link findDocument} gives them.
 */
export async function listDocuments(
  store: Store,
  req: Request,
  query: ListDocumentsQuery,
): Promise<Page<FoundDocument>> {
  const { limit, offset, language, ...filter } = query;
  const listed = await store.listDocuments(
    { ...filter, ...(language !== undefined ? { languages: [language] } : {}), ...scopeFilter(req) },
    { limit, offset },
  );
  const items: FoundDocument[] = [];
  for (const document of listed.items) {
    const found = await visibleWithPairs(store, req, document);
    if (found !== null) items.push(found);
  }
  return { items, total: listed.total };
}

// The document with its pairs, or null when one of them is outside the account's collections: a version's pair
// uploaded alone before, in another collection, keeps the whole document from a limited account.
async function visibleWithPairs(store: Store, req: Request, document: DocumentRecord): Promise<FoundDocument | null> {
  const pairs: PairRecord[] = [];
  for (const version of document.versions) {
    const pair = version.pairId === null ? null : await store.getPair(version.pairId);
    if (pair !== null) pairs.push(pair);
  }
  return pairs.every((pair) => maySeePair(req, pair)) ? { document, pairs } : null;
}

/** A document's pairs merged through the pivot, with the parity report of each pair. */
export interface DocumentAlignment {
  /** The n-way alignment: the pivot first, then each version in the order of its pair. */
  alignment: MultiAlignment;
  /** The parity report of each pair, in the order of `alignment.pairs`. */
  reports: ParityReport[];
  /** When the latest of its pairs last changed. */
  updatedAt: Date;
}

/**
 * Loads every pair's current alignment (reviewers' corrections included) and report and merges them through the
 * pivot; a 409 {@link HttpError} names the first pair that failed or is not aligned yet (its status in the request's
 * language).
 */
export async function loadDocumentAlignment(
  store: Store,
  req: Request,
  found: FoundDocument,
): Promise<DocumentAlignment> {
  const { document, pairs } = found;
  const alignments: ReviewedAlignment[] = [];
  const reports: ParityReport[] = [];
  for (const pair of pairs) {
    if (pair.status === PairStatus.failed)
      throw new HttpError(409, HttpErrorCode.pairFailed, { id: pair.id, reason: pair.failureReason ?? '' });
    const [alignment, report] =
      pair.status === PairStatus.done
        ? await Promise.all([loadReviewedAlignment(store, pair.id), store.getReport(pair.id)])
        : [null, null];
    if (alignment === null || report === null) {
      const status = req.t(pair.status, { ns: 'status' });
      throw new HttpError(409, HttpErrorCode.pairNotReady, { id: pair.id, status });
    }
    alignments.push(alignment);
    reports.push(report);
  }
  const alignment = mergeReviewedVersions(alignments, document.pivotLanguage);
  if (alignment === null) throw new HttpError(404, HttpErrorCode.documentNotFound, { id: document.id });
  return {
    alignment,
    reports,
    updatedAt: new Date(Math.max(...pairs.map((pair) => pair.updatedAt.getTime()))),
  };
}
