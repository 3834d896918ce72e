/**
 * Migration 006 on a store that already holds an aligned pair: every backend's *.int.test.ts calls it with a database
 * migrated to 005 only, so the pair's version 1 is made from what was stored before versions existed.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildParityReport } from '../../src/core/qa/parity-report.js';
import { applyEdits } from '../../src/core/review/apply-edits.js';
import { syntheticAlignment } from '../../harness/synthetic-alignment.js';
import { migrateBareTo, type BareDatabase } from './lexicon-migration.js';

const SAVED = '2023-06-01T08:00:00.000Z';

/** Registers the migration-006 test for one backend. */
export function describeVersionsMigration(backend: string, open: () => Promise<BareDatabase>): void {
  describe(`Migration 006 (alignment versions): ${backend}`, () => {
    it('makes version 1 of every pair aligned before it, which can then be edited', async () => {
      const bare = await open();
      try {
        expect(await migrateBareTo(bare, '005-users-audit')).toBeUndefined();
        const alignment = syntheticAlignment(3, 'old', {
          sentenceText: (language, _tag, index) => `${language} old ${index}.`,
          confidence: () => 0.8,
          symbol: () => 'OLD/1',
        });
        // As saveAlignment wrote a pair before migration 006.
        await sql`insert into pairs (id, content_hash, source_file_name, target_file_name, source_bytes, target_bytes,
            source_language, target_language, status, progress, block_beads, sentence_beads, created_at, updated_at)
          values ('old', 'hash-old', 'old.fr', 'old.en', 1, 1, 'fr', 'en', 'done', 100, 1, 3, ${SAVED}, ${SAVED})
        `.execute(bare.db);
        await sql`insert into pair_results (pair_id, alignment_json, report_json, saved_at)
          values ('old', ${JSON.stringify(alignment)}, ${JSON.stringify(buildParityReport(alignment))}, ${SAVED})
        `.execute(bare.db);
        await sql`insert into blocks (pair_id, bead_index, method, confidence, label, source_blocks, target_blocks,
            source_text, target_text)
          values ('old', 0, 'label', 1, '1', '[0]', '[0]', ${alignment.source.blocks[0]?.text ?? ''},
            ${alignment.target.blocks[0]?.text ?? ''})
        `.execute(bare.db);
        for (const index of [0, 1, 2]) {
          await sql`insert into segments (pair_id, bead_index, block_bead, source_text, target_text, source_folded,
              target_folded, confidence, label, source_sentences, target_sentences, one_to_one, language_pair)
            values ('old', ${index}, 0, ${`fr old ${index}.`}, ${`en old ${index}.`}, '', '', 0.8, '1',
              ${`[${index}]`}, ${`[${index}]`}, 1, 'en|fr')
          `.execute(bare.db);
        }

        const store = bare.openStore();
        try {
          await store.migrate();
          expect((await store.getPair('old'))?.alignmentVersion).toBe(1);
          const version = await store.getAlignmentVersion('old');
          expect(version).toMatchObject({ version: 1, author: null, undoTarget: null, operations: [] });
          expect(version?.createdAt.toISOString()).toBe(SAVED);
          expect(version?.beads.map((bead) => [bead.source, bead.status, bead.changedIn])).toEqual([
            [[0], 'pending', 1],
            [[1], 'pending', 1],
            [[2], 'pending', 1],
          ]);
          const page = await store.getAlignment('old', { limit: 10, offset: 0 });
          expect(page?.version).toBe(1);
          const segment = page?.items[0]?.segments[0];
          expect(segment).toMatchObject({ status: 'pending', changedBy: null, originalSourceText: null });
          expect(segment?.changedAt.toISOString()).toBe(SAVED);

          const beads = applyEdits(version?.beads ?? [], [{ op: 'approve', beads: [1] }], {
            source: alignment.source,
            target: alignment.target,
            version: 2,
          });
          await store.saveAlignmentVersion('old', {
            basedOn: 1,
            author: 'rev',
            operations: [{ op: 'approve', beads: [1] }],
            beads,
            undoTarget: 1,
            restores: null,
          });
          const units = [];
          for await (const unit of store.streamUnits({ pairId: 'old' })) units.push([unit.status, unit.confidence]);
          expect(units).toEqual([
            ['pending', 0.8],
            ['approved', 1],
            ['pending', 0.8],
          ]);
        } finally {
          await store.close();
        }
      } finally {
        await bare.dispose();
      }
    });
  });
}
