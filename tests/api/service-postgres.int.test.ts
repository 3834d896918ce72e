/** The same service over HTTP with the PostgreSQL store (the scale-out set-up), its sandboxed worker included. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  redisAvailable,
  startTestService,
  uploadPair,
  waitForPair,
  type TestService,
} from '../../harness/start-service.js';

// The machine's PostgreSQL (trust auth, database `test`); .ci/run starts it when it is not up.
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `paralign_api_test_${process.pid}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
const postgresAvailable: boolean = await admin.query('select 1').then(
  () => true,
  () => false,
);

const corpus = (name: string, file: string): { name: string; bytes: Uint8Array } => ({
  name: file,
  bytes: readFileSync(new URL(`../../corpora/${name}/${file}`, import.meta.url)),
});

describe.skipIf(!redisAvailable || !postgresAvailable)('alignment service over HTTP with PostgreSQL', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService('api-pg', { config: { databaseUrl: DATABASE_URL, databaseSchema: schema } });
  });
  afterAll(async () => {
    await service?.stop();
    if (postgresAvailable) await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  });

  it('aligns an upload in a worker on the same PostgreSQL schema, dedupes, exports and deletes it', async () => {
    expect(service.store.kind).toBe('postgres');
    const files = { fr: corpus('report-structure', 'fr.txt'), en: corpus('report-structure', 'en.txt') };
    const response = await uploadPair(service, files);
    expect(response.status).toBe(202);
    const { pairId } = (await response.json()) as { pairId: string };
    const pair = await waitForPair(service, pairId);
    expect(pair.status, String(pair.failureReason)).toBe('done');

    const again = await uploadPair(service, files);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { pairId: string }).pairId).toBe(pairId);

    const tmx = await (await service.fetch(`/v1/tm/export.tmx`)).text();
    expect(tmx.match(/<tu[ >]/g)?.length ?? 0).toBeGreaterThan(10);
    const { rows } = await admin.query<{ count: string }>(`select count(*) from "${schema}".segments`);
    expect(Number(rows[0]?.count)).toBeGreaterThan(10);

    expect((await service.fetch(`/v1/pairs/${pairId}`, { method: 'DELETE' })).status).toBe(204);
    const after = await admin.query<{ count: string }>(`select count(*) from "${schema}".segments`);
    expect(Number(after.rows[0]?.count)).toBe(0);
  });
});
