/**
 * Sandboxed BullMQ processor (runs in a child process) of the alignment queue's two kinds of job. An "align" job
 * loads a pair's files from the store, runs the pipeline (src/pipeline: read and check the pair, align, report) and
 * saves the result in one transaction; the aligner also uses the newest store lexicon learned from earlier pairs in
 * the same direction (the pair records which sample it came from), and a dictionary uploaded with the pair. Once
 * saved, it asks for the lexicon of the store's new sample when nobody has learned it yet: a "learn-lexicon" job,
 * one per sample, learns it for every worker (src/service/store-lexicon-learning.ts). Thin on purpose: the work is
 * in src/pipeline and src/service; this file only moves data and reports progress.
 */
import { UnrecoverableError, type SandboxedJob } from 'bullmq';
import { learnStoreLexicon } from '../../src/core/align/store-lexicon.js';
import { ParalignError } from '../../src/core/errors.js';
import { readDictionary } from '../../src/extract/read-dictionary.js';
import { alignDocumentPair } from '../../src/pipeline/align-document-pair.js';
import { readDocumentPair, segmentCheckedPair } from '../../src/pipeline/read-document-pair.js';
import { loadConfig, type Config } from '../../src/config.js';
import { alignJobSchema, type AlignJobData, type AlignJobResult } from '../../src/queue/align-queue.js';
import { STAGE_PERCENT, type AlignProgress } from '../../src/queue/align-stage.js';
import { openConfiguredStore } from '../../src/open-configured-store.js';
import {
  LEARN_LEXICON_JOB,
  createLexiconQueue,
  learnLexiconJobSchema,
  type LearnLexiconJobData,
  type LearnLexiconJobResult,
  type LexiconQueue,
} from '../../src/queue/enqueue-lexicon-learning.js';
import {
  learnNewestStoreLexicon,
  requestLexiconLearning,
  trainingRequest,
  type LexiconDirection,
} from '../../src/service/store-lexicon-learning.js';
import {
  NO_STORE_LEXICON,
  StoreLexiconReader,
  type UsableStoreLexicon,
} from '../../src/service/store-lexicon-reader.js';
import { PairStatus, type PairRecord, type Store } from '../../src/storage/store.js';
import { watchParent } from './watch-parent.js';

/** Least time between two progress reports of the same stage of a job, in ms. */
const REPORT_EVERY_MS = 1000;

let configCache: Config | undefined;
let storePromise: Promise<Store> | undefined;
let lexiconReader: StoreLexiconReader | undefined;
let lexiconQueue: LexiconQueue | undefined;

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

type QueueJob = SandboxedJob<AlignJobData | LearnLexiconJobData, AlignJobResult | LearnLexiconJobResult>;

/** Runs a job of the alignment queue: a lexicon to learn, or (any other name) a pair to align. */
export default async function processJob(job: QueueJob): Promise<AlignJobResult | LearnLexiconJobResult> {
  if (job.name === LEARN_LEXICON_JOB) return learnLexicon(job);
  return alignPair(job as SandboxedJob<AlignJobData, AlignJobResult>);
}

/** Learns and stores the store lexicon the job asks for, unless another worker did already. */
async function learnLexicon(job: QueueJob): Promise<LearnLexiconJobResult> {
  const parsed = learnLexiconJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad job payload: ${parsed.error.message}`);
  const { sourceLanguage, targetLanguage } = parsed.data;
  return learnNewestStoreLexicon(await getStore(), getConfig(), { sourceLanguage, targetLanguage });
}

/** Aligns the pair named by the job and stores the result; bad input fails the job without retry. */
async function alignPair(job: SandboxedJob<AlignJobData, AlignJobResult>): Promise<AlignJobResult> {
  const started = Date.now();
  const parsed = alignJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad job payload: ${parsed.error.message}`);
  const { pairId } = parsed.data;
  const store = await getStore();

  // Each report is a write to the store (contending with other workers' saves) and one to Redis: within a stage,
  // a new percentage is written only once the last report is REPORT_EVERY_MS old, so a short job writes each of
  // its stages once and a long one still shows it moving.
  let last: { stage: AlignProgress['stage']; at: number } | undefined;
  const report = async (stage: AlignProgress['stage'], percent: number): Promise<void> => {
    const now = Date.now();
    if (last !== undefined && last.stage === stage && now - last.at < REPORT_EVERY_MS) return;
    last = { stage, at: now };
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
    // The API read and checked the files before storing the pair, and stored the text it read: only that is segmented
    // again. A pair stored before the text was kept is read and checked here (and refused if it fails a newer check).
    const documents =
      files.extracted === undefined
        ? await readDocumentPair(
            { ...files.source, language: pair.sourceLanguage },
            { ...files.target, language: pair.targetLanguage },
            { onSourceRead: () => report(PairStatus.parsing, STAGE_PERCENT.sourceSegmented) },
          )
        : segmentCheckedPair(
            { ...files.extracted.source, language: pair.sourceLanguage },
            { ...files.extracted.target, language: pair.targetLanguage },
          );

    await report(PairStatus.aligning, STAGE_PERCENT.aligning);
    const direction = { sourceLanguage: pair.sourceLanguage, targetLanguage: pair.targetLanguage };
    const { version, storeLexicon } = await storeLexiconFor(store, pair, direction);
    const { alignment, report: parity } = alignDocumentPair(documents, {
      ...(storeLexicon ? { storeLexicon } : {}),
      ...(dictionary !== undefined ? { dictionary } : {}),
    });
    await report(PairStatus.aligning, STAGE_PERCENT.saving);
    await store.saveAlignment(pairId, alignment, parity, { lexiconVersion: version });
    await job.updateProgress({ stage: PairStatus.done, percent: 100 } satisfies AlignProgress);
    await askForNewLexicon(store, direction);
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

// The store lexicon a new pair is aligned with: the newest learned, never waited for. A pair aligned before (a
// retried job that had saved) is left out of what trains it, as aligning it again must not learn from itself: that
// rare sample is learned here, and the child keeps the last one for the jobs that follow.
async function storeLexiconFor(
  store: Store,
  pair: PairRecord,
  direction: LexiconDirection,
): Promise<UsableStoreLexicon> {
  if (getConfig().lexiconUnits === 0) return { version: NO_STORE_LEXICON, storeLexicon: null };
  if (pair.alignmentVersion === null) {
    lexiconReader ??= new StoreLexiconReader(store);
    return lexiconReader.newest(direction);
  }
  const sample = await store.sampleTrainingPairs(trainingRequest(getConfig(), direction, pair.id));
  if (ownSampleLexicon?.version !== sample.version) {
    ownSampleLexicon = { version: sample.version, storeLexicon: learnStoreLexicon(sample.pairs, sample.approved) };
  }
  return ownSampleLexicon;
}

let ownSampleLexicon: UsableStoreLexicon | undefined;

// The pair is saved: a failure to ask (Redis away) must not fail it; the next pair saved asks again.
async function askForNewLexicon(store: Store, direction: LexiconDirection): Promise<void> {
  try {
    lexiconQueue ??= createLexiconQueue(getConfig());
    await requestLexiconLearning(store, lexiconQueue, getConfig(), direction);
  } catch {
    // Nothing lost: alignments keep the newest lexicon learned until one of the next pairs gets its request through.
  }
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
