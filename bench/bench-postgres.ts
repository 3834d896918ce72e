/**
 * The PostgreSQL the store benches use: their own default database (never src/config.ts, so a bench cannot touch a
 * real store), reached or skipped, with SQL run on it as an admin (throw-away schemas, statistics).
 */
import pg from 'pg';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';

/** BENCH_DATABASE_URL, else the local test database. */
export function benchPostgresUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? DEFAULT_PG;
}

/** Whether a PostgreSQL answers at `url` within 2 s. */
export async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs one statement on its own connection. */
export async function runAdminSql(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
