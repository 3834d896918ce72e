/**
 * The {@link Store} contract on Kysely: one implementation, SQL dialect differences left to Kysely and the migrations.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Migrator, sql, type ExpressionBuilder, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Alignment, LanguageCode, LinkMethod, SegmentedDocument } from '../core/model.js';
import type { ExtractedText } from '../core/parse/parse-document.js';
import type { ParityReport } from '../core/qa/parity-report.js';
import { editOf, originalSideText, sideText } from '../core/review/bead-side-text.js';
import { buildReviewedAlignment } from '../core/review/build-reviewed-alignment.js';
import { blockBeadOfSentenceBeads, paragraphStatus, reviewBlockBeads } from '../core/review/review-block-beads.js';
import {
  effectiveConfidence,
  REVIEW_STATUSES,
  type EditOp,
  type ReviewStatus,
  type ReviewBead,
  type ReviewedAlignment,
  type VersionStamp,
} from '../core/review/review-model.js';
import { startReview } from '../core/review/start-review.js';
import { parseRole } from '../auth/roles.js';
import type {
  AlignmentVersionsTable,
  AuditTable,
  BlocksTable,
  DocumentsTable,
  DocumentVersionsTable,
  Database,
  PairResultsTable,
  PairsTable,
  SegmentsTable,
  StoreDialect,
  UsersTable,
} from './database.js';
import { listMigrations } from './migrations/list-migrations.js';
import { toLanguagePairKey } from './language-pair-key.js';
import { computePairHash } from './pair-hash.js';
import { foldForSearch } from './fold-for-search.js';
import { insertRowsInBatches, type InsertRows } from './insert-rows.js';
import { planRowRewrite, sameColumns, type RowRewrite } from './plan-row-rewrite.js';
import {
  AUDIT_ACTIONS,
  PAIR_STATUSES,
  PairStatus,
  type AlignmentPage,
  type AlignmentVersion,
  type AlignmentVersionSummary,
  type AuditEntry,
  type AuditFilter,
  type AuditRecord,
  type CollectionScope,
  type CreateDocumentInput,
  type CreateUserInput,
  type DocumentFilter,
  type DocumentRecord,
  type DocumentVersion,
  type UserCredential,
  type UserRecord,
  type CreatePairInput,
  type CreatePairResult,
  type NewAlignmentVersion,
  type Page,
  type PageRequest,
  type PairFiles,
  type PairFilter,
  type PairRecord,
  type SaveAlignmentOptions,
  type SearchHit,
  type SearchPage,
  SEARCH_COUNT_LIMIT,
  type Store,
  type StoredBlockBead,
  type StoredLexicon,
  type StoreLexiconInput,
  type StoredSegment,
  type StoredUnit,
  type StreamOptions,
  type TrainingSample,
  type TrainingSampleRequest,
  type UnitFilter,
} from './store.js';
import { StoreError, StoreErrorCode } from './store-error.js';

/** What {@link KyselyStore} needs besides the Kysely instance. */
export interface KyselyStoreOptions {
  /** Backend. */
  dialect: StoreDialect;
  /** PostgreSQL schema the tables live in (already on the connections' search_path); absent on SQLite. */
  schema?: string;
  /** Clock for timestamps; defaults to the system clock. */
  now?: () => Date;
  /** Runs `migrate` exclusively (PostgreSQL: an advisory lock); defaults to running it directly. */
  withMigrationLock?: (run: (db: Kysely<Database>) => Promise<void>) => Promise<void>;
  /** Rejects when the disk under the store is all but full (SQLite: the database file's folder). */
  checkSpace?: () => Promise<void>;
  /** Releases what the Kysely instance holds beyond `destroy()` (none by default). */
  onClose?: () => Promise<void>;
  /** How a save inserts its block and sentence bead rows; defaults to multi-row INSERTs through Kysely. */
  insertRows?: InsertRows;
}

const DEFAULT_BATCH_SIZE = 2000;
const MIGRATION_TABLE = 'paralign_migration';
// How Kysely types `segments as s` in the sample query's subqueries.
type SegmentsFrom = Database & { s: SegmentsTable };
const EMPTY_SAMPLE_VERSION = 'none';
// Parsed alignments kept in memory (see #loadAlignment): a few reviewers' pairs at once.
const ALIGNMENT_CACHE_SIZE = 8;
// Hex digits of the sample hash in a version: 48 bits, no collision in practice among one store's samples.
const VERSION_HASH_DIGITS = 12;

/** A {@link Store} over a Kysely instance for SQLite or PostgreSQL. */
export class KyselyStore implements Store {
  readonly kind: StoreDialect;
  readonly #db: Kysely<Database>;
  readonly #options: KyselyStoreOptions;
  readonly #now: () => Date;
  readonly #insertRows: InsertRows;
  readonly #alignments = new Map<string, { resultId: string; alignment: Alignment }>();

  constructor(db: Kysely<Database>, options: KyselyStoreOptions) {
    this.#db = db;
    this.#options = options;
    this.kind = options.dialect;
    this.#now = options.now ?? (() => new Date());
    this.#insertRows = options.insertRows ?? insertRowsInBatches;
  }

