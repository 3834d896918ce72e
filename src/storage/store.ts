/**
 * The storage contract: pairs, their uploaded files, alignments, parity reports and the translation memory.
 *
 * One interface, two backends (SQLite by default, PostgreSQL to scale out) that pass one shared test suite
 * (tests/storage/store-contract.ts). Timestamps are UTC; pages are `limit`/`offset`; indices are 0-based.
 */
import type { PriorPair } from '../core/align/store-lexicon.js';
import type { Alignment, LanguageCode, LinkMethod } from '../core/model.js';
import type { ExtractedText } from '../core/parse/parse-document.js';
import type { ParityReport } from '../core/qa/parity-report.js';
import type { EditOp, ReviewBead, ReviewStatus } from '../core/review/review-model.js';
import type { Role } from '../auth/roles.js';
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- named by the TSDoc links below
import type { StoreError } from './store-error.js';

/** Where a pair is in its life: uploaded, being worked on, finished or given up. */
export const PairStatus = {
  /** Uploaded, waiting for a worker. */
  queued: 'queued',
  /** A worker is parsing and segmenting the two files. */
  parsing: 'parsing',
  /** A worker is aligning blocks and sentences. */
  aligning: 'aligning',
  /** The alignment and report are stored. */
  done: 'done',
  /** Given up; `failureReason` says why. */
  failed: 'failed',
} as const;
/** See {@link PairStatus}. */
export type PairStatus = (typeof PairStatus)[keyof typeof PairStatus];

/** Every status, in life order. */
export const PAIR_STATUSES: readonly PairStatus[] = Object.values(PairStatus);

/** One uploaded file. */
export interface StoredFile {
  /** File name as uploaded (may be any Unicode; never used as a path). */
  name: string;
  /** The file's bytes, exactly as uploaded. */
  bytes: Uint8Array;
}

/** What {@link Store.createPair} needs. */
export interface CreatePairInput {
  /** Id to use; the store generates a UUID when absent. Ignored when the files are already stored. */
  id?: string;
  /** The source-language file. */
  source: StoredFile;
  /** The target-language file. */
  target: StoredFile;
  /** Language of `source`. */
  sourceLanguage: LanguageCode;
  /** Language of `target`. */
  targetLanguage: LanguageCode;
  /** Collection the pair belongs to (free text, e.g. "CTOC"); null or absent for none. */
  collection?: string | null;
  /** Document symbol as the uploader gave it; when null, {@link Store.saveAlignment} fills it from the documents. */
  symbol?: string | null;
  /**
   * Bilingual dictionary for the aligner (src/core/align/dictionary.ts formats, source side first), stored as uploaded;
   * absent for none. Part of the content hash: the same files with another dictionary are another pair.
   */
  dictionary?: StoredFile;
  /**
   * The text the checks read from each file (derived from the bytes, so not part of the content hash): a worker
   * segments it instead of reading the files again. Absent: the worker reads the files.
   */
  extracted?: { source: ExtractedText; target: ExtractedText };
}

/** How much each side has and how many beads the alignment made; set by {@link Store.saveAlignment}. */
export interface PairCounts {
  /** Blocks of the source document. */
  sourceBlocks: number;
  /** Blocks of the target document. */
  targetBlocks: number;
  /** Sentences of the source document. */
  sourceSentences: number;
  /** Sentences of the target document. */
  targetSentences: number;
  /** Block beads. */
  blockBeads: number;
  /** Sentence beads (= stored segments). */
  sentenceBeads: number;
}

