/** The SQLite backend: one database file (WAL), the default for a single machine. */
import { mkdirSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Driver } from 'kysely';
import type { Database } from '../database.js';
import { KyselyStore } from '../kysely-store.js';
import type { Store } from '../store.js';
import { createPreparedRowInserter } from './prepared-row-inserter.js';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file; its folder is created when missing. ":memory:" for a private in-memory database. */
  path: string;
  /** Clock for timestamps; defaults to the system clock. */
  now?: () => Date;
}

/** Least free space under the database file for the store to call itself writable, in bytes. */
export const MIN_FREE_BYTES = 1024 * 1024;

/** Opens (creating if needed) a SQLite store; call `migrate()` before use. */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const database = new BetterSqlite3(options.path);
  // WAL: readers (the API) never wait for the writer (a worker saving a pair) and vice versa.
  database.pragma('journal_mode = WAL');
  // Another process holding the write lock makes us wait up to 10 s instead of failing at once with SQLITE_BUSY.
  database.pragma('busy_timeout = 10000');
  // SQLite leaves foreign keys off per connection unless asked; deletePair relies on ON DELETE CASCADE.
  database.pragma('foreign_keys = ON');
  // NORMAL is durable across application crashes in WAL mode; only a power loss may lose the last commits.
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new RollbackOnceSqliteDialect(database) });
  return new KyselyStore(db, {
    dialect: 'sqlite',
    insertRows: createPreparedRowInserter(database),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.path === ':memory:' ? {} : { checkSpace: () => checkFreeSpace(dirname(options.path)) }),
  });
}

// A pair's upload and alignment take a few hundred kB to some MB: below 1 MiB free the next one would fail half-way.
async function checkFreeSpace(folder: string): Promise<void> {
  const stats = await statfs(folder);
  const free = stats.bavail * stats.bsize;
  if (free < MIN_FREE_BYTES) {
    throw Object.assign(new Error(`no space left on the disk of the store (${Math.floor(free / 1024)} KiB free)`), {
      code: 'ENOSPC',
    });
  }
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM: "Response To
 * Errors Within A Transaction", sqlite.org/lang_transaction.html). Kysely then sends ROLLBACK anyway, which fails with
 * "cannot rollback - no transaction is active" and replaces the error that says what happened (a full disk): skip the
 * ROLLBACK when no transaction is open any more.
 */
class RollbackOnceSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite3.Database;

  constructor(database: BetterSqlite3.Database) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.#database.inTransaction) await rollback(connection);
    };
    return driver;
  }
}