  async migrate(): Promise<void> {
    const run = async (db: Kysely<Database>): Promise<void> => {
      const migrator = new Migrator({
        db,
        provider: listMigrations(this.kind),
        migrationTableName: MIGRATION_TABLE,
        migrationLockTableName: `${MIGRATION_TABLE}_lock`,
        ...(this.#options.schema === undefined ? {} : { migrationTableSchema: this.#options.schema }),
      });
      const { error } = await migrator.migrateToLatest();
      if (error !== undefined) throw error;
    };
    await (this.#options.withMigrationLock ?? ((body) => body(this.#db)))(run);
  }

  async createPair(input: CreatePairInput): Promise<CreatePairResult> {
    const sourceLanguage = normalizeLanguage(input.sourceLanguage);
    const targetLanguage = normalizeLanguage(input.targetLanguage);
    const contentHash = computePairHash(
      input.source.bytes,
      input.target.bytes,
      sourceLanguage,
      targetLanguage,
      input.dictionary?.bytes,
    );
    const existing = await this.#findByHash(contentHash);
    if (existing !== null) return { pair: existing, created: false };

    const id = input.id ?? randomUUID();
    const now = this.#now().toISOString();
    const inserted = await this.#db
      .transaction()
      .execute(async (trx) => {
        const result = await trx
          .insertInto('pairs')
          .values({
            id,
            content_hash: contentHash,
            source_file_name: input.source.name,
            target_file_name: input.target.name,
            source_bytes: input.source.bytes.byteLength,
            target_bytes: input.target.bytes.byteLength,
            source_language: sourceLanguage,
            target_language: targetLanguage,
            collection: input.collection ?? null,
            symbol: input.symbol ?? null,
            status: PairStatus.queued,
            progress: 0,
            failure_reason: null,
            source_blocks: null,
            target_blocks: null,
            source_sentences: null,
            target_sentences: null,
            block_beads: null,
            sentence_beads: null,
            parity: null,
            lexicon_version: null,
            dictionary_file_name: input.dictionary?.name ?? null,
            alignment_version: null,
            created_at: now,
            updated_at: now,
          })
          // Two uploads of the same files racing: the loser inserts nothing and reads the winner's pair below.
          .onConflict((oc) => oc.column('content_hash').doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
        await trx
          .insertInto('pair_files')
          .values({
            pair_id: id,
            source_content: input.source.bytes,
            target_content: input.target.bytes,
            dictionary_content: input.dictionary?.bytes ?? null,
            source_text: input.extracted?.source.text ?? null,
            source_format: input.extracted?.source.format ?? null,
            target_text: input.extracted?.target.text ?? null,
            target_format: input.extracted?.target.format ?? null,
          })
          .execute();
        return true;
      })
      .catch(async (error: unknown) => {
        // The only other unique key is the id: a caller-chosen id already used by different files.
        if (input.id !== undefined && (await this.getPair(input.id)) !== null) {
          throw new StoreError(StoreErrorCode.conflict, `Pair id "${input.id}" is already used by other files.`);
        }
        throw error;
      });
    const pair = await this.#findByHash(contentHash);
    if (pair === null) throw new Error(`Pair with hash ${contentHash} vanished right after it was stored.`);
    return { pair, created: inserted };
  }

  async getPair(id: string): Promise<PairRecord | null> {
    const row = await this.#db.selectFrom('pairs').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toPairRecord(row);
  }

  async getPairFiles(id: string): Promise<PairFiles | null> {
    const row = await this.#db
      .selectFrom('pairs')
      .innerJoin('pair_files', 'pair_files.pair_id', 'pairs.id')
      .select([
        'source_file_name',
        'target_file_name',
        'dictionary_file_name',
        'source_content',
        'target_content',
        'dictionary_content',
        'pair_files.source_text',
        'pair_files.source_format',
        'pair_files.target_text',
        'pair_files.target_format',
      ])
      .where('pairs.id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return null;
    const source = storedText(row.source_text, row.source_format);
    const target = storedText(row.target_text, row.target_format);
    return {
      source: { name: row.source_file_name, bytes: row.source_content },
      target: { name: row.target_file_name, bytes: row.target_content },
      ...(row.dictionary_file_name !== null && row.dictionary_content !== null
        ? { dictionary: { name: row.dictionary_file_name, bytes: row.dictionary_content } }
        : {}),
      ...(source !== null && target !== null ? { extracted: { source, target } } : {}),
    };
  }

  async listPairs(filter: PairFilter, page: PageRequest): Promise<Page<PairRecord>> {
    checkPage(page);
    let query = this.#db.selectFrom('pairs');
    if (filter.collection !== undefined) query = query.where('collection', '=', filter.collection);
    if (filter.symbol !== undefined) query = query.where('symbol', '=', filter.symbol);
    if (filter.status !== undefined) query = query.where('status', '=', checkStatus(filter.status));
    if (filter.parity !== undefined) query = query.where('parity', '=', filter.parity ? 1 : 0);
    if (filter.collections !== undefined) query = query.where(inCollections('collection', filter.collections));
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toPairRecord), total: Number(count.total) };
  }

  async updateStatus(id: string, status: PairStatus, progress: number, reason?: string): Promise<PairRecord | null> {
    checkStatus(status);
    if (!Number.isFinite(progress) || progress < 0 || progress > 100) {
      throw new StoreError(StoreErrorCode.badArgument, `Progress must be a number from 0 to 100, not ${progress}.`);
    }
    const result = await this.#db
      .updateTable('pairs')
      .set({
        status,
        progress: Math.round(progress),
        failure_reason: status === PairStatus.failed ? (reason ?? null) : null,
        updated_at: this.#now().toISOString(),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return null;
    return this.getPair(id);
  }

  async saveAlignment(
    id: string,
    alignment: Alignment,
    report: ParityReport,
    options: SaveAlignmentOptions = {},
  ): Promise<void> {
    const now = this.#now().toISOString();
    const symbol = alignment.source.meta.symbol ?? alignment.target.meta.symbol;
    // Every row is built before the transaction, for the version the pair is about to reach: SQLite has one writer
    // at a time, and a worker that folded and serialised its rows inside the transaction held the other workers'
    // saves (and the API's uploads) back for as long. A save that races another save of the same pair rebuilds.
    const before = await this.#db
      .selectFrom('pairs')
      .select(['source_language', 'target_language', 'alignment_version'])
      .where('id', '=', id)
      .executeTakeFirst();
    const build = (version: number, languagePair: string): SavedResultRows =>
      buildSavedResultRows(id, alignment, report, { version, now, languagePair });
    const expected =
      before === undefined
        ? undefined
        : build(
            Number(before.alignment_version ?? 0) + 1,
            toLanguagePairKey(before.source_language, before.target_language),
          );
    await this.#db.transaction().execute(async (trx) => {
      // The UPDATE comes first: it takes the write lock (SQLite) or the row lock (PostgreSQL) before anything is
      // read, so two workers saving the same pair run one after the other and the second replaces the first.
      const updated = await trx
        .updateTable('pairs')
        .set((eb) => ({
          status: PairStatus.done,
          progress: 100,
          failure_reason: null,
          source_blocks: alignment.source.blocks.length,
          target_blocks: alignment.target.blocks.length,
          source_sentences: alignment.source.sentences.length,
          target_sentences: alignment.target.sentences.length,
          block_beads: alignment.blocks.length,
          sentence_beads: alignment.sentences.length,
          parity: report.parity ? 1 : 0,
          lexicon_version: options.lexiconVersion ?? null,
          symbol: eb.fn.coalesce('symbol', eb.val(symbol)),
          // A new result continues the numbering, so an ETag of the replaced review can never match it.
          alignment_version: sql<number>`coalesce(alignment_version, 0) + 1`,
          updated_at: now,
        }))
        .where('id', '=', id)
        .returning(['source_language', 'target_language', 'alignment_version'])
        .executeTakeFirst();
      if (updated === undefined)
        throw new StoreError(StoreErrorCode.notFound, `No pair "${id}" to save an alignment for.`);
      const version = Number(updated.alignment_version);
      const languagePair = toLanguagePairKey(updated.source_language, updated.target_language);
      const rows =
        expected !== undefined && expected.version === version && expected.languagePair === languagePair
          ? expected
          : build(version, languagePair);
      // Delete then insert: a retried job replaces the earlier result, never adds to it. Earlier versions name
      // sentences of the replaced result, so they go with it. Version 1 is the pair's first result: every row of a
      // result is written with its version, so there is nothing to delete.
      if (version > 1) await deleteResult(trx, id);
      await trx.insertInto('pair_results').values(rows.result).execute();
      await trx.insertInto('alignment_versions').values(rows.versionRow).execute();
      await this.#insertRows(trx, 'blocks', rows.blocks);
      await this.#insertRows(trx, 'segments', rows.segments);
    });
  }

  async getAlignment(id: string, page: PageRequest, version?: number): Promise<AlignmentPage | null> {
    checkPage(page);
    const pair = await this.#db
      .selectFrom('pairs')
      .select(['block_beads', 'alignment_version', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (pair === undefined || pair.block_beads === null || pair.alignment_version === null) return null;
    const current = Number(pair.alignment_version);
    if (version !== undefined && version !== current) return this.#getOlderAlignment(id, page, version);
    const blocks = await this.#db
      .selectFrom('blocks')
      .selectAll()
      .where('pair_id', '=', id)
      .orderBy('bead_index')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const first = blocks[0];
    const last = blocks.at(-1);
    const segments =
      first === undefined || last === undefined
        ? []
        : await this.#db
            .selectFrom('segments')
            .selectAll()
            .where('pair_id', '=', id)
            .where('block_bead', '>=', first.bead_index)
            .where('block_bead', '<=', last.bead_index)
            .orderBy('bead_index')
            .execute();
    // Rows stored before migration 006 have no change time: their pair's last save stands in.
    return { ...toAlignmentPage(blocks, segments, pair.updated_at, pair.block_beads), version: current };
  }

  // A version other than the current one is not in the tables: its rows are built from its beads, as a save would.
  async #getOlderAlignment(id: string, page: PageRequest, version: number): Promise<AlignmentPage | null> {
    const reviewed = await this.#loadReviewedAlignment(this.#db, id, version);
    if (reviewed === null) return null;
    const blocks = toBlockRows(id, reviewed).map((row, index) => ({ ...row, bead_index: index }));
    const segments = toSegmentRows(id, reviewed, '');
    const shown = blocks.slice(page.offset, page.offset + page.limit);
    const first = shown[0]?.bead_index ?? -1;
    const last = shown.at(-1)?.bead_index ?? -2;
    const inPage = segments.filter((row) => row.block_bead >= first && row.block_bead <= last);
    return { ...toAlignmentPage(shown, inPage, '', blocks.length), version };
  }

  async #loadReviewedAlignment(db: Kysely<Database>, id: string, version: number): Promise<ReviewedAlignment | null> {
    const [aligned, row, stamps] = await Promise.all([
      this.#loadAlignment(db, id),
      db
        .selectFrom('alignment_versions')
        .select('beads_json')
        .where('pair_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst(),
      this.#readStamps(db, id),
    ]);
    if (aligned === null || row === undefined) return null;
    // Written by the store from ReviewBeads; the store is the only writer.
    return buildReviewedAlignment(aligned, version, JSON.parse(row.beads_json) as ReviewBead[], stamps);
  }

  async #readStamps(db: Kysely<Database>, id: string): Promise<Map<number, VersionStamp>> {
    const rows = await db
      .selectFrom('alignment_versions')
      .select(['version', 'author', 'created_at'])
      .where('pair_id', '=', id)
      .execute();
    return new Map(
      rows.map((row) => [
        Number(row.version),
        { version: Number(row.version), author: row.author, createdAt: new Date(row.created_at) },
      ]),
    );
  }

  async getAlignmentVersion(id: string, version?: number): Promise<AlignmentVersion | null> {
    let query = this.#db
      .selectFrom('alignment_versions as v')
      .innerJoin('pairs as p', 'p.id', 'v.pair_id')
      .selectAll('v')
      .where('v.pair_id', '=', id);
    query =
      version === undefined
        ? query.whereRef('v.version', '=', 'p.alignment_version')
        : query.where('v.version', '=', version);
    const row = await query.executeTakeFirst();
    if (row === undefined) return null;
    return {
      ...toVersionSummary(row),
      // Written by the store from ReviewBeads.
      beads: JSON.parse(row.beads_json) as ReviewBead[],
      undoTarget: row.undo_target === null ? null : Number(row.undo_target),
    };
  }

  async listAlignmentVersions(id: string): Promise<AlignmentVersionSummary[]> {
    const rows = await this.#db
      .selectFrom('alignment_versions')
      .select(['pair_id', 'version', 'author', 'created_at', 'operations_json', 'restores'])
      .where('pair_id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map(toVersionSummary);
  }

  async saveAlignmentVersion(id: string, input: NewAlignmentVersion): Promise<AlignmentVersionSummary> {
    const now = this.#now().toISOString();
    const version = input.basedOn + 1;
    return this.#db.transaction().execute(async (trx) => {
      // Compare and set: the UPDATE matches only while `basedOn` is current, and holds the pair's row (PostgreSQL)
      // or the database (SQLite) until commit, so of two changes based on the same version exactly one is stored.
      const updated = await trx
        .updateTable('pairs')
        .set({ alignment_version: version, sentence_beads: input.beads.length, updated_at: now })
        .where('id', '=', id)
        .where('alignment_version', '=', input.basedOn)
        .returning(['source_language', 'target_language'])
        .executeTakeFirst();
      if (updated === undefined) {
        const pair = await trx.selectFrom('pairs').select('alignment_version').where('id', '=', id).executeTakeFirst();
        if (pair === undefined || pair.alignment_version === null)
          throw new StoreError(StoreErrorCode.notFound, `Pair "${id}" has no alignment to change.`);
        throw new StoreError(
          StoreErrorCode.staleVersion,
          `Version ${input.basedOn} of pair "${id}" is not current any more; version ${pair.alignment_version} is.`,
        );
      }
      await trx
        .insertInto('alignment_versions')
        .values(
          toVersionRow(id, version, input.author, now, input.operations, input.beads, input.restores, input.undoTarget),
        )
        .execute();
      const reviewed = await this.#loadReviewedAlignment(trx, id, version);
      if (reviewed === null) throw new StoreError(StoreErrorCode.notFound, `Pair "${id}" has no alignment to change.`);
      await trx
        .updateTable('pairs')
        .set({
          block_beads: reviewed.blocks.length,
          ...(input.report !== undefined ? { parity: input.report.parity ? 1 : 0 } : {}),
        })
        .where('id', '=', id)
        .execute();
      if (input.report !== undefined)
        await trx
          .updateTable('pair_results')
          .set({ report_json: JSON.stringify(input.report) })
          .where('pair_id', '=', id)
          .execute();
      const languagePair = toLanguagePairKey(updated.source_language, updated.target_language);
      await rewriteVersionRows(trx, this.#insertRows, id, reviewed, languagePair, this.kind);
      return {
        version,
        author: input.author,
        createdAt: new Date(now),
        operations: input.operations,
        restores: input.restores,
      };
    });
  }

  async loadAlignment(id: string): Promise<Alignment | null> {
    return this.#loadAlignment(this.#db, id);
  }

  // Parsing a long document's alignment takes seconds (30,000 sentences a side: about 30 MB of JSON), and every
  // correction needs it: the last few parsed stay in memory under the id of the result they were parsed from,
  // which every save renews. Shared, never copied: nothing changes an Alignment once built.
  async #loadAlignment(db: Kysely<Database>, id: string): Promise<Alignment | null> {
    const saved = await db.selectFrom('pair_results').select('result_id').where('pair_id', '=', id).executeTakeFirst();
    if (saved === undefined) return null;
    const cached = this.#alignments.get(id);
    if (cached !== undefined && saved.result_id !== null && cached.resultId === saved.result_id)
      return cached.alignment;
    const row = await db
      .selectFrom('pair_results')
      .select(['alignment_json', 'result_id'])
      .where('pair_id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return null;
    // Written by saveAlignment from an Alignment; the store is the only writer of this column.
    const alignment = JSON.parse(row.alignment_json) as Alignment;
    this.#alignments.delete(id);
    if (row.result_id !== null) this.#alignments.set(id, { resultId: row.result_id, alignment });
    // A Map iterates in insertion order: the first key is the least recently parsed.
    for (const key of this.#alignments.keys()) {
      if (this.#alignments.size <= ALIGNMENT_CACHE_SIZE) break;
      this.#alignments.delete(key);
    }
    return alignment;
  }

  async getReport(id: string): Promise<ParityReport | null> {
    const row = await this.#db
      .selectFrom('pair_results')
      .select('report_json')
      .where('pair_id', '=', id)
      .executeTakeFirst();
    // Written by saveAlignment and saveAlignmentVersion from a ParityReport; the store is the only writer.
    return row === undefined ? null : (JSON.parse(row.report_json) as ParityReport);
  }

  async createDocument(input: CreateDocumentInput): Promise<{ document: DocumentRecord; created: boolean }> {
    const pivot = normalizeLanguage(input.pivotLanguage);
    const versions = input.versions.map((version) => ({ ...version, language: normalizeLanguage(version.language) }));
    const languages = versions.map((version) => version.language);
    const pivots = versions.filter((version) => version.pairId === null).map((version) => version.language);
    if (new Set(languages).size !== languages.length || pivots.length !== 1 || pivots[0] !== pivot) {
      throw new StoreError(
        StoreErrorCode.badArgument,
        `A document needs distinct languages and one pivot version without a pair (${pivot}): ${languages.join(', ')}.`,
      );
    }
    // The same versions aligned through the same pivot are the same document: uploading them again finds it.
    const id = createHash('sha256')
      .update([pivot, ...versions.map((v) => `${v.language}:${v.pairId ?? ''}`).sort()].join('\n'))
      .digest('hex')
      .slice(0, 32);
    const existing = await this.getDocument(id);
    if (existing !== null) return { document: existing, created: false };
    const created = await this.#db.transaction().execute(async (trx) => {
      const result = await trx
        .insertInto('documents')
        .values({
          id,
          pivot_language: pivot,
          collection: input.collection ?? null,
          symbol: input.symbol ?? null,
          created_at: this.#now().toISOString(),
        })
        // Two identical uploads racing: the loser inserts nothing and reads the winner's document below.
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
      await trx
        .insertInto('document_versions')
        .values(
          versions.map((version) => ({
            document_id: id,
            language: version.language,
            file_name: version.fileName,
            pair_id: version.pairId,
          })),
        )
        .execute();
      return true;
    });
    const document = await this.getDocument(id);
    if (document === null) throw new Error(`Document ${id} vanished right after it was stored.`);
    return { document, created };
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const row = await this.#db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return null;
    return toDocumentRecord(row, await this.#documentVersions([id]));
  }

  // The versions of the documents `ids`, in language order: rowid (SQLite) and heap order (PostgreSQL) are not
  // guaranteed.
  async #documentVersions(ids: readonly string[]): Promise<Selectable<DocumentVersionsTable>[]> {
    if (ids.length === 0) return [];
    return this.#db
      .selectFrom('document_versions')
      .selectAll()
      .where('document_id', 'in', ids)
      .orderBy('language')
      .execute();
  }

  async listDocuments(filter: DocumentFilter, page: PageRequest): Promise<Page<DocumentRecord>> {
    checkPage(page);
    let query = this.#db.selectFrom('documents');
    for (const language of filter.languages ?? []) {
      const versions = this.#db
        .selectFrom('document_versions as v')
        .select('v.document_id')
        .where('v.language', '=', normalizeLanguage(language));
      query = query.where('id', 'in', versions);
    }
    if (filter.collection !== undefined) query = query.where('collection', '=', filter.collection);
    if (filter.symbolPrefix !== undefined) {
      // substr, not LIKE, as for units: LIKE ignores ASCII case in SQLite and reads % and _ as wildcards.
      const prefix = filter.symbolPrefix;
      query = query.where(sql<string>`substr(symbol, 1, ${prefix.length})`, '=', prefix);
    }
    if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from.toISOString());
    if (filter.to !== undefined) query = query.where('created_at', '<', filter.to.toISOString());
    if (filter.collections !== undefined) query = query.where(inCollections('collection', filter.collections));
    const [rows, counted] = await Promise.all([
      query.selectAll().orderBy('created_at').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirst(),
    ]);
    // The page's versions in one query, not one a document.
    const versions = await this.#documentVersions(rows.map((row) => row.id));
    const items = rows.map((row) => toDocumentRecord(row, versions));
    return { items, total: Number(counted?.total ?? 0) };
  }