/** A stored pair: its metadata, status and, once aligned, its counts and parity. */
export interface PairRecord {
  /** Stable id (UUID unless the caller chose one). */
  id: string;
  /** Lower-case hex SHA-256 over both files, languages and the dictionary if any; see src/storage/pair-hash.ts. */
  contentHash: string;
  /** Uploaded name of the source file. */
  sourceFileName: string;
  /** Uploaded name of the target file. */
  targetFileName: string;
  /** Size of the source file in bytes. */
  sourceBytes: number;
  /** Size of the target file in bytes. */
  targetBytes: number;
  /** Language of the source file. */
  sourceLanguage: LanguageCode;
  /** Language of the target file. */
  targetLanguage: LanguageCode;
  /** Collection, or null. */
  collection: string | null;
  /** Document symbol, or null while unknown. */
  symbol: string | null;
  /** Where the pair is in its life. */
  status: PairStatus;
  /** Percent done of the current run, 0-100 (integer). */
  progress: number;
  /** Why the pair failed; null unless `status` is failed. */
  failureReason: string | null;
  /** Counts, null until aligned. */
  counts: PairCounts | null;
  /** The parity report's verdict, null until aligned. */
  parity: boolean | null;
  /**
   * Which store sample trained the alignment's lexicon ({@link TrainingSample.version}, "none" for an empty one);
   * null until aligned, or when the alignment was saved without one.
   */
  lexiconVersion: string | null;
  /** Whether the pair was uploaded with a dictionary ({@link PairFiles.dictionary}). */
  hasDictionary: boolean;
  /** Number of the current version of its sentence alignment ({@link AlignmentVersion}); null until aligned. */
  alignmentVersion: number | null;
  /** When the pair was first uploaded. */
  createdAt: Date;
  /** When the pair last changed. */
  updatedAt: Date;
}

/** What {@link Store.createPair} answers: the pair, and whether it was new. */
export interface CreatePairResult {
  /** The new pair, or the one already stored for the same files. */
  pair: PairRecord;
  /** False when the same files, languages and dictionary were already stored (nothing was written). */
  created: boolean;
}

/** Both uploaded files of a pair, and its dictionary when it has one. */
export interface PairFiles {
  /** The source-language file. */
  source: StoredFile;
  /** The target-language file. */
  target: StoredFile;
  /** The dictionary as uploaded; absent when the pair has none. */
  dictionary?: StoredFile;
  /** The text the checks read from each file, when the pair was stored with it. */
  extracted?: { source: ExtractedText; target: ExtractedText };
}

/** A page request; `limit` at least 1, `offset` at least 0. */
export interface PageRequest {
  /** Most items to return. */
  limit: number;
  /** Items to skip first. */
  offset: number;
}

/** One page of a list and the size of the whole list. */
export interface Page<T> {
  /** Items of the page, in list order. */
  items: T[];
  /** Items in the whole filtered list. */
  total: number;
}

/**
 * Concordance hits are counted up to this many: a word in half the store would otherwise cost a count of half the
 * store on every search.
 */
export const SEARCH_COUNT_LIMIT = 1000;

/** A page of concordance hits; `total` stops at {@link SEARCH_COUNT_LIMIT}. */
export interface SearchPage extends Page<SearchHit> {
  /** False when there are more hits than `total` says. */
  totalIsExact: boolean;
}

/** Filters of {@link Store.listPairs}; absent fields do not filter. */
export interface PairFilter {
  /** Exact collection. */
  collection?: string;
  /** Exact document symbol. */
  symbol?: string;
  /** Exact status. */
  status?: PairStatus;
  /** Parity verdict (pairs not yet aligned have none and never match). */
  parity?: boolean;
  /** Only pairs in one of these collections (an account's scope; pairs without a collection never match). */
  collections?: readonly string[];
}

/** One sentence bead as stored: a segment of the translation memory. */
export interface StoredSegment {
  /** Position of the bead in its version's sentence beads: the number edit operations address it by. */
  index: number;
  /** Source sentences' texts joined by one space, or the side's edited text; empty for a 0-1 bead. */
  sourceText: string;
  /** Target sentences' texts joined by one space, or the side's edited text; empty for a 1-0 bead. */
  targetText: string;
  /** The source sentences' own text when the source side is edited, else null. */
  originalSourceText: string | null;
  /** The target sentences' own text when the target side is edited, else null. */
  originalTargetText: string | null;
  /** The aligner's confidence, in [0, 1]; 1 once approved. */
  confidence: number;
  /** Review status. */
  status: ReviewStatus;
  /** Account that last changed the bead; null when only the aligner did. */
  changedBy: string | null;
  /** When the bead last changed (the aligner's save for untouched beads). */
  changedAt: Date;
  /** Label path of the block of the first source sentence (first target sentence for 0-1 beads), or null. */
  label: string | null;
  /** Index of the block bead holding the bead's first sentence. */
  blockBead: number;
  /** Source sentence indices. */
  sourceSentences: number[];
  /** Target sentence indices. */
  targetSentences: number[];
}

