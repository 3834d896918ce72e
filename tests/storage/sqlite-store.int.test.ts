import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { describeFoldHanMigration } from './fold-han-migration.js';
import { describeLexiconMigration, type BareDatabase } from './lexicon-migration.js';
import { describeStoreContract } from './store-contract.js';
import { describeVersionsMigration } from './versions-migration.js';

const folder = mkdtempSync(join(tmpdir(), 'paralign-sqlite-'));
let counter = 0;

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeStoreContract('sqlite', async ({ now }) => {
  counter += 1;
  const path = join(folder, `store-${counter}`, 'paralign.sqlite');
  const store = openStore({ sqlitePath: path, now });
  await store.migrate();
  return { store, dispose: () => store.close() };
});

async function openBare(): Promise<BareDatabase> {
  counter += 1;
  const path = join(folder, `bare-${counter}.sqlite`);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
  return { db, dialect: 'sqlite', openStore: () => openStore({ sqlitePath: path }), dispose: () => db.destroy() };
}

describeLexiconMigration('sqlite', openBare);
describeVersionsMigration('sqlite', openBare);
describeFoldHanMigration('sqlite', openBare);

describe('SQLite store file', () => {
  it('creates its folder and runs in WAL mode', async () => {
    const path = join(folder, 'nested', 'deeper', 'wal.sqlite');
    const store = openStore({ sqlitePath: path });
    await store.migrate();
    await store.close();
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    const database = new BetterSqlite3(path, { readonly: true });
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = database.prepare('select name from paralign_migration order by name').pluck().all();
    database.close();
    expect(applied).toEqual([
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
  });
});
