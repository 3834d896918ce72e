/**
 * 007: documents of several language versions (n-way uploads). `documents` holds the pivot language and the filing of
 * an upload; `document_versions` one row per version: its language and file name, and the pair that aligns it with
 * the pivot (null for the pivot itself). A version row goes with its pair. Number 006 is another change's.
 * Append-only: never edit it.
 */
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Creates the two tables. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  void dialect;
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pivot_language', 'text', (c) => c.notNull())
    .addColumn('collection', 'text')
    .addColumn('symbol', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('document_versions')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('pair_id', 'text', (c) => c.references('pairs.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('document_versions_pk', ['document_id', 'language'])
    .execute();
  await db.schema.createIndex('document_versions_pair').on('document_versions').column('pair_id').execute();
}
