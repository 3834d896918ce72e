import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalRawDir, haveSharedData, sharedDir } from '../../harness/shared-data.js';
import {
  countStoredPairs,
  redisAvailable,
  startTestService,
  waitForPair,
  type TestService,
} from '../../harness/start-service.js';
import { sixLanguageNoteFile } from '../../harness/six-language-note.js';
import { elements, only, readXml, textOf } from '../core/export/read-xml.js';
import { english, french, spanish } from '../pipeline/pipeline-texts.js';

interface DocumentBody {
  documentId: string;
  created: boolean;
  document: {
    id: string;
    pivot: string;
    versions: { language: string; fileName: string; pairId: string | null }[];
    pairs: { id: string; sourceLanguage: string; targetLanguage: string }[];
  };
}

type Versions = Record<string, { name: string; bytes: Uint8Array }[]>;

async function uploadDocument(
  service: TestService,
  versions: Versions,
  headers: Record<string, string> = {},
  fields: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [field, files] of Object.entries(versions))
    for (const file of files) form.append(field, new Blob([file.bytes]), file.name);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return service.fetch('/v1/documents', { method: 'POST', body: form, headers });
}

const udhr = join(evalRawDir(), 'udhr-unicode');
const UDHR = { ar: 'udhr_arb', en: 'udhr_eng', es: 'udhr_spa', fr: 'udhr_fra', ru: 'udhr_rus', zh: 'udhr_cmn_hans' };
const haveUdhr = haveSharedData('the six-language upload test', [join(udhr, 'udhr_arb.txt')]);
const dtd = join(sharedDir, 'formats', 'tmx14.dtd');
const haveDtd = existsSync(dtd);
const xmllintAvailable = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;
const work = mkdtempSync(join(tmpdir(), 'paralign-documents-'));

