/**
 * 006: versions of a pair's sentence alignment (issue 17, the review editor). `alignment_versions` keeps every
 * version whole (its beads with their review status and edited texts, who made it, when, with which operations);
 * `pairs.alignment_version` names the current one; `segments` gains the current version's review status, who last
 * changed each bead and when, and the sentences' own text beside an edited one. Pairs aligned before get their
 * aligner's result as version 1. A partial index serves the approved segments that train the lexicon first.
 * Append-only: never edit it.
 */
import { sql, type Kysely } from 'kysely';
import type { ScoredBead } from '../../core/model.js';

/** Adds the table and columns, gives every aligned pair its version 1, and creates the index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('pairs').addColumn('alignment_version', 'integer').execute();
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