/** One block bead as stored, with its sentence beads. */
export interface StoredBlockBead {
  /** Position of the bead in `alignment.blocks`. */
  index: number;
  /** How the bead was found. */
  method: LinkMethod;
  /** The aligner's confidence, in [0, 1]. */
  confidence: number;
  /** Label path of the first source block (first target block for 0-1 beads), or null. */
  label: string | null;
  /** Source block indices. */
  sourceBlocks: number[];
  /** Target block indices. */
  targetBlocks: number[];
  /** Source blocks' texts joined by a line feed; empty for a 0-1 bead. */
  sourceText: string;
  /** Target blocks' texts joined by a line feed; empty for a 1-0 bead. */
  targetText: string;
  /** approved when all its sentence beads are, rejected when all are, else pending. */
  status: ReviewStatus;
  /** Sentence beads whose first sentence lies in this bead, in order. */
  segments: StoredSegment[];
}

/** A page of a version's block beads, and which version it is. */
export interface AlignmentPage extends Page<StoredBlockBead> {
  /** The version the page shows. */
  version: number;
}

/** Who made a version of a pair's sentence alignment, when, and how. */
export interface AlignmentVersionSummary {
  /** From 1 (the aligner's first result); never reused for a pair. */
  version: number;
  /** Account name, or null for the aligner. */
  author: string | null;
  /** When it was stored (the store's clock). */
  createdAt: Date;
  /** The operations that made it, as applied; empty for the aligner's. */
  operations: EditOp[];
  /** For an undo, the version whose beads it brought back; else null. */
  restores: number | null;
}

/** One whole version of a pair's sentence alignment. */
export interface AlignmentVersion extends AlignmentVersionSummary {
  /** Its sentence beads, covering every sentence of both documents once, in order. */
  beads: ReviewBead[];
  /** The version an undo of this one brings back; null when there is nothing to undo. */
  undoTarget: number | null;
}

/** What {@link Store.saveAlignmentVersion} stores; the store numbers and stamps it. */
export interface NewAlignmentVersion {
  /** The version the change was made on: it must still be the current one. */
  basedOn: number;
  /** Account name. */
  author: string;
  /** The operations that made it. */
  operations: EditOp[];
  /** Its beads; a bead changed by this version has `changedIn` = `basedOn` + 1. */
  beads: ReviewBead[];
  /** See {@link AlignmentVersion.undoTarget}. */
  undoTarget: number | null;
  /** See {@link AlignmentVersionSummary.restores}. */
  restores: number | null;
  /**
   * The parity report of the version as corrected: it becomes the pair's report ({@link Store.getReport}) and parity,
   * as the aligner's was. Absent: both stay as they were.
   */
  report?: ParityReport;
}

/** A unit of the translation memory as {@link Store.streamUnits} yields it: a two-sided sentence bead. */
export interface StoredUnit {
  /** Store-wide position; units stream in increasing `seq` (upload then bead order). */
  seq: number;
  /** The pair it comes from. */
  pairId: string;
  /** Position of the bead in its pair's `alignment.sentences`. */
  index: number;
  /** Source text, never empty. */
  sourceText: string;
  /** Target text, never empty. */
  targetText: string;
  /** Language of `sourceText`. */
  sourceLanguage: LanguageCode;
  /** Language of `targetText`. */
  targetLanguage: LanguageCode;
  /** The pair's document symbol, or null. */
  symbol: string | null;
  /** The pair's collection, or null. */
  collection: string | null;
  /** Label path, or null. */
  label: string | null;
  /** The aligner's confidence, in [0, 1]; 1 once approved. */
  confidence: number;
  /** Review status. */
  status: ReviewStatus;
  /** Account that last changed the unit; null when only the aligner did. */
  changedBy: string | null;
  /** When the unit last changed. */
  changedAt: Date;
  /** When its pair was uploaded. */
  pairCreatedAt: Date;
  /** Its pair's source file name as uploaded. */
  sourceFileName: string;
  /** Its pair's target file name as uploaded. */
  targetFileName: string;
}

