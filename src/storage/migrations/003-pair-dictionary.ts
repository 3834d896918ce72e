/**
 * 003: an optional bilingual dictionary uploaded with a pair. `pair_files.dictionary_content` holds its bytes as
 * uploaded and `pairs.dictionary_file_name` its name (non-null exactly when there is one, so listing pairs tells
 * `hasDictionary` without reading any bytes). Both nullable: pairs stored before have none. Append-only: never edit it.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Adds the two nullable columns. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  await db.schema.alterTable('pair_files').addColumn('dictionary_content', sql.raw(bytes)).execute();
  await db.schema.alterTable('pairs').addColumn('dictionary_file_name', 'text').execute();
}
