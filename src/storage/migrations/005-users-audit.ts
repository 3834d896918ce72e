/**
 * 005: accounts, browser sessions and the audit trail. `users` keeps hashes only (a token's SHA-256 under its public
 * id, a password's scrypt); `sessions` keeps a SHA-256 of each session id; `audit` is append-only (no API route
 * changes or deletes it) and names its pair by id, without a foreign key, so a row outlives the pair it tells of.
 * Number 004 is left to full-text search. Append-only: never edit it.
 */
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Creates the three tables. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    // JSON array of collection names; null for every collection.
    .addColumn('collections', 'text')
    .addColumn('token_id', 'text', (c) => c.notNull().unique())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_name', 'text', (c) => c.notNull().references('users.name').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_name').execute();

  await db.schema
    .createTable('audit')
    // SQLite: an INTEGER PRIMARY KEY is the rowid, assigned in insert order. PostgreSQL: an identity column.
    .addColumn('seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('pair_id', 'text')
    .addColumn('collection', 'text')
    .addColumn('detail', 'text')
    .addColumn('address', 'text')
    .execute();
  await db.schema.createIndex('audit_at').on('audit').columns(['at', 'seq']).execute();
  await db.schema.createIndex('audit_actor').on('audit').column('actor').execute();
}
