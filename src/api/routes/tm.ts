/** /v1/tm: the whole translation memory as streamed TMX, and concordance search over it. */
import { Router } from 'express';
import { PARALIGN_VERSION } from '../../version.js';
import { writeTmxMemory, type MemoryUnit } from '../../core/export/tmx-memory.js';
import { AuditAction, type StoredUnit, type UnitFilter } from '../../storage/store.js';
import type { AppDeps } from '../app-deps.js';
import { addDocumentVersions } from '../../service/add-document-versions.js';
import { dedupeMemoryUnits, type DedupedUnit } from '../../service/dedupe-memory-units.js';
import { streamPivotUnits } from '../../service/pivot-memory-units.js';
import { HttpError, HttpErrorCode } from '../http-error.js';
import { exportDetail, recordAudit } from '../record-audit.js';
import { collectionsOf, scopeFilter } from '../request-account.js';
import { searchQuerySchema, tmExportQuerySchema } from '../schemas.js';
import { streamChunks } from '../stream-chunks.js';

/** Builds the router of /v1/tm. */
export function createTmRouter(deps: AppDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get('/v1/tm/export.tmx', async (req, res) => {
    const query = tmExportQuerySchema.parse(req.query);
    if (query.tgtLang === query.srcLang)
      throw new HttpError(400, HttpErrorCode.badRequest, { detail: `tgtLang: the same language as srcLang` });
    const filter: UnitFilter = {
      ...(query.collection !== undefined ? { collection: query.collection } : {}),
      ...(query.symbolPrefix !== undefined ? { symbolPrefix: query.symbolPrefix } : {}),
      ...(query.from !== undefined ? { from: query.from } : {}),
      ...(query.to !== undefined ? { to: query.to } : {}),
      ...(query.minConfidence !== undefined ? { minConfidence: query.minConfidence } : {}),
      statuses: query.status,
      ...scopeFilter(req),
    };
    await recordAudit(store, req, {
      action: AuditAction.export,
      collection: query.collection ?? null,
      detail: exportDetail('tm.tmx', req.originalUrl),
    });
    // attachment() sets a type from the extension: set ours after it.
    res.attachment('paralign-tm.tmx');
    res.type('application/x-tmx+xml; charset=utf-8');
    // Units come from the store in keyset pages: memory stays flat whatever the size of the memory.
    // Identical units once each by default (terminologists want one entry per translation); duplicates=keep: all.
    // One language pair: the store's units of it, then what documents give through their pivot (French–Spanish from
    // French–English and Spanish–English).
    const languages = query.tgtLang === undefined ? undefined : ([query.srcLang, query.tgtLang] as const);
    const read = (): AsyncIterable<StoredUnit> =>
      languages === undefined
        ? store.streamUnits(filter)
        : concatenate(store.streamUnits(filter), () => streamPivotUnits(store, filter, languages));
    const units = toMemoryUnits(query.duplicates === 'keep' ? read() : dedupeMemoryUnits(read), languages);
    await streamChunks(
      res,
      writeTmxMemory(units, {
        srcLang: query.srcLang,
        creationDate: new Date(),
        creationToolVersion: PARALIGN_VERSION,
        provenance: query.provenance,
      }),
    );
  });

  router.get('/v1/tm/search', async (req, res) => {
    const { q, lang, limit, offset } = searchQuerySchema.parse(req.query);
    const page = await store.searchSegments(q, lang, { limit, offset }, { collections: collectionsOf(req) ?? null });
    // A hit of a document's pair shows the same unit in the document's other languages too.
    const items = await addDocumentVersions(store, page.items);
    res.json({ items, total: page.total, totalIsExact: page.totalIsExact, limit, offset });
  });

  return router;
}

async function* concatenate<T>(first: AsyncIterable<T>, then: () => AsyncIterable<T>): AsyncGenerator<T> {
  yield* first;
  yield* then();
}

// `languages`: the one language pair to keep, either way round; every unit when absent.
async function* toMemoryUnits(
  units: AsyncIterable<StoredUnit | DedupedUnit>,
  languages?: readonly [string, string],
): AsyncGenerator<MemoryUnit> {
  for await (const unit of units) {
    if (languages !== undefined) {
      const pair = [unit.sourceLanguage.toLowerCase(), unit.targetLanguage.toLowerCase()];
      if (!languages.every((language) => pair.includes(language))) continue;
    }
    yield { ...unit, tuid: `${unit.pairId}:${unit.index}` };
  }
}
