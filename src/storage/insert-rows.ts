/** How the store inserts the many rows of one save (block beads, sentence beads): one way per backend. */
import type { Kysely } from 'kysely';
import type { BlocksTable, Database, SegmentsTable } from './database.js';

/** The rows a save writes by the hundred, per table, as the store builds them. */
export interface BulkRows {
  /** One row per block bead. */
  blocks: BlocksTable;
  /** One row per sentence bead; `seq` is the database's. */
  segments: Omit<SegmentsTable, 'seq'>;
}

/** Inserts `rows` into `table`, in order, inside the transaction `trx` is. */
export type InsertRows = <T extends keyof BulkRows>(
  trx: Kysely<Database>,
  table: T,
  rows: readonly BulkRows[T][],
) => Promise<void>;

// Rows per multi-row INSERT: 18 columns × 500 stays under SQLite's 32,766 and PostgreSQL's 65,535 bind parameters.
const INSERT_ROWS = 500;

/**
 * Multi-row INSERTs of up to 500 rows through Kysely: one round trip per 500 rows, for a backend reached over the
 * network (PostgreSQL).
 */
export const insertRowsInBatches: InsertRows = async (trx, table, rows) => {
  for (let start = 0; start < rows.length; start += INSERT_ROWS) {
    // Kysely cannot tie a generic table name to its row type; BulkRows ties each table to its own rows.
    const batch = rows.slice(start, start + INSERT_ROWS) as BulkRows[keyof BulkRows][] as BlocksTable[];
    await trx
      .insertInto(table as 'blocks')
      .values(batch)
      .execute();
  }
};
