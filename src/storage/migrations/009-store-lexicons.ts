/**
 * 009: store lexicons learned once per training sample and shared by every worker (on any machine). One row per
 * direction and sample: the sample's version (TrainingSample.version), the `seq` bound it reached (the newest row
 * wins), and the lexicon as the service serialised it (null text: too few pairs to learn one). Number 010 may be
 * another change's. Append-only: never edit it.
 */
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Creates the table and its primary key, which also orders a direction's lexicons by bound. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  void dialect;
  await db.schema
    .createTable('store_lexicons')
    .addColumn('source_language', 'text', (c) => c.notNull())
    .addColumn('target_language', 'text', (c) => c.notNull())
    .addColumn('sample_bound', 'bigint', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('lexicon_json', 'text')
    .addColumn('learned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('store_lexicons_pk', ['source_language', 'target_language', 'sample_bound', 'version'])
    .execute();
}
