/**
 * Real worker processes killed with SIGKILL mid-job: their sandboxed children exit within seconds (no orphan), a job
 * whose workers are killed twice fails for good and its pair ends failed with the reason (the reconciler), a
 * re-upload runs it again to the end with one set of segments; and a pair left behind by a failed job is repaired.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alignJobId,
  closeWithin,
  createAlignQueue,
  type AlignJobData,
  type AlignJobResult,
} from '../../src/queue/align-queue.js';
import { configToEnv } from '../../src/queue/config-env.js';
import { reconcilePairs } from '../../src/service/reconcile-pairs.js';
import {
  redisAvailable,
  startTestService,
  uploadPair,
  waitForJobState,
  waitForPair,
  type TestService,
} from '../../harness/start-service.js';
import { makeLargePair } from '../../harness/make-large-pair.js';
import { childPids, killGroup, procAvailable, waitForExit } from './processes.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// The sandboxed children run BullMQ's main.js; the tsx loader's esbuild service is a child too, and goes with them.
const CHILD_MARK = 'bullmq';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!redisAvailable || !procAvailable)('worker processes killed mid-job', () => {
  let service: TestService;
  let queue: Queue<AlignJobData, AlignJobResult>;
  const groups: number[] = [];

  beforeAll(async () => {
    service = await startTestService('faults', {
      workers: 0,
      config: { workerLockMs: 2000, workerConcurrency: 1, reconcileIntervalMs: 300 },
    });
    queue = createAlignQueue(service.config);
  });
  afterAll(async () => {
    for (const pgid of groups) killGroup(pgid);
    await closeWithin(queue);
    await service?.stop();
  });

  // `npm run worker` without npm: node itself, in its own process group so the cleanup can reach its children.
  const startWorker = (): ChildProcess => {
    const worker = spawn(process.execPath, ['--import', 'tsx', 'workers/align-worker.ts'], {
      cwd: repoRoot,
      env: { ...process.env, ...configToEnv(service.config) },
      detached: true,
      stdio: 'ignore',
    });
    // spawn() of node itself gives a pid, or the 'error' event fails the waits below first.
    groups.push(worker.pid as number);
    return worker;
  };

  const pairIsBusy = async (pairId: string): Promise<true | undefined> => {
    const pair = await service.store.getPair(pairId);
    return pair !== null && (pair.status === 'parsing' || pair.status === 'aligning') ? true : undefined;
  };

  // Kills the worker process alone, as the OOM killer or `kill -9 PID` would, and checks that its children follow.
  const killWorkerAlone = async (worker: ChildProcess): Promise<void> => {
    const pid = worker.pid as number;
    const children = childPids(pid, CHILD_MARK);
    expect(children.length).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await waitForExit(children, 5000);
  };

  it('fails a job killed twice with its reason, leaves no orphan, and runs it again on re-upload', async () => {
    const { fr, en } = makeLargePair(2000, 7);
    const files = { fr: { name: 'fr.txt', bytes: fr }, en: { name: 'en.txt', bytes: en } };
    const response = await uploadPair(service, files);
    expect(response.status).toBe(202);
    const { pairId } = (await response.json()) as { pairId: string };
    const jobId = alignJobId(pairId);

    const first = startWorker();
    await waitFor(() => pairIsBusy(pairId), 60_000, 'worker A to start the job');
    await killWorkerAlone(first);

    const second = startWorker();
    await waitFor(
      async () => {
        const job = await queue.getJob(jobId);
        // The store still says what worker A left: B's own child must be there too.
        const started = (job?.attemptsStarted ?? 0) >= 2 && childPids(second.pid as number, CHILD_MARK).length > 0;
        return started && (await pairIsBusy(pairId)) ? true : undefined;
      },
      60_000,
      'worker B to take the job over',
    );
    await killWorkerAlone(second);

    // Worker C finds the job stalled a second time: BullMQ fails it, the reconciler fails the pair with the reason.
    startWorker();
    const failed = await waitForPair(service, pairId, 60_000);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/stalled/);
    expect(await (await queue.getJob(jobId))?.getState()).toBe('failed');

    // The same files again: the pair runs again, to the end, on worker C.
    const again = await uploadPair(service, files);
    expect(again.status).toBe(202);
    expect(((await again.json()) as { pairId: string }).pairId).toBe(pairId);
    const done = await waitForPair(service, pairId, 120_000);
    expect(done.status, String(done.failureReason)).toBe('done');
    // The store says done as the processor saves; the job completes a moment later.
    await waitForJobState(queue, jobId, 'completed');
    const job = await queue.getJob(jobId);
    const beads = job?.returnvalue?.sentenceBeads ?? 0;
    expect(beads).toBeGreaterThanOrEqual(6000);
    expect((await service.store.getPair(pairId))?.counts?.sentenceBeads).toBe(beads);
  }, 240_000);

  it('leaves no orphan when its worker is killed right after forking, before the processor loads', async () => {
    // Workers of the tests before would take the job: only this test's worker may run.
    for (const pgid of groups.splice(0)) killGroup(pgid);
    const { fr, en } = makeLargePair(30, 11);
    const response = await uploadPair(service, {
      fr: { name: 'fr.txt', bytes: fr },
      en: { name: 'en.txt', bytes: en },
    });
    expect(response.status).toBe(202);
    const worker = startWorker();
    const pid = worker.pid as number;
    // The child appears before it has been told which processor to load (BullMQ's main.js alone runs in it).
    const children = await waitFor(
      async () => {
        const found = childPids(pid, CHILD_MARK);
        return found.length > 0 ? found : undefined;
      },
      60_000,
      'the worker to fork its child',
    );
    // Killed while the child loads the processor through tsx (a second or more), before the processor's watchdog runs.
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(pid, 'SIGKILL');
    await waitForExit(children, 5000);
  }, 90_000);
});

describe.skipIf(!redisAvailable)('pairs whose jobs ended without the store hearing of it', () => {
  // An in-process worker and no reconciler running: each test decides when to reconcile.
  let service: TestService;
  let queue: Queue<AlignJobData, AlignJobResult>;

  beforeAll(async () => {
    service = await startTestService('stuck', { workers: 1 });
    queue = createAlignQueue(service.config);
  });
  afterAll(async () => {
    await closeWithin(queue);
    await service?.stop();
  });

  // A pair the store calls queued whose job has failed: what a job killed twice, or failing on a full disk on its
  // last attempt, leaves. Here the job fails at once on a payload the processor refuses before it reads the store.
  const makeStuckPair = async (seed: number): Promise<{ pairId: string; files: Parameters<typeof uploadPair>[1] }> => {
    const { fr, en } = makeLargePair(5, seed);
    const { pair } = await service.store.createPair({
      source: { name: 'fr.txt', bytes: new TextEncoder().encode(fr) },
      target: { name: 'en.txt', bytes: new TextEncoder().encode(en) },
      sourceLanguage: 'fr',
      targetLanguage: 'en',
      collection: null,
      symbol: null,
    });
    await queue.add('align', { pairId: '' }, { jobId: alignJobId(pair.id), attempts: 1 });
    await waitFor(
      async () => ((await (await queue.getJob(alignJobId(pair.id)))?.getState()) === 'failed' ? true : undefined),
      30_000,
      'the job to fail',
    );
    expect((await service.store.getPair(pair.id))?.status).toBe('queued');
    return { pairId: pair.id, files: { fr: { name: 'fr.txt', bytes: fr }, en: { name: 'en.txt', bytes: en } } };
  };

  it("fails the pair with the job's reason when reconciled, and a re-upload runs it again", async () => {
    const { pairId, files } = await makeStuckPair(11);
    const result = await reconcilePairs(service.store, queue);
    expect(result.failed).toBe(1);
    const failed = await service.store.getPair(pairId);
    expect(failed?.status).toBe('failed');
    expect(failed?.failureReason).toMatch(/^bad job payload/);
    // A second run finds nothing left to repair.
    expect((await reconcilePairs(service.store, queue)).failed).toBe(0);

    const again = await uploadPair(service, files);
    expect(again.status).toBe(202);
    expect((await waitForPair(service, pairId, 60_000)).status).toBe('done');
  }, 90_000);

  it('runs a stuck pair again on re-upload, before any reconciliation', async () => {
    const { pairId, files } = await makeStuckPair(12);
    const again = await uploadPair(service, files);
    expect(again.status).toBe(200);
    const done = await waitForPair(service, pairId, 60_000);
    expect(done.status, String(done.failureReason)).toBe('done');
    // The store says done as the processor saves; the job completes a moment later.
    await waitForJobState(queue, alignJobId(pairId), 'completed');
  }, 90_000);

  it('puts back the job of an unfinished pair that Redis lost', async () => {
    const { pairId } = await makeStuckPair(13);
    await (await queue.getJob(alignJobId(pairId)))?.remove();
    await reconcilePairs(service.store, queue);
    expect((await waitForPair(service, pairId, 60_000)).status).toBe('done');
  }, 90_000);
});
