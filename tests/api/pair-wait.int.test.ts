/**
 * GET /v1/pairs/:id?wait=S over HTTP against the real Redis, a real SQLite store and a real sandboxed worker: the
 * answer comes when the pair settles (woken by the queue's events), after S seconds when it does not, at once when it
 * already has; with `after`, as soon as the pair has changed since; a bad wait or time is refused in the request.
 */
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'bullmq';
import {
  redisAvailable,
  startTestService,
  uploadPair,
  type TestService,
  type UploadFile,
} from '../../harness/start-service.js';
import { closeWithin } from '../../src/queue/align-queue.js';
import { startAlignWorker } from '../../workers/start-align-worker.js';

const corpus = new URL('../../corpora/resolution-preamble/', import.meta.url);
const fr: UploadFile = { name: 'fr.md', bytes: readFileSync(new URL('fr.md', corpus)) };
const en: UploadFile = { name: 'en.md', bytes: readFileSync(new URL('en.md', corpus)) };
const report = new URL('../../corpora/report-structure/', import.meta.url);

interface PairAnswer {
  status: string;
  updatedAt: string;
}

describe.skipIf(!redisAvailable)('waiting for a pair over HTTP', () => {
  let service: TestService;
  let pairId: string;

  beforeAll(async () => {
    // No worker yet: the pair stays queued until the test starts one.
    service = await startTestService('pair-wait', { workers: 0 });
    const answer = await uploadPair(service, { fr, en });
    expect(answer.status).toBe(202);
    pairId = ((await answer.json()) as { pairId: string }).pairId;
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('answers after the wait with the pair as it stands when nothing settles it', async () => {
    const started = Date.now();
    const answer = await service.fetch(`/v1/pairs/${pairId}?wait=1.5`);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as PairAnswer).status).toBe('queued');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });

  it('answers at once, with after, when the pair changed since the time the client gives', async () => {
    const seen = ((await (await service.fetch(`/v1/pairs/${pairId}`)).json()) as PairAnswer).updatedAt;
    const started = Date.now();
    const earlier = new Date(Date.parse(seen) - 1000).toISOString();
    const answer = await service.fetch(`/v1/pairs/${pairId}?wait=25&after=${earlier}`);
    expect(((await answer.json()) as PairAnswer).updatedAt).toBe(seen);
    expect(Date.now() - started).toBeLessThan(5000);
    // Unchanged since what the client saw: it waits.
    const unchanged = Date.now();
    await service.fetch(`/v1/pairs/${pairId}?wait=1&after=${seen}`);
    expect(Date.now() - unchanged).toBeGreaterThanOrEqual(900);
  });

  it('answers as soon as a worker has aligned the pair', async () => {
    const waiting = service.fetch(`/v1/pairs/${pairId}?wait=25`);
    // Let the request reach its wait before the worker exists.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const worker: Worker = startAlignWorker(service.config, pino({ level: 'silent' }));
    try {
      const answer = await waiting;
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as PairAnswer).status).toBe('done');
    } finally {
      await closeWithin(worker, 30_000);
    }
  });

  it('follows a pair with after, from stage to stage, until it is done', async () => {
    const upload = await uploadPair(service, {
      fr: { name: 'fr.txt', bytes: readFileSync(new URL('fr.txt', report)) },
      en: { name: 'en.txt', bytes: readFileSync(new URL('en.txt', report)) },
    });
    const followed = ((await upload.json()) as { pairId: string }).pairId;
    const seen = ((await (await service.fetch(`/v1/pairs/${followed}`)).json()) as PairAnswer).updatedAt;
    const following = (async () => {
      const statuses: string[] = [];
      let after = seen;
      for (let round = 0; round < 20; round++) {
        const pair = (await (await service.fetch(`/v1/pairs/${followed}?wait=25&after=${after}`)).json()) as PairAnswer;
        statuses.push(pair.status);
        if (pair.status === 'done' || pair.status === 'failed') break;
        after = pair.updatedAt;
      }
      return statuses;
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const worker: Worker = startAlignWorker(service.config, pino({ level: 'silent' }));
    try {
      const statuses = await following;
      // Each answer came with a change: a stage the worker reached, then the end.
      expect(statuses.at(-1)).toBe('done');
      expect(statuses.length).toBeGreaterThan(1);
      expect(statuses.slice(0, -1).every((status) => status === 'parsing' || status === 'aligning')).toBe(true);
    } finally {
      await closeWithin(worker, 30_000);
    }
  });

  it('answers at once for a pair already settled', async () => {
    const started = Date.now();
    const answer = await service.fetch(`/v1/pairs/${pairId}?wait=25`);
    expect(((await answer.json()) as PairAnswer).status).toBe('done');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each(['wait=31', 'wait=-1', 'wait=soon', 'wait=5&after=yesterday'])(
    'refuses %s with a 400 and a one-line message',
    async (query) => {
      const answer = await service.fetch(`/v1/pairs/${pairId}?${query}`, { headers: { 'Accept-Language': 'fr' } });
      expect(answer.status).toBe(400);
      const { error } = (await answer.json()) as { error: { message: string } };
      expect(error.message).not.toContain('\n');
    },
  );

  it('answers 404 for a pair that does not exist, without waiting', async () => {
    const started = Date.now();
    const answer = await service.fetch('/v1/pairs/no-such-pair?wait=25');
    expect(answer.status).toBe(404);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
