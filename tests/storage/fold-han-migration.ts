/**
 * Migration 010 on a store that already holds Chinese segments: every backend's *.int.test.ts calls it with a
 * database migrated to 009 only, so the refolding (and, on SQLite, the full-text index behind it) is tested on rows
 * written with the folding of before, where a Chinese sentence was one word and no phrase inside it was found.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateBareTo, type BareDatabase } from './lexicon-migration.js';

const SAVED = '2025-03-01T08:00:00.000Z';

/** Registers the migration-010 test for one backend. */
export function describeFoldHanMigration(backend: string, open: () => Promise<BareDatabase>): void {
  describe(`Migration 010 (Han characters as words): ${backend}`, () => {
    it('refolds Chinese segments stored before it, so a phrase inside a sentence is found', async () => {
      const bare = await open();
      try {
        expect(await migrateBareTo(bare, '009-store-lexicons')).toBeUndefined();
        await sql`insert into pairs (id, content_hash, source_file_name, target_file_name, source_bytes, target_bytes,
            source_language, target_language, status, progress, block_beads, sentence_beads, created_at, updated_at)
          values ('old-zh', 'hash-old-zh', 'old.zh', 'old.en', 1, 1, 'zh', 'en', 'done', 100, 1, 2, ${SAVED}, ${SAVED})
        `.execute(bare.db);
        // Folded as before migration 010: the Chinese sentence one word, the English as it still is.
        const rows: Array<[string, string, string, string]> = [
          [
            '委员会注意到秘书长的报告。',
            'The Committee took note of the report of the Secretary-General.',
            '委员会注意到秘书长的报告',
            'the committee took note of the report of the secretary general',
          ],
          ['会议于2015年结束。', 'The session closed in 2015.', '会议于2015年结束', 'the session closed in 2015'],
        ];
        for (const [index, [source, target, sourceFolded, targetFolded]] of rows.entries()) {
          await sql`insert into segments (pair_id, bead_index, block_bead, source_text, target_text, source_folded,
              target_folded, confidence, label, source_sentences, target_sentences, one_to_one, language_pair)
            values ('old-zh', ${index}, 0, ${source}, ${target}, ${sourceFolded}, ${targetFolded}, 0.95, null,
              ${`[${index}]`}, ${`[${index}]`}, 1, 'en|zh')
          `.execute(bare.db);
        }

        const store = bare.openStore();
        try {
          await store.migrate();
          const page = { limit: 10, offset: 0 };
          const phrase = await store.searchSegments('秘书长', 'zh', page);
          expect(phrase.items.map((hit) => [hit.index, hit.otherText])).toEqual([
            [0, 'The Committee took note of the report of the Secretary-General.'],
          ]);
          // Digits glued to Han characters are words of their own too; the English side is found as before.
          expect((await store.searchSegments('2015', 'zh', page)).items.map((hit) => hit.index)).toEqual([1]);
          expect((await store.searchSegments('took note', 'en', page)).items.map((hit) => hit.index)).toEqual([0]);
        } finally {
          await store.close();
        }
      } finally {
        await bare.dispose();
      }
    });
  });
}
