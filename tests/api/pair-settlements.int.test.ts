/**
 * followPairSettlements against the real Redis and BullMQ: a completed or failed job of a pair wakes that pair's
 * watches and no other's; a cancelled watch is forgotten; stop() wakes every watch, then and later.
 */
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '../../harness/start-service.js';
import { followPairSettlements, type PairSettlements } from '../../src/api/pair-settlements.js';
import {
  ALIGN_QUEUE_NAME,
  alignJobId,
  closeWithin,
  createAlignQueueEvents,
  createRedisClient,
} from '../../src/queue/align-queue.js';

const config = { redisUrl: TEST_REDIS_URL, queuePrefix: uniquePrefix('settlements') };

/** Resolves true when `promise` settles within `ms`, false otherwise. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

describe.skipIf(!redisAvailable)('pair settlements from the queue events', () => {
  const events = createAlignQueueEvents(config);
  const queue = new Queue(ALIGN_QUEUE_NAME, {
    connection: createRedisClient(config.redisUrl, 'producer'),
    prefix: config.queuePrefix,
  });
  // A job named "fail" fails (no retry), any other completes.
  const worker = new Worker(
    ALIGN_QUEUE_NAME,
    async (job) => {
      if (job.name === 'fail') throw new Error('failing on purpose');
      return 'ok';
    },
    { connection: createRedisClient(config.redisUrl, 'worker'), prefix: config.queuePrefix },
  );
  let settlements: PairSettlements;

  beforeAll(async () => {
    await events.waitUntilReady();
    settlements = followPairSettlements(events);
  });
  afterAll(async () => {
    settlements.stop();
    await closeWithin(worker);
    await closeWithin(events);
    await closeWithin(queue);
    await deleteRedisKeys(config.redisUrl, config.queuePrefix);
  });

  it('wakes the watches of a pair whose job completes, and not those of another pair', async () => {
    const mine = settlements.watch('a');
    const again = settlements.watch('a');
    const other = settlements.watch('b');
    await queue.add('align', { pairId: 'a' }, { jobId: alignJobId('a') });
    expect(await settlesWithin(Promise.all([mine.woken, again.woken]), 10_000)).toBe(true);
    expect(await settlesWithin(other.woken, 500)).toBe(false);
    other.cancel();
  });

  it('wakes the watch of a pair whose job fails', async () => {
    const watch = settlements.watch('c');
    await queue.add('fail', { pairId: 'c' }, { jobId: alignJobId('c') });
    expect(await settlesWithin(watch.woken, 10_000)).toBe(true);
  });

  it('wakes every watch on stop, and watches started later at once', async () => {
    const own = followPairSettlements(events);
    const before = own.watch('d');
    own.stop();
    expect(await settlesWithin(before.woken, 100)).toBe(true);
    expect(await settlesWithin(own.watch('e').woken, 100)).toBe(true);
  });
});
