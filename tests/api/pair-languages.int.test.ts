/**
 * POST /v1/pairs with any two of the six UN languages, through the real service: the files are named by language,
 * the source is the one asked for or the original, and every refusal comes in the request, one localised line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sixLanguageNoteFile } from '../../harness/six-language-note.js';
import {
  countStoredPairs,
  redisAvailable,
  startTestService,
  uploadPair,
  waitForPair,
  type TestService,
  type UploadFile,
} from '../../harness/start-service.js';
import { english, french } from '../pipeline/pipeline-texts.js';

interface PairBody {
  pairId: string;
  pair: { sourceLanguage: string; targetLanguage: string; status: string };
}

// Over 200 letters, so that the language check reads it: German, which paralign does not read.
const GERMAN =
  '1. Die Arbeitsgruppe trat vom 3. bis 5. Mai 2021 in Genf zusammen und nahm ihre Tagesordnung an. ' +
  'Sie empfahl der Konferenz, die Staaten einzuladen, Daten über die Wasserqualität auszutauschen, und das ' +
  'Sekretariat zu ersuchen, einen Bericht über grenzüberschreitende Flüsse zu erstellen. Die Vorsitzende dankte ' +
  'den Teilnehmenden für ihre Arbeit und schloss die Tagung.\n';

describe.skipIf(!redisAvailable)('POST /v1/pairs in any two of the six languages', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService('pair-languages', { workers: 1 });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('aligns Arabic with Chinese, the source the one asked for, and exports both, Arabic text intact', async () => {
    const response = await uploadPair(
      service,
      { zh: sixLanguageNoteFile('zh'), ar: sixLanguageNoteFile('ar') },
      {},
      { sourceLanguage: 'ar' },
    );
    expect(response.status).toBe(202);
    const body = (await response.json()) as PairBody;
    expect(body.pair).toMatchObject({ sourceLanguage: 'ar', targetLanguage: 'zh' });
    expect((await waitForPair(service, body.pairId)).status).toBe('done');
    const tmx = await (await service.fetch(`/v1/pairs/${body.pairId}/export.tmx`)).text();
    expect(tmx).toContain('srclang="ar"');
    // Labels go to a prop; sub-paragraph (c), "(ج)" in Arabic, is one unit of both.
    expect(tmx).toMatch(
      /<prop type="x-paralign-label">2\/c<\/prop>[^]*?<tuv xml:lang="ar"><seg>تقرير عقد اجتماعه المقبل في عام 2022\.<\/seg><\/tuv>\s*<tuv xml:lang="zh"><seg>决定于2022年举行下次会议。<\/seg>/,
    );
  });

  it.each([
    ['no source asked for and no header naming the original: English', {}, 'en', 'es'],
    ['the source asked for', { sourceLanguage: 'es' }, 'es', 'en'],
  ])('takes Spanish with English, %s', async (_case, fields, source, target) => {
    const files = { es: sixLanguageNoteFile('es'), en: sixLanguageNoteFile('en') };
    const response = await uploadPair(service, files, {}, fields);
    expect(response.status).toBeLessThan(300);
    expect(((await response.json()) as PairBody).pair).toMatchObject({
      sourceLanguage: source,
      targetLanguage: target,
    });
  });

  it('keeps French as the source of a French-English upload that names none, as before the six languages', async () => {
    const response = await uploadPair(service, {
      en: { name: 'en.txt', bytes: english.bytes },
      fr: { name: 'fr.txt', bytes: french.bytes },
    });
    expect(response.status).toBe(202);
    expect(((await response.json()) as PairBody).pair).toMatchObject({ sourceLanguage: 'fr', targetLanguage: 'en' });
  });

  const note = (language: 'ar' | 'en' | 'es' | 'fr' | 'ru' | 'zh'): UploadFile => sixLanguageNoteFile(language);
  it.each([
    [
      'a file named for German',
      { en: note('en'), de: { name: 'de.txt', bytes: GERMAN } },
      {},
      400,
      'UNSUPPORTED_LANGUAGE_FIELD',
      /^Le fichier « de » porte le nom d’une langue que paralign ne lit pas \(allemand\) ; /,
    ],
    [
      'a German text sent as French',
      { fr: { name: 'de.txt', bytes: GERMAN }, en: { name: 'en.txt', bytes: english.bytes } },
      {},
      422,
      'WRONG_LANGUAGE',
      /^de\.txt : le texte est en allemand, pas dans la langue déclarée \(français\)$/,
    ],
    [
      'an Arabic text sent as Russian',
      {
        ru: { name: 'ar.txt', bytes: `${'وأوصى الفريق العامل بأن يقوم المؤتمر بما يلي. '.repeat(8)}\n` },
        en: note('en'),
      },
      {},
      422,
      'WRONG_LANGUAGE',
      /^ar\.txt : le texte est en arabe, pas dans la langue déclarée \(russe\)$/,
    ],
    [
      'three languages',
      { en: note('en'), fr: note('fr'), ru: note('ru') },
      {},
      400,
      'TOO_MANY_PAIR_VERSIONS',
      /en, fr, ru/,
    ],
    ['one language alone', { ru: note('ru') }, {}, 400, 'MISSING_FILE', /« en »/],
    [
      'a source language that is not uploaded',
      { ru: note('ru'), en: note('en') },
      { sourceLanguage: 'fr' },
      400,
      'SOURCE_NOT_UPLOADED',
      /^La langue source \(français\) n’est pas celle d’une des deux versions envoyées \(russe, anglais\)\.$/,
    ],
    [
      'a source language outside the six',
      { ru: note('ru'), en: note('en') },
      { sourceLanguage: 'de' },
      400,
      'SOURCE_NOT_UPLOADED',
      /\(allemand\)/,
    ],
    [
      'the same file under two languages',
      { ru: note('ru'), es: note('ru') },
      {},
      422,
      'SAME_FILE',
      /^Les fichiers « ru » et « es » sont identiques/,
    ],
  ] as Array<[string, Record<string, UploadFile>, Record<string, string>, number, string, RegExp]>)(
    'refuses %s in the request, one line in French, and stores nothing',
    async (_case, files, fields, status, code, message) => {
      const before = await countStoredPairs(service.store);
      const response = await uploadPair(service, files, { 'Accept-Language': 'fr' }, fields);
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(message);
      expect(body.error.message).not.toMatch(/\n/);
      expect(await countStoredPairs(service.store)).toBe(before);
    },
  );

  it('names the language in English too', async () => {
    const response = await uploadPair(service, {
      fr: { name: 'de.txt', bytes: GERMAN },
      en: { name: 'en.txt', bytes: english.bytes },
    });
    expect(await response.json()).toEqual({
      error: { code: 'WRONG_LANGUAGE', message: 'de.txt: the text is in German, not in the declared French' },
    });
  });

  it('refuses two files of one language with 400', async () => {
    const form = new FormData();
    for (const name of ['a.txt', 'b.txt']) form.append('fr', new Blob([french.bytes]), name);
    const response = await service.fetch('/v1/pairs', { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('REPEATED_VERSION_FIELD');
  });
});
