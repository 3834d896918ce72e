/**
 * 004: an indexed, accent- and case-insensitive, word-aware concordance. `segments.source_folded` and
 * `target_folded` now hold each text's words, folded ({@link foldForSearch}: no accents, lower case, one space between
 * words and one at each end), recomputed here for the rows stored before. SQLite indexes them in an FTS5 table kept
 * in step by triggers; PostgreSQL in trigram GIN indexes (pg_trgm), which serve `LIKE '% word word %'`.
 * Append-only: never edit it.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../database.js';
import { foldForSearch } from '../fold-for-search.js';

const BATCH = 5000;

/** Re-folds the stored segments, then builds the index of the backend. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await refoldSegments(db);
  if (dialect === 'sqlite') await indexSqlite(db);
  else await indexPostgres(db);
}

async function refoldSegments(db: Kysely<unknown>): Promise<void> {
  for (let after = -1; ;) {
    const { rows } = await sql<{ seq: number | string; source_text: string; target_text: string }>`
      select seq, source_text, target_text from segments where seq > ${after} order by seq limit ${BATCH}
    `.execute(db);
    const last = rows.at(-1);
    if (last === undefined) return;
    for (const row of rows) {
      await sql`update segments set source_folded = ${foldForSearch(row.source_text)},
        target_folded = ${foldForSearch(row.target_text)} where seq = ${row.seq}`.execute(db);
    }
    after = Number(last.seq);
  }
}

// An external-content FTS5 table over the folded columns (sqlite.org/fts5.html §4.4.3, triggers as given there). The
// folded text has no accents or capitals left; unicode61 with remove_diacritics 2 would fold them all the same.
async function indexSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table segments_fts using fts5(source_folded, target_folded, content='segments',
    content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger segments_fts_insert after insert on segments begin
    insert into segments_fts(rowid, source_folded, target_folded)
      values (new.seq, new.source_folded, new.target_folded);
    end`.execute(db);
  await sql`create trigger segments_fts_delete after delete on segments begin
    insert into segments_fts(segments_fts, rowid, source_folded, target_folded)
      values ('delete', old.seq, old.source_folded, old.target_folded);
    end`.execute(db);
  await sql`create trigger segments_fts_update after update on segments begin
    insert into segments_fts(segments_fts, rowid, source_folded, target_folded)
      values ('delete', old.seq, old.source_folded, old.target_folded);
    insert into segments_fts(rowid, source_folded, target_folded)
      values (new.seq, new.source_folded, new.target_folded);
    end`.execute(db);
  await sql`insert into segments_fts(segments_fts) values ('rebuild')`.execute(db);
}

// pg_trgm lives once per database: in `public`, so that dropping one store's schema cannot take it from another.
async function indexPostgres(db: Kysely<unknown>): Promise<void> {
  const found = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  let schema = found.rows[0]?.schema;
  if (schema === undefined) {
    await sql`create extension if not exists pg_trgm schema public`.execute(db);
    schema = 'public';
  }
  const ops = sql.raw(`${JSON.stringify(schema)}.gin_trgm_ops`);
  await sql`create index segments_source_folded_trgm on segments using gin (source_folded ${ops})`.execute(db);
  await sql`create index segments_target_folded_trgm on segments using gin (target_folded ${ops})`.execute(db);
}
