/**
 * The {@link Store} contract on Kysely: one implementation, SQL dialect differences left to Kysely and the migrations.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Migrator, sql, type ExpressionBuilder, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Alignment, LanguageCode, LinkMethod, SegmentedDocument } from '../core/model.js';
import type { ParityReport } from '../core/qa/parity-report.js';
import { parseRole } from '../auth/roles.js';
import type {
  AuditTable,
  BlocksTable,
  Database,
  PairsTable,
  SegmentsTable,
  StoreDialect,
  UsersTable,
} from './database.js';
import { listMigrations } from './migrations/list-migrations.js';
import { toLanguagePairKey } from './language-pair-key.js';
import { computePairHash } from './pair-hash.js';
import { foldForSearch } from './fold-for-search.js';
import {
  AUDIT_ACTIONS,
  PAIR_STATUSES,
  PairStatus,
  type AuditEntry,
  type AuditFilter,
  type AuditRecord,
  type CollectionScope,
  type CreateDocumentInput,
  type CreateUserInput,
  type DocumentRecord,
  type DocumentVersion,
  type UserCredential,
  type UserRecord,
  type CreatePairInput,
  type CreatePairResult,
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
}

const DEFAULT_BATCH_SIZE = 2000;
// Rows per multi-row INSERT: 13 columns × 500 stays under SQLite's 32,766 and PostgreSQL's 65,535 bind parameters.
const INSERT_ROWS = 500;
const MIGRATION_TABLE = 'paralign_migration';
// How Kysely types `segments as s` in the sample query's subqueries.
type SegmentsFrom = Database & { s: SegmentsTable };
const EMPTY_SAMPLE_VERSION = 'none';
// Hex digits of the sample hash in a version: 48 bits, no collision in practice among one store's samples.
const VERSION_HASH_DIGITS = 12;

/** A {@link Store} over a Kysely instance for SQLite or PostgreSQL. */
export class KyselyStore implements Store {
  readonly kind: StoreDialect;
  readonly #db: Kysely<Database>;
  readonly #options: KyselyStoreOptions;
  readonly #now: () => Date;

