/**
 * 001: pairs, their files, results, block beads and segments. Append-only: never edit a released migration, add one.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Creates the initial schema. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const float = dialect === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('source_file_name', 'text', (c) => c.notNull())
    .addColumn('target_file_name', 'text', (c) => c.notNull())
    .addColumn('source_bytes', 'integer', (c) => c.notNull())
    .addColumn('target_bytes', 'integer', (c) => c.notNull())
    .addColumn('source_language', 'text', (c) => c.notNull())
    .addColumn('target_language', 'text', (c) => c.notNull())
    .addColumn('collection', 'text')
    .addColumn('symbol', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().check(sql`progress between 0 and 100`))
    .addColumn('failure_reason', 'text')
    .addColumn('source_blocks', 'integer')
    .addColumn('target_blocks', 'integer')
    .addColumn('source_sentences', 'integer')
    .addColumn('target_sentences', 'integer')
    .addColumn('block_beads', 'integer')
    .addColumn('sentence_beads', 'integer')
    .addColumn('parity', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pairs_created_at').on('pairs').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('pairs_collection').on('pairs').column('collection').execute();
  await db.schema.createIndex('pairs_symbol').on('pairs').column('symbol').execute();
  await db.schema.createIndex('pairs_status').on('pairs').column('status').execute();

  await db.schema
    .createTable('pair_files')
    .addColumn('pair_id', 'text', (c) => c.primaryKey().references('pairs.id').onDelete('cascade'))
    .addColumn('source_content', sql.raw(bytes), (c) => c.notNull())
    .addColumn('target_content', sql.raw(bytes), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pair_results')
    .addColumn('pair_id', 'text', (c) => c.primaryKey().references('pairs.id').onDelete('cascade'))
    .addColumn('alignment_json', 'text', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('blocks')
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    .addColumn('bead_index', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('confidence', sql.raw(float), (c) => c.notNull().check(sql`confidence between 0 and 1`))
    .addColumn('label', 'text')
    .addColumn('source_blocks', 'text', (c) => c.notNull())
    .addColumn('target_blocks', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('target_text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('blocks_pk', ['pair_id', 'bead_index'])
    .execute();

  await db.schema
    .createTable('segments')
    // SQLite: an INTEGER PRIMARY KEY is the rowid, assigned in insert order. PostgreSQL: an identity column.
    .addColumn('seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey(),
    )
    .addColumn('pair_id', 'text', (c) => c.notNull().references('pairs.id').onDelete('cascade'))
    .addColumn('bead_index', 'integer', (c) => c.notNull())
    .addColumn('block_bead', 'integer', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('target_text', 'text', (c) => c.notNull())
    .addColumn('source_folded', 'text', (c) => c.notNull())
    .addColumn('target_folded', 'text', (c) => c.notNull())
    // The CHECK is what stops a NaN or out-of-range confidence (SQLite stores NaN as NULL, hence NOT NULL too).
    .addColumn('confidence', sql.raw(float), (c) => c.notNull().check(sql`confidence between 0 and 1`))
    .addColumn('label', 'text')
    .addColumn('source_sentences', 'text', (c) => c.notNull())
    .addColumn('target_sentences', 'text', (c) => c.notNull())
    .addUniqueConstraint('segments_pair_bead', ['pair_id', 'bead_index'])
    .execute();
}
