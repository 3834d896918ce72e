/** /v1/pairs: upload a pair, list pairs, see one, its alignment, its report, its exports; delete it. */
import { Router } from 'express';
import multer from 'multer';
import { writeTmx } from '../../core/export/tmx.js';
import { writeTsv } from '../../core/export/tsv.js';
import { writeXliff } from '../../core/export/xliff.js';
import { formatParityReportText } from '../../core/qa/format-report-text.js';
import { PARALIGN_VERSION } from '../../version.js';
import { forgetAlignmentJob } from '../../queue/enqueue-alignment.js';
import { loadReviewedAlignment } from '../../service/load-reviewed-alignment.js';
import { submitPair } from '../../service/submit-pair.js';
import { QUEUE_TIMEOUT_MS, withTimeout } from '../../service/with-timeout.js';
import { AuditAction, type PairRecord, type PairStatus, type StoredFile } from '../../storage/store.js';
import type { AppDeps } from '../app-deps.js';
import { sendAlignmentPage } from '../send-alignment-page.js';
import { checkDictionaryUpload, checkUpload } from '../check-upload.js';
import { findDonePair, findPair } from '../find-pair.js';
import { HttpError, HttpErrorCode } from '../http-error.js';
import { resolveUploadCollection } from '../upload-collection.js';
import { presentPair } from '../present-pair.js';
import { exportDetail, recordAudit } from '../record-audit.js';
import { maySeePair, scopeFilter } from '../request-account.js';
import {
  alignmentQuerySchema,
  exportParamsSchema,
  exportQuerySchema,
  listPairsQuerySchema,
  reportQuerySchema,
  uploadFieldsSchema,
} from '../schemas.js';
import { streamChunks } from '../stream-chunks.js';

const UPLOAD_FIELDS = ['fr', 'en'] as const;
// Optional third file: a bilingual dictionary for the aligner, source side first.
const DICTIONARY_FIELD = 'dictionary';

const EXPORT_TYPES = {
  tmx: { contentType: 'application/x-tmx+xml; charset=utf-8', extension: 'tmx' },
  tsv: { contentType: 'text/tab-separated-values; charset=utf-8', extension: 'tsv' },
  xliff: { contentType: 'application/x-xliff+xml; charset=utf-8', extension: 'xlf' },
} as const;

