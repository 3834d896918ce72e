/**
 * 008: PostgreSQL finds concordance candidates by their words (a GIN index over each folded column's `simple`
 * text-search vector) instead of by trigrams. A trigram index must intersect the postings of trigrams that nearly
 * every segment has (" de", "es ", digits) and took over 100 ms for one hit in a million segments; a word index
 * reads the postings of the query's rarest word. The LIKE on the folded text still decides the hit (words in
 * sequence); the index only narrows the rows. SQLite keeps its FTS5 table (migration 004). Append-only: never edit it.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Replaces the trigram indexes of migration 004 with word indexes (PostgreSQL only). */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const side of ['source', 'target'] as const) {
    const column = sql.ref(`${side}_folded`);
    const index = sql.id(`segments_${side}_words`);
    await sql`create index ${index} on segments using gin (to_tsvector('simple'::regconfig, ${column}))`.execute(db);
    await sql`drop index ${sql.id(`segments_${side}_folded_trgm`)}`.execute(db);
  }
}
