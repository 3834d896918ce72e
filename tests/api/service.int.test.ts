/**
 * End to end over HTTP against the real Redis and a real SQLite store, with a real sandboxed worker: every corpora/
 * pair is uploaded, aligned, exported and checked against the DTD and against the CLI's report.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatParityReportText } from '../../src/core/qa/format-report-text.js';
import { loadPair } from '../../src/cli/load-document.js';
import { alignDocumentPair } from '../../src/pipeline/align-document-pair.js';
import {
  redisAvailable,
  startTestService,
  uploadPair,
  waitForPair,
  type TestService,
} from '../../harness/start-service.js';
import { haveSharedData } from '../../harness/shared-data.js';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const corporaDir = join(repoRoot, 'corpora');
const dtdPath = resolve(repoRoot, '../shared/formats/tmx14.dtd');
const haveDtd = haveSharedData('the service TMX validity tests', [dtdPath]);
const xmllintAvailable = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;

interface CorpusPair {
  name: string;
  fr: string;
  en: string;
}

const corpusPairs: CorpusPair[] = readdirSync(corporaDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const files = readdirSync(join(corporaDir, entry.name));
    const fr = files.find((file) => /^fr\.[a-z]+$/.test(file));
    const en = files.find((file) => /^en\.[a-z]+$/.test(file));
    return fr !== undefined && en !== undefined
      ? [{ name: entry.name, fr: join(corporaDir, entry.name, fr), en: join(corporaDir, entry.name, en) }]
      : [];
  });

function fileOf(path: string): { name: string; bytes: Uint8Array } {
  return { name: path.split('/').pop() ?? path, bytes: readFileSync(path) };
}

function xmllint(args: string[], xml: string): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'paralign-xml-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml);
    // The TMX names "tmx14.dtd" beside itself in its DOCTYPE, as Java readers resolve it.
    if (existsSync(dtdPath)) copyFileSync(dtdPath, join(dir, 'tmx14.dtd'));
    const result = spawnSync('xmllint', [...args, file], { encoding: 'utf8' });
    return { status: result.status, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!redisAvailable)('alignment service over HTTP', () => {
  let service: TestService;
  const pairIds = new Map<string, string>();

  beforeAll(async () => {
    service = await startTestService('api');
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('finds the corpora pairs to upload', () => {
    expect(corpusPairs.length).toBeGreaterThanOrEqual(4);
  });

  it('answers /healthz, /readyz, /openapi.json, /metrics and the queue dashboard', async () => {
    expect((await service.fetch(`/healthz`)).status).toBe(200);
    const ready = await service.fetch(`/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { redis: { ok: true }, store: { ok: true } } });
    const openapi = (await (await service.fetch(`/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/v1/pairs',
        '/v1/pairs/{id}',
        '/v1/pairs/{id}/alignment',
        '/v1/pairs/{id}/report',
        '/v1/pairs/{id}/export.tmx',
        '/v1/tm/export.tmx',
        '/v1/tm/search',
        '/readyz',
      ]),
    );
    const board = await service.fetch(`/admin/queues`);
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('/admin/queues');
  });

  it('uploads every corpora pair and aligns it (202, then done)', async () => {
    const uploads = await Promise.all(
      corpusPairs.map(async (pair) => {
        const response = await uploadPair(
          service,
          { fr: fileOf(pair.fr), en: fileOf(pair.en) },
          {},
          { collection: 'corpora' },
        );
        return { pair, response, body: (await response.json()) as { pairId: string; jobId: string; created: boolean } };
      }),
    );
    for (const { pair, response, body } of uploads) {
      expect(response.status, pair.name).toBe(202);
      expect(body.created).toBe(true);
      expect(body.jobId).toBe(`pair-${body.pairId}`);
      pairIds.set(pair.name, body.pairId);
    }
    for (const [name, id] of pairIds) {
      const done = await waitForPair(service, id);
      expect(done.status, `${name}: ${done.failureReason ?? ''}`).toBe('done');
      expect(done).toMatchObject({ progress: 100, statusText: 'Aligned', collection: 'corpora' });
      // The text the upload's checks read is stored with the files: the worker segmented that (see the next tests).
      const extracted = (await service.store.getPairFiles(id))?.extracted;
      expect(extracted?.source.text, name).toMatch(/\p{L}{6}/u);
      expect(extracted?.target.text, name).toMatch(/\p{L}{6}/u);
    }
  });

  it.skipIf(!xmllintAvailable || !haveDtd)('exports each pair as TMX that the TMX 1.4 DTD accepts', async () => {
    expect(pairIds.size).toBe(corpusPairs.length);
    for (const [name, id] of pairIds) {
      const response = await service.fetch(`/v1/pairs/${id}/export.tmx`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/x-tmx+xml');
      const tmx = await response.text();
      expect(tmx.match(/<tu[ >]/g)?.length ?? 0, name).toBeGreaterThan(0);
      const result = xmllint(['--noout', '--dtdvalid', dtdPath], tmx);
      expect(result.stderr, name).toBe('');
      expect(result.status, name).toBe(0);
    }
  });

  it('stores the same parity report as the CLI computes for the same files', async () => {
    for (const pair of corpusPairs) {
      const id = pairIds.get(pair.name);
      expect(id).toBeDefined();
      const { report: expected } = alignDocumentPair(await loadPair(pair.fr, pair.en, { source: 'fr', target: 'en' }));
      const json = await (await service.fetch(`/v1/pairs/${id}/report`)).json();
      expect(json, pair.name).toEqual(JSON.parse(JSON.stringify(expected)));
      const text = await (await service.fetch(`/v1/pairs/${id}/report?format=text`)).text();
      expect(text.trimEnd()).toBe(formatParityReportText(expected).trimEnd());
    }
  });

  it('returns the existing pair when the same two files are uploaded again', async () => {
    const pair = corpusPairs[0] as CorpusPair;
    const response = await uploadPair(service, { fr: fileOf(pair.fr), en: fileOf(pair.en) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { pairId: string; created: boolean };
    expect(body).toMatchObject({ created: false, pairId: pairIds.get(pair.name) });
    const list = (await (await service.fetch(`/v1/pairs?limit=200`)).json()) as { total: number };
    expect(list.total).toBe(corpusPairs.length);
  });

  it('lists pairs with filters and pagination', async () => {
    const page = (await (await service.fetch(`/v1/pairs?limit=2&offset=1&collection=corpora&status=done`)).json()) as {
      items: Array<{ id: string; status: string }>;
      total: number;
      limit: number;
      offset: number;
    };
    expect(page).toMatchObject({ total: corpusPairs.length, limit: 2, offset: 1 });
    expect(page.items).toHaveLength(2);
    expect(page.items.every((item) => item.status === 'done')).toBe(true);
    const none = (await (await service.fetch(`/v1/pairs?collection=nothing`)).json()) as { total: number };
    expect(none.total).toBe(0);
    const bad = await service.fetch(`/v1/pairs?status=sleeping`);
    expect(bad.status).toBe(400);
  });

  it('pages through the alignment and exports TSV and XLIFF with options', async () => {
    const id = pairIds.get(corpusPairs[0]?.name ?? '') ?? '';
    const page = (await (await service.fetch(`/v1/pairs/${id}/alignment?limit=3`)).json()) as {
      items: Array<{ segments: unknown[]; confidence: number }>;
      total: number;
    };
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeGreaterThan(3);
    const all = await (await service.fetch(`/v1/pairs/${id}/export.tsv`)).text();
    const strict = await (await service.fetch(`/v1/pairs/${id}/export.tsv?minConfidence=0.99`)).text();
    const paragraphs = await (await service.fetch(`/v1/pairs/${id}/export.tsv?units=paragraph`)).text();
    expect(all.startsWith('source\ttarget\tconfidence\tlabel\n')).toBe(true);
    expect(strict.split('\n').length).toBeLessThanOrEqual(all.split('\n').length);
    expect(paragraphs).not.toBe(all);
    const xliff = await service.fetch(`/v1/pairs/${id}/export.xliff`);
    expect(xliff.status).toBe(200);
    const xml = await xliff.text();
    expect(xml).toContain('<xliff version="1.2"');
    if (xmllintAvailable) expect(xmllint(['--noout'], xml).status).toBe(0);
    expect((await service.fetch(`/v1/pairs/${id}/export.tmx?minConfidence=2`)).status).toBe(400);
  });

  it.skipIf(!xmllintAvailable || !haveDtd)(
    'streams the whole translation memory as valid TMX, filtered on demand',
    async () => {
      const whole = await (await service.fetch(`/v1/tm/export.tmx`)).text();
      expect(xmllint(['--noout', '--dtdvalid', dtdPath], whole).status).toBe(0);
      const count = (xml: string): number => xml.match(/<tu[ >]/g)?.length ?? 0;
      expect(count(whole)).toBeGreaterThan(20);
      const none = await (await service.fetch(`/v1/tm/export.tmx?collection=nothing`)).text();
      expect(count(none)).toBe(0);
      expect(xmllint(['--noout', '--dtdvalid', dtdPath], none).status).toBe(0);
      const strict = await (await service.fetch(`/v1/tm/export.tmx?minConfidence=0.95`)).text();
      expect(count(strict)).toBeLessThanOrEqual(count(whole));
    },
  );

  it('finds segments by concordance search with the other language beside', async () => {
    const response = await service.fetch(`/v1/tm/search?q=${encodeURIComponent('Conférence')}&lang=fr&limit=5`);
    const page = (await response.json()) as {
      items: Array<{ text: string; otherText: string; otherLanguage: string }>;
      total: number;
    };
    expect(page.total).toBeGreaterThan(0);
    for (const hit of page.items) {
      expect(hit.text.toLowerCase()).toContain('conférence');
      expect(hit.otherLanguage).toBe('en');
    }
    expect((await service.fetch(`/v1/tm/search?lang=fr`)).status).toBe(400);
  });

  const MISSING_EN =
    'The upload has no "en" file; send two language versions as multipart files named by language ' +
    '(ar, en, es, fr, ru, zh).';
  const MISSING_FR =
    'L’envoi ne contient pas de fichier « en » ; envoyez deux versions linguistiques en fichiers multipart ' +
    'nommés par leur langue (ar, en, es, fr, ru, zh).';
  it.each([
    ['en', 'MISSING_FILE', MISSING_EN],
    ['fr', 'MISSING_FILE', MISSING_FR],
    ['fr-CA,fr;q=0.9,en;q=0.5', 'MISSING_FILE', MISSING_FR],
    ['de', 'MISSING_FILE', MISSING_EN],
  ])('answers errors in the language of Accept-Language %s', async (language, code, message) => {
    const response = await uploadPair(
      service,
      { fr: { name: 'fr.txt', bytes: '1. Texte.' } },
      { 'Accept-Language': language },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code, message } });
  });

  it.each([
    ['a missing file', { fr: { name: 'fr.txt', bytes: '1. Le texte.' } }, 400, 'MISSING_FILE'],
    [
      'an empty file',
      { fr: { name: 'fr.txt', bytes: '' }, en: { name: 'en.txt', bytes: '1. The text.' } },
      422,
      'EMPTY_FILE',
    ],
    [
      'a white-space file',
      { fr: { name: 'fr.txt', bytes: '  \n\n ' }, en: { name: 'en.txt', bytes: '1. The text.' } },
      422,
      'EMPTY_FILE',
    ],
    [
      'a binary file',
      {
        fr: { name: 'fr.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0]) },
        en: { name: 'en.txt', bytes: '1. The text.' },
      },
      415,
      'BINARY_FILE',
    ],
    [
      'the same file twice',
      { fr: { name: 'fr.txt', bytes: '1. Same text.' }, en: { name: 'en.txt', bytes: '1. Same text.' } },
      422,
      'SAME_FILE',
    ],
  ] as const)('refuses %s with a one-line 4xx and keeps no pair', async (_case, files, status, code) => {
    const before = ((await (await service.fetch(`/v1/pairs`)).json()) as { total: number }).total;
    const response = await uploadPair(service, files, { 'Accept-Language': 'fr' });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toMatch(/\n/);
    expect(body.error.message.length).toBeGreaterThan(10);
    const after = ((await (await service.fetch(`/v1/pairs`)).json()) as { total: number }).total;
    expect(after).toBe(before);
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = 'x'.repeat(service.config.maxUploadBytes + 1);
    const response = await uploadPair(service, {
      fr: { name: 'fr.txt', bytes: big },
      en: { name: 'en.txt', bytes: '1. Text.' },
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('FILE_TOO_LARGE');
  });

  it('keeps French file names intact', async () => {
    const response = await uploadPair(service, {
      fr: { name: 'Résolution_année.txt', bytes: '1. Le Conseil décide de poursuivre ses travaux sur la question.' },
      en: { name: 'resolution.txt', bytes: '1. The Council decides to continue its work on the matter.' },
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { pairId: string; pair: { sourceFile: { name: string } } };
    expect(body.pair.sourceFile.name).toBe('Résolution_année.txt');
    expect((await waitForPair(service, body.pairId)).status).toBe('done');
  });

  it('answers 404 for unknown pairs and 409 for exports of unaligned ones', async () => {
    const missing = await service.fetch(`/v1/pairs/no-such-pair`, { headers: { 'Accept-Language': 'fr' } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
      'Aucune paire n’a l’identifiant no-such-pair.',
    );
    expect((await service.fetch(`/v1/pairs/no-such-pair/export.tmx`)).status).toBe(404);
  });

  it('deletes a pair with its segments', async () => {
    const id = pairIds.get(corpusPairs[1]?.name ?? '') ?? '';
    const before = (await (await service.fetch(`/v1/tm/export.tmx`)).text()).match(/<tu[ >]/g)?.length ?? 0;
    expect((await service.fetch(`/v1/pairs/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await service.fetch(`/v1/pairs/${id}`)).status).toBe(404);
    expect((await service.fetch(`/v1/pairs/${id}`, { method: 'DELETE' })).status).toBe(404);
    const after = (await (await service.fetch(`/v1/tm/export.tmx`)).text()).match(/<tu[ >]/g)?.length ?? 0;
    expect(after).toBeLessThan(before);
  });

  it('counts uploads and jobs in /metrics', async () => {
    const text = await (await service.fetch(`/metrics`)).text();
    expect(text).toMatch(/paralign_jobs\{state="completed"\} [1-9]/);
    expect(text).toMatch(/paralign_uploads_total\{outcome="created"\} [1-9]/);
    expect(text).toMatch(/paralign_upload_bytes_count [1-9]/);
  });
});

describe.skipIf(!redisAvailable)('the API while Redis is down', () => {
  let service: TestService;

  beforeAll(async () => {
    // Nothing listens on port 1: the queue's connection fails as it does when Redis stops.
    service = await startTestService('redis-down', { workers: 0, config: { redisUrl: 'redis://127.0.0.1:1' } });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('answers uploads with a clear 503 at once and keeps nothing', async () => {
    const started = Date.now();
    const response = await uploadPair(
      service,
      { fr: { name: 'fr.txt', bytes: '1. Le texte français.' }, en: { name: 'en.txt', bytes: '1. The English text.' } },
      { 'Accept-Language': 'fr' },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({
      error: {
        code: 'QUEUE_UNAVAILABLE',
        message: 'La file de traitement (Redis) est indisponible ; rien n’a été accepté. Réessayez dans un instant.',
      },
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(((await (await service.fetch(`/v1/pairs`)).json()) as { total: number }).total).toBe(0);
  });

  it('reports not ready on /readyz but alive on /healthz', async () => {
    expect((await service.fetch(`/healthz`)).status).toBe(200);
    const ready = await service.fetch(`/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'unavailable',
      checks: { redis: { ok: false }, store: { ok: true } },
    });
  });
});