  async getDocumentOfPair(pairId: string): Promise<DocumentRecord | null> {
    const row = await this.#db
      .selectFrom('document_versions')
      .select('document_id')
      .where('pair_id', '=', pairId)
      .executeTakeFirst();
    return row === undefined ? null : this.getDocument(row.document_id);
  }

  async deletePair(id: string): Promise<boolean> {
    // Files, results, blocks and segments go with it: every child table references pairs ON DELETE CASCADE.
    const result = await this.#db.deleteFrom('pairs').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async *streamUnits(filter: UnitFilter, options: StreamOptions = {}): AsyncGenerator<StoredUnit> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new StoreError(StoreErrorCode.badArgument, `batchSize must be a positive integer, not ${batchSize}.`);
    }
    let cursor = 0;
    for (;;) {
      let query = this.#db
        .selectFrom('segments as s')
        .innerJoin('pairs as p', 'p.id', 's.pair_id')
        .select([
          's.seq',
          's.pair_id',
          's.bead_index',
          's.source_text',
          's.target_text',
          's.confidence',
          's.label',
          'p.source_language',
          'p.target_language',
          'p.symbol',
          'p.collection',
          's.review_status',
          's.changed_by',
          's.changed_at',
          'p.updated_at',
          'p.created_at',
          'p.source_file_name',
          'p.target_file_name',
        ])
        // Keyset pagination: each batch starts after the last seq seen, so no query skips over earlier rows.
        .where('s.seq', '>', cursor)
        .where('s.source_text', '<>', '')
        .where('s.target_text', '<>', '');
      if (filter.pairId !== undefined) query = query.where('s.pair_id', '=', filter.pairId);
      if (filter.collection !== undefined) query = query.where('p.collection', '=', filter.collection);
      if (filter.collections !== undefined) query = query.where(inCollections('p.collection', filter.collections));
      if (filter.symbolPrefix !== undefined) {
        // substr, not LIKE: SQLite's LIKE ignores ASCII case and both treat % and _ as wildcards.
        const prefix = filter.symbolPrefix;
        query = query.where(sql<string>`substr(p.symbol, 1, ${prefix.length})`, '=', prefix);
      }
      if (filter.from !== undefined) query = query.where('p.created_at', '>=', filter.from.toISOString());
      if (filter.to !== undefined) query = query.where('p.created_at', '<', filter.to.toISOString());
      if (filter.minConfidence !== undefined) query = query.where('s.confidence', '>=', filter.minConfidence);
      if (filter.statuses !== undefined) query = query.where(inStatuses(filter.statuses));
      const rows = await query.orderBy('s.seq').limit(batchSize).execute();
      for (const row of rows) {
        yield {
          seq: Number(row.seq),
          pairId: row.pair_id,
          index: row.bead_index,
          sourceText: row.source_text,
          targetText: row.target_text,
          sourceLanguage: row.source_language,
          targetLanguage: row.target_language,
          symbol: row.symbol,
          collection: row.collection,
          label: row.label,
          confidence: row.confidence,
          status: checkReviewStatus(row.review_status),
          changedBy: row.changed_by,
          // Rows stored before migration 006 have no change time: their pair's last save stands in.
          changedAt: new Date(row.changed_at ?? row.updated_at),
          pairCreatedAt: new Date(row.created_at),
          sourceFileName: row.source_file_name,
          targetFileName: row.target_file_name,
        };
      }
      const last = rows.at(-1);
      if (last === undefined || rows.length < batchSize) return;
      cursor = Number(last.seq);
    }
  }

  async searchSegments(
    query: string,
    language: LanguageCode,
    page: PageRequest,
    scope: CollectionScope = {},
  ): Promise<SearchPage> {
    checkPage(page);
    if (query.trim() === '') throw new StoreError(StoreErrorCode.badArgument, 'The search text is empty.');
    const lang = normalizeLanguage(language);
    const phrase = foldForSearch(query);
    if (phrase.trim() === '') throw new StoreError(StoreErrorCode.badArgument, 'The search text has no word in it.');
    // Whole words in sequence: the folded columns hold " word word " (fold-for-search.ts), so a LIKE on the padded
    // phrase is word-aware; the words hold no LIKE wildcard. The backend's index (SQLite: migration 004,
    // PostgreSQL: 008) finds the rows.
    const pattern = `%${phrase}%`;
    const match = `{source_folded target_folded} : "${phrase.trim()}"`;
    const words = sql`plainto_tsquery('simple'::regconfig, ${phrase.trim()})`;
    let scoped = this.#db.selectFrom('segments as s').innerJoin('pairs as p', 'p.id', 's.pair_id');
    if (scope.collections !== undefined && scope.collections !== null)
      scoped = scoped.where(inCollections('p.collection', scope.collections));
    const base = scoped
      // SQLite reads the hits from the FTS table in its rowid (= seq) order, newest first, and stops at the page.
      .$if(this.kind === 'sqlite', (qb) =>
        qb
          .innerJoin(sql<{ rowid: number }>`segments_fts`.as('f'), (join) =>
            join.onRef(sql.ref('f.rowid'), '=', 's.seq'),
          )
          .where(sql`segments_fts`, 'match', match),
      )
      // PostgreSQL narrows the rows by their words (migration 008), in the indexed expression's exact form.
      .$if(this.kind === 'postgres', (qb) =>
        qb.where((eb) =>
          eb.or([
            eb(sql`to_tsvector('simple'::regconfig, s.source_folded)`, '@@', words),
            eb(sql`to_tsvector('simple'::regconfig, s.target_folded)`, '@@', words),
          ]),
        ),
      )
      .where((eb) =>
        eb.or([
          eb.and([eb('p.source_language', '=', lang), eb(sql`s.source_folded`, 'like', pattern)]),
          eb.and([eb('p.target_language', '=', lang), eb(sql`s.target_folded`, 'like', pattern)]),
        ]),
      );
    // Newest stored first by `seq` (the primary key; SQLite: the FTS rowid, the same number): for a word in every
    // other segment ("Conference of the Parties") both planners walk the key backwards and stop at the page instead
    // of sorting every hit, and the count stops at SEARCH_COUNT_LIMIT.
    const [rows, count] = await Promise.all([
      base
        .select([
          's.seq',
          's.pair_id',
          's.bead_index',
          's.source_text',
          's.target_text',
          's.confidence',
          's.label',
          'p.symbol',
          'p.source_language',
          'p.target_language',
        ])
        .orderBy(this.kind === 'sqlite' ? sql`f.rowid` : sql`s.seq`, 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      this.#db
        .selectFrom(
          base
            .select('s.seq')
            .limit(SEARCH_COUNT_LIMIT + 1)
            .as('hits'),
        )
        .select((eb) => eb.fn.countAll().as('total'))
        .executeTakeFirstOrThrow(),
    ]);
    const items = inReadingOrder(rows).map((row): SearchHit => {
      const sourceSide = row.source_language === lang;
      return {
        pairId: row.pair_id,
        symbol: row.symbol,
        index: row.bead_index,
        language: lang,
        text: sourceSide ? row.source_text : row.target_text,
        otherLanguage: sourceSide ? row.target_language : row.source_language,
        otherText: sourceSide ? row.target_text : row.source_text,
        confidence: row.confidence,
        label: row.label,
      };
    });
    const total = Number(count.total);
    return { items, total: Math.min(total, SEARCH_COUNT_LIMIT), totalIsExact: total <= SEARCH_COUNT_LIMIT };
  }

  async sampleTrainingPairs(request: TrainingSampleRequest): Promise<TrainingSample> {
    const { limit } = request;
    checkSampleRequest(request);
    if (limit === 0) return { pairs: [], approved: 0, version: EMPTY_SAMPLE_VERSION };
    const from = normalizeLanguage(request.sourceLanguage);
    let query = this.#trainingQuery(request);
    if (request.stableEvery !== undefined) {
      const boundary = stableBoundary(await this.#newestTrainingSeq(request), request.stableEvery);
      if (boundary > 0) query = query.where('s.seq', '<=', boundary);
    }
    // Approved segments first: a reviewer's word is the best training data the store has. Literal statuses, so
    // that both planners see the partial indexes' conditions (segments_training_approved, migration 006).
    const approved = await query
      .where(sql<boolean>`s.review_status = 'approved'`)
      .orderBy('s.seq', 'desc')
      .limit(limit)
      .execute();
    const others =
      approved.length >= limit
        ? []
        : await query
            .where(sql<boolean>`s.review_status = 'pending'`)
            .orderBy('s.seq', 'desc')
            .limit(limit - approved.length)
            .execute();
    const rows = [...approved.reverse(), ...others.reverse()];
    if (rows.length === 0) return { pairs: [], approved: 0, version: EMPTY_SAMPLE_VERSION };
    const newestSeq = Math.max(...rows.map((row) => Number(row.seq)));
    const hash = createHash('sha256');
    const pairs = rows.map((row) => {
      // A pair stored the other way round has the requested source language on its target side.
      const reversed = row.pair_source_language !== from;
      const pair = reversed
        ? { source: row.target_text, target: row.source_text }
        : { source: row.source_text, target: row.target_text };
      // What is handed out, in order: the same rows asked for in the other direction make another version.
      hash.update(`${JSON.stringify([Number(row.seq), pair.source, pair.target])}\n`);
      return pair;
    });
    const digest = hash.digest('hex').slice(0, VERSION_HASH_DIGITS);
    return { pairs, approved: approved.length, version: `${rows.length}@${newestSeq}-${digest}` };
  }

  async trainingSampleBound(request: TrainingSampleRequest): Promise<number> {
    checkSampleRequest(request);
    if (request.limit === 0) return 0;
    const newest = await this.#newestTrainingSeq(request);
    if (request.stableEvery === undefined) return newest;
    const boundary = stableBoundary(newest, request.stableEvery);
    return boundary > 0 ? boundary : newest;
  }

  // Segments fit to train `request`'s direction, newest last; every training read starts from this query.
  #trainingQuery(request: TrainingSampleRequest) {
    const from = normalizeLanguage(request.sourceLanguage);
    const to = normalizeLanguage(request.targetLanguage);
    // The pair's row is read by scalar subqueries, not a join: with segments as the only table in FROM, neither
    // planner can start from pairs and sort a whole language pair's segments; each one walks the partial index
    // segments_training (migration 002) backwards from the newest segment and stops at `limit`.
    const pairColumn = <C extends 'status' | 'source_language'>(eb: ExpressionBuilder<SegmentsFrom, 's'>, column: C) =>
      eb.selectFrom('pairs as p').select(`p.${column}`).whereRef('p.id', '=', 's.pair_id');
    let query = this.#db
      .selectFrom('segments as s')
      .select((eb) => [
        's.seq',
        's.source_text',
        's.target_text',
        pairColumn(eb, 'source_language').as('pair_source_language'),
      ])
      .where('s.language_pair', '=', toLanguagePairKey(from, to))
      .where('s.one_to_one', '=', 1)
      .where('s.confidence', '>=', request.minConfidence)
      .where('s.source_text', '<>', '')
      .where('s.target_text', '<>', '')
      .where((eb) => eb(pairColumn(eb, 'status'), '=', PairStatus.done));
    if (request.excludePairId !== undefined) query = query.where('s.pair_id', '<>', request.excludePairId);
    return query;
  }

  async #newestTrainingSeq(request: TrainingSampleRequest): Promise<number> {
    const newest = await this.#trainingQuery(request)
      .clearSelect()
      .select('s.seq')
      .orderBy('s.seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return newest === undefined ? 0 : Number(newest.seq);
  }

  async saveStoreLexicon(input: StoreLexiconInput): Promise<boolean> {
    const result = await this.#db
      .insertInto('store_lexicons')
      .values({
        source_language: normalizeLanguage(input.sourceLanguage),
        target_language: normalizeLanguage(input.targetLanguage),
        sample_bound: input.sampleBound,
        version: input.version,
        lexicon_json: input.lexiconJson,
        learned_at: this.#now().toISOString(),
      })
      .onConflict((oc) => oc.columns(['source_language', 'target_language', 'sample_bound', 'version']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async getNewestStoreLexicon(
    sourceLanguage: LanguageCode,
    targetLanguage: LanguageCode,
    withLexicon = false,
  ): Promise<StoredLexicon | null> {
    const columns = ['source_language', 'target_language', 'sample_bound', 'version', 'learned_at'] as const;
    const newest = await this.#db
      .selectFrom('store_lexicons')
      .select(withLexicon ? [...columns, 'lexicon_json'] : [...columns])
      .where('source_language', '=', normalizeLanguage(sourceLanguage))
      .where('target_language', '=', normalizeLanguage(targetLanguage))
      .orderBy('sample_bound', 'desc')
      .orderBy('learned_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (newest === undefined) return null;
    return {
      sourceLanguage: newest.source_language,
      targetLanguage: newest.target_language,
      sampleBound: Number(newest.sample_bound),
      version: newest.version,
      learnedAt: new Date(newest.learned_at),
      ...('lexicon_json' in newest ? { lexiconJson: newest.lexicon_json as string | null } : {}),
    };
  }

  async createUser(input: CreateUserInput): Promise<UserRecord> {
    const row: UsersTable = {
      name: input.name,
      role: input.role,
      collections: input.collections === null ? null : JSON.stringify(input.collections),
      token_id: input.tokenId,
      token_hash: input.tokenHash,
      password_hash: null,
      created_at: this.#now().toISOString(),
      revoked_at: null,
    };
    const result = await this.#db
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0)
      throw new StoreError(StoreErrorCode.conflict, `A user named "${input.name}" already exists.`);
    return toUserRecord(row);
  }

  async listUsers(): Promise<UserRecord[]> {
    const rows = await this.#db.selectFrom('users').selectAll().orderBy('name').execute();
    return rows.map(toUserRecord);
  }

  async getUser(name: string): Promise<UserRecord | null> {
    const row = await this.#db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    return row === undefined ? null : toUserRecord(row);
  }

  async findTokenCredential(tokenId: string): Promise<UserCredential | null> {
    const row = await this.#db
      .selectFrom('users')
      .selectAll()
      .where('token_id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row === undefined ? null : { user: toUserRecord(row), hash: row.token_hash };
  }

  async findPasswordCredential(name: string): Promise<UserCredential | null> {
    const row = await this.#db
      .selectFrom('users')
      .selectAll()
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row === undefined || row.password_hash === null
      ? null
      : { user: toUserRecord(row), hash: row.password_hash };
  }

  async setPasswordHash(name: string, passwordHash: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async revokeUser(name: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('users')
        .set({ revoked_at: this.#now().toISOString() })
        .where('name', '=', name)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      await trx.deleteFrom('sessions').where('user_name', '=', name).execute();
      return Number(result.numUpdatedRows) > 0;
    });
  }

  async createSession(idHash: string, userName: string, expiresAt: Date): Promise<void> {
    await this.#db
      .insertInto('sessions')
      .values({
        id_hash: idHash,
        user_name: userName,
        created_at: this.#now().toISOString(),
        expires_at: expiresAt.toISOString(),
      })
      .execute();
  }

  async findSessionUser(idHash: string): Promise<UserRecord | null> {
    const row = await this.#db
      .selectFrom('sessions')
      .innerJoin('users', 'users.name', 'sessions.user_name')
      .selectAll('users')
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.expires_at', '>', this.#now().toISOString())
      .where('users.revoked_at', 'is', null)
      .executeTakeFirst();
    return row === undefined ? null : toUserRecord(row);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async appendAudit(entry: AuditEntry): Promise<AuditRecord> {
    const row = await this.#db
      .insertInto('audit')
      .values({
        at: this.#now().toISOString(),
        actor: entry.actor,
        action: checkAuditAction(entry.action),
        pair_id: entry.pairId ?? null,
        collection: entry.collection ?? null,
        detail: entry.detail ?? null,
        address: entry.address ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAuditRecord(row);
  }

  async listAudit(filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>> {
    checkPage(page);
    const query = this.#auditQuery(filter);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('seq', 'desc').limit(page.limit).offset(page.offset).execute(),
      query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toAuditRecord), total: Number(count.total) };
  }

  async *streamAudit(filter: AuditFilter, options: StreamOptions = {}): AsyncGenerator<AuditRecord> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new StoreError(StoreErrorCode.badArgument, `batchSize must be a positive integer, not ${batchSize}.`);
    }
    let cursor = 0;
    for (;;) {
      const rows = await this.#auditQuery(filter)
        .selectAll()
        .where('seq', '>', cursor)
        .orderBy('seq')
        .limit(batchSize)
        .execute();
      for (const row of rows) yield toAuditRecord(row);
      const last = rows.at(-1);
      if (last === undefined || rows.length < batchSize) return;
      cursor = Number(last.seq);
    }
  }

  #auditQuery(filter: AuditFilter) {
    let query = this.#db.selectFrom('audit');
    if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
    if (filter.action !== undefined) query = query.where('action', '=', checkAuditAction(filter.action));
    if (filter.pairId !== undefined) query = query.where('pair_id', '=', filter.pairId);
    if (filter.collection !== undefined) query = query.where('collection', '=', filter.collection);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from.toISOString());
    if (filter.to !== undefined) query = query.where('at', '<', filter.to.toISOString());
    return query;
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.#db);
  }

  async checkWritable(): Promise<void> {
    await this.#options.checkSpace?.();
    // An UPDATE that matches no row still opens a write transaction: a read-only file, file system or PostgreSQL
    // server refuses it (SQLITE_READONLY, SQLSTATE 25006) and nothing is written.
    await sql`update pairs set progress = progress where 1 = 0`.execute(this.#db);
  }

  async close(): Promise<void> {
    await this.#db.destroy();
    await this.#options.onClose?.();
  }

  async #findByHash(contentHash: string): Promise<PairRecord | null> {
    const row = await this.#db
      .selectFrom('pairs')
      .selectAll()
      .where('content_hash', '=', contentHash)
      .executeTakeFirst();
    return row === undefined ? null : toPairRecord(row);
  }
}

function inCollections(column: 'collection' | 'p.collection', collections: readonly string[]): RawBuilder<boolean> {
  // IN () is not SQL: an empty scope matches nothing.
  return collections.length === 0
    ? sql<boolean>`1 = 0`
    : sql<boolean>`${sql.ref(column)} in (${sql.join([...collections])})`;
}

function inStatuses(statuses: readonly ReviewStatus[]): RawBuilder<boolean> {
  const known = statuses.map(checkStatusArgument);
  return known.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`s.review_status in (${sql.join(known)})`;
}

function checkStatusArgument(status: string): ReviewStatus {
  const found = REVIEW_STATUSES.find((known) => known === status);
  if (found === undefined) throw new StoreError(StoreErrorCode.badArgument, `Unknown review status "${status}".`);
  return found;
}

/**
 * A page of hits, newest stored first, shown pair by pair (the pair stored last first) and in bead order within a
 * pair, as the pair reads.
 */
function inReadingOrder<R extends { seq: number | string | bigint; pair_id: string; bead_index: number }>(
  rows: readonly R[],
): R[] {
  const newestOfPair = new Map<string, number>();
  for (const row of rows) newestOfPair.set(row.pair_id, Math.max(newestOfPair.get(row.pair_id) ?? 0, Number(row.seq)));
  return [...rows].sort(
    (a, b) =>
      (newestOfPair.get(b.pair_id) as number) - (newestOfPair.get(a.pair_id) as number) || a.bead_index - b.bead_index,
  );
}

function checkAuditAction(action: string): AuditRecord['action'] {
  const found = AUDIT_ACTIONS.find((known) => known === action);
  if (found === undefined) throw new StoreError(StoreErrorCode.badArgument, `Unknown audit action "${action}".`);
  return found;
}

function toUserRecord(row: UsersTable): UserRecord {
  const role = parseRole(row.role);
  // Written by createUser from a Role; only a hand-edited database holds anything else.
  if (role === undefined) throw new Error(`User "${row.name}" has an unknown role "${row.role}".`);
  return {
    name: row.name,
    role,
    // Written by createUser with JSON.stringify of a string[].
    collections: row.collections === null ? null : (JSON.parse(row.collections) as string[]),
    hasPassword: row.password_hash !== null,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}

function toAuditRecord(row: Selectable<AuditTable>): AuditRecord {
  return {
    seq: Number(row.seq),
    at: new Date(row.at),
    actor: row.actor,
    action: checkAuditAction(row.action),
    pairId: row.pair_id,
    collection: row.collection,
    detail: row.detail,
    address: row.address,
  };
}

// The checks every training read makes on its request.
function checkSampleRequest(request: TrainingSampleRequest): void {
  const { limit, minConfidence, stableEvery } = request;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new StoreError(
      StoreErrorCode.badArgument,
      `The sample limit must be an integer of at least 0, not ${limit}.`,
    );
  }
  if (!(minConfidence >= 0 && minConfidence <= 1)) {
    throw new StoreError(
      StoreErrorCode.badArgument,
      `minConfidence must be a number from 0 to 1, not ${minConfidence}.`,
    );
  }
  if (stableEvery !== undefined && (!Number.isInteger(stableEvery) || stableEvery < 1)) {
    throw new StoreError(StoreErrorCode.badArgument, `stableEvery must be a positive integer, not ${stableEvery}.`);
  }
}

// The last multiple of `every` that `newestSeq` has reached; 0 before the first.
function stableBoundary(newestSeq: number, every: number): number {
  return Math.floor(newestSeq / every) * every;
}

function normalizeLanguage(language: LanguageCode): LanguageCode {
  // BCP 47 tags compare case-insensitively; one spelling keeps hashes and filters consistent.
  return language.trim().toLowerCase();
}

function checkStatus(status: string): PairStatus {
  const found = PAIR_STATUSES.find((known) => known === status);
  if (found === undefined) throw new StoreError(StoreErrorCode.badArgument, `Unknown pair status "${status}".`);
  return found;
}

function checkPage(page: PageRequest): void {
  if (!Number.isInteger(page.limit) || page.limit < 1 || !Number.isInteger(page.offset) || page.offset < 0) {
    throw new StoreError(
      StoreErrorCode.badArgument,
      `A page needs an integer limit of at least 1 and offset of at least 0, not ${page.limit} and ${page.offset}.`,
    );
  }
}

// Written by createPair from an ExtractedText, so a format other than the two is a row written by hand: read the files.
function storedText(text: string | null, format: string | null): ExtractedText | null {
  if (text === null || (format !== 'markdown' && format !== 'text')) return null;
  return { text, format };
}

// The document of `row` with its versions among `versions` (of any documents), in their order.
function toDocumentRecord(
  row: Selectable<DocumentsTable>,
  versions: readonly Selectable<DocumentVersionsTable>[],
): DocumentRecord {
  return {
    id: row.id,
    pivotLanguage: row.pivot_language,
    versions: versions
      .filter((version) => version.document_id === row.id)
      .map((version): DocumentVersion => ({
        language: version.language,
        fileName: version.file_name,
        pairId: version.pair_id,
      })),
    collection: row.collection,
    symbol: row.symbol,
    createdAt: new Date(row.created_at),
  };
}

function toPairRecord(row: Selectable<PairsTable>): PairRecord {
  const counts =
    row.sentence_beads === null
      ? null
      : {
          sourceBlocks: row.source_blocks ?? 0,
          targetBlocks: row.target_blocks ?? 0,
          sourceSentences: row.source_sentences ?? 0,
          targetSentences: row.target_sentences ?? 0,
          blockBeads: row.block_beads ?? 0,
          sentenceBeads: row.sentence_beads,
        };
  return {
    id: row.id,
    contentHash: row.content_hash,
    sourceFileName: row.source_file_name,
    targetFileName: row.target_file_name,
    sourceBytes: row.source_bytes,
    targetBytes: row.target_bytes,
    sourceLanguage: row.source_language,
    targetLanguage: row.target_language,
    collection: row.collection,
    symbol: row.symbol,
    status: checkStatus(row.status),
    progress: row.progress,
    failureReason: row.failure_reason,
    counts,
    parity: row.parity === null ? null : row.parity === 1,
    lexiconVersion: row.lexicon_version,
    hasDictionary: row.dictionary_file_name !== null,
    alignmentVersion: row.alignment_version === null ? null : Number(row.alignment_version),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toStoredSegment(row: Omit<Selectable<SegmentsTable>, 'seq'>, fallbackChangedAt: string): StoredSegment {
  return {
    index: row.bead_index,
    sourceText: row.source_text,
    targetText: row.target_text,
    originalSourceText: row.original_source_text,
    originalTargetText: row.original_target_text,
    confidence: row.confidence,
    status: checkReviewStatus(row.review_status),
    changedBy: row.changed_by,
    changedAt: new Date(row.changed_at ?? fallbackChangedAt),
    label: row.label,
    blockBead: row.block_bead,
    sourceSentences: parseIndices(row.source_sentences),
    targetSentences: parseIndices(row.target_sentences),
  };
}

function toStoredBlockBead(row: Selectable<BlocksTable>, segments: StoredSegment[]): StoredBlockBead {
  return {
    index: row.bead_index,
    // Written from a BlockBead's method by saveAlignment.
    method: row.method as LinkMethod,
    confidence: row.confidence,
    label: row.label,
    sourceBlocks: parseIndices(row.source_blocks),
    targetBlocks: parseIndices(row.target_blocks),
    sourceText: row.source_text,
    targetText: row.target_text,
    status: paragraphStatus(segments.map((segment) => segment.status)),
    segments,
  };
}

function toAlignmentPage(
  blocks: readonly Selectable<BlocksTable>[],
  segments: readonly Omit<Selectable<SegmentsTable>, 'seq'>[],
  fallbackChangedAt: string,
  total: number,
): Page<StoredBlockBead> {
  const byBlock = new Map<number, StoredSegment[]>();
  for (const row of segments) {
    const list = byBlock.get(row.block_bead) ?? [];
    list.push(toStoredSegment(row, fallbackChangedAt));
    byBlock.set(row.block_bead, list);
  }
  return { items: blocks.map((row) => toStoredBlockBead(row, byBlock.get(row.bead_index) ?? [])), total };
}

function checkReviewStatus(status: string): ReviewStatus {
  const found = REVIEW_STATUSES.find((known) => known === status);
  // Written by the store from a ReviewStatus; only a hand-edited database holds anything else.
  if (found === undefined) throw new Error(`Unknown review status "${status}" in the store.`);
  return found;
}

function parseIndices(json: string): number[] {
  // Written by saveAlignment with JSON.stringify of a number[].
  return JSON.parse(json) as number[];
}

function toVersionRow(
  pairId: string,
  version: number,
  author: string | null,
  createdAt: string,
  operations: readonly EditOp[],
  beads: readonly ReviewBead[],
  restores: number | null,
  undoTarget: number | null,
): AlignmentVersionsTable {
  return {
    pair_id: pairId,
    version,
    author,
    created_at: createdAt,
    operations_json: JSON.stringify(operations),
    restores,
    undo_target: undoTarget,
    beads_json: JSON.stringify(beads),
  };
}

function toVersionSummary(
  row: Pick<AlignmentVersionsTable, 'version' | 'author' | 'created_at' | 'operations_json' | 'restores'>,
): AlignmentVersionSummary {
  return {
    version: Number(row.version),
    author: row.author,
    createdAt: new Date(row.created_at),
    // Written by the store with JSON.stringify of the EditOps the service applied.
    operations: JSON.parse(row.operations_json) as EditOp[],
    restores: row.restores === null ? null : Number(row.restores),
  };
}

/** Deletes the pair's stored result: its alignment and report, its versions, block beads and segments. */
async function deleteResult(trx: Kysely<Database>, pairId: string): Promise<void> {
  await trx.deleteFrom('alignment_versions').where('pair_id', '=', pairId).execute();
  await trx.deleteFrom('pair_results').where('pair_id', '=', pairId).execute();
  await trx.deleteFrom('segments').where('pair_id', '=', pairId).execute();
  await trx.deleteFrom('blocks').where('pair_id', '=', pairId).execute();
}

/** Every row a save of a new result writes, built for one version of one pair. */
interface SavedResultRows {
  version: number;
  languagePair: string;
  result: PairResultsTable;
  versionRow: AlignmentVersionsTable;
  blocks: BlocksTable[];
  segments: Omit<SegmentsTable, 'seq'>[];
}

/** The rows of `alignment` saved as `version` of pair `pairId`, its review starting afresh. */
function buildSavedResultRows(
  pairId: string,
  alignment: Alignment,
  report: ParityReport,
  at: { version: number; now: string; languagePair: string },
): SavedResultRows {
  const { version, now, languagePair } = at;
  const stamps = new Map([[version, { version, author: null, createdAt: new Date(now) }]]);
  const reviewed = buildReviewedAlignment(alignment, version, startReview(alignment.sentences, version), stamps);
  return {
    version,
    languagePair,
    result: {
      pair_id: pairId,
      alignment_json: JSON.stringify(alignment),
      report_json: JSON.stringify(report),
      saved_at: now,
      result_id: randomUUID(),
    },
    versionRow: toVersionRow(pairId, version, null, now, [], reviewed.sentences, null, null),
    blocks: toBlockRows(pairId, reviewed),
    segments: toSegmentRows(pairId, reviewed, languagePair),
  };
}

// What a segment row holds besides its key and positions: equal content, the same bead. The folded texts follow
// from the texts, and the language pair is the pair's.
const SEGMENT_CONTENT = [
  'source_text',
  'target_text',
  'confidence',
  'label',
  'source_sentences',
  'target_sentences',
  'one_to_one',
  'review_status',
  'changed_by',
  'changed_at',
  'original_source_text',
  'original_target_text',
] as const satisfies readonly (keyof SegmentsTable)[];
const BLOCK_CONTENT = [
  'method',
  'confidence',
  'label',
  'source_blocks',
  'target_blocks',
  'source_text',
  'target_text',
] as const satisfies readonly (keyof BlocksTable)[];

/**
 * Turns the pair's stored rows into those of `reviewed`, a correction of them: the rows before the change are kept,
 * the rows after it renumbered (bead and block bead positions), only the rows between replaced. A merge in a
 * 30,000-bead pair thus rewrites a few rows, not all of them and their full-text index entries.
 */
async function rewriteVersionRows(
  trx: Kysely<Database>,
  insertRows: InsertRows,
  pairId: string,
  reviewed: ReviewedAlignment,
  languagePair: string,
  dialect: StoreDialect,
): Promise<void> {
  const oldSegments = await trx
    .selectFrom('segments')
    .select(['bead_index', 'block_bead', ...SEGMENT_CONTENT])
    .where('pair_id', '=', pairId)
    .orderBy('bead_index')
    .execute();
  const newSegments = toSegmentContent(pairId, reviewed, languagePair);
  // The tail's block beads move as one: by what the last rows say (0 when either list is empty).
  const blockShift = (newSegments.at(-1)?.block_bead ?? 0) - (oldSegments.at(-1)?.block_bead ?? 0);
  const segmentPlan = planRowRewrite<
    Pick<SegmentContent, 'bead_index' | 'block_bead' | (typeof SEGMENT_CONTENT)[number]>
  >(
    oldSegments,
    newSegments,
    (a, b) => a.block_bead === b.block_bead && sameColumns(a, b, SEGMENT_CONTENT),
    (a, b) => b.block_bead - a.block_bead === blockShift && sameColumns(a, b, SEGMENT_CONTENT),
  );
  await replaceMiddle(trx, 'segments', pairId, oldSegments.length, segmentPlan, blockShift, dialect);
  const inserted = newSegments.slice(segmentPlan.head, newSegments.length - segmentPlan.tail).map(withFolds);
  await insertRows(trx, 'segments', inserted);

  const oldBlocks = await trx
    .selectFrom('blocks')
    .select(['bead_index', ...BLOCK_CONTENT])
    .where('pair_id', '=', pairId)
    .orderBy('bead_index')
    .execute();
  const newBlocks = toBlockRows(pairId, reviewed);
  const same = (a: Omit<BlocksTable, 'pair_id'>, b: Omit<BlocksTable, 'pair_id'>): boolean =>
    sameColumns(a, b, BLOCK_CONTENT);
  const blockPlan = planRowRewrite<Omit<BlocksTable, 'pair_id'>>(oldBlocks, newBlocks, same, same);
  await replaceMiddle(trx, 'blocks', pairId, oldBlocks.length, blockPlan, 0, dialect);
  await insertRows(trx, 'blocks', newBlocks.slice(blockPlan.head, newBlocks.length - blockPlan.tail));
}

/** Deletes the rows between `plan`'s head and tail, then renumbers the tail (and shifts its block beads). */
async function replaceMiddle(
  trx: Kysely<Database>,
  table: 'segments' | 'blocks',
  pairId: string,
  oldLength: number,
  plan: RowRewrite,
  blockShift: number,
  dialect: StoreDialect,
): Promise<void> {
  const tailStart = oldLength - plan.tail;
  await sql`delete from ${sql.table(table)} where pair_id = ${pairId}
    and bead_index >= ${plan.head} and bead_index < ${tailStart}`.execute(trx);
  if (plan.tail === 0 || (plan.shift === 0 && blockShift === 0)) return;
  const moveBlocks = table === 'segments' ? sql`, block_bead = block_bead + ${blockShift}` : sql``;
  const tail = sql`pair_id = ${pairId} and bead_index >= ${tailStart}`;
  if (plan.shift === 0) {
    await sql`update segments set block_bead = block_bead + ${blockShift} where ${tail}`.execute(trx);
    return;
  }
  // Each UPDATE rewrites every index entry of the rows it moves, so once is better than twice: PostgreSQL checks
  // segments' (pair_id, bead_index) at the end of the statement (deferrable since migration 006). Elsewhere the
  // uniqueness is checked row by row, and the tail moves through negative positions so as never to collide.
  if (dialect === 'postgres' && table === 'segments') {
    await sql`update segments set bead_index = bead_index + ${plan.shift}${moveBlocks} where ${tail}`.execute(trx);
    return;
  }
  await sql`update ${sql.table(table)} set bead_index = -1 - (bead_index + ${plan.shift})${moveBlocks}
    where ${tail}`.execute(trx);
  await sql`update ${sql.table(table)} set bead_index = -1 - bead_index
    where pair_id = ${pairId} and bead_index < 0`.execute(trx);
}

function toBlockRows(pairId: string, alignment: ReviewedAlignment): BlocksTable[] {
  const reviews = reviewBlockBeads(alignment);
  return alignment.blocks.map((bead, index) => {
    const review = reviews[index];
    const text = (doc: SegmentedDocument, indices: number[], edited: string[] | null | undefined): string =>
      // Edited sentence beads stand in for the blocks' text, joined as the paragraph exports join them.
      edited !== null && edited !== undefined
        ? edited.join(' ')
        : indices
            .map((i) => doc.blocks[i]?.text.trim() ?? '')
            .filter((t) => t !== '')
            .join('\n');
    const labelled =
      bead.source.length > 0
        ? alignment.source.blocks[bead.source[0] ?? -1]
        : alignment.target.blocks[bead.target[0] ?? -1];
    return {
      pair_id: pairId,
      bead_index: index,
      method: bead.method,
      confidence: effectiveConfidence(bead.confidence, review?.status ?? null),
      label: labelled?.path ?? null,
      source_blocks: JSON.stringify(bead.source),
      target_blocks: JSON.stringify(bead.target),
      source_text: text(alignment.source, bead.source, review?.sourcePieces),
      target_text: text(alignment.target, bead.target, review?.targetPieces),
    };
  });
}

function toSegmentRows(
  pairId: string,
  alignment: ReviewedAlignment,
  languagePair: string,
): Omit<SegmentsTable, 'seq'>[] {
  return toSegmentContent(pairId, alignment, languagePair).map(withFolds);
}

/** A segment row without its folded texts, which follow from its texts. */
type SegmentContent = Omit<SegmentsTable, 'seq' | 'source_folded' | 'target_folded'>;

function withFolds(row: SegmentContent): Omit<SegmentsTable, 'seq'> {
  return { ...row, source_folded: foldForSearch(row.source_text), target_folded: foldForSearch(row.target_text) };
}

function toSegmentContent(pairId: string, alignment: ReviewedAlignment, languagePair: string): SegmentContent[] {
  const blockBeads = blockBeadOfSentenceBeads(alignment);
  return alignment.sentences.map((bead, index) => {
    // Trimmed one by one and joined by one space, as the exports join them (collect-units.ts); or the edit.
    const sourceText = sideText(bead, 'source', alignment.source);
    const targetText = sideText(bead, 'target', alignment.target);
    const onSource = bead.source.length > 0;
    const firstSentence = onSource
      ? alignment.source.sentences[bead.source[0] ?? -1]
      : alignment.target.sentences[bead.target[0] ?? -1];
    const doc = onSource ? alignment.source : alignment.target;
    const block = firstSentence === undefined ? undefined : doc.blocks[firstSentence.block];
    const stamp = alignment.stamps.get(bead.changedIn);
    return {
      pair_id: pairId,
      bead_index: index,
      // -1: a sentence whose block no block bead covers, which a valid Alignment never has.
      block_bead: blockBeads[index] ?? -1,
      source_text: sourceText,
      target_text: targetText,
      confidence: effectiveConfidence(bead.confidence, bead.status),
      label: block?.path ?? null,
      source_sentences: JSON.stringify(bead.source),
      target_sentences: JSON.stringify(bead.target),
      one_to_one: bead.source.length === 1 && bead.target.length === 1 ? 1 : 0,
      language_pair: languagePair,
      review_status: bead.status,
      changed_by: stamp?.author ?? null,
      changed_at: stamp?.createdAt.toISOString() ?? null,
      original_source_text: editOf(bead, 'source') === null ? null : originalSideText(bead, 'source', alignment.source),
      original_target_text: editOf(bead, 'target') === null ? null : originalSideText(bead, 'target', alignment.target),
    };
  });
}