describe.skipIf(!redisAvailable)('POST /v1/documents: language versions of one document', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService('documents', {
      workers: 1,
      users: [{ name: 'elsewhere', role: 'terminologist', collections: ['OTHER'] }],
    });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('stores one pair per version with the pivot under one document, and finds it again', async () => {
    const versions = {
      fr: [{ name: 'rapport.txt', bytes: french.bytes }],
      en: [{ name: 'report.txt', bytes: english.bytes }],
    };
    const response = await uploadDocument(service, versions, {}, { collection: 'CTOC' });
    expect(response.status).toBe(202);
    const body = (await response.json()) as DocumentBody;
    expect(response.headers.get('location')).toBe(`/v1/documents/${body.documentId}`);
    expect(body.created).toBe(true);
    expect(body.document.pivot).toBe('en');
    expect(body.document.versions).toEqual([
      { language: 'en', fileName: 'report.txt', pairId: null },
      { language: 'fr', fileName: 'rapport.txt', pairId: body.document.pairs[0]?.id },
    ]);
    expect(body.document.pairs).toMatchObject([{ sourceLanguage: 'fr', targetLanguage: 'en' }]);
    expect((await waitForPair(service, body.document.pairs[0]?.id ?? '')).status).toBe('done');
    const again = await uploadDocument(service, versions, {}, { collection: 'CTOC' });
    expect(again.status).toBe(200);
    expect((await again.json()) as DocumentBody).toMatchObject({ documentId: body.documentId, created: false });
    const read = await service.fetch(`/v1/documents/${body.documentId}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as DocumentBody['document']).pairs[0]).toMatchObject({ status: 'done' });
    const tmx = await (await service.fetch(`/v1/documents/${body.documentId}/export.tmx?units=paragraph`)).text();
    expect(tmx).toContain('segtype="paragraph"');
    expect(tmx).toMatch(/<tuv xml:lang="en">[^\n]*<\/tuv>\n\s*<tuv xml:lang="fr">/);
  });

  it.each([
    ['one version', { en: [{ name: 'en.txt', bytes: english.bytes }] }, 400, 'MISSING_VERSIONS', /deux à six/],
    [
      'a field named for a language outside the six',
      { en: [{ name: 'en.txt', bytes: english.bytes }], de: [{ name: 'de.txt', bytes: french.bytes }] },
      400,
      'UNSUPPORTED_LANGUAGE_FIELD',
      /« de » porte le nom d’une langue que paralign ne lit pas \(allemand\)/,
    ],
    [
      'a field not named by a language',
      { en: [{ name: 'en.txt', bytes: english.bytes }], text: [{ name: 'fr.txt', bytes: french.bytes }] },
      400,
      'UNEXPECTED_VERSION_FIELD',
      /« text »/,
    ],
    [
      'two files of one language',
      { en: [{ name: 'en.txt', bytes: english.bytes }], fr: [french, { ...french, name: 'autre.txt' }] },
      400,
      'REPEATED_VERSION_FIELD',
      /« fr »/,
    ],
    [
      'a Spanish text sent as French',
      { en: [{ name: 'en.txt', bytes: english.bytes }], fr: [{ name: 'es.txt', bytes: spanish.bytes }] },
      422,
      'WRONG_LANGUAGE',
      /^es\.txt : le texte est en espagnol, pas dans la langue déclarée \(français\)$/,
    ],
  ] as Array<[string, Versions, number, string, RegExp]>)(
    'refuses %s in the request, in the asked language, and stores nothing',
    async (_case, versions, status, code, message) => {
      const before = await countStoredPairs(service.store);
      const response = await uploadDocument(service, versions, { 'Accept-Language': 'fr' });
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(message);
      expect(body.error.message).not.toMatch(/\n/);
      expect(await countStoredPairs(service.store)).toBe(before);
    },
  );

  it("exports, shows and searches the document as its pairs' reviewers corrected them", async () => {
    const versions = {
      en: [sixLanguageNoteFile('en')],
      fr: [sixLanguageNoteFile('fr')],
      es: [sixLanguageNoteFile('es')],
    };
    const body = (await (await uploadDocument(service, versions)).json()) as DocumentBody;
    for (const pair of body.document.pairs) expect((await waitForPair(service, pair.id)).status).toBe('done');
    // Each pair was stored with the text its checks read, the pivot's the same in both.
    const texts = await Promise.all(
      body.document.pairs.map(async (pair) => (await service.store.getPairFiles(pair.id))?.extracted),
    );
    expect(texts.map((text) => text?.target)).toEqual([
      { text: expect.stringContaining('Invite States') as unknown, format: 'text' },
      { text: expect.stringContaining('Invite States') as unknown, format: 'text' },
    ]);
    expect(texts.map((text) => text?.source.text.split('\n')[0]).sort()).toEqual([
      'Informe del Grupo de Trabajo sobre los Recursos Hídricos',
      'Rapport du Groupe de travail sur les ressources en eau',
    ]);
    const frPair = body.document.pairs.find((pair) => pair.sourceLanguage === 'fr')?.id ?? '';
    const current = await service.fetch(`/v1/pairs/${frPair}/alignment?limit=200`);
    const beads = ((await current.json()) as { items: { segments: { index: number; sourceText: string }[] }[] }).items
      .flatMap((item) => item.segments)
      .filter((segment) => segment.sourceText !== '');
    const edited = beads.find((bead) => bead.sourceText.startsWith('Invite les États'));
    const rejected = beads.find((bead) => bead.sourceText.startsWith('Décide de tenir'));
    if (edited === undefined || rejected === undefined) throw new Error('the French sub-paragraphs were not found');
    const correction = 'Invite les États à échanger des données sur la qualité de l’eau ;';
    const edit = await service.fetch(`/v1/pairs/${frPair}/alignment/edits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': current.headers.get('etag') ?? '' },
      body: JSON.stringify([
        { op: 'edit', bead: edited.index, side: 'source', text: correction },
        { op: 'reject', beads: [rejected.index] },
      ]),
    });
    expect(edit.status).toBe(200);

    const tmx = await (await service.fetch(`/v1/documents/${body.documentId}/export.tmx`)).text();
    const units = elements(only(readXml(tmx).root, 'body'), 'tu').map((tu) =>
      Object.fromEntries(elements(tu, 'tuv').map((tuv) => [tuv.attributes['xml:lang'], textOf(only(tuv, 'seg'))])),
    );
    expect(units).toContainEqual({
      en: 'Invite States to share data on water quality;',
      fr: correction,
      es: 'Invitara a los Estados a compartir datos sobre la calidad del agua;',
    });
    expect(tmx).not.toContain('partager des données');
    // Rejected: the French sentence leaves the unit, which keeps English and Spanish; alone, it is not exported.
    expect(units).toContainEqual({
      en: 'Decide to hold its next meeting in 2022.',
      es: 'Decidiera celebrar su próxima reunión en 2022.',
    });
    expect(tmx).not.toContain('Décide de tenir');

    // Approved in both pairs, the water-quality unit is the one approved unit: ?status=approved keeps it alone.
    const esPair = body.document.pairs.find((pair) => pair.sourceLanguage === 'es')?.id ?? '';
    const esCurrent = await service.fetch(`/v1/pairs/${esPair}/alignment?limit=200`);
    const esBead = (
      (await esCurrent.json()) as { items: { segments: { index: number; sourceText: string }[] }[] }
    ).items
      .flatMap((item) => item.segments)
      .find((segment) => segment.sourceText.startsWith('Invitara'));
    for (const [pairId, response, index] of [
      [esPair, esCurrent, esBead?.index],
      [frPair, await service.fetch(`/v1/pairs/${frPair}/alignment?limit=1`), edited.index],
    ] as const) {
      const approve = await service.fetch(`/v1/pairs/${pairId}/alignment/edits`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'if-match': response.headers.get('etag') ?? '' },
        body: JSON.stringify([{ op: 'approve', beads: [index] }]),
      });
      expect(approve.status).toBe(200);
    }
    const approved = await (await service.fetch(`/v1/documents/${body.documentId}/export.tmx?status=approved`)).text();
    const approvedUnits = elements(only(readXml(approved).root, 'body'), 'tu');
    expect(approvedUnits).toHaveLength(1);
    expect(approvedUnits[0]?.attributes.changeid).toBe('test-admin');
    expect(approved).toContain(correction);
    expect(approved).toContain('<prop type="x-review-status">approved</prop>');

    const page = await (await service.fetch(`/review/documents/${body.documentId}`)).text();
    expect(page).toContain('échanger des données');
    expect(page).not.toContain('partager des données');

    const search = await service.fetch(`/v1/tm/search?lang=es&q=${encodeURIComponent('calidad del agua')}`);
    const { items } = (await search.json()) as {
      items: { pairId: string; document?: { versions: { language: string; text: string }[] } }[];
    };
    const hit = items.find((item) => body.document.pairs.some((pair) => pair.id === item.pairId));
    expect(hit?.document?.versions).toContainEqual({ language: 'fr', text: correction });

    // French–Spanish, which no pair holds, from the store: through the document's English pivot, corrections in.
    const frEs = async (headers: Record<string, string> = {}) =>
      elements(
        only(
          readXml(await (await service.fetch('/v1/tm/export.tmx?srcLang=fr&tgtLang=es', { headers })).text()).root,
          'body',
        ),
        'tu',
      ).map((tu) => elements(tu, 'tuv').map((tuv) => [tuv.attributes['xml:lang'], textOf(only(tuv, 'seg'))]));
    const derived = await frEs();
    expect(derived).toContainEqual([
      ['fr', correction],
      ['es', 'Invitara a los Estados a compartir datos sobre la calidad del agua;'],
    ]);
    expect(derived.length).toBeGreaterThanOrEqual(5);
    expect(derived.every((unit) => unit.map(([language]) => language).join() === 'fr,es')).toBe(true);
    expect(JSON.stringify(derived)).not.toContain('Décide de tenir');
    // An account of another collection gets none of it.
    expect(await frEs({ Authorization: `Bearer ${service.tokens['elsewhere'] ?? ''}` })).toEqual([]);
  });

  it('answers 404 for an unknown document', async () => {
    const response = await service.fetch('/v1/documents/nothing-here');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('DOCUMENT_NOT_FOUND');
  });

  it.skipIf(!haveUdhr)(
    'aligns the UDHR in six languages: five pairs with the English pivot, each done',
    async () => {
      const versions: Versions = Object.fromEntries(
        Object.entries(UDHR).map(([language, name]) => [
          language,
          [{ name: `${name}.txt`, bytes: readFileSync(join(udhr, `${name}.txt`)) }],
        ]),
      );
      const response = await uploadDocument(service, versions);
      expect(response.status).toBe(202);
      const body = (await response.json()) as DocumentBody;
      expect(body.document.pivot).toBe('en');
      expect(body.document.pairs.map((pair) => `${pair.sourceLanguage}-${pair.targetLanguage}`).sort()).toEqual([
        'ar-en',
        'es-en',
        'fr-en',
        'ru-en',
        'zh-en',
      ]);
      for (const pair of body.document.pairs)
        expect((await waitForPair(service, pair.id, 120_000)).status).toBe('done');
      const tmx = await service.fetch(`/v1/documents/${body.documentId}/export.tmx`);
      expect(tmx.status).toBe(200);
      expect(tmx.headers.get('content-type')).toContain('application/x-tmx+xml');
      const xml = await tmx.text();
      expect(xml).toContain('srclang="en"');
      const units = [...xml.matchAll(/<tu>([\s\S]*?)<\/tu>/g)].map((match) => match[1] ?? '');
      const article = units.find((unit) => unit.includes('<seg>Article 17</seg>')) ?? '';
      expect([...article.matchAll(/xml:lang="([a-z]+)"/g)].map((m) => m[1])).toEqual([
        'en',
        'ar',
        'es',
        'fr',
        'ru',
        'zh',
      ]);
      if (xmllintAvailable && haveDtd) {
        const file = join(work, 'udhr.tmx');
        writeFileSync(file, xml);
        // The TMX names its DTD by a relative system id: the DTD goes beside it so xmllint finds it offline.
        copyFileSync(dtd, join(work, 'tmx14.dtd'));
        const check = spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', dtd, file], { encoding: 'utf8' });
        expect(check.stderr).toBe('');
        expect(check.status).toBe(0);
      }
    },
    180_000,
  );
});
