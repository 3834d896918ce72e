import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authenticatePassword, authenticateToken } from '../../src/auth/authenticate.js';
import { openStore } from '../../src/storage/open-store.js';

const repo = resolve(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'paralign.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'paralign-users-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function paralign(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  // A store of its own: DATA_DIR only, whatever the environment the tests run in names.
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SQLITE_PATH: '' };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', env, input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function withStore<T>(run: (store: ReturnType<typeof openStore>) => Promise<T>): Promise<T> {
  const store = openStore({ sqlitePath: join(dataDir, 'paralign.sqlite') });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

describe('paralign users', () => {
  it('adds a user and prints a working token alone on the last line; lists, sets a password, revokes', async () => {
    const added = paralign(['users', 'add', 'amina', '--role', 'translator', '--collections', 'GA,CTOC']);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const token = added.stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(token).toMatch(/^pa_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(added.stdout.split('\n').slice(0, -2).join('\n')).not.toContain(token);
    expect(await withStore((store) => authenticateToken(store, token))).toMatchObject({
      name: 'amina',
      role: 'translator',
      collections: ['CTOC', 'GA'],
    });
    expect(await withStore((store) => authenticateToken(store, `${token.slice(0, -1)}x`))).toBeNull();

    expect(paralign(['users', 'add', 'amina', '--role', 'admin'])).toMatchObject({ status: 2 });
    const badRole = paralign(['users', 'add', 'omar', '--role', 'boss']);
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('role must be one of translator, reviewer, terminologist, admin');

    expect(paralign(['users', 'set-password', 'amina'], 'short\n')).toMatchObject({ status: 2 });
    expect(paralign(['users', 'set-password', 'amina'], 'a long passphrase\nignored\n').status).toBe(0);
    expect((await withStore((store) => authenticatePassword(store, 'amina', 'a long passphrase')))?.name).toBe('amina');

    const list = paralign(['users', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^amina\ttranslator\tCTOC,GA\tpassword\t\S+\tactive$/m);
    expect(list.stdout).not.toContain(token);

    expect(paralign(['users', 'revoke', 'amina']).status).toBe(0);
    expect(await withStore((store) => authenticateToken(store, token))).toBeNull();
    expect(paralign(['users', 'revoke', 'amina']).status).toBe(2);
    const actions = await withStore(async (store) =>
      (await store.listAudit({ actor: 'cli' }, { limit: 10, offset: 0 })).items.map((row) => row.action),
    );
    expect(actions).toEqual(['user-revoke', 'password-set', 'user-add']);
  }, 600_000);
});
