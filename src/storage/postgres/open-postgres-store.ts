/** The PostgreSQL backend: for many workers on many machines sharing one store. */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../database.js';
import { KyselyStore } from '../kysely-store.js';
import type { Store } from '../store.js';
import { StoreError, StoreErrorCode } from '../store-error.js';

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** `postgres://user@host:port/database`. */
  connectionString: string;
  /** Schema holding the tables, created by `migrate()` when missing; the server's search_path default when absent. */
  schema?: string;
  /** Most pooled connections (default 10). */
  maxConnections?: number;
  /** Clock for timestamps; defaults to the system clock. */
  now?: () => Date;
}

// Arbitrary constant key for pg_advisory_lock: only paralign's migrate() takes it.
const MIGRATION_LOCK_KEY = 72_011_947;

/** Opens a pooled PostgreSQL store; call `migrate()` before use. */
export function openPostgresStore(options: PostgresStoreOptions): Store {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreError(
      StoreErrorCode.badArgument,
      `Schema name "${schema}" must be lower-case letters, digits and _.`,
    );
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // Every pooled connection resolves unqualified table names in the store's schema.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStore(db, {
    dialect: 'postgres',
    ...(schema === undefined ? {} : { schema }),
    ...(options.now === undefined ? {} : { now: options.now }),
    withMigrationLock: (run) =>
      // One connection holds a session advisory lock so workers starting together migrate one at a time; Kysely's
      // own lock table cannot cover creating the schema and that table.
      db.connection().execute(async (connection) => {
        await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
        try {
          if (schema !== undefined) await sql`create schema if not exists ${sql.id(schema)}`.execute(connection);
          await run(connection);
        } finally {
          await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
        }
      }),
  });
}
