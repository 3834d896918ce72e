/**
 * Migration 002 on a store that already holds segments: every backend's *.int.test.ts calls it with a database
 * migrated to 001 only, so the backfill of `one_to_one` and `language_pair` is tested on rows written before it.
 */
import { Migrator, sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { StoreDialect } from '../../src/storage/database.js';
import { listMigrations } from '../../src/storage/migrations/list-migrations.js';
import type { Store } from '../../src/storage/store.js';

/** A fresh, empty database (not migrated), how to open the store on it, and how to dispose of both. */
export interface BareDatabase {
  db: Kysely<unknown>;
  dialect: StoreDialect;
  /** PostgreSQL schema holding the tables (the connections' search_path); absent on SQLite. */
  schema?: string;
  /** Opens the store on the same database (not yet migrated). */
  openStore(): Store;
  /** Closes `db` and deletes the database. */
  dispose(): Promise<void>;
}

/**
 * Runs the store's migrations on `bare` up to `name` (inclusive), as the store would name its tables, so a test can
 * write rows as an older version did before the rest run; the migrator's error, undefined when all went well.
 */
export async function migrateBareTo(bare: BareDatabase, name: string): Promise<unknown> {
  const migrator = new Migrator({
    db: bare.db,
    provider: listMigrations(bare.dialect),
    migrationTableName: 'paralign_migration',
    migrationLockTableName: 'paralign_migration_lock',
    ...(bare.schema === undefined ? {} : { migrationTableSchema: bare.schema }),
  });
  return (await migrator.migrateTo(name)).error;
}

const NOW = '2024-01-01T00:00:00.000Z';

async function insertPair(
  db: Kysely<unknown>,
  id: string,
  sourceLanguage: string,
  targetLanguage: string,
): Promise<void> {
  await sql`
    insert into pairs (id, content_hash, source_file_name, target_file_name, source_bytes, target_bytes,
      source_language, target_language, status, progress, sentence_beads, created_at, updated_at)
    values (${id}, ${`hash-${id}`}, 'a', 'b', 1, 1, ${sourceLanguage}, ${targetLanguage}, 'done', 100, 0,
      ${NOW}, ${NOW})
  `.execute(db);
}

async function insertSegment(
  db: Kysely<unknown>,
  pairId: string,
  index: number,
  source: number[],
  target: number[],
  texts: [string, string],
): Promise<void> {
  // As saveAlignment wrote them before migration 002: the index arrays are JSON.stringify of number[].
  await sql`
    insert into segments (pair_id, bead_index, block_bead, source_text, target_text, source_folded, target_folded,
      confidence, label, source_sentences, target_sentences)
    values (${pairId}, ${index}, 0, ${texts[0]}, ${texts[1]}, ${texts[0]}, ${texts[1]}, 0.95, null,
      ${JSON.stringify(source)}, ${JSON.stringify(target)})
  `.execute(db);
}

/** Registers the migration-002 test for one backend. */
export function describeLexiconMigration(backend: string, open: () => Promise<BareDatabase>): void {
  describe(`Migration 002 (lexicon version): ${backend}`, () => {
    it('fills one_to_one and language_pair for segments stored before it', async () => {
      const bare = await open();
      try {
        expect(await migrateBareTo(bare, '001-initial')).toBeUndefined();
        await insertPair(bare.db, 'old-fr-en', 'fr', 'en');
        await insertSegment(bare.db, 'old-fr-en', 0, [0], [0], ['Un.', 'One.']);
        await insertSegment(bare.db, 'old-fr-en', 1, [1, 2], [1], ['Deux. Trois.', 'Two and three.']);
        await insertSegment(bare.db, 'old-fr-en', 2, [], [2], ['', 'Extra.']);
        await insertSegment(bare.db, 'old-fr-en', 3, [3], [], ['Quatre.', '']);
        // Several digits, still one index.
        await insertSegment(bare.db, 'old-fr-en', 4, [10], [12], ['Onze.', 'Eleven.']);
        await insertSegment(bare.db, 'old-fr-en', 5, [11], [13, 14], ['Douze.', 'Twelve. Thirteen.']);
        await insertPair(bare.db, 'old-en-fr', 'en', 'fr');
        await insertSegment(bare.db, 'old-en-fr', 0, [0], [0], ['Five.', 'Cinq.']);
        await insertPair(bare.db, 'old-fr-es', 'fr', 'es');
        await insertSegment(bare.db, 'old-fr-es', 0, [0], [0], ['Six.', 'Seis.']);

        const store = bare.openStore();
        try {
          await store.migrate();
          const sample = await store.sampleTrainingPairs({
            sourceLanguage: 'fr',
            targetLanguage: 'en',
            minConfidence: 0.9,
            limit: 10,
          });
          expect(sample.pairs).toEqual([
            { source: 'Un.', target: 'One.' },
            { source: 'Onze.', target: 'Eleven.' },
            { source: 'Cinq.', target: 'Five.' },
          ]);
          const spanish = await store.sampleTrainingPairs({
            sourceLanguage: 'es',
            targetLanguage: 'fr',
            minConfidence: 0.9,
            limit: 10,
          });
          expect(spanish.pairs).toEqual([{ source: 'Seis.', target: 'Six.' }]);
          expect((await store.getPair('old-fr-en'))?.lexiconVersion).toBeNull();
        } finally {
          await store.close();
        }
      } finally {
        await bare.dispose();
      }
    });
  });
}
