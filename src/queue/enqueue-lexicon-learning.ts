/**
 * Puts a "learn the store lexicon" job on the alignment queue: one job per direction and sample bound (its job id),
 * so that however many workers ask for the same sample, one learns it.
 */
import { Queue, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { ALIGN_QUEUE_NAME, createRedisClient, type QueueConfig } from './align-queue.js';

/** Name of the jobs that learn a store lexicon (the alignment jobs are named "align"). */
export const LEARN_LEXICON_JOB = 'learn-lexicon';

/** What a learning job carries: the direction, and the sample bound that asked for it. */
export const learnLexiconJobSchema = z.object({
  /** Language of the sample's source texts. */
  sourceLanguage: z.string().min(1),
  /** Language of the sample's target texts. */
  targetLanguage: z.string().min(1),
  /** Store.trainingSampleBound when the job was asked for. */
  sampleBound: z.number().int().min(1),
});
/** See {@link learnLexiconJobSchema}. */
export type LearnLexiconJobData = z.infer<typeof learnLexiconJobSchema>;

/** What a finished learning job returns. */
export interface LearnLexiconJobResult {
  /** TrainingSample.version of the sample it found. */
  version: string;
  /** Whether it learned the lexicon (false: the newest stored one was learned from this very sample). */
  learned: boolean;
  /** Whether it stored what it learned (false: another job stored the same sample's lexicon first). */
  stored: boolean;
}

/** The producer handle a worker uses to ask for learning. */
export type LexiconQueue = Queue<LearnLexiconJobData, LearnLexiconJobResult>;

// LIFO: a learning job goes before the alignments waiting in the queue, which are the ones that will use it. A few
// attempts for transient faults; finished jobs stay a while so that their id keeps refusing duplicates.
const LEARN_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  lifo: true,
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 1000 },
};

/** Opens a producer handle on the alignment queue for learning jobs. */
export function createLexiconQueue(config: QueueConfig): LexiconQueue {
  return new Queue<LearnLexiconJobData, LearnLexiconJobResult>(ALIGN_QUEUE_NAME, {
    connection: createRedisClient(config.redisUrl, 'producer'),
    prefix: config.queuePrefix,
  });
}

/** Job id of the learning of a direction's sample up to `sampleBound`. */
export function lexiconJobId(data: LearnLexiconJobData): string {
  return `lexicon-${data.sourceLanguage}-${data.targetLanguage}-${data.sampleBound}`;
}

/** Asks for the learning (a no-op when a job with the same id is queued, running or was kept); answers its id. */
export async function enqueueLexiconLearning(queue: LexiconQueue, data: LearnLexiconJobData): Promise<string> {
  const jobId = lexiconJobId(data);
  await queue.add(LEARN_LEXICON_JOB, data, { ...LEARN_JOB_OPTIONS, jobId });
  return jobId;
}
