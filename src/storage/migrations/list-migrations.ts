/**
 * The numbered migrations in order, as a Kysely migration provider; a new migration is one import and one line here.
 */
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../database.js';
import { up as initial } from './001-initial.js';
import { up as lexiconVersion } from './002-lexicon-version.js';
import { up as pairDictionary } from './003-pair-dictionary.js';
import { up as searchIndex } from './004-search-index.js';
import { up as usersAudit } from './005-users-audit.js';
import { up as alignmentVersions } from './006-alignment-versions.js';
import { up as documents } from './007-documents.js';
import { up as searchWords } from './008-search-words.js';
import { up as storeLexicons } from './009-store-lexicons.js';
import { up as foldHan } from './010-fold-han.js';
import { up as extractedText } from './011-extracted-text.js';

type Up = (db: Kysely<unknown>, dialect: StoreDialect) => Promise<void>;

// Kysely runs them in name order and records each name in the `paralign_migration` table.
const MIGRATIONS: ReadonlyArray<readonly [string, Up]> = [
  ['001-initial', initial],
  ['002-lexicon-version', lexiconVersion],
  ['003-pair-dictionary', pairDictionary],
  ['004-search-index', searchIndex],
  ['005-users-audit', usersAudit],
  ['006-alignment-versions', alignmentVersions],
  ['007-documents', documents],
  ['008-search-words', searchWords],
  ['009-store-lexicons', storeLexicons],
  ['010-fold-han', foldHan],
  ['011-extracted-text', extractedText],
];

/** A provider of every migration, bound to the dialect they run on. */
export function listMigrations(dialect: StoreDialect): MigrationProvider {
  return {
    getMigrations: async () => {
      const migrations: Record<string, Migration> = {};
      for (const [name, up] of MIGRATIONS) migrations[name] = { up: (db) => up(db, dialect) };
      return migrations;
    },
  };
}