/** Options of {@link Store.saveAlignment}. */
export interface SaveAlignmentOptions {
  /** The {@link TrainingSample.version} that trained the alignment's lexicon, recorded on the pair. */
  lexiconVersion?: string;
}

/** What {@link Store.sampleTrainingPairs} should take from the translation memory. */
export interface TrainingSampleRequest {
  /** Language the sample's `source` texts are in. */
  sourceLanguage: LanguageCode;
  /** Language the sample's `target` texts are in. */
  targetLanguage: LanguageCode;
  /** Least confidence of a segment taken, in [0, 1]. */
  minConfidence: number;
  /** Most segments taken (an integer, at least 0; 0 gives the empty sample). */
  limit: number;
  /** A pair whose segments are left out (the pair being aligned, when it is aligned again). */
  excludePairId?: string;
  /**
   * When set, only segments up to the last multiple of this many `seq` that the store has passed are taken, so the
   * sample (and a lexicon learned from it) stays the same while the next this-many segments arrive; a store
   * that has not passed the first multiple yet gives its newest segments as usual.
   */
  stableEvery?: number;
}

/** Sentence pairs from the store that train a new alignment's lexicon, and a name for exactly this sample. */
export interface TrainingSample {
  /**
   * Source-language sentence first: the approved segments in increasing `seq` (oldest first), then the others in
   * increasing `seq`; `approved` of them lead.
   */
  pairs: PriorPair[];
  /** How many of `pairs`, at its start, are approved segments. */
  approved: number;
  /**
   * `"<count>@<last seq>-<12 hex digits of a SHA-256 over every seq and text>"`, or `"none"` for the empty sample:
   * equal versions mean equal samples, so a pair's {@link PairRecord.lexiconVersion} names what trained it.
   */
  version: string;
}

/** A store lexicon as learned from one training sample, for {@link Store.saveStoreLexicon}. */
export interface StoreLexiconInput {
  /** Language the sample's `source` texts were in. */
  sourceLanguage: LanguageCode;
  /** Language the sample's `target` texts were in. */
  targetLanguage: LanguageCode;
  /** {@link Store.trainingSampleBound} of the sample: lexicons of a direction are ordered by it. */
  sampleBound: number;
  /** {@link TrainingSample.version} of the sample. */
  version: string;
  /** The lexicon serialised by the service (the store never reads it); null when the sample was too small. */
  lexiconJson: string | null;
}

/** A stored store lexicon: what {@link Store.saveStoreLexicon} was given and when. */
export interface StoredLexicon extends Omit<StoreLexiconInput, 'lexiconJson'> {
  /** As saved; absent unless asked for. */
  lexiconJson?: string | null;
  /** When it was saved. */
  learnedAt: Date;
}

/** Filters of {@link Store.streamUnits}; absent fields do not filter. */
export interface UnitFilter {
  /** Exact collection. */
  collection?: string;
  /** Document symbols starting with this (case-sensitive), e.g. "CTOC/COP/". */
  symbolPrefix?: string;
  /** Pairs uploaded at or after this instant. */
  from?: Date;
  /** Pairs uploaded before this instant (exclusive). */
  to?: Date;
  /** Units whose confidence is at least this, in [0, 1]. */
  minConfidence?: number;
  /** One pair only. */
  pairId?: string;
  /** Only pairs in one of these collections (an account's scope; pairs without a collection never match). */
  collections?: readonly string[];
  /** Only units with one of these review statuses. */
  statuses?: readonly ReviewStatus[];
}

