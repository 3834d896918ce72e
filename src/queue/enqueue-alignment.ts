/** Puts a pair's alignment job on the queue, and puts back the jobs of unfinished pairs a Redis loss dropped. */
import type { Queue } from 'bullmq';
import type { Store } from '../storage/store.js';
import { PairStatus } from '../storage/store.js';
import { alignJobId, type AlignJobData, type AlignJobResult } from './align-queue.js';

/**
 * Adds the pair's job; a no-op when a live or completed job is already in the queue (same job id). A failed job is
 * replaced: whoever queues a pair again (a re-upload) means it to run again. Answers the job id.
 */
export async function enqueueAlignment(queue: Queue<AlignJobData, AlignJobResult>, pairId: string): Promise<string> {
  const jobId = alignJobId(pairId);
  const existing = await queue.getJob(jobId);
  if (existing !== undefined && (await existing.getState()) === 'failed') await existing.remove();
  await queue.add('align', { pairId }, { jobId });
  return jobId;
}

/** Removes the pair's finished job from Redis so that the pair can be queued again under the same job id. */
export async function forgetAlignmentJob(queue: Queue<AlignJobData, AlignJobResult>, pairId: string): Promise<void> {
  const job = await queue.getJob(alignJobId(pairId));
  if (job === undefined) return;
  const state = await job.getState();
  if (state === 'completed' || state === 'failed') await job.remove();
}

/**
 * Re-adds a job for every pair the store still calls queued, parsing or aligning; jobs still in Redis are left as
 * they are. Answers how many pairs were looked at. Run at start and after Redis comes back: a Redis without
 * persistence forgets the jobs it held, the store does not.
 */
export async function requeueUnfinishedPairs(
  store: Store,
  queue: Queue<AlignJobData, AlignJobResult>,
): Promise<number> {
  let seen = 0;
  for (const status of [PairStatus.queued, PairStatus.parsing, PairStatus.aligning]) {
    const limit = 500;
    for (let offset = 0; ; offset += limit) {
      const page = await store.listPairs({ status }, { limit, offset });
      for (const pair of page.items) await enqueueAlignment(queue, pair.id);
      seen += page.items.length;
      if (offset + limit >= page.total) break;
    }
  }
  return seen;
}
