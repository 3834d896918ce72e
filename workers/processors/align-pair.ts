/**
 * Sandboxed BullMQ processor (runs in a child process): loads a pair's files from the store, runs the pipeline
 * (src/pipeline: read and check the pair, align, report) and saves the result in one transaction. The lexicon also
 * trains on a
 * sample of the store's earlier pairs in the same language pair, and the pair records which sample it was; a dictionary
 * uploaded with the pair is handed to the aligner. Thin on
 * purpose: the work is in src/pipeline; this file only moves data and reports progress.
 */
import { UnrecoverableError, type SandboxedJob } from 'bullmq';
import { learnStoreLexicon, type StoreLexicon } from '../../src/core/align/store-lexicon.js';
import { ParalignError } from '../../src/core/errors.js';
import { readDictionary } from '../../src/extract/read-dictionary.js';
import { alignDocumentPair } from '../../src/pipeline/align-document-pair.js';
import { readDocumentPair } from '../../src/pipeline/read-document-pair.js';
import { loadConfig, type Config } from '../../src/config.js';
import { alignJobSchema, type AlignJobData, type AlignJobResult } from '../../src/queue/align-queue.js';
import { STAGE_PERCENT, type AlignProgress } from '../../src/queue/align-stage.js';
import { openConfiguredStore } from '../../src/open-configured-store.js';
import { PairStatus, type Store, type TrainingSample } from '../../src/storage/store.js';
import { watchParent } from './watch-parent.js';

let configCache: Config | undefined;
let storePromise: Promise<Store> | undefined;

function getConfig(): Config {
  configCache ??= loadConfig(process.env);
  return configCache;
}

// The child is reused for many jobs: one store (one connection pool) per child process. The worker process that
// forked it has migrated the store already.
function getStore(): Promise<Store> {
  storePromise ??= openConfiguredStore(getConfig(), { migrate: false });
  return storePromise;
}

// A child whose worker died (kill -9) must not finish the job behind the back of the worker that takes it over:
// without its parent it could not report the result anyway. watch-parent.ts says why an event is not enough.
watchParent();

/** Aligns the pair named by the job and stores the result; bad input fails the job without retry. */
export default async function alignPair(job: SandboxedJob<AlignJobData, AlignJobResult>): Promise<AlignJobResult> {
  const started = Date.now();
  const parsed = alignJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad job payload: ${parsed.error.message}`);
  const { pairId } = parsed.data;
  const store = await getStore();

  const report = async (stage: AlignProgress['stage'], percent: number): Promise<void> => {
    await store.updateStatus(pairId, stage, percent);
    await job.updateProgress({ stage, percent } satisfies AlignProgress);
  };

  try {
    const pair = await store.getPair(pairId);
    const files = await store.getPairFiles(pairId);
    // Deleted while queued: nothing to do, and retrying would not bring it back.
    if (pair === null || files === null) throw new UnrecoverableError(`pair ${pairId} no longer exists`);

    await report(PairStatus.parsing, STAGE_PERCENT.loaded);
    // Read first: a dictionary the API let through but that no longer parses fails the job before any real work.
    const dictionary =
      files.dictionary === undefined ? undefined : readDictionary(files.dictionary.bytes, files.dictionary.name);
    // The API ran the same checks before storing the pair; a pair stored before they existed is refused here.
    const documents = await readDocumentPair(
      { ...files.source, language: pair.sourceLanguage },
      { ...files.target, language: pair.targetLanguage },
      { onSourceRead: () => report(PairStatus.parsing, STAGE_PERCENT.sourceSegmented) },
    );

    await report(PairStatus.aligning, STAGE_PERCENT.aligning);
    const { lexiconUnits, lexiconMinConfidence } = getConfig();
    // The pair's own earlier result is left out: aligning it again must not learn from itself.
    const sample = await store.sampleTrainingPairs({
      sourceLanguage: pair.sourceLanguage,
      targetLanguage: pair.targetLanguage,
      minConfidence: lexiconMinConfidence,
      limit: lexiconUnits,
      excludePairId: pairId,
      // The sample moves on every `lexiconUnits` new segments, not with every pair: its lexicon is learned once.
      stableEvery: Math.max(1, lexiconUnits),
    });
    const storeLexicon = storeLexiconFor(sample);
    const { alignment, report: parity } = alignDocumentPair(documents, {
      ...(storeLexicon ? { storeLexicon } : {}),
      ...(dictionary !== undefined ? { dictionary } : {}),
    });
    await report(PairStatus.aligning, STAGE_PERCENT.saving);
    await store.saveAlignment(pairId, alignment, parity, { lexiconVersion: sample.version });
    await job.updateProgress({ stage: PairStatus.done, percent: 100 } satisfies AlignProgress);
    return {
      pairId,
      sentenceBeads: alignment.sentences.length,
      parity: parity.parity,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    await recordFailure(store, job, pairId, error);
    throw error instanceof ParalignError ? new UnrecoverableError(`${error.code}: ${error.message}`) : error;
  }
}

let cachedStoreLexicon: { version: string; storeLexicon: StoreLexicon | null } | undefined;

// Learning a lexicon from thousands of stored pairs costs far more than aligning a short document: the child
// process keeps the last one, named by the sample's version, for the jobs that follow.
function storeLexiconFor(sample: TrainingSample): StoreLexicon | null {
  if (cachedStoreLexicon?.version !== sample.version) {
    cachedStoreLexicon = { version: sample.version, storeLexicon: learnStoreLexicon(sample.pairs, sample.approved) };
  }
  return cachedStoreLexicon.storeLexicon;
}

async function recordFailure(
  store: Store,
  job: SandboxedJob<AlignJobData, AlignJobResult>,
  pairId: string,
  error: unknown,
): Promise<void> {
  const final =
    error instanceof ParalignError ||
    error instanceof UnrecoverableError ||
    job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const reason =
    error instanceof ParalignError
      ? `${error.code}: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  try {
    // A transient fault sends the pair back to the queue for the retry; the last one fails it with the reason.
    if (final) await store.updateStatus(pairId, PairStatus.failed, 0, reason);
    else await store.updateStatus(pairId, PairStatus.queued, 0);
  } catch {
    // The store itself may be the transient fault; BullMQ keeps the reason on the job either way.
  }
}