/** What an account may read: absent or null `collections` is the whole store. */
export interface CollectionScope {
  /** Only pairs in one of these collections (pairs without a collection never match). */
  collections?: readonly string[] | null;
}

/** Options of {@link Store.streamUnits}. */
export interface StreamOptions {
  /** Units fetched per query (default 2000); memory stays proportional to it. */
  batchSize?: number;
}

/** A concordance hit: a segment whose text in the searched language contains the query. */
export interface SearchHit {
  /** The pair it comes from. */
  pairId: string;
  /** The pair's document symbol, or null. */
  symbol: string | null;
  /** Position of the bead in its pair's `alignment.sentences`. */
  index: number;
  /** Language searched. */
  language: LanguageCode;
  /** The segment's text in that language (contains the query, case aside). */
  text: string;
  /** The other language. */
  otherLanguage: LanguageCode;
  /** The segment's text in the other language (may be empty for a one-sided bead). */
  otherText: string;
  /** The aligner's confidence. */
  confidence: number;
  /** Label path, or null. */
  label: string | null;
}

/** An account as the store keeps it, without its secrets. */
export interface UserRecord {
  /** Unique name, also the audit trail's actor. */
  name: string;
  /** What the account may do (src/api/access-policy.ts). */
  role: Role;
  /** Collections the account may read and write; null for every collection. */
  collections: string[] | null;
  /** Whether a password is set (needed to sign in to the web pages). */
  hasPassword: boolean;
  /** When the account was created. */
  createdAt: Date;
  /** When it was revoked (it can do nothing since), or null. */
  revokedAt: Date | null;
}

/** What {@link Store.createUser} needs: the account and its token's hash, never the token. */
export interface CreateUserInput {
  /** Unique name. */
  name: string;
  /** Role. */
  role: Role;
  /** Collections, or null for every collection. */
  collections: string[] | null;
  /** Public id of the API token (its lookup key). */
  tokenId: string;
  /** Hash of the token's secret part. */
  tokenHash: string;
}

/** An active account with the stored hash of one of its secrets, for the caller to compare in constant time. */
export interface UserCredential {
  /** The account (never revoked). */
  user: UserRecord;
  /** The stored hash. */
  hash: string;
}

/** What the audit trail records. */
export const AuditAction = {
  /** A pair was uploaded (new or already stored). */
  upload: 'upload',
  /** A pair was deleted. */
  delete: 'delete',
  /** A pair or the translation memory was exported. */
  export: 'export',
  /** An alignment was corrected or approved (the review editor's, once it exists). */
  correction: 'correction',
  /** Someone signed in to the web pages. */
  signIn: 'sign-in',
  /** A sign-in was refused (unknown name, wrong password, revoked account). */
  signInFailed: 'sign-in-failed',
  /** An account was created (CLI or first start). */
  userAdd: 'user-add',
  /** An account was revoked. */
  userRevoke: 'user-revoke',
  /** An account's password was set. */
  passwordSet: 'password-set',
} as const;
/** See {@link AuditAction}. */
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

/** Every audit action. */
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditAction);

/** What {@link Store.appendAudit} records; the store stamps the time. */
export interface AuditEntry {
  /** Who: an account name, "cli" for the command line, or null for an anonymous caller. */
  actor: string | null;
  /** What. */
  action: AuditAction;
  /** Which pair, or null. */
  pairId?: string | null;
  /** Which collection, or null. */
  collection?: string | null;
  /** More, in a few words (export format and filters, the name tried at a failed sign-in ...), or null. */
  detail?: string | null;
  /** From where: the client's IP address, or null. */
  address?: string | null;
}