  constructor(db: Kysely<Database>, options: KyselyStoreOptions) {
    this.#db = db;
    this.#options = options;
    this.kind = options.dialect;
    this.#now = options.now ?? (() => new Date());
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
      ])
      .where('pairs.id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return null;
    return {
      source: { name: row.source_file_name, bytes: row.source_content },
      target: { name: row.target_file_name, bytes: row.target_content },
      ...(row.dictionary_file_name !== null && row.dictionary_content !== null
        ? { dictionary: { name: row.dictionary_file_name, bytes: row.dictionary_content } }
        : {}),
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
    const blocks = toBlockRows(id, alignment);
    const symbol = alignment.source.meta.symbol ?? alignment.target.meta.symbol;
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
          updated_at: now,
        }))
        .where('id', '=', id)
        .returning(['source_language', 'target_language'])
        .executeTakeFirst();
      if (updated === undefined)
        throw new StoreError(StoreErrorCode.notFound, `No pair "${id}" to save an alignment for.`);
      const segments = toSegmentRows(
        id,
        alignment,
        toLanguagePairKey(updated.source_language, updated.target_language),
      );
      // Delete then insert: a retried job replaces the earlier result, never adds to it.
      await trx.deleteFrom('segments').where('pair_id', '=', id).execute();
      await trx.deleteFrom('blocks').where('pair_id', '=', id).execute();
      await trx.deleteFrom('pair_results').where('pair_id', '=', id).execute();
      await trx
        .insertInto('pair_results')
        .values({
          pair_id: id,
          alignment_json: JSON.stringify(alignment),
          report_json: JSON.stringify(report),
          saved_at: now,
        })
        .execute();
      for (const rows of chunk(blocks)) await trx.insertInto('blocks').values(rows).execute();
      for (const rows of chunk(segments)) await trx.insertInto('segments').values(rows).execute();
    });
  }

  async getAlignment(id: string, page: PageRequest): Promise<Page<StoredBlockBead> | null> {
    checkPage(page);
    const pair = await this.#db.selectFrom('pairs').select('block_beads').where('id', '=', id).executeTakeFirst();
    if (pair === undefined || pair.block_beads === null) return null;
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
    const byBlock = new Map<number, StoredSegment[]>();
    for (const row of segments) {
      const list = byBlock.get(row.block_bead) ?? [];
      list.push(toStoredSegment(row));
      byBlock.set(row.block_bead, list);
    }
    return {
      items: blocks.map((row) => toStoredBlockBead(row, byBlock.get(row.bead_index) ?? [])),
      total: pair.block_beads,
    };
  }

  async loadAlignment(id: string): Promise<Alignment | null> {
    const row = await this.#db
      .selectFrom('pair_results')
      .select('alignment_json')
      .where('pair_id', '=', id)
      .executeTakeFirst();
    // Written by saveAlignment from an Alignment; the store is the only writer of this column.
    return row === undefined ? null : (JSON.parse(row.alignment_json) as Alignment);
  }

  async getReport(id: string): Promise<ParityReport | null> {
    const row = await this.#db
      .selectFrom('pair_results')
      .select('report_json')
      .where('pair_id', '=', id)
      .executeTakeFirst();
    // Written by saveAlignment from a ParityReport; the store is the only writer of this column.
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
    // rowid (SQLite) and heap order (PostgreSQL) are not guaranteed: the versions come back in language order.
    const versions = await this.#db
      .selectFrom('document_versions')
      .select(['language', 'file_name', 'pair_id'])
      .where('document_id', '=', id)
      .orderBy('language')
      .execute();
    return {
      id: row.id,
      pivotLanguage: row.pivot_language,
      versions: versions.map((version): DocumentVersion => ({
        language: version.language,
        fileName: version.file_name,
        pairId: version.pair_id,
      })),
      collection: row.collection,
      symbol: row.symbol,
      createdAt: new Date(row.created_at),
    };
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
    const { limit, minConfidence } = request;
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
    if (limit === 0) return { pairs: [], version: EMPTY_SAMPLE_VERSION };
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
      .where('s.confidence', '>=', minConfidence)
      .where('s.source_text', '<>', '')
      .where('s.target_text', '<>', '')
      .where((eb) => eb(pairColumn(eb, 'status'), '=', PairStatus.done));
    if (request.excludePairId !== undefined) query = query.where('s.pair_id', '<>', request.excludePairId);
    if (request.stableEvery !== undefined) {
      if (!Number.isInteger(request.stableEvery) || request.stableEvery < 1) {
        throw new StoreError(
          StoreErrorCode.badArgument,
          `stableEvery must be a positive integer, not ${request.stableEvery}.`,
        );
      }
      const newest = await query.clearSelect().select('s.seq').orderBy('s.seq', 'desc').limit(1).executeTakeFirst();
      const boundary =
        newest === undefined ? 0 : Math.floor(Number(newest.seq) / request.stableEvery) * request.stableEvery;
      if (boundary > 0) query = query.where('s.seq', '<=', boundary);
    }
    const newestFirst = await query.orderBy('s.seq', 'desc').limit(limit).execute();
    const rows = newestFirst.reverse();
    const last = rows.at(-1);
    if (last === undefined) return { pairs: [], version: EMPTY_SAMPLE_VERSION };
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
    return { pairs, version: `${rows.length}@${Number(last.seq)}-${digest}` };
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

function* chunk<T>(rows: T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += INSERT_ROWS) yield rows.slice(start, start + INSERT_ROWS);
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
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toStoredSegment(row: Selectable<SegmentsTable>): StoredSegment {
  return {
    index: row.bead_index,
    sourceText: row.source_text,
    targetText: row.target_text,
    confidence: row.confidence,
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
    segments,
  };
}

function parseIndices(json: string): number[] {
  // Written by saveAlignment with JSON.stringify of a number[].
  return JSON.parse(json) as number[];
}

function toBlockRows(pairId: string, alignment: Alignment): BlocksTable[] {
  return alignment.blocks.map((bead, index) => {
    const text = (doc: SegmentedDocument, indices: number[]): string =>
      indices
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
      confidence: bead.confidence,
      label: labelled?.path ?? null,
      source_blocks: JSON.stringify(bead.source),
      target_blocks: JSON.stringify(bead.target),
      source_text: text(alignment.source, bead.source),
      target_text: text(alignment.target, bead.target),
    };
  });
}

function toSegmentRows(pairId: string, alignment: Alignment, languagePair: string): Omit<SegmentsTable, 'seq'>[] {
  const blockBeadOf = (side: 'source' | 'target'): Map<number, number> => {
    const map = new Map<number, number>();
    alignment.blocks.forEach((bead, index) => {
      for (const block of bead[side]) map.set(block, index);
    });
    return map;
  };
  const sourceBlockBead = blockBeadOf('source');
  const targetBlockBead = blockBeadOf('target');
  return alignment.sentences.map((bead, index) => {
    const text = (doc: SegmentedDocument, indices: number[]): string =>
      // Trimmed one by one and joined by one space, as the exports join them (collect-units.ts).
      indices
        .map((i) => doc.sentences[i]?.text.trim() ?? '')
        .filter((t) => t !== '')
        .join(' ');
    const sourceText = text(alignment.source, bead.source);
    const targetText = text(alignment.target, bead.target);
    const onSource = bead.source.length > 0;
    const firstSentence = onSource
      ? alignment.source.sentences[bead.source[0] ?? -1]
      : alignment.target.sentences[bead.target[0] ?? -1];
    const doc = onSource ? alignment.source : alignment.target;
    const block = firstSentence === undefined ? undefined : doc.blocks[firstSentence.block];
    const blockBead =
      firstSentence === undefined ? undefined : (onSource ? sourceBlockBead : targetBlockBead).get(firstSentence.block);
    return {
      pair_id: pairId,
      bead_index: index,
      // -1: a sentence whose block no block bead covers, which a valid Alignment never has.
      block_bead: blockBead ?? -1,
      source_text: sourceText,
      target_text: targetText,
      source_folded: foldForSearch(sourceText),
      target_folded: foldForSearch(targetText),
      confidence: bead.confidence,
      label: block?.path ?? null,
      source_sentences: JSON.stringify(bead.source),
      target_sentences: JSON.stringify(bead.target),
      one_to_one: bead.source.length === 1 && bead.target.length === 1 ? 1 : 0,
      language_pair: languagePair,
    };
  });
}
