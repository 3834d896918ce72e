/**
 * What an upload may do, decided outside HTTP: the pair is read and checked through the pipeline before anything
 * is stored (a refused pair leaves no row), then stored (the same files again give the existing pair back), then
 * queued; a failed pair uploaded again is queued again, and a pair nobody could queue is taken back out.
 */
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { LanguageCode } from '../core/model.js';
import { readLanguagePair } from '../pipeline/read-language-pair.js';
import type { AlignJobData, AlignJobResult } from '../queue/align-queue.js';
import { enqueueAlignment, forgetAlignmentJob } from '../queue/enqueue-alignment.js';
import { PairStatus, type CreatePairInput, type PairRecord, type Store, type StoredFile } from '../storage/store.js';
import { QueueUnavailableError } from './queue-unavailable-error.js';
import { QUEUE_TIMEOUT_MS, withTimeout } from './with-timeout.js';

/** One language version of an upload. */
export interface PairVersion {
  /** Declared language (one of the six UN languages; the pipeline checks it against the text). */
  language: LanguageCode;
  /** The file. */
  file: StoredFile;
}

/** The two language versions of an upload, a dictionary if any, and how to file them. */
export interface PairSubmission {
  /** The two versions, in two different languages, in the order uploaded. */
  versions: readonly [PairVersion, PairVersion];
  /** Which version's language is the source side; absent for the original the headers name, else English. */
  sourceLanguage?: LanguageCode;
  /** Collection the pair belongs to, or null. */
  collection: string | null;
  /** Document symbol as the uploader gave it, or null. */
  symbol: string | null;
  /** A bilingual dictionary for the aligner (already checked by the caller), source side first. */
  dictionary?: StoredFile;
}

/** What {@link submitPair} needs. */
export interface SubmitPairDeps {
  /** The segment store. */
  store: Store;
  /** Producer side of the alignment queue. */
  queue: Queue<AlignJobData, AlignJobResult>;
  /** Where a queue failure is logged. */
  logger: Logger;
}

/** The outcome of a submission. */
export interface SubmittedPair {
  /** The pair as it stands now. */
  pair: PairRecord;
  /** Whether this submission created the pair (false: the same files were there already). */
  created: boolean;
  /** Whether this submission put the pair in the queue (a new pair, or a failed one sent again). */
  accepted: boolean;
}

/**
 * Reads and checks the pair (the same refusals as the CLI: unreadable or corrupt files, no or too little text,
 * two versions declared in one language, the same text twice, swapped sides, one language on both sides, a side in
 * the wrong language), chooses its source side (the one asked for, else the original the headers name, else
 * English), then stores and queues it. Throws the pipeline's InputError before storing anything, or
 * {@link QueueUnavailableError} with nothing kept when Redis does not answer.
 */
export async function submitPair(deps: SubmitPairDeps, submission: PairSubmission): Promise<SubmittedPair> {
  const [first, second] = submission.versions;
  // Everything the bytes can decide is decided here, and the text read is stored: the worker segments it and aligns
  // (pairs stored before it was kept are read and checked again).
  const { sourceFile, targetFile, extracted } = await readLanguagePair(
    [
      { ...first.file, language: first.language },
      { ...second.file, language: second.language },
    ],
    submission.sourceLanguage,
  );
  return storeAndQueuePair(deps, {
    source: { name: sourceFile.name, bytes: sourceFile.bytes },
    target: { name: targetFile.name, bytes: targetFile.bytes },
    sourceLanguage: sourceFile.language,
    targetLanguage: targetFile.language,
    collection: submission.collection,
    symbol: submission.symbol,
    ...(submission.dictionary !== undefined ? { dictionary: submission.dictionary } : {}),
    extracted,
  });
}

/**
 * Stores a pair the pipeline has checked and queues it: a new pair is queued (and taken back out when the queue does
 * not answer), a failed one stored before is queued again, an unfinished one has its job put back.
 */
export async function storeAndQueuePair(deps: SubmitPairDeps, input: CreatePairInput): Promise<SubmittedPair> {
  const { store } = deps;
  const { pair, created } = await store.createPair(input);
  if (created) {
    try {
      await enqueue(deps, pair.id);
    } catch (error) {
      // Nothing half-accepted: a pair nobody will align must not stay behind.
      await store.deletePair(pair.id);
      throw error;
    }
    return { pair, created, accepted: true };
  }
  if (pair.status === PairStatus.failed) {
    // Uploading a failed pair again is the way to retry it (its old job is done with).
    await queueCall(deps, pair.id, forgetAlignmentJob(deps.queue, pair.id));
    const current = (await store.updateStatus(pair.id, PairStatus.queued, 0)) ?? pair;
    await enqueue(deps, pair.id);
    return { pair: current, created, accepted: current.status !== pair.status };
  }
  // Idempotent: puts back a job that a Redis restart without persistence may have lost.
  if (pair.status !== PairStatus.done) await enqueue(deps, pair.id);
  return { pair, created, accepted: false };
}

async function enqueue(deps: SubmitPairDeps, pairId: string): Promise<void> {
  await queueCall(deps, pairId, enqueueAlignment(deps.queue, pairId));
}

// Bounds a queue operation and turns any failure of it into the one error the API answers 503 for.
async function queueCall<T>(deps: SubmitPairDeps, pairId: string, operation: Promise<T>): Promise<T> {
  try {
    return await withTimeout(operation, QUEUE_TIMEOUT_MS, () => new QueueUnavailableError());
  } catch (error) {
    deps.logger.warn({ err: error, pairId }, 'the job queue did not answer');
    throw error instanceof QueueUnavailableError ? error : new QueueUnavailableError();
  }
}