/** One row of the audit trail. */
export interface AuditRecord {
  /** Position in the trail, increasing. */
  seq: number;
  /** When, stamped by the store. */
  at: Date;
  /** See {@link AuditEntry.actor}. */
  actor: string | null;
  /** See {@link AuditEntry.action}. */
  action: AuditAction;
  /** See {@link AuditEntry.pairId}. */
  pairId: string | null;
  /** See {@link AuditEntry.collection}. */
  collection: string | null;
  /** See {@link AuditEntry.detail}. */
  detail: string | null;
  /** See {@link AuditEntry.address}. */
  address: string | null;
}

/** Filters of {@link Store.listAudit} and {@link Store.streamAudit}; absent fields do not filter. */
export interface AuditFilter {
  /** Exact actor. */
  actor?: string;
  /** Exact action. */
  action?: AuditAction;
  /** Exact pair. */
  pairId?: string;
  /** Exact collection. */
  collection?: string;
  /** Rows at or after this instant. */
  from?: Date;
  /** Rows before this instant (exclusive). */
  to?: Date;
}

/** One language version of a document. */
export interface DocumentVersion {
  /** Its language (ISO 639-1). */
  language: LanguageCode;
  /** Its file name as uploaded. */
  fileName: string;
  /** The pair aligning it (source) with the pivot (target); null for the pivot itself. */
  pairId: string | null;
}

/** What {@link Store.createDocument} needs. */
export interface CreateDocumentInput {
  /** The language the other versions are aligned with; one of the versions'. */
  pivotLanguage: LanguageCode;
  /** The versions, the pivot among them (with a null pair), languages distinct. */
  versions: DocumentVersion[];
  /** Collection, or null. */
  collection?: string | null;
  /** Document symbol as the uploader gave it, or null. */
  symbol?: string | null;
}

/** Filters of {@link Store.listDocuments}; absent fields do not filter. */
export interface DocumentFilter {
  /** Documents with a version in each of these languages. */
  languages?: readonly LanguageCode[];
  /** Exact collection. */
  collection?: string;
  /** Document symbols starting with this (case-sensitive). */
  symbolPrefix?: string;
  /** Documents stored at or after this instant. */
  from?: Date;
  /** Documents stored before this instant (exclusive). */
  to?: Date;
  /** Only documents in one of these collections (an account's scope; documents without one never match). */
  collections?: readonly string[];
}

/** A stored document of several language versions. */
export interface DocumentRecord {
  /** Stable id: the same pivot and pairs give the same id. */
  id: string;
  /** The pivot's language. */
  pivotLanguage: LanguageCode;
  /** The versions in the order uploaded; a version whose pair was deleted is gone. */
  versions: DocumentVersion[];
  /** Collection, or null. */
  collection: string | null;
  /** Document symbol as the uploader gave it, or null. */
  symbol: string | null;
  /** When it was first stored. */
  createdAt: Date;
}

/**
 * The storage contract every backend implements; all methods are async and safe to call from many processes.
 */
export interface Store {
  /** Which backend this is. */
  readonly kind: 'sqlite' | 'postgres';

  /** Applies pending numbered migrations (src/storage/migrations/), recording each; safe to call at every start. */
  migrate(): Promise<void>;

  /**
   * Stores a new pair with its files as queued, or returns the pair already stored for the same files, languages and
   * dictionary (or lack of one).
   */
  createPair(input: CreatePairInput): Promise<CreatePairResult>;

  /** The pair with this id, or null. */
  getPair(id: string): Promise<PairRecord | null>;

  /** Both uploaded files of a pair and its dictionary if any, or null when the pair is unknown. */
  getPairFiles(id: string): Promise<PairFiles | null>;

  /** Pairs matching `filter`, newest upload first. */
  listPairs(filter: PairFilter, page: PageRequest): Promise<Page<PairRecord>>;

  /**
   * Sets status and progress (0-100, rounded); `reason` is kept for failed and cleared otherwise.
   * Any transition is allowed (a retried job goes back from failed to parsing); answers null when the pair is unknown.
   */
  updateStatus(id: string, status: PairStatus, progress: number, reason?: string): Promise<PairRecord | null>;

