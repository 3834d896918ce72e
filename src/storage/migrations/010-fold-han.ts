/**
 * 010: concordance search in Chinese. {@link foldForSearch} now makes each Han character a word of its own (Chinese
 * writes no spaces, so a whole sentence was one word and a Chinese phrase found nothing); the segments stored before
 * are folded again here, only those whose folded form changes. The indexes follow: SQLite's FTS table through its
 * update trigger (migration 004), PostgreSQL's expression indexes by themselves. Number 009 is another change's.
 * Append-only: never edit it.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../database.js';
import { foldForSearch } from '../fold-for-search.js';

const BATCH = 5000;

/** Re-folds the stored segments whose folded text is not what {@link foldForSearch} gives now. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  void dialect;
  for (let after = -1; ;) {
    const { rows } = await sql<{
      seq: number | string;
      source_text: string;
      target_text: string;
      source_folded: string;
      target_folded: string;
    }>`
      select seq, source_text, target_text, source_folded, target_folded from segments where seq > ${after}
      order by seq limit ${BATCH}
    `.execute(db);
    const last = rows.at(-1);
    if (last === undefined) return;
    for (const row of rows) {
      const source = foldForSearch(row.source_text);
      const target = foldForSearch(row.target_text);
      if (source === row.source_folded && target === row.target_folded) continue;
      const update = sql`update segments set source_folded = ${source}, target_folded = ${target}`;
      await sql`${update} where seq = ${row.seq}`.execute(db);
    }
    after = Number(last.seq);
  }
}
