/** The SQLite backend: one database file (WAL), the default for a single machine. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../database.js';
import { KyselyStore } from '../kysely-store.js';
import type { Store } from '../store.js';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file; its folder is created when missing. ":memory:" for a private in-memory database. */
  path: string;
  /** Clock for timestamps; defaults to the system clock. */
  now?: () => Date;
}

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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return new KyselyStore(db, { dialect: 'sqlite', ...(options.now === undefined ? {} : { now: options.now }) });
}
