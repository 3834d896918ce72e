import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { authenticateToken } from '../../src/auth/authenticate.js';
import { ensureFirstAdmin } from '../../src/auth/ensure-first-admin.js';
import { openStore } from '../../src/storage/open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'paralign-first-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('first start', () => {
  it('creates the admin once, logs its token once with how to add users, and the token works', async () => {
    const lines: string[] = [];
    const logger = pino(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    const store = openStore({ sqlitePath: join(dir, 'store.sqlite') });
    await store.migrate();
    try {
      const token = await ensureFirstAdmin(store, logger);
      expect(token).toMatch(/^pa_/);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(token ?? 'no token');
      expect(lines[0]).toContain('npx paralign users add NAME --role');
      expect(await authenticateToken(store, token ?? '')).toMatchObject({
        name: 'admin',
        role: 'admin',
        collections: null,
      });
      expect(await ensureFirstAdmin(store, logger)).toBeNull();
      expect(lines).toHaveLength(1);
      expect((await store.listAudit({ action: 'user-add' }, { limit: 10, offset: 0 })).total).toBe(1);
    } finally {
      await store.close();
    }
  });
});
