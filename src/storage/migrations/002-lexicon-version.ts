/**
 * 002: what training the lexicon from the store needs. `pairs.lexicon_version` records which store sample trained a
 * pair's alignment; `segments.one_to_one` (the bead is one sentence on each side) and `segments.language_pair` (the
 * pair's languages, direction-free) let one partial index hand out a language pair's most recent one-to-one segments
 * newest first, whatever else the store holds. Rows stored before are filled here. Append-only: never edit it.
 */
import { sql, type Kysely } from 'kysely';
import { toLanguagePairKey } from '../language-pair-key.js';

/** Adds the columns, fills them for segments stored before, and creates the index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('pairs').addColumn('lexicon_version', 'text').execute();
  // NOT NULL DEFAULT: SQLite adds a NOT NULL column only with a default; 0 and '' match no training request.
  await db.schema
    .alterTable('segments')
    .addColumn('one_to_one', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('segments')
    .addColumn('language_pair', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  // The index arrays are JSON.stringify of number[] (kysely-store.ts): "[12]" is one index, "[]" none, "[1,2]" two.
  await sql`
    update segments set one_to_one = 1
    where source_sentences <> '[]' and target_sentences <> '[]'
      and source_sentences not like '%,%' and target_sentences not like '%,%'
  `.execute(db);
  // One UPDATE a pair, the key computed by the same function as new saves use (SQL would order the two languages
  // by the database's collation, not as JavaScript does).
  const pairs = await sql<{ id: string; source_language: string; target_language: string }>`
    select id, source_language, target_language from pairs
  `.execute(db);
  for (const pair of pairs.rows) {
    const key = toLanguagePairKey(pair.source_language, pair.target_language);
    await sql`update segments set language_pair = ${key} where pair_id = ${pair.id}`.execute(db);
  }

  // Equality on language_pair, then seq: a backward range scan gives the newest segments first and stops at the
  // limit; confidence is in the index so that rows below the threshold are skipped without reading their text.
  await db.schema
    .createIndex('segments_training')
    .on('segments')
    .columns(['language_pair', 'seq', 'confidence'])
    .where(sql.ref('one_to_one'), '=', 1)
    .execute();
}
