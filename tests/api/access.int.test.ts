/**
 * Accounts through the real service: the full role × route matrix of the access policy (every route of
 * /openapi.json, the review pages, Bull Board, /metrics), collection scopes, the audit trail, sign-in with CSRF,
 * CORS and the laptop mode without authentication.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccessRule, mayAccess } from '../../src/api/access-policy.js';
import { hashPassword } from '../../src/auth/password-hash.js';
import type { Role } from '../../src/auth/roles.js';
import {
  redisAvailable,
  startTestService,
  TEST_ADMIN,
  uploadPair,
  waitForPair,
  type TestService,
} from '../../harness/start-service.js';

const corporaDir = resolve(fileURLToPath(new URL('../../corpora', import.meta.url)));
const corpus = (name: string) => ({
  fr: { name: 'fr.md', bytes: readFileSync(join(corporaDir, name, 'fr.md')) },
  en: { name: 'en.md', bytes: readFileSync(join(corporaDir, name, 'en.md')) },
});
const PAIR_A = corpus('un-note-ctoc-cop-2018');
const PAIR_B = corpus('resolution-preamble');
const PAIR_DELETE = corpus('missing-split-merge');

/** One account of each role, limited to collection A unless the role sees everything; admin comes last. */
const MATRIX_USERS: ReadonlyArray<{ name: string; role: Role; collections?: string[] }> = [
  { name: 'tr-a', role: 'translator', collections: ['A'] },
  { name: 'rev-a', role: 'reviewer', collections: ['A'] },
  { name: 'term', role: 'terminologist' },
  { name: TEST_ADMIN, role: 'admin' },
];

interface Operation {
  method: string;
  path: string;
}

