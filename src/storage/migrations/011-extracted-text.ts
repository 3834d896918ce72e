/**
 * 011: the text the API's checks read from each file, kept beside the file (`pair_files.source_text` and
 * `source_format`, the same for the target), so that a worker segments that text instead of extracting the file and
 * running every check again: for a PDF or DOCX, extracting is most of a small pair's reading. Nullable: pairs stored
 * before have none, and their worker reads the files as before. Append-only: never edit it.
 */
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Adds the four nullable columns. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  void dialect;
  for (const column of ['source_text', 'source_format', 'target_text', 'target_format'])
    await db.schema.alterTable('pair_files').addColumn(column, 'text').execute();
}
