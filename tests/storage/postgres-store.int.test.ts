import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { describeFoldHanMigration } from './fold-han-migration.js';
import { describeLexiconMigration, type BareDatabase } from './lexicon-migration.js';
import { describeStoreContract } from './store-contract.js';
import { describeVersionsMigration } from './versions-migration.js';

// The machine's PostgreSQL (trust auth, database `test`); .ci/run starts it when it is not up.
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
// One schema prefix per run, so parallel runs and leftovers of a killed run never meet.
const runPrefix = `paralign_test_${process.pid}_${randomBytes(3).toString('hex')}`;
let counter = 0;
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });

async function dropRunSchemas(): Promise<void> {
  const { rows } = await admin.query<{ nspname: string }>('select nspname from pg_namespace where nspname like $1', [
    `${runPrefix}%`,
  ]);
  for (const { nspname } of rows) await admin.query(`drop schema "${nspname}" cascade`);
}

// Like the other PostgreSQL suites: without a server that answers, the suite skips instead of failing.
const postgresAvailable: boolean = await admin.query('select 1').then(
  () => true,
  () => false,
);
if (!postgresAvailable) process.stderr.write(`skipped: the PostgreSQL store suites need a server at ${DATABASE_URL}\n`);

afterAll(async () => {
  if (postgresAvailable) await dropRunSchemas();
  await admin.end();
});

describe.skipIf(!postgresAvailable)('PostgreSQL store', () => {
  describeStoreContract('postgres', async ({ now }) => {
    counter += 1;
    const schema = `${runPrefix}_${counter}`;
    const store = openStore({ databaseUrl: DATABASE_URL, schema, now });
    await store.migrate();
    return {
      store,
      dispose: async () => {
        await store.close();
        await admin.query(`drop schema "${schema}" cascade`);
      },
    };
  });

  const openBare = async (): Promise<BareDatabase> => {
    counter += 1;
    const schema = `${runPrefix}_${counter}`;
    await admin.query(`create schema "${schema}"`);
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1, options: `-c search_path=${schema}` });
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      schema,
      openStore: () => openStore({ databaseUrl: DATABASE_URL, schema }),
      dispose: async () => {
        await db.destroy();
        await admin.query(`drop schema "${schema}" cascade`);
      },
    };
  };
  describeLexiconMigration('postgres', openBare);
  describeVersionsMigration('postgres', openBare);
  describeFoldHanMigration('postgres', openBare);

  describe('PostgreSQL store schema', () => {
    it('migrates into its own schema once, even when several processes start together', async () => {
      const schema = `${runPrefix}_concurrent`;
      const stores = Array.from({ length: 4 }, () => openStore({ databaseUrl: DATABASE_URL, schema }));
      await Promise.all(stores.map((store) => store.migrate()));
      await Promise.all(stores.map((store) => store.close()));
      const { rows } = await admin.query<{ name: string }>(
        `select name from "${schema}".paralign_migration order by name`,
      );
      expect(rows.map((row) => row.name)).toEqual([
        '001-initial',
        '002-lexicon-version',
        '003-pair-dictionary',
        '004-search-index',
        '005-users-audit',
        '006-alignment-versions',
        '007-documents',
        '008-search-words',
        '009-store-lexicons',
        '010-fold-han',
        '011-extracted-text',
      ]);
      const tables = await admin.query<{ table_name: string }>(
        'select table_name from information_schema.tables where table_schema = $1 order by table_name',
        [schema],
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['blocks', 'pair_files', 'pair_results', 'pairs', 'segments']),
      );
    });
  });
});
