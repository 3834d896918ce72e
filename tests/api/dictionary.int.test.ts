/**
 * A bilingual dictionary uploaded with a pair, over HTTP against the real Redis and a real SQLite store with a real
 * sandboxed worker: stored with the pair, part of its identity, handed to the aligner; refused when unusable.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueAlignment } from '../../src/queue/enqueue-alignment.js';
import {
  redisAvailable,
  startTestService,
  uploadPair,
  waitForJobState,
  waitForPair,
  type TestService,
  type UploadFile,
} from '../../harness/start-service.js';

const corpus = new URL('../../corpora/resolution-preamble/', import.meta.url);
const fr: UploadFile = { name: 'fr.md', bytes: readFileSync(new URL('fr.md', corpus)) };
const en: UploadFile = { name: 'en.md', bytes: readFileSync(new URL('en.md', corpus)) };
// Both accepted forms, a comment and a UTF-8 BOM; French (the default source) first.
const dictionary: UploadFile = {
  name: 'termes.tsv',
  bytes: '\ufeff# CTOC terms\nAssemblée générale\tGeneral Assembly\ncriminalité\tcrime\nProtocols @ Protocoles\n',
};

interface UploadAnswer {
  pairId: string;
  created: boolean;
  pair: { hasDictionary: boolean; contentHash: string };
}

describe.skipIf(!redisAvailable)('dictionary upload over HTTP', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService('dictionary');
  });
  afterAll(async () => {
    await service?.stop();
  });

  const pairTotal = async (): Promise<number> =>
    ((await (await service.fetch(`/v1/pairs`)).json()) as { total: number }).total;

  it('documents the dictionary field and hasDictionary in /openapi.json', async () => {
    const text = await (await service.fetch(`/openapi.json`)).text();
    const openapi = JSON.parse(text) as {
      paths: {
        '/v1/pairs': {
          post: {
            requestBody: { content: Record<string, { schema: { properties: Record<string, { format?: string }> } }> };
          };
        };
      };
    };
    const properties =
      openapi.paths['/v1/pairs'].post.requestBody.content['multipart/form-data']?.schema.properties ?? {};
    expect(properties.dictionary?.format).toBe('binary');
    expect(text).toContain('"hasDictionary"');
  });

  const uploadedBytes = async (): Promise<number> => {
    const text = await (await service.fetch(`/metrics`)).text();
    return Number(/^paralign_upload_bytes_sum (\S+)$/m.exec(text)?.[1] ?? NaN);
  };

  it('counts the dictionary in the upload-size metric', async () => {
    const before = await uploadedBytes();
    const small: UploadFile = { name: 'petit.tsv', bytes: 'Assemblée\tAssembly\n' };
    const answer = await uploadPair(service, { fr, en, dictionary: small });
    expect(answer.status).toBe(202);
    const size = (file: UploadFile): number =>
      typeof file.bytes === 'string' ? Buffer.byteLength(file.bytes) : file.bytes.byteLength;
    expect((await uploadedBytes()) - before).toBe(size(fr) + size(en) + size(small));
    await waitForPair(service, ((await answer.json()) as UploadAnswer).pairId);
  });

  it('aligns a corpora pair uploaded with a dictionary, and another dictionary makes another pair', async () => {
    const withDictionary = await uploadPair(service, { fr, en, dictionary });
    expect(withDictionary.status).toBe(202);
    const first = (await withDictionary.json()) as UploadAnswer;
    expect(first).toMatchObject({ created: true, pair: { hasDictionary: true } });
    const done = await waitForPair(service, first.pairId);
    expect(done).toMatchObject({ status: 'done', failureReason: null, hasDictionary: true });
    const files = await service.store.getPairFiles(first.pairId);
    expect(files?.dictionary?.name).toBe('termes.tsv');

    // Windows-1252 (no BOM) is read too; different bytes, so a different pair of the same files.
    const latin = {
      name: 'termes-1252.txt',
      bytes: new Uint8Array(iconv.encode('Assemblée générale\tGeneral Assembly\n', 'windows-1252')),
    };
    const second = (await (await uploadPair(service, { fr, en, dictionary: latin })).json()) as UploadAnswer;
    expect(second).toMatchObject({ created: true, pair: { hasDictionary: true } });
    expect(second.pairId).not.toBe(first.pairId);
    expect(await waitForPair(service, second.pairId)).toMatchObject({ status: 'done', hasDictionary: true });

    const plain = (await (await uploadPair(service, { fr, en })).json()) as UploadAnswer;
    expect(plain).toMatchObject({ created: true, pair: { hasDictionary: false } });
    expect(new Set([first, second, plain].map((answer) => answer.pair.contentHash)).size).toBe(3);
    await waitForPair(service, plain.pairId);

    const again = await uploadPair(service, { fr, en, dictionary });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: false, pairId: first.pairId });
  });

  it.each([
    [
      'comments only',
      { name: 'vide.tsv', bytes: '# nothing yet\n\n' },
      'en',
      'EMPTY_DICTIONARY',
      'The dictionary (vide.tsv) has no entry; give one "source<TAB>target" or "target @ source" line per entry.',
    ],
    [
      'comments only',
      { name: 'vide.tsv', bytes: '# nothing yet\n\n' },
      'fr',
      'EMPTY_DICTIONARY',
      'Le dictionnaire (vide.tsv) ne contient aucune entrée ; donnez une ligne « source<TAB>cible » ou « cible @ ' +
        'source » par entrée.',
    ],
    [
      'binary bytes',
      { name: 'dict.bin', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0]) },
      'en',
      'BAD_DICTIONARY',
      'The dictionary (dict.bin) is not a text file of "source<TAB>target" or "target @ source" lines.',
    ],
    [
      'binary bytes',
      { name: 'dict.bin', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0]) },
      'fr',
      'BAD_DICTIONARY',
      'Le dictionnaire (dict.bin) n’est pas un fichier texte de lignes « source<TAB>cible » ou « cible @ source ».',
    ],
    [
      'a line in neither form',
      { name: 'dict.txt', bytes: 'Assemblée générale\tGeneral Assembly\nune ligne sans séparateur\n' },
      'en',
      'BAD_DICTIONARY_LINE',
      'The dictionary (dict.txt), line 2: expected "source<TAB>target" or "target @ source".',
    ],
    [
      'a line in neither form',
      { name: 'dict.txt', bytes: 'Assemblée générale\tGeneral Assembly\nune ligne sans séparateur\n' },
      'fr',
      'BAD_DICTIONARY_LINE',
      'Le dictionnaire (dict.txt), ligne 2 : « source<TAB>cible » ou « cible @ source » attendu.',
    ],
  ] as const)(
    'refuses a dictionary of %s with 422 in Accept-Language %s and keeps no pair',
    async (_case, bad, language, code, message) => {
      const before = await pairTotal();
      const response = await uploadPair(service, { fr, en, dictionary: bad }, { 'Accept-Language': language });
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ error: { code, message } });
      expect(await pairTotal()).toBe(before);
    },
  );

  it('fails without retry a stored dictionary that does not parse', async () => {
    // Past the API's check (stored directly), as a dictionary stored by another version could be.
    const { pair } = await service.store.createPair({
      source: { name: 'fr.md', bytes: new Uint8Array(fr.bytes as Buffer) },
      target: { name: 'en.md', bytes: new Uint8Array(en.bytes as Buffer) },
      sourceLanguage: 'fr',
      targetLanguage: 'en',
      dictionary: { name: 'broken.txt', bytes: new Uint8Array(Buffer.from('no separator here\n')) },
    });
    const jobId = await enqueueAlignment(service.queue, pair.id);
    const failed = await waitForPair(service, pair.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/^BAD_INPUT: dictionary line 1: /);
    await waitForJobState(service.queue, jobId, 'failed');
    const job = await service.queue.getJob(jobId);
    expect(job?.attemptsMade).toBe(1);
  });
});
