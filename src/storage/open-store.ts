/** Chooses the storage backend from configuration: PostgreSQL when a database URL is given, SQLite otherwise. */
import { openPostgresStore } from './postgres/open-postgres-store.js';
import { openSqliteStore } from './sqlite/open-sqlite-store.js';
import type { Store } from './store.js';

/** Where the store lives; values come from src/config.ts, never from the environment directly. */
export interface StoreConfig {
  /** `postgres://...`: use PostgreSQL. */
  databaseUrl?: string;
  /** SQLite file, used when `databaseUrl` is absent (default `./data/paralign.sqlite`). */
  sqlitePath?: string;
  /** PostgreSQL schema (tests use one per run). */
  schema?: string;
  /** Same as `schema`, spelled as src/config.ts's Config spells it so a Config can be passed as is; `schema` wins. */
  databaseSchema?: string;
  /** Clock for timestamps; defaults to the system clock. */
  now?: () => Date;
}

/** Default SQLite file, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = './data/paralign.sqlite';

/** Opens the configured store (not yet migrated: call `migrate()` at start). */
export function openStore(config: StoreConfig): Store {
  const now = config.now === undefined ? {} : { now: config.now };
  const schema = config.schema ?? config.databaseSchema;
  if (config.databaseUrl !== undefined && config.databaseUrl !== '') {
    return openPostgresStore({
      connectionString: config.databaseUrl,
      ...(schema === undefined ? {} : { schema }),
      ...now,
    });
  }
  return openSqliteStore({ path: config.sqlitePath ?? DEFAULT_SQLITE_PATH, ...now });
}
