/**
 * Workers against the real Redis and store: bad input fails at once without retry; a worker killed with SIGKILL in
 * the middle of a large job leaves it to another worker, and the pair ends with exactly one set of segments; a pair
 * is aligned with the newest store lexicon learned from the pairs aligned before it, and records which sample that
 * was; each sample's lexicon is learned by one worker only, however many ask for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Queue } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alignJobId,
  closeWithin,
  createAlignQueue,
  type AlignJobData,
  type AlignJobResult,
} from '../../src/queue/align-queue.js';
import { configToEnv } from '../../src/queue/config-env.js';
import { enqueueAlignment } from '../../src/queue/enqueue-alignment.js';
import {
  createLexiconQueue,
  LEARN_LEXICON_JOB,
  type LearnLexiconJobResult,
} from '../../src/queue/enqueue-lexicon-learning.js';
import { alignDocumentPair } from '../../src/pipeline/align-document-pair.js';
import { readDocumentPair } from '../../src/pipeline/read-document-pair.js';
import { requestLexiconLearning, trainingRequest } from '../../src/service/store-lexicon-learning.js';
import { startAlignWorker } from '../../workers/start-align-worker.js';
import {
  redisAvailable,
  startTestService,
  uploadPair,
  waitForJobState,
  waitForPair,
  type TestService,
} from '../../harness/start-service.js';
import { makeLargePair } from '../../harness/make-large-pair.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!redisAvailable)('alignment workers', () => {
  let service: TestService;
  let queue: Queue<AlignJobData, AlignJobResult>;

  beforeAll(async () => {
    // No in-process worker: each test decides which workers run.
    service = await startTestService('workers', { workers: 0, config: { workerLockMs: 2000, workerConcurrency: 1 } });
    queue = createAlignQueue(service.config);
  });
  afterAll(async () => {
    await closeWithin(queue);
    await service?.stop();
  });

  it('fails a stored pair with unusable text at once, with the reason, and never retries it', async () => {
    const worker = startAlignWorker(service.config, pino({ level: 'silent' }));
    try {
      // Different bytes, same text once parsed: the upload refuses such a pair now (422), so it is stored directly,
      // as a pair stored before the upload checked it would be; the worker runs the same checks and refuses it.
      const { pair: stored } = await service.store.createPair({
        source: { name: 'fr.txt', bytes: new TextEncoder().encode('1. Le même texte dans les deux fichiers.\n') },
        target: { name: 'en.txt', bytes: new TextEncoder().encode('1. Le même texte dans les deux fichiers.\n\n\n') },
        sourceLanguage: 'fr',
        targetLanguage: 'en',
      });
      const pairId = stored.id;
      await enqueueAlignment(queue, pairId);
      const pair = await waitForPair(service, pairId, 30_000);
      expect(pair.status).toBe('failed');
      expect(pair.failureReason).toBe('SAME_TEXT: en.txt: has the same text as fr.txt; give the two language versions');
      await waitForJobState(queue, alignJobId(pairId), 'failed');
      const job = await queue.getJob(alignJobId(pairId));
      expect(job?.attemptsMade).toBe(1);
      const tmx = await service.fetch(`/v1/pairs/${pairId}/export.tmx`, {
        headers: { 'Accept-Language': 'fr' },
      });
      expect(tmx.status).toBe(409);
      expect(((await tmx.json()) as { error: { message: string } }).error.message).toMatch(
        /^La paire .* a échoué : SAME_TEXT: en\.txt: has the same text as fr\.txt/,
      );
    } finally {
      await worker.close();
    }
  });

  it('segments the text the upload read and stored with a pair, without reading its files again', async () => {
    const worker = startAlignWorker(service.config, pino({ level: 'silent' }));
    try {
      // Bytes no reader accepts: aligned only if the worker keeps to the stored text. Spanish, so that this pair
      // joins no French-English sample of the store.
      const { pair: stored } = await service.store.createPair({
        source: { name: 'es.bin', bytes: Uint8Array.of(0, 1, 2, 3, 0xfe) },
        target: { name: 'en.bin', bytes: Uint8Array.of(0, 1, 2, 3, 0xff) },
        sourceLanguage: 'es',
        targetLanguage: 'en',
        extracted: {
          source: { text: '1. La Comisión aprobó el informe.\n\n2. Se levantó la sesión.\n', format: 'text' },
          target: { text: '1. The Commission adopted the report.\n\n2. The meeting rose.\n', format: 'text' },
        },
      });
      await enqueueAlignment(queue, stored.id);
      expect((await waitForPair(service, stored.id, 30_000)).status).toBe('done');
      const alignment = await service.store.loadAlignment(stored.id);
      expect(alignment?.source.sentences.map((sentence) => sentence.text)).toEqual([
        'La Comisión aprobó el informe.',
        'Se levantó la sesión.',
      ]);
      expect(alignment?.sentences.map((bead) => [bead.source, bead.target])).toEqual([
        [[0], [0]],
        [[1], [1]],
      ]);
    } finally {
      await worker.close();
    }
  });

  it('finishes a large job on another worker after its own is killed with SIGKILL, one set of segments', async () => {
    const { fr, en } = makeLargePair(5000, 1);
    const response = await uploadPair(service, {
      fr: { name: 'fr.txt', bytes: fr },
      en: { name: 'en.txt', bytes: en },
    });
    expect(response.status).toBe(202);
    const { pairId } = (await response.json()) as { pairId: string };

    // Worker A: `npm run worker`, in its own process group so that kill -9 reaches npm, node and the sandboxed child.
    const first: ChildProcess = spawn('npm', ['run', '--silent', 'worker'], {
      cwd: repoRoot,
      env: { ...process.env, ...configToEnv(service.config) },
      detached: true,
      stdio: 'ignore',
    });
    let killed = false;
    try {
      const busy = await waitFor(
        async () => {
          const pair = await service.store.getPair(pairId);
          return pair !== null && (pair.status === 'parsing' || pair.status === 'aligning') ? pair : undefined;
        },
        30_000,
        'worker A to start the job',
      );
      expect(busy.status).not.toBe('done');
      process.kill(-(first.pid as number), 'SIGKILL');
      killed = true;

      const second = startAlignWorker(service.config, pino({ level: 'silent' }));
      try {
        const done = await waitForPair(service, pairId, 90_000);
        expect(done.status, String(done.failureReason)).toBe('done');
      } finally {
        await second.close();
      }
    } finally {
      // first.pid is set: spawn succeeded or the waits above would have failed first.
      if (!killed) process.kill(-(first.pid as number), 'SIGKILL');
    }

    const job = await queue.getJob(alignJobId(pairId));
    expect(await job?.getState()).toBe('completed');
    // Started by worker A, taken over by worker B once A's lock expired: two starts, one completion.
    expect(job?.attemptsStarted).toBeGreaterThanOrEqual(2);
    // The finishing worker's own count of beads is what the store must hold, once.
    const expected = job?.returnvalue?.sentenceBeads ?? 0;
    expect(expected).toBeGreaterThanOrEqual(15_000);
    const pair = await service.store.getPair(pairId);
    expect(pair?.counts?.sentenceBeads).toBe(expected);

    // Exactly one set of segments: every bead index once, as many as the counts say.
    let segments = 0;
    const indices = new Set<number>();
    for (let offset = 0; ; offset += 1000) {
      const page = await service.store.getAlignment(pairId, { limit: 1000, offset });
      expect(page).not.toBeNull();
      if (page === null) break;
      expect(page.total).toBe(pair?.counts?.blockBeads);
      for (const block of page.items)
        for (const segment of block.segments) {
          segments += 1;
          indices.add(segment.index);
        }
      if (offset + 1000 >= page.total) break;
    }
    expect(segments).toBe(expected);
    expect(indices.size).toBe(expected);
    const unitIndices: number[] = [];
    for await (const unit of service.store.streamUnits({ pairId })) unitIndices.push(unit.index);
    expect(unitIndices.length).toBeGreaterThan(0);
    expect(unitIndices.length).toBeLessThanOrEqual(expected);
    expect(new Set(unitIndices).size).toBe(unitIndices.length);
  }, 150_000);

  it('finishes the job in hand on SIGTERM, then exits 0', async () => {
    const { fr, en } = makeLargePair(2000, 2);
    const response = await uploadPair(service, {
      fr: { name: 'fr.txt', bytes: fr },
      en: { name: 'en.txt', bytes: en },
    });
    const { pairId } = (await response.json()) as { pairId: string };
    // Node itself, not npm: the signal must reach the worker process only, as `docker stop` sends it to PID 1.
    const worker = spawn(process.execPath, ['--import', 'tsx', 'workers/align-worker.ts'], {
      cwd: repoRoot,
      env: { ...process.env, ...configToEnv(service.config) },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    try {
      await waitFor(
        async () => {
          const pair = await service.store.getPair(pairId);
          return pair !== null && (pair.status === 'parsing' || pair.status === 'aligning') ? pair : undefined;
        },
        30_000,
        'the worker to start the job',
      );
      worker.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (worker.exitCode === null) worker.kill('SIGKILL');
    }
    expect((await service.store.getPair(pairId))?.status).toBe('done');
    const job = await queue.getJob(alignJobId(pairId));
    expect(job?.attemptsStarted).toBe(1);
    // The sandboxed processor reported its last stage through the parent worker.
    expect(job?.progress).toEqual({ stage: 'done', percent: 100 });
  }, 60_000);
});

describe.skipIf(!redisAvailable)('alignment workers training on the store', () => {
  // A service of its own: the first pair must meet an empty store.
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService('lexicon', { workers: 1 });
  });
  afterAll(async () => {
    await service?.stop();
  });

  const alignCorpusPair = async (name: string): Promise<{ id: string; lexiconVersion: unknown }> => {
    const read = (language: string): Buffer =>
      readFileSync(new URL(`../../corpora/${name}/${language}.md`, import.meta.url));
    const response = await uploadPair(service, {
      fr: { name: 'fr.md', bytes: read('fr') },
      en: { name: 'en.md', bytes: read('en') },
    });
    expect(response.status).toBe(202);
    const { pairId } = (await response.json()) as { pairId: string };
    const pair = await waitForPair(service, pairId, 60_000);
    expect(pair.status, String(pair.failureReason)).toBe('done');
    return { id: pairId, lexiconVersion: pair.lexiconVersion };
  };

  it("aligns the first pair without a store sample and the next one with the first pair's segments", async () => {
    const first = await alignCorpusPair('un-note-ctoc-cop-2018');
    expect(first.lexiconVersion).toBe('none');
    const { lexiconUnits, lexiconMinConfidence } = service.config;
    const offered = await service.store.sampleTrainingPairs({
      sourceLanguage: 'fr',
      targetLanguage: 'en',
      minConfidence: lexiconMinConfidence,
      limit: lexiconUnits,
    });
    expect(offered.pairs.length).toBeGreaterThan(0);
    // Learning runs beside the alignments, which never wait for it: the second pair uses the first pair's sample
    // once its lexicon is stored.
    await expect
      .poll(async () => (await service.store.getNewestStoreLexicon('fr', 'en'))?.version, { timeout: 15_000 })
      .toBe(offered.version);

    const second = await alignCorpusPair('resolution-preamble');
    expect(second.lexiconVersion).toMatch(/^\d+@\d+-[0-9a-f]{12}$/);
    // Exactly the first pair's sample: the version names it, and the store answers it again for the second pair.
    expect(second.lexiconVersion).toBe(offered.version);
    const again = await service.store.sampleTrainingPairs({
      sourceLanguage: 'fr',
      targetLanguage: 'en',
      minConfidence: lexiconMinConfidence,
      limit: lexiconUnits,
      excludePairId: second.id,
    });
    expect(again).toEqual(offered);
  }, 150_000);
});

describe.skipIf(!redisAvailable)('alignment workers sharing store lexicons', () => {
  let service: TestService;

  beforeAll(async () => {
    // The workers are started by the test, once the store holds a sample nobody has learned.
    service = await startTestService('lexicon-once', { workers: 0 });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('learns a sample once when two workers ask for it at the same time', async () => {
    const { fr, en } = makeLargePair(150, 31);
    const source = { name: 'fr.txt', bytes: new TextEncoder().encode(fr), language: 'fr' as const };
    const target = { name: 'en.txt', bytes: new TextEncoder().encode(en), language: 'en' as const };
    const { alignment, report } = alignDocumentPair(await readDocumentPair(source, target));
    const { pair } = await service.store.createPair({ source, target, sourceLanguage: 'fr', targetLanguage: 'en' });
    await service.store.saveAlignment(pair.id, alignment, report, { lexiconVersion: 'none' });
    const direction = { sourceLanguage: 'fr', targetLanguage: 'en' } as const;
    const sample = await service.store.sampleTrainingPairs(trainingRequest(service.config, direction));
    expect(await service.store.getNewestStoreLexicon('fr', 'en')).toBeNull();

    const lexiconQueue = createLexiconQueue(service.config);
    const workers = [0, 1].map(() => startAlignWorker(service.config, pino({ level: 'silent' })));
    try {
      // Two workers that saved a pair each at the same moment: both see no lexicon of the new sample, both ask.
      const asked = await Promise.all(
        [0, 1].map(() => requestLexiconLearning(service.store, lexiconQueue, service.config, direction)),
      );
      expect(asked).toEqual([true, true]);
      await expect
        .poll(async () => (await service.store.getNewestStoreLexicon('fr', 'en'))?.version, { timeout: 15_000 })
        .toBe(sample.version);
      await expect.poll(() => service.queue.getActiveCount(), { timeout: 15_000 }).toBe(0);
      const jobs = (await service.queue.getJobs(['completed', 'failed', 'waiting', 'active'])).filter(
        (job) => job.name === LEARN_LEXICON_JOB,
      );
      expect(jobs.map((job) => job.returnvalue as unknown as LearnLexiconJobResult)).toEqual([
        { version: sample.version, learned: true, stored: true },
      ]);
      const stored = await service.store.getNewestStoreLexicon('fr', 'en', true);
      expect(stored?.lexiconJson).toEqual(expect.any(String));
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await closeWithin(lexiconQueue);
    }
  }, 60_000);
});
