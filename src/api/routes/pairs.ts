/** /v1/pairs: upload a pair, list pairs, see one, its alignment, its report, its exports; delete it. */
import { Router } from 'express';
import multer from 'multer';
import { writeTmx } from '../../core/export/tmx.js';
import { UN_LANGUAGES } from '../../core/model.js';
import { writeTsv } from '../../core/export/tsv.js';
import { writeXliff } from '../../core/export/xliff.js';
import { formatParityReportText } from '../../core/qa/format-report-text.js';
import { PARALIGN_VERSION } from '../../version.js';
import { forgetAlignmentJob } from '../../queue/enqueue-alignment.js';
import { loadReviewedAlignment } from '../../service/load-reviewed-alignment.js';
import { submitPair } from '../../service/submit-pair.js';
import { QUEUE_TIMEOUT_MS, withTimeout } from '../../service/with-timeout.js';
import { AuditAction, type PairRecord, type PairStatus } from '../../storage/store.js';
import type { AppDeps } from '../app-deps.js';
import { sendAlignmentPage } from '../send-alignment-page.js';
import { checkDictionaryUpload } from '../check-upload.js';
import { findDonePair, findPair } from '../find-pair.js';
import { waitForPairChange } from '../wait-for-pair-change.js';
import { HttpError, HttpErrorCode } from '../http-error.js';
import { readLanguageFiles, type LanguageFile } from '../language-files.js';
import { resolveUploadCollection } from '../upload-collection.js';
import { presentPair } from '../present-pair.js';
import { exportDetail, recordAudit } from '../record-audit.js';
import { maySeePair, scopeFilter } from '../request-account.js';
import {
  alignmentQuerySchema,
  exportParamsSchema,
  exportQuerySchema,
  listPairsQuerySchema,
  pairQuerySchema,
  reportQuerySchema,
  uploadFieldsSchema,
} from '../schemas.js';
import { streamChunks } from '../stream-chunks.js';

// How long before the request timeout a waiting GET answers with the pair as it stands.
const WAIT_MARGIN_MS = 1000;

// Optional third file: a bilingual dictionary for the aligner, source side first.
const DICTIONARY_FIELD = 'dictionary';

const EXPORT_TYPES = {
  tmx: { contentType: 'application/x-tmx+xml; charset=utf-8', extension: 'tmx' },
  tsv: { contentType: 'text/tab-separated-values; charset=utf-8', extension: 'tsv' },
  xliff: { contentType: 'application/x-xliff+xml; charset=utf-8', extension: 'xlf' },
} as const;

/** Builds the router of /v1/pairs. */
export function createPairsRouter(deps: AppDeps): Router {
  const { store, queue, config, logger, metrics, pairChanges } = deps;
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    // French file names arrive as UTF-8 in filename="..."; busboy's default (latin1) turns them into mojibake.
    defParamCharset: 'utf8',
    limits: { fileSize: config.maxUploadBytes, files: UN_LANGUAGES.length + 1, fields: 10, fieldSize: 4096 },
  });

  const queueUnavailable = (): HttpError => new HttpError(503, HttpErrorCode.queueUnavailable);

  router.post('/v1/pairs', upload.any(), async (req, res) => {
    const fields = uploadFieldsSchema.parse(req.body ?? {});
    const collection = resolveUploadCollection(req, fields.collection);
    const { versions, others } = readLanguageFiles(Array.isArray(req.files) ? req.files : [], [DICTIONARY_FIELD]);
    const [first, second] = checkTwoVersions(versions, fields.sourceLanguage);
    if (Buffer.compare(first.file.bytes, second.file.bytes) === 0)
      throw new HttpError(422, HttpErrorCode.sameFile, {
        firstField: first.language,
        secondField: second.language,
      });
    const dictionaryFile = others.get(DICTIONARY_FIELD);
    if (dictionaryFile !== undefined)
      checkDictionaryUpload(DICTIONARY_FIELD, dictionaryFile.originalname, dictionaryFile.buffer);
    const dictionary =
      dictionaryFile === undefined
        ? undefined
        : { name: dictionaryFile.originalname, bytes: toBytes(dictionaryFile.buffer) };
    metrics.uploadBytes.observe(
      first.file.bytes.byteLength + second.file.bytes.byteLength + (dictionary?.bytes.byteLength ?? 0),
    );
    // Before the six languages a French-English upload had French as its source unless told otherwise: it keeps it.
    const french = versions.some((version) => version.language === 'fr');
    const english = versions.some((version) => version.language === 'en');
    const sourceLanguage = fields.sourceLanguage ?? (french && english ? 'fr' : undefined);

    const { pair, created, accepted } = await submitPair(
      { store, queue, logger },
      {
        versions: [first, second],
        ...(sourceLanguage !== undefined ? { sourceLanguage } : {}),
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
    const { wait, after } = pairQuerySchema.parse(req.query);
    // Answered before the request's own time runs out, or the client would get a 408 instead of the pair.
    const waitMs = Math.min(wait * 1000, config.requestTimeoutMs - WAIT_MARGIN_MS);
    const pair = await waitForPairChange(store, pairChanges, req, res, { waitMs, ...(after ? { after } : {}) });
    res.json(presentPair(pair, req.t));
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

// Exactly two versions, and the source asked for among them. A missing file is named as when only "fr" and "en" were
// read: "fr" when nothing came, the other of the two beside one of them, else English (the usual original).
function checkTwoVersions(
  versions: readonly LanguageFile[],
  sourceLanguage: string | undefined,
): [LanguageFile, LanguageFile] {
  const [first, second] = versions;
  if (versions.length > 2)
    throw new HttpError(400, HttpErrorCode.tooManyPairVersions, {
      languages: versions.map((version) => version.language).join(', '),
    });
  if (first === undefined || second === undefined)
    throw new HttpError(400, HttpErrorCode.missingFile, {
      field: first === undefined || first.language === 'en' ? 'fr' : 'en',
    });
  if (sourceLanguage !== undefined && sourceLanguage !== first.language && sourceLanguage !== second.language)
    throw new HttpError(400, HttpErrorCode.sourceNotUploaded, {
      source: sourceLanguage,
      first: first.language,
      second: second.language,
    });
  return [first, second];
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
