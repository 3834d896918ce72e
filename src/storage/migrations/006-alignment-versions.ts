/**
 * 006: versions of a pair's sentence alignment (issue 17, the review editor). `alignment_versions` keeps every
 * version whole (its beads with their review status and edited texts, who made it, when, with which operations);
 * `pairs.alignment_version` names the current one; `segments` gains the current version's review status, who last
 * changed each bead and when, and the sentences' own text beside an edited one. Pairs aligned before get their
 * aligner's result as version 1. A partial index serves the approved segments that train the lexicon first. On
 * SQLite, the full-text index follows only changes of the folded text (a correction renumbers the beads after it).
 * Append-only: never edit it.
 */
import { sql, type Kysely } from 'kysely';
import type { ScoredBead } from '../../core/model.js';
import type { StoreDialect } from '../database.js';

/** Adds the table and columns, gives every aligned pair its version 1, and creates the index. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema.alterTable('pairs').addColumn('alignment_version', 'integer').execute();
  // A random id per saved result, so a process can keep a parsed alignment and know when it was replaced.
  await db.schema.alterTable('pair_results').addColumn('result_id', 'text').execute();
  await db.schema
    .createTable('alignment_versions')
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('operations_json', 'text', (c) => c.notNull())
    .addColumn('restores', 'integer')
    .addColumn('undo_target', 'integer')
    .addColumn('beads_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alignment_versions_pk', ['pair_id', 'version'])
    .execute();

  // NOT NULL DEFAULT: SQLite adds a NOT NULL column only with a default, and every stored bead is pending.
  await db.schema
    .alterTable('segments')
    .addColumn('review_status', 'text', (c) => c.notNull().defaultTo('pending'))
    .execute();
  // Left null on stored rows: filling them would rewrite every row (and, on SQLite, its full-text index entry).
  for (const column of ['changed_by', 'changed_at', 'original_source_text', 'original_target_text'])
    await db.schema.alterTable('segments').addColumn(column, 'text').execute();

  await addFirstVersions(db);

  await sql`create index segments_training_approved on segments (language_pair, seq)
    where one_to_one = 1 and review_status = 'approved'`.execute(db);

  if (dialect === 'sqlite') await narrowFtsUpdateTrigger(db);
  else await deferBeadUniqueness(db);
}

// PostgreSQL checks a plain UNIQUE constraint row by row, so renumbering the beads after a correction in one UPDATE
// could collide with a row not moved yet; a DEFERRABLE one (initially immediate) is checked at the end of each
// statement (PostgreSQL manual, CREATE TABLE, "Non-deferred Uniqueness Constraints"). Nothing uses it as an ON
// CONFLICT arbiter, which a deferrable constraint cannot be.
async function deferBeadUniqueness(db: Kysely<unknown>): Promise<void> {
  await sql`alter table segments drop constraint segments_pair_bead`.execute(db);
  await sql`alter table segments add constraint segments_pair_bead unique (pair_id, bead_index)
    deferrable initially immediate`.execute(db);
}

// Migration 004's trigger re-indexed a row on any UPDATE; a correction renumbers the segments after it (bead_index,
// block_bead), which leaves their words as they were. Same body, fired only when the folded text changes.
async function narrowFtsUpdateTrigger(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger segments_fts_update`.execute(db);
  await sql`create trigger segments_fts_update after update of source_folded, target_folded on segments begin
    insert into segments_fts(segments_fts, rowid, source_folded, target_folded)
      values ('delete', old.seq, old.source_folded, old.target_folded);
    insert into segments_fts(rowid, source_folded, target_folded)
      values (new.seq, new.source_folded, new.target_folded);
    end`.execute(db);
}

// One pair at a time: only one alignment's JSON is in memory at once.
async function addFirstVersions(db: Kysely<unknown>): Promise<void> {
  const pairs = await sql<{ pair_id: string }>`select pair_id from pair_results order by pair_id`.execute(db);
  for (const { pair_id: pairId } of pairs.rows) {
    const { rows } = await sql<{ alignment_json: string; saved_at: string }>`
      select alignment_json, saved_at from pair_results where pair_id = ${pairId}`.execute(db);
    const row = rows[0];
    if (row === undefined) continue;
    // Written by saveAlignment from an Alignment, whose `sentences` are ScoredBeads.
    const { sentences } = JSON.parse(row.alignment_json) as { sentences: ScoredBead[] };
    const beads = JSON.stringify(sentences.map(firstVersionBead));
    await sql`insert into alignment_versions
      (pair_id, version, author, created_at, operations_json, restores, undo_target, beads_json)
      values (${pairId}, 1, null, ${row.saved_at}, '[]', null, null, ${beads})`.execute(db);
    await sql`update pairs set alignment_version = 1 where id = ${pairId}`.execute(db);
  }
}

// A ReviewBead (src/core/review/review-model.ts) of version 1, spelled out here so this migration never changes.
function firstVersionBead(bead: ScoredBead): object {
  return {
    source: bead.source,
    target: bead.target,
    confidence: bead.confidence,
    status: 'pending',
    sourceText: null,
    targetText: null,
    changedIn: 1,
  };
}
