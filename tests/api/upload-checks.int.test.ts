import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../../harness/corpora-forms.js';
import {
  countStoredPairs,
  redisAvailable,
  startTestService,
  uploadPair,
  type TestService,
} from '../../harness/start-service.js';
import { readDocumentPair } from '../../src/pipeline/read-document-pair.js';
import { english, french, spanish } from '../pipeline/pipeline-texts.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const docx = (documentXml: string): Uint8Array =>
  zipSync({
    '[Content_Types].xml': utf8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': utf8(documentXml),
  });
const wordXml = (body: string): string =>
  `<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body>${body}</w:body></w:document>`;
const englishDocx = docx(
  wordXml('<w:p><w:r><w:t>1. The Commission took note of the report of the Secretary-General.</w:t></w:r></w:p>'),
);

/** What the upload of `fr` and `en` must answer, and what the CLI says of the same files. */
type Upload = { fr: { name: string; bytes: Uint8Array }; en: { name: string; bytes: Uint8Array } };

describe.skipIf(!redisAvailable)('checks of an upload before 202', () => {
  let service: TestService;

  beforeAll(async () => {
    // No worker: whatever these uploads get, they get it in the request.
    service = await startTestService('upload-checks', { workers: 0 });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it.each([
    [
      'swapped sides',
      { fr: { name: 'fr.txt', bytes: english.bytes }, en: { name: 'en.txt', bytes: french.bytes } },
      'SWAPPED_SIDES',
      /^fr\.txt est en anglais et en\.txt en français : les deux fichiers sont inversés$/,
    ],
    [
      'both sides in English',
      { fr: { name: 'fr.txt', bytes: english.bytes.slice(0, 4000) }, en: { name: 'en.txt', bytes: english.bytes } },
      'SAME_LANGUAGE',
      /^en\.txt : les deux fichiers sont dans la même langue \(anglais\) ; donnez une version en français et une en anglais$/,
    ],
    [
      'a Spanish text as the French side',
      { fr: { name: 'es.txt', bytes: spanish.bytes }, en: { name: 'en.txt', bytes: english.bytes } },
      'WRONG_LANGUAGE',
      /^es\.txt : le texte est en espagnol, pas dans la langue déclarée \(français\)$/,
    ],
    [
      'a one-letter file',
      { fr: { name: 'w.txt', bytes: utf8('W') }, en: { name: 'en.txt', bytes: english.bytes } },
      'NOTHING_TO_ALIGN',
      /^w\.txt : rien à aligner ; le fichier contient moins de 6 lettres de texte$/,
    ],
  ] as Array<[string, Upload, string, RegExp]>)(
    'refuses %s with 422, the CLI message in English (languages by name), French on request, and stores nothing',
    async (_case, files, code, french) => {
      const before = await countStoredPairs(service.store);
      const cli = await readDocumentPair({ ...files.fr, language: 'fr' }, { ...files.en, language: 'en' }).catch(
        (error: unknown) => error as Error,
      );
      const inEnglish = await uploadPair(service, files, { 'Accept-Language': 'en' });
      expect(inEnglish.status).toBe(422);
      // The same line as the command line's, languages named ("is in English").
      expect(await inEnglish.json()).toEqual({ error: { code, message: (cli as Error).message } });
      const inFrench = await uploadPair(service, files, { 'Accept-Language': 'fr' });
      expect(inFrench.status).toBe(422);
      const body = (await inFrench.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(french);
      expect(await countStoredPairs(service.store)).toBe(before);
    },
  );

  // The bad files are built with the table, not between two requests: a slow build (the zip bomb) would outlast
  // the server's keep-alive and reset the next request's connection.
  it.each([
    ['a truncated DOCX', 'cut.docx', englishDocx.subarray(0, 60), /cut\.docx: .*corrupt/],
    [
      'a zip bomb',
      'bomb.docx',
      zipSync({ 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 }),
      /bomb\.docx: .*zip bomb/,
    ],
    [
      'a DOCX with a DOCTYPE and entities',
      'xxe.docx',
      docx(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' +
          wordXml('<w:p><w:r><w:t>&e;</w:t></w:r></w:p>'),
      ),
      /xxe\.docx: .*DOCTYPE/,
    ],
    [
      'a password-protected DOCX',
      'secret.docx',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]),
      /secret\.docx: .*password-protected/,
    ],
    [
      'a truncated PDF',
      'cut.pdf',
      readFileSync(`${fixturesDir}report-structure/en.pdf`).subarray(0, 2000),
      /cut\.pdf: the PDF is corrupt/,
    ],
  ] as const)(
    'refuses %s in the request (4xx, not 202 and a failed job), storing nothing',
    async (_c, name, bytes, m) => {
      const before = await countStoredPairs(service.store);
      const response = await uploadPair(service, {
        fr: { name: 'fr.txt', bytes: french.bytes },
        en: { name, bytes },
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toMatch(m);
      expect(body.error.message).not.toMatch(/\n/);
      expect(await countStoredPairs(service.store)).toBe(before);
    },
  );

  it('still accepts a right pair with 202, the DOCX side included', async () => {
    const response = await uploadPair(service, {
      fr: { name: 'fr.txt', bytes: french.bytes },
      en: { name: 'en.docx', bytes: englishDocx },
    });
    expect(response.status).toBe(202);
    expect(await countStoredPairs(service.store)).toBe(1);
  });
});
