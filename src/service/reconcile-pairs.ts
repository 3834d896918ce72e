/**
 * Compares the store's unfinished pairs with the queue's jobs and repairs the difference: a pair whose job has failed
 * for good (two stalls of the same job, a disk full on its last attempt, the processor killed every time) ends
 * failed with the job's reason; a pair whose job Redis lost, or whose job completed without the pair being done, is
 * queued again. Run at API and worker start and periodically: the store is the truth about pairs, Redis about jobs,
 * and a process that dies between writing the one and the other leaves them apart.
 */
import type { Queue } from 'bullmq';
import { alignJobId, type AlignJobData, type AlignJobResult } from '../queue/align-queue.js';
import { forgetAlignmentJob } from '../queue/enqueue-alignment.js';
import { PairStatus, type PairRecord, type Store } from '../storage/store.js';

/** What one {@link reconcilePairs} run did. */
export interface ReconcileResult {
  /** Unfinished pairs looked at. */
  checked: number;
  /** Pairs marked failed because their job had failed for good. */
  failed: number;
  /** Pairs queued again: their job was missing (Redis lost it) or had completed without the pair being done. */
  rerun: number;
}

/** Unfinished pairs are read in pages of this many. */
const PAGE = 500;

/** The reason a pair gets when its job failed without saying why. */
const UNKNOWN_REASON = 'the alignment job failed';

/** Repairs every unfinished pair against its job (see the file's header); answers what it did. */
export async function reconcilePairs(
  store: Store,
  queue: Queue<AlignJobData, AlignJobResult>,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { checked: 0, failed: 0, rerun: 0 };
  for (const pair of await listUnfinishedPairs(store)) {
    result.checked += 1;
    const outcome = await reconcilePair(store, queue, pair);
    if (outcome === 'failed') result.failed += 1;
    if (outcome === 'rerun') result.rerun += 1;
  }
  return result;
}

/** Repairs one pair; answers what was done to it. */
export async function reconcilePair(
  store: Store,
  queue: Queue<AlignJobData, AlignJobResult>,
  pair: PairRecord,
): Promise<'failed' | 'rerun' | 'none'> {
  const jobId = alignJobId(pair.id);
  const job = await queue.getJob(jobId);
  // No job at all (a Redis without persistence restarted): put one back. add() is a no-op if one appeared since,
  // and never replaces a failed job: that one is read below, on the next run.
  if (job === undefined) {
    await queue.add('align', { pairId: pair.id }, { jobId });
    return 'rerun';
  }
  const state = await job.getState();
  if (state === 'failed') {
    // Read the pair again: a re-upload may have queued it anew since the list was read.
    const current = await store.getPair(pair.id);
    if (current === null || !isUnfinished(current.status) || current.updatedAt > pair.updatedAt) return 'none';
    await store.updateStatus(pair.id, PairStatus.failed, 0, oneLine(job.failedReason || UNKNOWN_REASON));
    return 'failed';
  }
  if (state === 'completed') {
    const current = await store.getPair(pair.id);
    if (current === null || !isUnfinished(current.status)) return 'none';
    // The job says done, the store does not: the result never reached the store. Align it again.
    await forgetAlignmentJob(queue, pair.id);
    await queue.add('align', { pairId: pair.id }, { jobId });
    return 'rerun';
  }
  return 'none';
}

async function listUnfinishedPairs(store: Store): Promise<PairRecord[]> {
  const pairs: PairRecord[] = [];
  for (const status of [PairStatus.queued, PairStatus.parsing, PairStatus.aligning]) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await store.listPairs({ status }, { limit: PAGE, offset });
      pairs.push(...page.items);
      if (offset + PAGE >= page.total) break;
    }
  }
  return pairs;
}

function isUnfinished(status: PairStatus): boolean {
  return status === PairStatus.queued || status === PairStatus.parsing || status === PairStatus.aligning;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
