/** Kysely table types of the store's schema, the same on SQLite and PostgreSQL (see migrations/). */
import type { Generated } from 'kysely';

/** Which SQL backend a store or migration runs on. */
export type StoreDialect = 'sqlite' | 'postgres';

/** `pairs`: one row per uploaded pair. Timestamps are ISO 8601 UTC text so both backends compare them alike. */
export interface PairsTable {
  id: string;
  content_hash: string;
  source_file_name: string;
  target_file_name: string;
  source_bytes: number;
  target_bytes: number;
  source_language: string;
  target_language: string;
  collection: string | null;
  symbol: string | null;
  status: string;
  progress: number;
  failure_reason: string | null;
  source_blocks: number | null;
  target_blocks: number | null;
  source_sentences: number | null;
  target_sentences: number | null;
  block_beads: number | null;
  sentence_beads: number | null;
  // 0/1 rather than a boolean: SQLite has none, and one representation keeps the queries shared.
  parity: number | null;
  // Which store sample trained the alignment's lexicon (TrainingSample.version); null when saved without one.
  lexicon_version: string | null;
  // Uploaded name of the pair's dictionary; null when it has none (migration 003).
  dictionary_file_name: string | null;
  // Number of the current version of the sentence alignment; null until aligned (migration 006).
  alignment_version: number | null;
  created_at: string;
  updated_at: string;
}

/** `pair_files`: the uploaded bytes, apart from `pairs` so listing pairs never reads them. */
export interface PairFilesTable {
  pair_id: string;
  source_content: Uint8Array;
  target_content: Uint8Array;
  // The dictionary's bytes as uploaded; null when the pair has none (migration 003).
  dictionary_content: Uint8Array | null;
  // The text the checks read from each file and its format ('markdown' or 'text'); null for pairs stored before
  // migration 011.
  source_text: string | null;
  source_format: string | null;
  target_text: string | null;
  target_format: string | null;
}

/** `pair_results`: the whole alignment and the parity report as JSON text. */
export interface PairResultsTable {
  pair_id: string;
  alignment_json: string;
  report_json: string;
  saved_at: string;
  // Random id of this result (a UUID), new at every save; null for results saved before migration 006.
  result_id: string | null;
}

/** `blocks`: one row per block bead. */
export interface BlocksTable {
  pair_id: string;
  bead_index: number;
  method: string;
  confidence: number;
  label: string | null;
  source_blocks: string;
  target_blocks: string;
  source_text: string;
  target_text: string;
}

/** `segments`: one row per sentence bead; `seq` orders the whole translation memory for keyset streaming. */
export interface SegmentsTable {
  // PostgreSQL returns bigint as a string; readers convert with Number().
  seq: Generated<number | string>;
  pair_id: string;
  bead_index: number;
  block_bead: number;
  source_text: string;
  target_text: string;
  source_folded: string;
  target_folded: string;
  confidence: number;
  label: string | null;
  source_sentences: string;
  target_sentences: string;
  // 1 when the bead is one sentence on each side, else 0: the beads that train the lexicon (migration 002).
  one_to_one: number;
  // The pair's languages, direction-free (language-pair-key.ts), copied here so one index serves training samples.
  language_pair: string;
  // pending, approved or rejected (migration 006); `confidence` is 1 once approved.
  review_status: string;
  // Account that last changed the bead; null when only the aligner did (migration 006).
  changed_by: string | null;
  // When the bead last changed; null for rows saved before migration 006 (their pair's updated_at stands in).
  changed_at: string | null;
  // The sentences' own text of a side whose `*_text` was edited; null when not edited (migration 006).
  original_source_text: string | null;
  original_target_text: string | null;
}

/** `alignment_versions`: every version of a pair's sentence alignment, whole (migration 006). */
export interface AlignmentVersionsTable {
  pair_id: string;
  // From 1 (the aligner's), never reused for a pair: a new alignment continues the numbering.
  version: number;
  // Account name; null for the aligner.
  author: string | null;
  created_at: string;
  // JSON array of the edit operations that made the version ([] for the aligner's).
  operations_json: string;
  // For an undo, the version whose beads it brought back; else null.
  restores: number | null;
  // The version an undo of this one goes back to; null when there is nothing to undo.
  undo_target: number | null;
  // JSON array of the version's ReviewBeads (src/core/review/review-model.ts).
  beads_json: string;
}

/** `users`: one row per account (migration 005); hashes only, never a token or password. */
export interface UsersTable {
  name: string;
  role: string;
  // JSON array of collection names; null for every collection.
  collections: string | null;
  // The public part of the API token, by which it is looked up.
  token_id: string;
  // Lower-case hex SHA-256 of the token's secret part.
  token_hash: string;
  // scrypt hash (src/auth/password-hash.ts); null until a password is set.
  password_hash: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** `sessions`: one row per signed-in browser (migration 005). */
export interface SessionsTable {
  // Lower-case hex SHA-256 of the session id the cookie carries.
  id_hash: string;
  user_name: string;
  created_at: string;
  expires_at: string;
}

/** `audit`: the append-only trail of uploads, deletions, exports, corrections and sign-ins (migration 005). */
export interface AuditTable {
  // PostgreSQL returns bigint as a string; readers convert with Number().
  seq: Generated<number | string>;
  at: string;
  actor: string | null;
  action: string;
  pair_id: string | null;
  collection: string | null;
  detail: string | null;
  address: string | null;
}

/** `documents`: one row per upload of several language versions (migration 007). */
export interface DocumentsTable {
  id: string;
  pivot_language: string;
  collection: string | null;
  symbol: string | null;
  created_at: string;
}

/** `document_versions`: one row per language version of a document (migration 007). */
export interface DocumentVersionsTable {
  document_id: string;
  language: string;
  file_name: string;
  // The pair aligning this version with the pivot; null for the pivot itself.
  pair_id: string | null;
}

/** `store_lexicons`: a lexicon learned from one training sample of one direction (migration 009). */
export interface StoreLexiconsTable {
  source_language: string;
  target_language: string;
  // The `seq` the sample reached (Store.trainingSampleBound): the highest bound is the newest lexicon.
  sample_bound: number | string;
  // TrainingSample.version of the sample it was learned from.
  version: string;
  // The serialised lexicon; null when the sample was too small to learn one.
  lexicon_json: string | null;
  learned_at: string;
}

/** The whole schema as Kysely sees it. */
export interface Database {
  pairs: PairsTable;
  pair_files: PairFilesTable;
  pair_results: PairResultsTable;
  blocks: BlocksTable;
  segments: SegmentsTable;
  alignment_versions: AlignmentVersionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit: AuditTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  store_lexicons: StoreLexiconsTable;
}
