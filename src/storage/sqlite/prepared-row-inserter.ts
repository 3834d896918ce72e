/** Inserting a save's rows on SQLite through multi-row INSERTs prepared once for the life of the store. */
import type BetterSqlite3 from 'better-sqlite3';
import type { InsertRows } from '../insert-rows.js';

// Rows of the largest statement; smaller statements of 64, 32 ... 1 rows take what is left, so a table needs eight
// statements whatever its row counts.
const LARGEST_STATEMENT_ROWS = 128;

/**
 * An {@link InsertRows} that runs multi-row INSERTs prepared once on `database`, the store's only connection, which
 * Kysely's transaction holds while the rows are written. Not one row a statement: FTS5 writes its pending index
 * entries at the end of every statement, so a row a statement is several times slower. Not Kysely's batches:
 * building and compiling a statement of hundreds of rows of parameters again at every save was a large part of it.
 */
export function createPreparedRowInserter(database: BetterSqlite3.Database): InsertRows {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statementFor = (table: string, columns: readonly string[], rows: number): BetterSqlite3.Statement => {
    const key = `${table}(${columns.join(',')})×${rows}`;
    let statement = statements.get(key);
    if (statement === undefined) {
      const row = `(${columns.map(() => '?').join(', ')})`;
      const names = columns.map((column) => `"${column}"`).join(', ');
      statement = database.prepare(`insert into "${table}" (${names}) values ${Array(rows).fill(row).join(', ')}`);
      statements.set(key, statement);
    }
    return statement;
  };
  return async (_trx, table, rows) => {
    const first = rows[0];
    if (first === undefined) return;
    // The store builds every row of a table with the same columns.
    const columns = Object.keys(first) as (keyof typeof first)[];
    let start = 0;
    for (let size = LARGEST_STATEMENT_ROWS; size >= 1; size /= 2) {
      for (; rows.length - start >= size; start += size) {
        const values: unknown[] = [];
        for (const row of rows.slice(start, start + size)) for (const column of columns) values.push(row[column]);
        statementFor(table, columns as string[], size).run(values);
      }
    }
  };
}