describe.skipIf(!redisAvailable)('accounts, roles and the audit trail', () => {
  let service: TestService;
  const ids = { a: '', b: '', doomed: '' };
  const as = (name: string, path: string, init: RequestInit = {}) =>
    service.fetch(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${service.tokens[name] ?? ''}` },
    });
  const anonymous = (path: string, init: RequestInit = {}) =>
    fetch(`${service.baseUrl}${path}`, { redirect: 'manual', ...init });
  const auditTotal = async (query: string): Promise<number> =>
    ((await (await service.fetch(`/v1/audit?${query}`)).json()) as { total: number }).total;

  beforeAll(async () => {
    service = await startTestService('access', {
      users: [
        ...MATRIX_USERS.filter((user) => user.name !== TEST_ADMIN),
        { name: 'tr-b', role: 'translator', collections: ['B'] },
      ],
    });
    const upload = async (files: typeof PAIR_A, collection: string): Promise<string> => {
      const response = await uploadPair(service, files, {}, { collection });
      expect(response.status).toBe(202);
      const { pairId } = (await response.json()) as { pairId: string };
      expect((await waitForPair(service, pairId)).status).toBe('done');
      return pairId;
    };
    ids.a = await upload(PAIR_A, 'A');
    ids.b = await upload(PAIR_B, 'B');
    ids.doomed = await upload(PAIR_DELETE, 'A');
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
  });

  const operations = async (): Promise<Operation[]> => {
    const openapi = (await (await anonymous('/openapi.json')).json()) as { paths: Record<string, object> };
    const fromOpenApi = Object.entries(openapi.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'post', 'delete', 'put', 'patch'].includes(method))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
    return [
      ...fromOpenApi,
      { method: 'GET', path: '/review' },
      { method: 'GET', path: '/review/{id}' },
      { method: 'GET', path: '/admin/queues' },
      { method: 'GET', path: '/admin/queues/api/queues' },
    ];
  };

  const request = async (operation: Operation): Promise<{ path: string; init: RequestInit }> => {
    const id = operation.method === 'DELETE' ? ids.doomed : ids.a;
    let path = operation.path.replace('{id}', id);
    if (path === '/v1/tm/search') path += `?q=${encodeURIComponent('Conférence')}&lang=fr`;
    if (operation.method !== 'POST') return { path, init: { method: operation.method } };
    if (operation.path.endsWith('/alignment/edits')) {
      // An edit needs the current version: each one that passes makes the next.
      const etag = (await service.fetch(`/v1/pairs/${id}/alignment`)).headers.get('etag') ?? '';
      const body = JSON.stringify([{ op: 'approve', beads: [0] }]);
      return {
        path,
        init: { method: 'POST', body, headers: { 'content-type': 'application/json', 'if-match': etag } },
      };
    }
    const form = new FormData();
    form.append('fr', new Blob([PAIR_A.fr.bytes]), 'fr.md');
    form.append('en', new Blob([PAIR_A.en.bytes]), 'en.md');
    form.append('collection', 'A');
    return { path, init: { method: 'POST', body: form } };
  };

  it('has one policy rule for every route of /openapi.json, and walks the role × route matrix', async () => {
    const walked: string[] = [];
    for (const operation of await operations()) {
      const label = `${operation.method} ${operation.path}`;
      const rule = findAccessRule(operation.method, operation.path.replace('{id}', 'x'));
      expect(rule, label).toBeDefined();
      if (rule === undefined) continue;
      const { path } = await request(operation);
      const without = await anonymous(path, (await request(operation)).init);
      expect(without.status, `${label} without a token`).toBe(rule.access === 'public' ? 200 : 401);
      if (rule.access !== 'public') expect(without.headers.get('www-authenticate'), label).toContain('Bearer');
      const plain = (await request(operation)).init;
      const wrong = await anonymous(path, {
        ...plain,
        headers: { ...(plain.headers as Record<string, string>), Authorization: 'Bearer pa_0_x' },
      });
      if (rule.access !== 'public') expect(wrong.status, `${label} with a wrong token`).toBe(401);
      for (const user of MATRIX_USERS) {
        const response = await as(user.name, path, (await request(operation)).init);
        const allowed = mayAccess(rule, user.role);
        if (allowed) expect([200, 202, 204], `${label} as ${user.role}`).toContain(response.status);
        else expect(response.status, `${label} as ${user.role}`).toBe(403);
        walked.push(`${label} ${user.role} ${response.status}`);
      }
    }
    // The matrix is not empty and covered every role: 20 routes or so, four roles each.
    expect(walked.length).toBeGreaterThan(60);
    expect(walked.filter((line) => line.endsWith(' 403')).length).toBeGreaterThan(10);
  });

  it('keeps a translator of collection A from seeing, exporting, searching or deleting anything of B', async () => {
    const list = (await (await as('tr-a', '/v1/pairs?limit=200')).json()) as {
      items: Array<{ id: string; collection: string }>;
    };
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((pair) => pair.collection === 'A')).toBe(true);
    expect((await (await as('tr-a', '/v1/pairs?collection=B')).json()) as { total: number }).toMatchObject({
      total: 0,
    });
    for (const suffix of ['', '/alignment', '/report', '/export.tmx', '/export.tsv', '/export.xliff'])
      expect((await as('tr-a', `/v1/pairs/${ids.b}${suffix}`)).status, suffix).toBe(404);
    expect((await as('tr-a', `/v1/pairs/${ids.a}/export.tmx`)).status).toBe(200);

    const whole = await (await as('tr-a', '/v1/tm/export.tmx')).text();
    expect(whole).toContain(`${ids.a}:`);
    expect(whole).not.toContain(`${ids.b}:`);
    expect(await (await as('tr-a', '/v1/tm/export.tmx?collection=B')).text()).not.toMatch(/<tu[ >]/);
    const adminWhole = await (await service.fetch('/v1/tm/export.tmx')).text();
    expect(adminWhole).toContain(`${ids.b}:`);

    const search = async (name: string) =>
      (
        (await (await as(name, `/v1/tm/search?q=${encodeURIComponent('Conférence')}&lang=fr&limit=200`)).json()) as {
          items: Array<{ pairId: string }>;
        }
      ).items.map((hit) => hit.pairId);
    expect(await search(TEST_ADMIN)).toContain(ids.b);
    const scoped = await search('tr-a');
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped).not.toContain(ids.b);

    expect((await as('tr-a', `/v1/pairs/${ids.b}`, { method: 'DELETE' })).status).toBe(403);
    const reviewList = await (await as('tr-a', '/review')).text();
    expect(reviewList).toContain(ids.a);
    expect(reviewList).not.toContain(ids.b);
    expect((await as('tr-a', `/review/${ids.b}`)).status).toBe(404);

    // Uploads go to A only; the files of B's pair do not reveal it.
    const toB = await uploadPair(
      { baseUrl: service.baseUrl, authorization: `Bearer ${service.tokens['tr-a']}` },
      PAIR_B,
      {},
      {
        collection: 'B',
      },
    );
    expect(toB.status).toBe(403);
    const again = await uploadPair(
      { baseUrl: service.baseUrl, authorization: `Bearer ${service.tokens['tr-a']}` },
      PAIR_B,
    );
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).not.toContain(ids.b);
    expect((await service.fetch(`/v1/pairs/${ids.b}`)).status).toBe(200);
  });

  it('leaves exactly one audit row for each upload, export, deletion, sign-in and failed sign-in', async () => {
    const once = async (query: string, act: () => Promise<Response>, status: number): Promise<void> => {
      const before = await auditTotal(query);
      expect((await act()).status, query).toBe(status);
      expect(await auditTotal(query), query).toBe(before + 1);
    };
    const trA = { baseUrl: service.baseUrl, authorization: `Bearer ${service.tokens['tr-a']}` };
    await once('action=upload&actor=tr-a', () => uploadPair(trA, PAIR_A), 200);
    await once(`action=export&actor=tr-a&pairId=${ids.a}`, () => as('tr-a', `/v1/pairs/${ids.a}/export.tsv`), 200);
    await once('action=export&actor=term&collection=A', () => as('term', '/v1/tm/export.tmx?collection=A'), 200);
    const doomed = {
      fr: {
        name: 'fr.txt',
        bytes: '1. Le Secrétariat a reçu le texte suivant dans une communication des États parties.\n',
      },
      en: {
        name: 'en.txt',
        bytes: '1. The Secretariat received the following text in a communication from States parties.\n',
      },
    };
    const uploaded = await uploadPair(service, doomed, {}, { collection: 'A' });
    expect(uploaded.status).toBe(202);
    const { pairId } = (await uploaded.json()) as { pairId: string };
    await once(`action=delete&pairId=${pairId}`, () => service.fetch(`/v1/pairs/${pairId}`, { method: 'DELETE' }), 204);
    // Reading is not audited: a list, a pair or a search adds no row.
    const all = await auditTotal('');
    await as('tr-a', '/v1/pairs');
    await as('tr-a', `/v1/pairs/${ids.a}`);
    expect(await auditTotal('')).toBe(all);

    await service.store.setPasswordHash('rev-a', await hashPassword('correct horse battery'));
    const page = await anonymous('/sign-in');
    const csrfCookie = cookieOf(page, 'paralign_csrf');
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const signIn = (password: string) =>
      anonymous('/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
        body: new URLSearchParams({ _csrf: csrfToken, name: 'rev-a', password, next: '/review' }).toString(),
      });
    await once('action=sign-in-failed&actor=rev-a', () => signIn('wrong password!'), 401);
    await once('action=sign-in&actor=rev-a', () => signIn('correct horse battery'), 303);
    const rows = (await (await service.fetch('/v1/audit?actor=rev-a')).json()) as {
      items: Array<{ action: string; address: string | null; at: string }>;
    };
    expect(rows.items[0]).toMatchObject({ action: 'sign-in', address: expect.stringContaining('127.0.0.1') });

    const csv = await (await service.fetch('/v1/audit.csv?actor=rev-a')).text();
    expect(csv.split('\r\n')[0]).toBe('seq,at,actor,action,pairId,collection,detail,address');
    const csvRows = csv.split('\r\n').filter((line) => line !== '');
    expect(csvRows).toHaveLength((await auditTotal('actor=rev-a')) + 1);
    expect(csvRows.at(-1)).toMatch(/^\d+,\d{4}-\d\d-\d\dT[^,]+,rev-a,sign-in,,,,/);
    // Nothing changes or deletes the trail through the API.
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect((await service.fetch('/v1/audit', { method })).status, method).toBe(404);
    expect((await as('term', '/v1/audit')).status).toBe(403);
  }, 120_000);

  it('signs in with a session cookie, checks CSRF and origin, signs out, limits attempts', async () => {
    await service.store.setPasswordHash('tr-a', await hashPassword('a long passphrase'));
    const page = await anonymous('/sign-in?next=/review/' + ids.a);
    expect(page.status).toBe(200);
    const csrfCookie = cookieOf(page, 'paralign_csrf');
    const html = await page.text();
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csrfToken).not.toBe('');
    const post = (fields: Record<string, string>, cookie = csrfCookie) =>
      anonymous('/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await post({ name: 'tr-a', password: 'a long passphrase' })).status).toBe(403);
    const signedIn = await post({
      _csrf: csrfToken,
      name: 'tr-a',
      password: 'a long passphrase',
      next: `/review/${ids.a}`,
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`/review/${ids.a}`);
    const setCookie = signedIn.headers.getSetCookie().find((line) => line.startsWith('paralign_session=')) ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const session = setCookie.split(';')[0] ?? '';

    const reviewPage = await anonymous(`/review/${ids.a}`, { headers: { Cookie: `${session}; ${csrfCookie}` } });
    expect(reviewPage.status).toBe(200);
    const reviewHtml = await reviewPage.text();
    expect(reviewHtml).toContain('action="/sign-out"');
    expect((await anonymous(`/review/${ids.b}`, { headers: { Cookie: session } })).status).toBe(404);
    // The session is the translator's: Bull Board stays closed, and another site cannot make it upload.
    expect((await anonymous('/admin/queues', { headers: { Cookie: session } })).status).toBe(403);
    const crossSite = await anonymous('/v1/pairs', {
      method: 'POST',
      headers: { Cookie: session, 'Sec-Fetch-Site': 'cross-site' },
      body: new FormData(),
    });
    expect(crossSite.status).toBe(403);

    const cookies = [session, ...reviewPage.headers.getSetCookie().map((line) => line.split(';')[0] ?? ''), csrfCookie];
    const pageCsrf = /name="_csrf" value="([^"]+)"/.exec(reviewHtml)?.[1] ?? '';
    const csrfNow = cookies.find((cookie) => cookie.startsWith('paralign_csrf=')) ?? '';
    const signOut = await anonymous('/sign-out', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `${session}; ${csrfNow}` },
      body: new URLSearchParams({ _csrf: pageCsrf }).toString(),
    });
    expect(signOut.status).toBe(303);
    expect((await anonymous('/review', { headers: { Cookie: session } })).status).toBe(401);

    let limited = 0;
    for (let attempt = 0; attempt < 12 && limited === 0; attempt++) {
      const response = await post({ _csrf: csrfToken, name: 'tr-a', password: 'not the one at all' });
      if (response.status === 429) limited = attempt;
      else expect(response.status).toBe(401);
    }
    expect(limited).toBeGreaterThan(0);
  }, 180_000);

  it('sends no CORS header unless the origin is in CORS_ORIGINS', async () => {
    const preflight = (origin: string, target: TestService) =>
      fetch(`${target.baseUrl}/v1/pairs`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    expect((await preflight('https://cat.example', service)).headers.get('access-control-allow-origin')).toBeNull();
    const open = await startTestService('cors', { workers: 0, config: { corsOrigins: ['https://cat.example'] } });
    try {
      const allowed = await preflight('https://cat.example', open);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://cat.example');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization');
      expect((await preflight('https://evil.example', open)).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.stop();
    }
  });

  it('needs no account in the laptop mode (PARALIGN_AUTH=off)', async () => {
    const laptop = await startTestService('laptop', { workers: 0, config: { auth: 'off' } });
    try {
      expect(laptop.authorization).toBe('');
      expect((await fetch(`${laptop.baseUrl}/v1/pairs`)).status).toBe(200);
      expect((await fetch(`${laptop.baseUrl}/v1/audit`)).status).toBe(200);
      expect((await fetch(`${laptop.baseUrl}/admin/queues`)).status).toBe(200);
    } finally {
      await laptop.stop();
    }
  });
});

function cookieOf(response: Response, name: string): string {
  return (
    response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0] ?? '')
      .find((pair) => pair.startsWith(`${name}=`)) ?? ''
  );
}
