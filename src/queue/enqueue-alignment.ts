/** Puts a pair's alignment job on the queue under its one job id, and takes a finished one off. */
import type { Queue } from 'bullmq';
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
