/**
 * Hostile and broken requests, sent as raw bytes over a socket (fetch would fix them): each gets a 4xx with a
 * one-line JSON message, never a 5xx or a stack, and nothing is stored.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, startTestService, type TestService } from '../../harness/start-service.js';

const BOUNDARY = 'paralign-test-boundary';

function part(name: string, disposition: string, body: string): string {
  return (
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; ${disposition}\r\n` +
    `Content-Type: text/plain\r\n\r\n${body}\r\n`
  );
}

const FR = part('fr', 'filename="fr.txt"', '1. Le Secrétariat a reçu trois demandes.');
const EN = part('en', 'filename="en.txt"', '1. The Secretariat received three requests.');
const END = `--${BOUNDARY}--\r\n`;
const GOOD = FR + EN + END;

/** A whole POST /v1/pairs request with `body`, its Content-Length right unless `length` says otherwise. */
function post(body: string, contentType = `multipart/form-data; boundary=${BOUNDARY}`, length?: number): string {
  const size = length ?? Buffer.byteLength(body);
  return (
    `POST /v1/pairs HTTP/1.1\r\nHost: test\r\nContent-Type: ${contentType}\r\nContent-Length: ${size}\r\n` +
    `Connection: close\r\n\r\n${body}`
  );
}

interface RawAnswer {
  status: number;
  body: string;
}

// The cases, by what is wrong. A body shorter than its Content-Length never ends: the request timeout answers it.
const CASES: [string, string][] = [
  ['multipart with no boundary', post(GOOD, 'multipart/form-data')],
  ['a body cut before its closing boundary', post(GOOD.slice(0, GOOD.length - 12))],
  ['a body shorter than its Content-Length', post(GOOD.slice(0, 80), undefined, Buffer.byteLength(GOOD))],
  ['a NUL byte in a file name', post(part('fr', 'filename="f\0r.txt"', 'Texte.') + EN + END)],
  ['a NUL byte in an encoded file name', post(part('fr', "filename*=utf-8''f%00r.txt", 'Texte.') + EN + END)],
  ['100,000 characters in a file name', post(part('fr', `filename="${'a'.repeat(100_000)}.txt"`, 'Texte.') + EN + END)],
  ['300 characters in a file name', post(part('fr', `filename="${'é'.repeat(300)}.txt"`, 'Texte.') + EN + END)],
  ['a body that is not multipart at all', post('this is not multipart at all')],
  ['a boundary of 5,000 characters', post(GOOD, `multipart/form-data; boundary=${'b'.repeat(5000)}`)],
  ['bad JSON', post('{"fr": ', 'application/json')],
  ['no Content-Type', post('hello', '')],
  ['an unknown file field', post(part('zz', 'filename="a.txt"', 'x') + END)],
  [
    'a malformed percent-escape in the path',
    'GET /v1/pairs/%E0%A4%A HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n',
  ],
  ['a query of the wrong type', 'GET /v1/pairs?limit=abc HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n'],
  ['a search with no term', 'GET /v1/tm/search?lang=fr HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n'],
];

describe.skipIf(!redisAvailable)('malformed requests', () => {
  let service: TestService;
  let port: number;

  beforeAll(async () => {
    // Raw bodies over a socket: without accounts, so each reaches the parser that must refuse it (with accounts
    // on, an unsigned request is refused with 401 before any parsing).
    service = await startTestService('malformed', { workers: 0, config: { requestTimeoutMs: 1500, auth: 'off' } });
    port = Number(new URL(service.baseUrl).port);
  });
  afterAll(async () => {
    await service?.stop();
  });

  const send = (request: string): Promise<RawAnswer> =>
    new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        // No half-close: a client that sends less than its Content-Length and waits must get its answer too.
        socket.write(request);
      });
      let raw = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (raw += chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
        const head = raw.indexOf('\r\n\r\n');
        resolve({ status, body: head < 0 ? '' : raw.slice(head + 4) });
      });
    });

  it.each(CASES)('answers %s with a 4xx and a one-line message', async (_what, request) => {
    const answer = await send(request);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    // Chunked or not, the JSON object is the one line of the body that starts with "{".
    const json = answer.body.split('\r\n').find((line) => line.startsWith('{')) ?? '';
    const { error } = JSON.parse(json) as { error: { code: string; message: string } };
    expect(error.code).toMatch(/^[A-Z_]+$/);
    expect(error.message).not.toMatch(/\n/);
    expect(error.message.length).toBeLessThan(400);
    expect(answer.body).not.toMatch(/node_modules|\/work\/|at [\w.]+ \(/);
  });

  it('answers 408 within the request timeout when the body stops coming', async () => {
    const started = Date.now();
    const answer = await send(post(GOOD.slice(0, 80), undefined, Buffer.byteLength(GOOD)));
    expect(answer.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stores nothing from any of them', async () => {
    const list = (await (await service.fetch(`/v1/pairs`)).json()) as { total: number };
    expect(list.total).toBe(0);
  });

  it('still accepts a well-formed upload over the same path', async () => {
    const answer = await send(post(GOOD));
    expect(answer.status).toBe(202);
  });
});
