/**
 * followPairChanges against the real Redis and BullMQ: progress, completion or failure of a pair's job wakes that
 * pair's watches and no other's (a watch for the end only by the end or the last stage's report); stop() wakes every
 * watch, then and later.
 */
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '../../harness/start-service.js';
import { followPairChanges, type PairChanges } from '../../src/api/pair-changes.js';
import { PairStatus } from '../../src/storage/store.js';
import {
  ALIGN_QUEUE_NAME,
  alignJobId,
  closeWithin,
  createAlignQueueEvents,
  createRedisClient,
} from '../../src/queue/align-queue.js';

const config = { redisUrl: TEST_REDIS_URL, queuePrefix: uniquePrefix('pair-changes') };

/** Resolves true when `promise` settles within `ms`, false otherwise. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

describe.skipIf(!redisAvailable)('pair changes from the queue events', () => {
  const events = createAlignQueueEvents(config);
  const queue = new Queue(ALIGN_QUEUE_NAME, {
    connection: createRedisClient(config.redisUrl, 'producer'),
    prefix: config.queuePrefix,
  });
  // A job named "fail" fails (no retry), one named "report" reports progress and then waits for the test's word,
  // "report-done" reports the last stage and waits likewise, any other completes.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const worker = new Worker(
    ALIGN_QUEUE_NAME,
    async (job) => {
      if (job.name === 'fail') throw new Error('failing on purpose');
      if (job.name === 'report') {
        await job.updateProgress(10);
        await released;
      }
      if (job.name === 'report-done') {
        await job.updateProgress({ stage: PairStatus.done, percent: 100 });
        await finished;
      }
      return 'ok';
    },
    { connection: createRedisClient(config.redisUrl, 'worker'), prefix: config.queuePrefix },
  );
  let pairChanges: PairChanges;

  beforeAll(async () => {
    await events.waitUntilReady();
    pairChanges = followPairChanges(events);
  });
  afterAll(async () => {
    pairChanges.stop();
    await closeWithin(worker);
    await closeWithin(events);
    await closeWithin(queue);
    await deleteRedisKeys(config.redisUrl, config.queuePrefix);
  });

  it('wakes the watches of a pair whose job completes, and not those of another pair', async () => {
    const mine = pairChanges.watch('a');
    const again = pairChanges.watch('a');
    const other = pairChanges.watch('b');
    await queue.add('align', { pairId: 'a' }, { jobId: alignJobId('a') });
    expect(await settlesWithin(Promise.all([mine.woken, again.woken]), 10_000)).toBe(true);
    expect(await settlesWithin(other.woken, 500)).toBe(false);
    other.cancel();
  });

  it('wakes the watch of a pair whose job fails', async () => {
    const watch = pairChanges.watch('c');
    await queue.add('fail', { pairId: 'c' }, { jobId: alignJobId('c') });
    expect(await settlesWithin(watch.woken, 10_000)).toBe(true);
  });

  it('wakes a watch of a pair whose job reports progress before it ends, but not a watch for the end', async () => {
    const watch = pairChanges.watch('f');
    const settled = pairChanges.watch('f', 'settled');
    await queue.add('report', { pairId: 'f' }, { jobId: alignJobId('f') });
    expect(await settlesWithin(watch.woken, 10_000)).toBe(true);
    expect(await settlesWithin(settled.woken, 500)).toBe(false);
    const end = pairChanges.watch('f');
    release();
    expect(await settlesWithin(Promise.all([end.woken, settled.woken]), 10_000)).toBe(true);
  });

  it('wakes a watch for the end when the job reports its last stage', async () => {
    const settled = pairChanges.watch('g', 'settled');
    await queue.add('report-done', { pairId: 'g' }, { jobId: alignJobId('g') });
    expect(await settlesWithin(settled.woken, 10_000)).toBe(true);
    finish();
  });

  it('wakes every watch on stop, and watches started later at once', async () => {
    const own = followPairChanges(events);
    const before = own.watch('d');
    own.stop();
    expect(await settlesWithin(before.woken, 100)).toBe(true);
    expect(await settlesWithin(own.watch('e').woken, 100)).toBe(true);
  });
});