/** Builds the router of /v1/pairs. */
export function createPairsRouter(deps: AppDeps): Router {
  const { store, queue, config, logger, metrics } = deps;
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    // French file names arrive as UTF-8 in filename="..."; busboy's default (latin1) turns them into mojibake.
    defParamCharset: 'utf8',
    limits: { fileSize: config.maxUploadBytes, files: UPLOAD_FIELDS.length + 1, fields: 10, fieldSize: 4096 },
  });

  const queueUnavailable = (): HttpError => new HttpError(503, HttpErrorCode.queueUnavailable);

  const uploadFields = [...UPLOAD_FIELDS, DICTIONARY_FIELD].map((name) => ({ name, maxCount: 1 }));
  router.post('/v1/pairs', upload.fields(uploadFields), async (req, res) => {
    const fields = uploadFieldsSchema.parse(req.body ?? {});
    const collection = resolveUploadCollection(req, fields.collection);
    const files = req.files !== undefined && !Array.isArray(req.files) ? req.files : {};
    const [fr, en] = UPLOAD_FIELDS.map((field) => {
      const file = files[field]?.[0];
      if (file === undefined) throw new HttpError(400, HttpErrorCode.missingFile, { field });
      checkUpload(field, file.originalname, file.buffer);
      return { name: file.originalname, bytes: toBytes(file.buffer) };
    }) as [StoredFile, StoredFile];
    if (Buffer.compare(fr.bytes, en.bytes) === 0) throw new HttpError(422, HttpErrorCode.sameFile);
    const dictionaryFile = files[DICTIONARY_FIELD]?.[0];
    if (dictionaryFile !== undefined)
      checkDictionaryUpload(DICTIONARY_FIELD, dictionaryFile.originalname, dictionaryFile.buffer);
    const dictionary =
      dictionaryFile === undefined
        ? undefined
        : { name: dictionaryFile.originalname, bytes: toBytes(dictionaryFile.buffer) };
    metrics.uploadBytes.observe(fr.bytes.byteLength + en.bytes.byteLength + (dictionary?.bytes.byteLength ?? 0));

    const { pair, created, accepted } = await submitPair(
      { store, queue, logger },
      {
        fr,
        en,
        sourceLanguage: fields.sourceLanguage,
        collection,
        symbol: fields.symbol ?? null,
        ...(dictionary !== undefined ? { dictionary } : {}),
      },
    );
    // The same bytes stored in a collection the caller cannot see: say so without showing that pair.
    if (!maySeePair(req, pair)) throw new HttpError(409, HttpErrorCode.pairElsewhere);
    metrics.uploads.inc({ outcome: created ? 'created' : 'existing' });
    await recordAudit(store, req, {
      action: AuditAction.upload,
      pairId: pair.id,
      collection: pair.collection,
      detail: created ? 'new' : 'existing',
    });
    const body = presentPair(pair, req.t);
    res
      .status(accepted ? 202 : 200)
      .location(`/v1/pairs/${pair.id}`)
      .json({ pairId: pair.id, jobId: body.jobId, created, pair: body });
  });

  router.get('/v1/pairs', async (req, res) => {
    const query = listPairsQuerySchema.parse(req.query);
    const { limit, offset, ...filter } = query;
    const page = await store.listPairs(
      {
        ...(filter.collection !== undefined ? { collection: filter.collection } : {}),
        ...(filter.symbol !== undefined ? { symbol: filter.symbol } : {}),
        ...(filter.status !== undefined ? { status: filter.status as PairStatus } : {}),
        ...(filter.parity !== undefined ? { parity: filter.parity } : {}),
        ...scopeFilter(req),
      },
      { limit, offset },
    );
    res.json({ items: page.items.map((pair) => presentPair(pair, req.t)), total: page.total, limit, offset });
  });

  router.get('/v1/pairs/:id', async (req, res) => {
    res.json(presentPair(await findPair(store, req), req.t));
  });

  router.get('/v1/pairs/:id/alignment', async (req, res) => {
    const pair = await findDonePair(store, req);
    const { limit, offset, version } = alignmentQuerySchema.parse(req.query);
    const [page, aligned] = await Promise.all([
      store.getAlignment(pair.id, { limit, offset }, version),
      store.loadAlignment(pair.id),
    ]);
    if (page === null && version !== undefined)
      throw new HttpError(404, HttpErrorCode.versionNotFound, { id: pair.id, version });
    if (page === null || aligned === null)
      throw new HttpError(409, HttpErrorCode.pairNotReady, { id: pair.id, status: pair.status });
    sendAlignmentPage(res, page, { limit, offset }, aligned);
  });

  router.get('/v1/pairs/:id/report', async (req, res) => {
    const pair = await findDonePair(store, req);
    const { format } = reportQuerySchema.parse(req.query);
    const report = await store.getReport(pair.id);
    if (report === null) throw new HttpError(409, HttpErrorCode.pairNotReady, { id: pair.id, status: pair.status });
    if (format === 'text') {
      const text = formatParityReportText(report);
      res.type('text/plain; charset=utf-8').send(text.endsWith('\n') ? text : `${text}\n`);
      return;
    }
    res.json(report);
  });

  router.get('/v1/pairs/:id/export.:format', async (req, res) => {
    const { format } = exportParamsSchema.parse(req.params);
    const pair = await findDonePair(store, req);
    const selection = exportQuerySchema.parse(req.query);
    // The current version: corrections, approvals and edited texts are what is exported.
    const alignment = await loadReviewedAlignment(store, pair.id);
    if (alignment === null) throw new HttpError(409, HttpErrorCode.pairNotReady, { id: pair.id, status: pair.status });
    const options = {
      units: selection.units,
      statuses: selection.status,
      ...(selection.minConfidence !== undefined ? { minConfidence: selection.minConfidence } : {}),
    };
    const chunks =
      format === 'tmx'
        ? writeTmx(alignment, {
            ...options,
            creationDate: pair.updatedAt,
            creationToolVersion: PARALIGN_VERSION,
            tuidPrefix: `${pair.id}:`,
          })
        : format === 'tsv'
          ? writeTsv(alignment, options)
          : writeXliff(alignment, { ...options, original: pair.sourceFileName });
    // The first chunk is built before the headers go out, so an option error still gets its 4xx answer.
    const first = chunks.next();
    await recordAudit(store, req, {
      action: AuditAction.export,
      pairId: pair.id,
      collection: pair.collection,
      detail: exportDetail(format, req.originalUrl),
    });
    const type = EXPORT_TYPES[format];
    // attachment() sets a type from the extension: set ours after it.
    res.attachment(`${exportBaseName(pair)}.${type.extension}`);
    res.type(type.contentType);
    await streamChunks(res, prepend(first.done === true ? [] : [first.value], chunks));
  });

  router.delete('/v1/pairs/:id', async (req, res) => {
    const { id, collection } = await findPair(store, req);
    const existed = await store.deletePair(id);
    if (!existed) throw new HttpError(404, HttpErrorCode.pairNotFound, { id });
    await recordAudit(store, req, { action: AuditAction.delete, pairId: id, collection });
    // The job, if still queued, finds no pair and ends without retry; removing it is only tidiness.
    await withTimeout(forgetAlignmentJob(queue, id), QUEUE_TIMEOUT_MS, queueUnavailable).catch((error: unknown) => {
      logger.warn({ err: error, pairId: id }, 'could not remove the job of a deleted pair');
    });
    res.status(204).end();
  });

  return router;
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function* prepend(head: string[], rest: Iterator<string>): Generator<string> {
  yield* head;
  for (let next = rest.next(); next.done !== true; next = rest.next()) yield next.value;
}

function exportBaseName(pair: PairRecord): string {
  // A symbol makes a readable name ("CTOC-COP-2018-1"); the id is the fallback.
  return (pair.symbol ?? pair.id).replace(/[^A-Za-z0-9._-]+/g, '-');
}
