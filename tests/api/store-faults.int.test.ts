/**
 * A SQLite store on a small file system made by the test (a tmpfs, root only): filled to the brim, then seen
 * through a read-only bind mount. Uploads get 507 and 503 with a one-line localised message instead of a 500, /readyz
 * says the store is
 * unwritable, and nothing half-written remains. Skips with a one-line message where it cannot mount.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/create-app.js';
import { createApiMetrics } from '../../src/api/metrics.js';
import { openSqliteStore } from '../../src/storage/sqlite/open-sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { makeLargePair } from '../../harness/make-large-pair.js';
import { redisAvailable, startTestService, uploadPair, type TestService } from '../../harness/start-service.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'paralign-small-disk-'));
// 8 MiB: room for the store and a few pairs, small enough to fill in a moment.
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]).status === 0;
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
  const upload = (seed: number, language = 'en'): Promise<Response> => {
    // About 700 kB a side: more than the full disk has left, far less than the empty one.
    const { fr, en } = makeLargePair(2500, seed);
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
        metrics: createApiMetrics(service.queue, service.config),
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
});

// Makes the bind mount read-only and opens the store through it.
function remountReadOnly(dir: string): Store | undefined {
  if (spawnSync('mount', ['-o', 'remount,bind,ro', dir]).status !== 0) return undefined;
  return openSqliteStore({ path: join(dir, 'store.sqlite') });
}