  /**
   * Writes the pair's segments, block beads, alignment and report in ONE transaction, replacing any earlier result,
   * and marks the pair done at 100 % with its counts, parity and (when it had none) the documents' symbol.
   * Records `options.lexiconVersion` on the pair (null when absent). The result is the pair's next alignment version
   * (1 for its first), by the aligner, every bead pending; earlier versions and their review are dropped, as they
   * name sentences of the replaced result.
   * Throws {@link StoreError} `STORE_NOT_FOUND` for an unknown pair; on any failure nothing is written.
   */
  saveAlignment(id: string, alignment: Alignment, report: ParityReport, options?: SaveAlignmentOptions): Promise<void>;

  /**
   * A page of the block beads (each with its sentence beads) of version `version`, the current one by default; null
   * when nothing is stored or there is no such version.
   */
  getAlignment(id: string, page: PageRequest, version?: number): Promise<AlignmentPage | null>;

  /**
   * The aligner's {@link Alignment} as it saved it (the documents every version points into), or null. The same
   * object may be handed out again: callers must not change it.
   */
  loadAlignment(id: string): Promise<Alignment | null>;

  /** Version `version` of the pair's sentence alignment, the current one by default; null when there is none. */
  getAlignmentVersion(id: string, version?: number): Promise<AlignmentVersion | null>;

  /** Every stored version of the pair's sentence alignment, oldest first, without beads; empty when none. */
  listAlignmentVersions(id: string): Promise<AlignmentVersionSummary[]>;

  /**
   * Stores `input` as version `input.basedOn + 1` and makes it current in ONE transaction: the segments and block
   * beads are rewritten from its beads (edited texts, statuses, confidence 1 once approved, paragraphs that follow
   * the sentences), the pair's counts updated. Throws {@link StoreError} `STORE_STALE_VERSION` when `basedOn` is
   * not the current version any more (another change came first: nothing is written) and `STORE_NOT_FOUND` when
   * the pair has no alignment; the caller's beads are trusted to cover the documents (core/review checks them).
   */
  saveAlignmentVersion(id: string, input: NewAlignmentVersion): Promise<AlignmentVersionSummary>;

  /** The parity report of the current version (the aligner's until a correction), or null when nothing is stored. */
  getReport(id: string): Promise<ParityReport | null>;

  /**
   * Stores a document of several language versions whose pairs are stored already, or returns the one stored for the
   * same pivot and pairs (its id is derived from them). Throws {@link StoreError} `STORE_BAD_ARGUMENT` when the
   * versions' languages repeat, the pivot is not among them, or the pivot has a pair and another version none.
   */
  createDocument(input: CreateDocumentInput): Promise<{ document: DocumentRecord; created: boolean }>;

  /** The document with this id, or null. */
  getDocument(id: string): Promise<DocumentRecord | null>;

  /** The document a pair aligns a version of (with its pivot), or null for a pair uploaded alone. */
  getDocumentOfPair(pairId: string): Promise<DocumentRecord | null>;

  /** Documents matching `filter`, oldest first (then by id), a page at a time. */
  listDocuments(filter: DocumentFilter, page: PageRequest): Promise<Page<DocumentRecord>>;

  /** Deletes the pair with its files, segments, blocks and report; answers whether it existed. */
  deletePair(id: string): Promise<boolean>;

  /**
   * Streams the two-sided segments with non-empty text on both sides matching `filter`, in `seq` order, by keyset
   * pages of `batchSize`: memory stays flat however many units there are.
   */
  streamUnits(filter: UnitFilter, options?: StreamOptions): AsyncIterable<StoredUnit>;

  /**
   * Concordance: segments whose text in `language` contains the words of `query` in sequence, as whole words,
   * ignoring case and accents (folding done by the store, identical on both backends; no stemming; punctuation
   * separates words); indexed (migration 004); newest stored first, each page in bead order pair by pair. `total`
   * counts up to {@link SEARCH_COUNT_LIMIT} (`totalIsExact` false beyond). Throws `STORE_BAD_ARGUMENT` for a query with
   * no word.
   */
  searchSegments(
    query: string,
    language: LanguageCode,
    page: PageRequest,
    scope?: CollectionScope,
  ): Promise<SearchPage>;

