/**
 * A SQLite store on a small file system made by the test (a tmpfs, root only): filled to the brim, then seen
 * through a read-only bind mount. Uploads get 507 and 503 with a one-line localised message instead of a 500, /readyz
 * says the store is unwritable, and nothing half-written remains. A disk that fills while jobs run leaves no pair
 * stuck: once there is room the reconciler fails them with their reason, and a re-upload aligns again. Skips with a
 * one-line message where it cannot mount.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/create-app.js';
import { createApiMetrics } from '../../src/api/metrics.js';
import { followPairChanges } from '../../src/api/pair-changes.js';
import { alignJobId } from '../../src/queue/align-queue.js';
import { reconcilePairs } from '../../src/service/reconcile-pairs.js';
import { openSqliteStore } from '../../src/storage/sqlite/open-sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { makeLargePair } from '../../harness/make-large-pair.js';
import {
  redisAvailable,
  startTestService,
  uploadPair,
  waitForPair,
  type TestService,
} from '../../harness/start-service.js';
import { startAlignWorker } from '../../workers/start-align-worker.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'paralign-small-disk-'));
// 16 MiB: room for the store and a few pairs (each file stored with the text read from it, so about twice its size,
// and the write-ahead log), small enough to fill in a moment.
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint]).status === 0;
if (!mounted) {
  rmSync(mountPoint, { recursive: true, force: true });
  process.stderr.write('store-faults: skipped, cannot mount a small tmpfs here (needs root)\n');
}

describe.skipIf(!redisAvailable || !mounted)('store faults', () => {
  let service: TestService;
  const filler = join(mountPoint, 'filler');

  beforeAll(async () => {
    service = await startTestService('store-faults', {
      workers: 0,
      config: { dataDir: mountPoint, sqlitePath: join(mountPoint, 'store.sqlite') },
    });
  });
  afterAll(async () => {
    rmSync(filler, { force: true });
    await service?.stop();
    spawnSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  const pairTotal = async (): Promise<number> =>
    ((await (await service.fetch(`/v1/pairs`)).json()) as { total: number }).total;
  const readiness = async (): Promise<{ status: number; body: { checks: Record<string, { ok: boolean }> } }> => {
    const response = await service.fetch(`/readyz`, { headers: { 'Accept-Language': 'fr' } });
    return { status: response.status, body: (await response.json()) as { checks: Record<string, { ok: boolean }> } };
  };
  const upload = (seed: number, language = 'en', paragraphs = 2500): Promise<Response> => {
    // About 700 kB a side by default: more than the full disk has left, far less than the empty one.
    const { fr, en } = makeLargePair(paragraphs, seed);
    return uploadPair(
      service,
      { fr: { name: 'fr.txt', bytes: fr }, en: { name: 'en.txt', bytes: en } },
      { 'Accept-Language': language },
    );
  };

  it('accepts an upload while there is room', async () => {
    expect((await upload(1)).status).toBe(202);
    expect(await pairTotal()).toBe(1);
    expect((await readiness()).status).toBe(200);
  });

  it('answers 507 on a full disk, stores nothing and says so on /readyz', async () => {
    // Fill all but about 200 kB: `df` counts in 1 KiB blocks.
    const df = spawnSync('df', ['--output=avail', '-k', mountPoint]).stdout.toString().trim().split('\n');
    const freeKiB = Number(df.at(-1));
    writeFileSync(filler, Buffer.alloc(Math.max(0, freeKiB - 200) * 1024));

    const response = await upload(2, 'fr');
    expect(response.status).toBe(507);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('STORE_FULL');
    expect(error.message).toMatch(/^La base des segments n’a plus d’espace/);
    expect(error.message).not.toMatch(/\n|rollback/);
    expect(await pairTotal()).toBe(1);

    const ready = await readiness();
    expect(ready.status).toBe(503);
    expect(ready.body.checks.storeWritable?.ok).toBe(false);
    expect(ready.body.checks.store?.ok).toBe(true);

    // Room again: the same upload goes through whole.
    rmSync(filler);
    expect((await upload(2)).status).toBe(202);
    expect(await pairTotal()).toBe(2);
    expect((await readiness()).status).toBe(200);
  }, 60_000);

  it('answers 503 from a read-only store file, and says so on /readyz', async () => {
    // The same store file seen through a read-only bind mount (the live mount cannot be remounted read-only while
    // the service holds its files open), served by a second app.
    const readOnlyDir = mkdtempSync(join(tmpdir(), 'paralign-read-only-'));
    const bind = spawnSync('mount', ['--bind', mountPoint, readOnlyDir]).status === 0;
    const store = bind ? remountReadOnly(readOnlyDir) : undefined;
    try {
      expect(store).toBeDefined();
      if (store === undefined) return;
      const app = createApp({
        store,
        queue: service.queue,
        // Without accounts: this app is about the read-only store, and signing in would need to write a session.
        config: { ...service.config, auth: 'off' },
        logger: pino({ level: 'silent' }),
        metrics: createApiMetrics(service.queue),
        pairChanges: followPairChanges(),
      });
      const server = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', () => resolve()));
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const { fr, en } = makeLargePair(20, 3);
        const response = await uploadPair(
          baseUrl,
          { fr: { name: 'fr.txt', bytes: fr }, en: { name: 'en.txt', bytes: en } },
          { 'Accept-Language': 'fr' },
        );
        expect(response.status).toBe(503);
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        expect(error.code).toBe('STORE_READ_ONLY');
        expect(error.message).toMatch(/^La base des segments ne peut pas être écrite/);
        // Reading still works there.
        expect((await fetch(`${baseUrl}/v1/pairs`)).status).toBe(200);
        const ready = await fetch(`${baseUrl}/readyz`);
        expect(ready.status).toBe(503);
        const body = (await ready.json()) as { checks: Record<string, { ok: boolean; message?: string }> };
        expect(body.checks.store?.ok).toBe(true);
        expect(body.checks.storeWritable?.ok).toBe(false);
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    } finally {
      await store?.close();
      // Lazy: the closed store's file may still be released a moment later.
      if (bind) spawnSync('umount', ['-l', readOnlyDir]);
      rmSync(readOnlyDir, { recursive: true, force: true });
    }
    expect(await pairTotal()).toBe(2);
  }, 60_000);

  it('fails the jobs a full disk stopped once there is room, and aligns them again on re-upload', async () => {
    const small = await upload(4, 'en', 20);
    expect(small.status).toBe(202);
    const smallId = ((await small.json()) as { pairId: string }).pairId;
    // SQLite writes into the space its write-ahead log already holds (megabytes, after the large uploads), so a
    // small job could still be saved on a full disk: the log is checkpointed and cut back first, and then every write
    // needs the disk.
    const direct = new BetterSqlite3(join(mountPoint, 'store.sqlite'));
    direct.pragma('wal_checkpoint(TRUNCATE)');
    direct.close();
    fillToTheBrim(filler);
    const worker = startAlignWorker(service.config, pino({ level: 'silent' }));
    try {
      // Every attempt of every queued job meets the full disk; BullMQ gives up after its retries.
      const unfinished = (await (await service.fetch('/v1/pairs')).json()) as { items: { id: string }[] };
      const ids = unfinished.items.map((pair) => pair.id);
      expect(ids).toHaveLength(3);
      await waitUntil(async () => {
        const states = await Promise.all(
          ids.map(async (id) => (await service.queue.getJob(alignJobId(id)))?.getState()),
        );
        return states.every((state) => state === 'failed');
      }, 110_000);
      // The store could not hear of it: the pairs still look queued.
      expect((await service.store.getPair(smallId))?.status).not.toBe('failed');

      rmSync(filler);
      expect(await reconcilePairs(service.store, service.queue)).toMatchObject({ checked: 3, failed: 3 });
      const failed = await service.store.getPair(smallId);
      expect(failed?.status).toBe('failed');
      expect(failed?.failureReason).toMatch(/full|disk|space/i);
      expect(failed?.failureReason).not.toMatch(/\n/);

      // Uploading the same pair again is the way to retry it.
      const again = await upload(4, 'en', 20);
      expect(again.status).toBe(202);
      expect(((await again.json()) as { pairId: string }).pairId).toBe(smallId);
      expect((await waitForPair(service, smallId, 60_000)).status).toBe('done');
    } finally {
      rmSync(filler, { force: true });
      await worker.close();
    }
  }, 180_000);
});

// Makes the bind mount read-only and opens the store through it.
function remountReadOnly(dir: string): Store | undefined {
  if (spawnSync('mount', ['-o', 'remount,bind,ro', dir]).status !== 0) return undefined;
  return openSqliteStore({ path: join(dir, 'store.sqlite') });
}

// Writes `path` until the file system has no byte left (ENOSPC).
function fillToTheBrim(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // The last partial chunk: whatever single bytes still fit.
  const last = openSync(path, 'a');
  try {
    for (;;) writeSync(last, chunk, 0, 1);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(last);
  }
}

async function waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
