/** Puts back the jobs of unfinished pairs that a Redis loss dropped: the store, not Redis, says what is unfinished. */
import type { Queue } from 'bullmq';
import type { AlignJobData, AlignJobResult } from '../queue/align-queue.js';
import { enqueueAlignment } from '../queue/enqueue-alignment.js';
import { PairStatus, type Store } from '../storage/store.js';

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
