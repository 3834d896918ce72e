/**
 * Headers and limits over HTTP: security headers and no X-Powered-By on every kind of answer (Bull Board's included),
 * no remote asset in the dashboard, no stack trace or server path from its job API, 429 with Retry-After past the
 * upload and export limits (the 408 of a body that never ends: malformed-requests.int.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignJobId } from '../../src/queue/align-queue.js';
import {
  redisAvailable,
  startTestService,
  uploadPair,
  waitForJobState,
  type TestService,
} from '../../harness/start-service.js';

describe.skipIf(!redisAvailable)('security headers and limits', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService('security', {
      workers: 1,
      config: { uploadsPerMinute: 2, exportsPerMinute: 2, requestTimeoutMs: 1000 },
    });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it.each([
    ['/healthz'],
    ['/v1/pairs'],
    ['/v1/pairs/no-such-pair'],
    ['/openapi.json'],
    ['/review'],
    ['/admin/queues'],
    ['/admin/queues/api/queues'],
  ])('sends security headers and no X-Powered-By on %s', async (path) => {
    const response = await service.fetch(`${path}`);
    await response.arrayBuffer();
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('content-security-policy')).not.toMatch(/https?:/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves the dashboard without remote fonts, styles or scripts', async () => {
    const html = await (await service.fetch(`/admin/queues`)).text();
    expect(html).toMatch(/<script defer src="static\/js\//);
    expect(html).not.toMatch(/(?:href|src)="(?:https?:)?\/\//);
  });

  it("keeps stack traces and server paths out of the dashboard's job API", async () => {
    // A job that fails in the sandboxed processor: BullMQ keeps its stack trace, with this machine's paths.
    const jobId = alignJobId('no-such-pair-security');
    await service.queue.add('align', { pairId: '' }, { jobId, attempts: 1 });
    // The first job forks the sandboxed child, which loads TypeScript: slow on a busy machine.
    await waitForJobState(service.queue, jobId, 'failed', 60_000);
    const job = await service.queue.getJob(jobId);
    expect((job?.stacktrace ?? []).join('\n')).toMatch(/\/workers\/processors\//);

    for (const path of [
      '/admin/queues/api/queues?activeQueue=align&status=failed&page=1&jobsPerPage=10',
      `/admin/queues/api/queues/align/${jobId}`,
    ]) {
      const response = await service.fetch(`${path}`);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toContain('bad job payload');
      expect(body).not.toMatch(/stacktrace|node_modules|\/workers\/processors\/|at [\w.<>]+ \(/);
    }
  }, 90_000);

  it('answers uploads past the limit with 429, Retry-After and a one-line message', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await uploadPair(service, {}, { 'Accept-Language': 'fr' });
      statuses.push(last.status);
    }
    // The first two are refused for what they are (no files); the third is not even read.
    expect(statuses).toEqual([400, 400, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    const { error } = (await last?.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/^Trop de requêtes .* réessayez dans \d+ s\.$/);
    // Other routes are not limited.
    expect((await service.fetch(`/v1/pairs`)).status).toBe(200);
  });

  it('answers exports past the limit with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await service.fetch(`/v1/tm/export.tmx`);
      await response.arrayBuffer();
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});