  /**
   * The `limit` most recent (highest `seq`) segments fit to train a lexicon for `sourceLanguage` → `targetLanguage`:
   * from pairs whose status is done, one sentence on each side, confidence at least `minConfidence`, not rejected,
   * not from `excludePairId`; approved segments first (the most recent `limit` of them), then the others. Pairs
   * stored the other way round (target → source) count too, their texts swapped. The same store state gives the same
   * sample and version. Throws {@link StoreError} `STORE_BAD_ARGUMENT` for a limit that
   * is not a non-negative integer or a confidence outside [0, 1].
   */
  sampleTrainingPairs(request: TrainingSampleRequest): Promise<TrainingSample>;

  /**
   * The `seq` up to which {@link sampleTrainingPairs} would sample for `request` in the store's present state, without
   * reading the sample: with `stableEvery`, the last multiple of it the store has passed, else (and while none is
   * passed) the newest fit segment's; 0 for an empty sample. Throws as {@link sampleTrainingPairs} does.
   */
  trainingSampleBound(request: TrainingSampleRequest): Promise<number>;

  /**
   * Stores a learned lexicon; answers false, writing nothing, when the same direction, bound and version are
   * stored already (two workers that learned the same sample).
   */
  saveStoreLexicon(input: StoreLexiconInput): Promise<boolean>;

  /**
   * The direction's stored lexicon with the highest bound (of equal bounds, the last saved), with its `lexiconJson`
   * only when `withLexicon` is true (it can be megabytes); null when none.
   */
  getNewestStoreLexicon(
    sourceLanguage: LanguageCode,
    targetLanguage: LanguageCode,
    withLexicon?: boolean,
  ): Promise<StoredLexicon | null>;

  /** Creates an account; throws {@link StoreError} `STORE_CONFLICT` when the name is taken (revoked names too). */
  createUser(input: CreateUserInput): Promise<UserRecord>;

  /** Every account, revoked ones included, by name. */
  listUsers(): Promise<UserRecord[]>;

  /** The account named `name` (revoked or not), or null. */
  getUser(name: string): Promise<UserRecord | null>;

  /** The active account whose API token has this public id, with the token's hash; null when none. */
  findTokenCredential(tokenId: string): Promise<UserCredential | null>;

  /** The active account named `name` with its password hash; null when none or when it has no password. */
  findPasswordCredential(name: string): Promise<UserCredential | null>;

  /** Sets the password hash of an active account; answers false when there is none by that name. */
  setPasswordHash(name: string, passwordHash: string): Promise<boolean>;

  /** Revokes an active account and ends its sessions; answers false when there is none by that name. */
  revokeUser(name: string): Promise<boolean>;

  /** Records a session (by the hash of its id) for an active account until `expiresAt`. */
  createSession(idHash: string, userName: string, expiresAt: Date): Promise<void>;

  /** The active account of an unexpired session (by the store's clock), or null. */
  findSessionUser(idHash: string): Promise<UserRecord | null>;

  /** Ends a session; unknown ids are ignored. */
  deleteSession(idHash: string): Promise<void>;

  /** Appends a row to the audit trail, stamped with the store's clock; nothing updates or deletes one. */
  appendAudit(entry: AuditEntry): Promise<AuditRecord>;

  /** Audit rows matching `filter`, newest first. */
  listAudit(filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>>;

  /** Audit rows matching `filter`, oldest first, by keyset pages: memory stays flat. */
  streamAudit(filter: AuditFilter, options?: StreamOptions): AsyncIterable<AuditRecord>;

  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;

  /**
   * Resolves when the store would accept a write now; rejects with the database's or file system's error when it is
   * read-only or (SQLite) its disk is all but full. Writes nothing.
   */
  checkWritable(): Promise<void>;

  /** Releases connections; the store is unusable after. */
  close(): Promise<void>;
}
