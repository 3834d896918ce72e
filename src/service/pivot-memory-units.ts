/**
 * The memory of a language pair that no stored pair holds: a document's versions are each aligned with its pivot, so
 * French–Spanish, for a document whose pivot is English, lives in two pairs (French–English, Spanish–English). Each
 * document holding both versions gives that memory through its pivot, from the two pairs' current versions (the
 * reviewers' corrections included), as its multilingual TMX does.
 */
import { collectMultiUnits, createMultiExportSummary } from '../core/export/collect-multi-units.js';
import { UnitKind } from '../core/export/collect-units.js';
import type { LanguageCode } from '../core/model.js';
import { ReviewStatus } from '../core/review/review-model.js';
import { mergeReviewedVersions } from '../core/review/reviewed-version-pairs.js';
import type { DocumentFilter, DocumentRecord, Store, StoredUnit, UnitFilter } from '../storage/store.js';
import { loadReviewedPairs } from './load-reviewed-alignment.js';

/** Documents read from the store at a time. */
const DOCUMENT_PAGE = 50;
/**
 * Derived units are numbered from here, above any store's own `seq` (a store would need 2^52 units to reach it), so
 * that a stream mixing both, as the deduplicated export reads it, never holds one number twice.
 */
const DERIVED_SEQ_BASE = 2 ** 52;

/**
 * The units in `source` and `target` (neither a pivot) of every document holding both whose two pairs are aligned,
 * filtered as `filter` says (dates and collections are the documents'). Each unit is a sentence unit of the document:
 * `pairId` names the document and `index` the unit. Documents whose pivot is one of the two languages give nothing
 * here: their pairs are in the store's own units.
 */
export async function* streamPivotUnits(
  store: Store,
  filter: UnitFilter,
  [source, target]: readonly [LanguageCode, LanguageCode],
): AsyncGenerator<StoredUnit> {
  const documents: DocumentFilter = {
    languages: [source, target],
    ...(filter.collection !== undefined ? { collection: filter.collection } : {}),
    ...(filter.symbolPrefix !== undefined ? { symbolPrefix: filter.symbolPrefix } : {}),
    ...(filter.from !== undefined ? { from: filter.from } : {}),
    ...(filter.to !== undefined ? { to: filter.to } : {}),
    ...(filter.collections !== undefined ? { collections: filter.collections } : {}),
  };
  let seq = DERIVED_SEQ_BASE;
  for (let offset = 0; ; offset += DOCUMENT_PAGE) {
    const page = await store.listDocuments(documents, { limit: DOCUMENT_PAGE, offset });
    for (const document of page.items) {
      for (const unit of await documentUnits(store, document, filter, source, target)) yield { ...unit, seq: seq++ };
    }
    if (page.items.length < DOCUMENT_PAGE) return;
  }
}

async function documentUnits(
  store: Store,
  document: DocumentRecord,
  filter: UnitFilter,
  source: LanguageCode,
  target: LanguageCode,
): Promise<Omit<StoredUnit, 'seq'>[]> {
  if (document.pivotLanguage === source || document.pivotLanguage === target) return [];
  const sourceVersion = document.versions.find((version) => version.language === source);
  const targetVersion = document.versions.find((version) => version.language === target);
  const sourcePair = sourceVersion?.pairId;
  const targetPair = targetVersion?.pairId;
  if (sourcePair === null || sourcePair === undefined || targetPair === null || targetPair === undefined) return [];
  // Nothing while a version is not aligned (as the document's own TMX waits), or when a pair lies outside a limited
  // account's collections (as the document's page is kept from it).
  const reviewed = await loadReviewedPairs(store, [sourcePair, targetPair], filter.collections);
  if (reviewed === null) return [];
  const merged = mergeReviewedVersions(reviewed, document.pivotLanguage);
  if (merged === null) return [];
  const selection = {
    units: UnitKind.sentence,
    srcLang: source,
    ...(filter.minConfidence !== undefined ? { minConfidence: filter.minConfidence } : {}),
    ...(filter.statuses !== undefined ? { statuses: filter.statuses } : {}),
  };
  const units: Omit<StoredUnit, 'seq'>[] = [];
  for (const unit of collectMultiUnits(merged, selection, (text) => text, createMultiExportSummary())) {
    const texts = new Map(unit.texts);
    const sourceText = texts.get(source);
    const targetText = texts.get(target);
    // A unit of the pivot and one of the two only is no unit of this pair.
    if (sourceText === undefined || targetText === undefined) continue;
    units.push({
      pairId: document.id,
      index: unit.unit,
      sourceText,
      targetText,
      sourceLanguage: source,
      targetLanguage: target,
      symbol: document.symbol,
      collection: document.collection,
      label: unit.label,
      confidence: unit.confidence,
      status: unit.review?.status ?? ReviewStatus.pending,
      changedBy: unit.review?.changedBy ?? null,
      changedAt: unit.review?.changedAt ?? document.createdAt,
      pairCreatedAt: document.createdAt,
      sourceFileName: sourceVersion?.fileName ?? '',
      targetFileName: targetVersion?.fileName ?? '',
    });
  }
  return units;
}
