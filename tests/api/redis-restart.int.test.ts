/**
 * Redis stopped and restarted under the API (a private redis-server without persistence, the worst case): uploads
 * get a clear 503 while it is down, and every upload it accepted is aligned once it is back.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcilePairs } from '../../src/service/reconcile-pairs.js';
import { pingRedis } from '../../src/queue/ensure-redis.js';
import { startAlignWorker } from '../../workers/start-align-worker.js';
import { startTestService, uploadPair, waitForPair, type TestService } from '../../harness/start-service.js';

const redisServerAvailable = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      await pingRedis(`redis://127.0.0.1:${port}`, 200);
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error('redis-server did not start');
}

async function stopRedis(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

let seq = 0;
function pairFiles(): { fr: { name: string; bytes: string }; en: { name: string; bytes: string } } {
  seq += 1;
  return {
    fr: {
      name: 'fr.txt',
      bytes:
        `1. Le Conseil a examiné le point ${seq} de son ordre du jour.\n` +
        '2. Il a décidé de poursuivre l’examen de la question.\n',
    },
    en: {
      name: 'en.txt',
      bytes:
        `1. The Council considered item ${seq} of its agenda.\n` +
        '2. It decided to continue its consideration of the question.\n',
    },
  };
}

describe.skipIf(!redisServerAvailable)('uploads while Redis stops and restarts', () => {
  let port: number;
  let redis: ChildProcess | undefined;
  let service: TestService;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    service = await startTestService('redis-restart', {
      workers: 0,
      config: { redisUrl: `redis://127.0.0.1:${port}` },
    });
  });
  afterAll(async () => {
    await service?.stop();
    await stopRedis(redis);
  });

  it('answers 503 while Redis is down and loses nothing it accepted', async () => {
    const accepted: string[] = [];
    const first = await uploadPair(service, pairFiles());
    expect(first.status).toBe(202);
    accepted.push(((await first.json()) as { pairId: string }).pairId);

    await stopRedis(redis);
    const started = Date.now();
    const refused = await uploadPair(service, pairFiles());
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('QUEUE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(4000);
    expect((await service.fetch(`/readyz`)).status).toBe(503);
    expect(((await (await service.fetch(`/v1/pairs`)).json()) as { total: number }).total).toBe(1);

    // Back, empty: the job of the first upload is gone from Redis, not from the store.
    redis = await startRedis(port);
    const files = pairFiles();
    let second: Response | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      second = await uploadPair(service, files);
      if (second.status !== 503) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(second?.status).toBe(202);
    accepted.push(((await second?.json()) as { pairId: string }).pairId);
    // The reconciler (run at start and periodically) puts back the job Redis lost; the second pair has its own.
    expect(await reconcilePairs(service.store, service.queue)).toEqual({ checked: 2, failed: 0, rerun: 1 });

    const worker = startAlignWorker(service.config, pino({ level: 'silent' }));
    try {
      for (const id of accepted) expect((await waitForPair(service, id, 30_000)).status).toBe('done');
    } finally {
      await worker.close();
    }
  }, 60_000);
});
