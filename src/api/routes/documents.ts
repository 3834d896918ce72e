/**
 * /v1/documents: upload two to six language versions of one document (multipart files named by language code), one
 * pair per version with the pivot; list documents; see a document and its pairs.
 */
import { Router, type Request } from 'express';
import multer from 'multer';
import { writeMultilingualTmx } from '../../core/export/tmx-multilingual.js';
import { UN_LANGUAGES } from '../../core/model.js';
import { describeGap } from '../../core/qa/describe-gap.js';
import { buildParityMatrix } from '../../core/qa/parity-matrix.js';
import { PARALIGN_VERSION } from '../../version.js';
import { submitDocument } from '../../service/submit-document.js';
import { AuditAction, type DocumentRecord, type PairRecord, type StoredFile } from '../../storage/store.js';
import type { AppDeps } from '../app-deps.js';
import { documentFieldsSchema, listDocumentsQuerySchema } from '../document-schemas.js';
import { findDocument, listDocuments, loadDocumentAlignment } from '../find-document.js';
import { HttpError, HttpErrorCode } from '../http-error.js';
import { readLanguageFiles } from '../language-files.js';
import { presentPair, type PairJson } from '../present-pair.js';
import { exportDetail, recordAudit } from '../record-audit.js';
import { exportQuerySchema } from '../schemas.js';
import { streamChunks } from '../stream-chunks.js';
import { maySeePair } from '../request-account.js';
import { reportLocale } from '../report-locale.js';
import { resolveUploadCollection } from '../upload-collection.js';

/** The API's view of a document (see `documentSchema` in document-schemas.ts). */
interface DocumentJson {
  id: string;
  pivot: string;
  collection: string | null;
  symbol: string | null;
  createdAt: string;
  versions: DocumentRecord['versions'];
  pairs: PairJson[];
}

/** Builds the router of /v1/documents. */
export function createDocumentsRouter(deps: AppDeps): Router {
  const { store, queue, config, logger, metrics } = deps;
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: config.maxUploadBytes, files: UN_LANGUAGES.length, fields: 10, fieldSize: 4096 },
  });

  router.post('/v1/documents', upload.any(), async (req, res) => {
    const fields = documentFieldsSchema.parse(req.body ?? {});
    const collection = resolveUploadCollection(req, fields.collection);
    const versions = readVersions(Array.isArray(req.files) ? req.files : []);
    metrics.uploadBytes.observe(versions.reduce((n, version) => n + version.file.bytes.byteLength, 0));
    const submitted = await submitDocument(
      { store, queue, logger },
      { versions, collection, symbol: fields.symbol ?? null, ...(fields.pivot ? { pivot: fields.pivot } : {}) },
    );
    // The same bytes stored in a collection the caller cannot see: say so without showing those pairs.
    if (!submitted.pairs.every((pair) => maySeePair(req, pair.pair)))
      throw new HttpError(409, HttpErrorCode.pairElsewhere);
    for (const { pair, created } of submitted.pairs) {
      metrics.uploads.inc({ outcome: created ? 'created' : 'existing' });
      await recordAudit(store, req, {
        action: AuditAction.upload,
        pairId: pair.id,
        collection: pair.collection,
        detail: `${created ? 'new' : 'existing'} document ${submitted.document.id}`,
      });
    }
    const accepted = submitted.pairs.some((pair) => pair.accepted);
    res
      .status(accepted ? 202 : 200)
      .location(`/v1/documents/${submitted.document.id}`)
      .json({
        documentId: submitted.document.id,
        created: submitted.created,
        document: presentDocument(
          submitted.document,
          submitted.pairs.map((pair) => pair.pair),
          req,
        ),
      });
  });

  router.get('/v1/documents', async (req, res) => {
    const query = listDocumentsQuerySchema.parse(req.query);
    const { limit, offset } = query;
    const page = await listDocuments(store, req, query);
    res.json({
      items: page.items.map(({ document, pairs }) => presentDocument(document, pairs, req)),
      total: page.total,
      limit,
      offset,
    });
  });

  router.get('/v1/documents/:id', async (req, res) => {
    const { document, pairs } = await findDocument(store, req);
    res.json(presentDocument(document, pairs, req));
  });

  // The document's multilingual memory: its pairs merged through the pivot, once every pair is aligned.
  // What each version lacks (labels, numbers, footnotes), once every pair is aligned; each gap also said in words.
  router.get('/v1/documents/:id/parity', async (req, res) => {
    const found = await findDocument(store, req);
    const { alignment, reports } = await loadDocumentAlignment(store, req, found);
    const matrix = buildParityMatrix(alignment, reports);
    const locale = reportLocale(req);
    res.json({
      documentId: found.document.id,
      ...matrix,
      gaps: matrix.gaps.map((gap) => ({ ...gap, description: describeGap(gap, locale) })),
    });
  });

  // The document's multilingual memory: its pairs merged through the pivot, once every pair is aligned.
  router.get('/v1/documents/:id/export.tmx', async (req, res) => {
    const found = await findDocument(store, req);
    const { document, pairs } = found;
    const selection = exportQuerySchema.parse(req.query);
    const { alignment: multi, updatedAt } = await loadDocumentAlignment(store, req, found);
    const chunks = writeMultilingualTmx(multi, {
      units: selection.units,
      statuses: selection.status,
      ...(selection.minConfidence !== undefined ? { minConfidence: selection.minConfidence } : {}),
      creationDate: updatedAt,
      creationToolVersion: PARALIGN_VERSION,
    });
    for (const pair of pairs) {
      await recordAudit(store, req, {
        action: AuditAction.export,
        pairId: pair.id,
        collection: pair.collection,
        detail: exportDetail(`document.tmx ${document.id}`, req.originalUrl),
      });
    }
    res.attachment(`${(document.symbol ?? document.id).replace(/[^A-Za-z0-9._-]+/g, '-')}.tmx`);
    res.type('application/x-tmx+xml; charset=utf-8');
    await streamChunks(res, chunks);
  });

  return router;
}

// The files of the upload, each named by its language code: one a language, two at least.
function readVersions(files: readonly Express.Multer.File[]): { language: string; file: StoredFile }[] {
  const { versions } = readLanguageFiles(files);
  if (versions.length < 2) throw new HttpError(400, HttpErrorCode.missingVersions, { count: versions.length });
  return versions;
}

function presentDocument(document: DocumentRecord, pairs: readonly PairRecord[], req: Request): DocumentJson {
  return {
    id: document.id,
    pivot: document.pivotLanguage,
    collection: document.collection,
    symbol: document.symbol,
    createdAt: document.createdAt.toISOString(),
    versions: document.versions,
    pairs: pairs.map((pair) => presentPair(pair, req.t)),
  };
}
