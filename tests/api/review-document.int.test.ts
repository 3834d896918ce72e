/**
 * A document of six language versions through the real service: GET /v1/documents/{id}/parity and the review page
 * /review/documents/{id} in headless Chromium (the Arabic column right to left, the paragraph Russian lacks in the
 * parity matrix), each kept to the accounts that may see the document's collection.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../../harness/chromium.js';
import { sixLanguageNoteFile } from '../../harness/six-language-note.js';
import { redisAvailable, startTestService, waitForPair, type TestService } from '../../harness/start-service.js';
import { UN_LANGUAGES } from '../../src/core/model.js';

interface ParityBody {
  documentId: string;
  pivot: string;
  languages: string[];
  parity: boolean;
  lacking: Record<string, number>;
  gaps: { kind: string; path: string | null; missingFrom: string[]; presentIn: string[]; description: string }[];
}

describe.skipIf(!redisAvailable)('a six-language document: parity matrix and review page', () => {
  let service: TestService;
  let documentId = '';

  beforeAll(async () => {
    service = await startTestService('review-document', {
      workers: 1,
      users: [{ name: 'elsewhere', role: 'translator', collections: ['OTHER'] }],
    });
    const form = new FormData();
    for (const language of UN_LANGUAGES) {
      const file = sixLanguageNoteFile(language);
      form.append(language, new Blob([file.bytes]), file.name);
    }
    form.append('collection', 'UN');
    form.append('symbol', 'TEST/WATER/1');
    const response = await service.fetch('/v1/documents', { method: 'POST', body: form });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { documentId: string; document: { pairs: { id: string }[] } };
    documentId = body.documentId;
    for (const pair of body.document.pairs) expect((await waitForPair(service, pair.id)).status).toBe('done');
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
  });

  it('answers the parity matrix in JSON, each gap said in the request language', async () => {
    const response = await service.fetch(`/v1/documents/${documentId}/parity`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ParityBody;
    expect(body).toMatchObject({ documentId, pivot: 'en', parity: false });
    expect(body.languages.sort()).toEqual([...UN_LANGUAGES]);
    expect(body.lacking).toMatchObject({ ru: 1, ar: 0, en: 0, es: 0, fr: 0, zh: 0 });
    expect(body.gaps).toEqual([
      expect.objectContaining({
        kind: 'label',
        path: '2/c',
        missingFrom: ['ru'],
        description: 'paragraph 2 (c) is missing in Russian only',
      }),
    ]);
    const french = (await (
      await service.fetch(`/v1/documents/${documentId}/parity`, { headers: { 'Accept-Language': 'fr' } })
    ).json()) as ParityBody;
    expect(french.gaps[0]?.description).toBe('paragraphe 2 c) manque en russe seulement');
  });

  it('keeps the matrix and the page from an account of another collection; 404 for no document', async () => {
    const headers = { Authorization: `Bearer ${service.tokens['elsewhere'] ?? ''}` };
    expect((await service.fetch(`/v1/documents/${documentId}/parity`, { headers })).status).toBe(404);
    expect((await service.fetch(`/review/documents/${documentId}`, { headers })).status).toBe(404);
    const none = await service.fetch('/v1/documents/nothing-here/parity', { headers: { 'Accept-Language': 'fr' } });
    expect(await none.json()).toEqual({
      error: { code: 'DOCUMENT_NOT_FOUND', message: expect.stringContaining('nothing-here') as unknown },
    });
  });

  it("finds a Chinese phrase and shows the same unit in the document's other languages, the pivot first", async () => {
    const response = await service.fetch(`/v1/tm/search?lang=zh&q=${encodeURIComponent('水质')}`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as {
      items: {
        text: string;
        otherLanguage: string;
        document?: { id: string; pivot: string; versions: { language: string; text: string }[] };
      }[];
    };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ text: '请各国分享关于水质的数据；', otherLanguage: 'en' });
    expect(items[0]?.document).toEqual({
      id: documentId,
      pivot: 'en',
      versions: [
        { language: 'en', text: 'Invite States to share data on water quality;' },
        { language: 'ar', text: 'دعوة الدول إلى تبادل البيانات المتعلقة بنوعية المياه؛' },
        { language: 'es', text: 'Invitara a los Estados a compartir datos sobre la calidad del agua;' },
        { language: 'fr', text: 'Invite les États à partager des données sur la qualité de l’eau ;' },
        { language: 'ru', text: 'предложить государствам обмениваться данными о качестве воды;' },
      ],
    });
    // Sub-paragraph (c), which Russian lacks: its Russian text is empty.
    const arabic = await service.fetch(`/v1/tm/search?lang=ar&q=${encodeURIComponent('اجتماعه المقبل')}`);
    const hit = (
      (await arabic.json()) as { items: { document?: { versions: { language: string; text: string }[] } }[] }
    ).items[0];
    expect(hit?.document?.versions.find((version) => version.language === 'ru')).toEqual({ language: 'ru', text: '' });
    expect(hit?.document?.versions.find((version) => version.language === 'zh')?.text).toBe(
      '决定于2022年举行下次会议。',
    );
  });

  it('lists the document by language, collection and symbol, to the accounts that may see it', async () => {
    const list = async (query: string, headers: Record<string, string> = {}) =>
      (await (await service.fetch(`/v1/documents${query}`, { headers })).json()) as {
        items: { id: string; pivot: string; versions: { language: string }[]; pairs: { status: string }[] }[];
        total: number;
      };
    const all = await list('?language=ru&collection=UN&symbolPrefix=TEST/');
    expect(all.total).toBe(1);
    expect(all.items[0]).toMatchObject({ id: documentId, pivot: 'en' });
    expect(all.items[0]?.versions).toHaveLength(6);
    expect(all.items[0]?.pairs.map((pair) => pair.status)).toEqual(Array(5).fill('done'));
    expect((await list('?symbolPrefix=OTHER/')).total).toBe(0);
    const elsewhere = await list('', { Authorization: `Bearer ${service.tokens['elsewhere'] ?? ''}` });
    expect(elsewhere).toEqual({ items: [], total: 0, limit: 20, offset: 0 });
    expect((await service.fetch('/v1/documents?language=de')).status).toBe(400);
  });

  it('exports the store-wide TMX for one language pair, Arabic included', async () => {
    const tmx = await (await service.fetch('/v1/tm/export.tmx?srcLang=ar&tgtLang=en')).text();
    expect(tmx).toContain('srclang="ar"');
    const languages = new Set([...tmx.matchAll(/<tuv xml:lang="([a-z]+)">/g)].map((match) => match[1]));
    expect([...languages].sort()).toEqual(['ar', 'en']);
    expect(tmx).toContain('<tuv xml:lang="ar"><seg>الطلب إلى الأمانة أن تعد تقريرا عن الأنهار المشتركة؛</seg></tuv>');
    const all = await (await service.fetch('/v1/tm/export.tmx?srcLang=en')).text();
    const every = new Set([...all.matchAll(/<tuv xml:lang="([a-z]+)">/g)].map((match) => match[1]));
    expect([...every].sort()).toEqual([...UN_LANGUAGES]);
    expect((await service.fetch('/v1/tm/export.tmx?srcLang=ru&tgtLang=ru')).status).toBe(400);
    expect((await service.fetch('/v1/tm/export.tmx?srcLang=de')).status).toBe(400);
  });

  describe.skipIf(!chromiumAvailable)('in headless Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    const open = async (language: 'en' | 'fr') => {
      const context = await browser.newContext({
        locale: language === 'en' ? 'en-US' : 'fr-FR',
        extraHTTPHeaders: { 'Accept-Language': language, Authorization: service.authorization },
      });
      const page = await context.newPage();
      const response = await page.goto(`${service.baseUrl}/review/documents/${documentId}`);
      expect(response?.status()).toBe(200);
      return { page, context };
    };

    it('shows one column a language, Arabic right to left, and the paragraph Russian lacks', async () => {
      const { page, context } = await open('en');
      expect(await page.locator('h1').textContent()).toBe('Document TEST/WATER/1');
      const heads = await page
        .locator('table.units thead th[data-language]')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-language')));
      expect(heads).toEqual(['en', 'ar', 'es', 'fr', 'ru', 'zh']);

      // Arabic cells run right to left: the direction is rtl and the text hugs the cell's right edge.
      const arabic = page.locator('tr[data-unit="1"] td[data-language="ar"]');
      const english = page.locator('tr[data-unit="1"] td[data-language="en"]');
      const layout = (cell: typeof arabic) =>
        cell.evaluate((td) => {
          const paragraph = td.querySelector('p');
          const range = td.ownerDocument.createRange();
          range.selectNodeContents(paragraph ?? td);
          const text = range.getClientRects()[0] ?? range.getBoundingClientRect();
          const box = td.getBoundingClientRect();
          return {
            direction: td.ownerDocument.defaultView?.getComputedStyle(td).direction,
            lang: td.getAttribute('lang'),
            leftGap: text.left - box.left,
            rightGap: box.right - text.right,
          };
        });
      const ar = await layout(arabic);
      expect(ar).toMatchObject({ direction: 'rtl', lang: 'ar' });
      expect(ar.rightGap).toBeLessThan(ar.leftGap);
      const en = await layout(english);
      expect(en).toMatchObject({ direction: 'ltr', lang: 'en' });
      expect(en.leftGap).toBeLessThan(en.rightGap);

      // The matrix names the gap and links to its unit, where the Russian cell is empty.
      const gap = page.locator('#parity ul.gaps li');
      expect(await gap.count()).toBe(1);
      expect((await gap.textContent())?.trim()).toBe('paragraph 2 (c) is missing in Russian only');
      expect(await gap.getAttribute('data-missing')).toBe('ru');
      const unit = (await gap.getAttribute('data-unit')) ?? '';
      const row = page.locator(`#unit-${unit}`);
      expect(await row.locator('td[data-language="ru"]').getAttribute('class')).toContain('empty-side');
      expect((await row.locator('td[data-language="ar"]').textContent())?.trim()).toBe(
        'تقرير عقد اجتماعه المقبل في عام 2022.',
      );
      expect((await row.locator('th').textContent())?.trim()).toBe('(c)');
      expect(await page.locator('table.matrix tr.lacking td').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^\s*1\s*$/)]),
      );
      await context.close();
    }, 60_000);

    it('shows a page of units at a time, the gap linking to the page that holds its unit', async () => {
      const { page, context } = await open('en');
      await page.goto(`${service.baseUrl}/review/documents/${documentId}?limit=1`);
      expect(await page.locator('table.units tbody tr').count()).toBe(1);
      const total = Number((await page.locator('#units-title').textContent())?.match(/^(\d+) units/)?.[1]);
      expect(total).toBeGreaterThan(2);
      expect((await page.locator('#units nav.pager .range').first().textContent())?.trim()).toBe(
        `Units 1–1 of ${total}`,
      );
      const gap = page.locator('#parity ul.gaps li');
      const unit = Number(await gap.getAttribute('data-unit'));
      expect(unit).toBeGreaterThan(0);
      await gap.locator('a').click();
      await page.waitForURL(new RegExp(`[?&]offset=${unit}(&|#)`));
      expect(new URL(page.url()).searchParams.get('limit')).toBe('1');
      const row = page.locator(`#unit-${unit}`);
      expect(await row.locator('td[data-language="ru"]').getAttribute('class')).toContain('empty-side');
      expect(await page.locator('table.units tbody tr').count()).toBe(1);
      // The last page has no next link; a bad page size is a localised 400 page.
      await page.goto(`${service.baseUrl}/review/documents/${documentId}?limit=1&offset=${total - 1}`);
      expect(await page.locator('#units nav.pager a[rel="next"]').count()).toBe(0);
      expect(await page.locator('#units nav.pager a[rel="prev"]').count()).toBe(2);
      const bad = await page.goto(`${service.baseUrl}/review/documents/${documentId}?limit=0`);
      expect(bad?.status()).toBe(400);
      await context.close();
    }, 60_000);

    it('reaches the document from the documents list, and a pair of it links back to it', async () => {
      const { page, context } = await open('en');
      await page.goto(`${service.baseUrl}/review`);
      await page.getByRole('link', { name: 'Documents', exact: true }).click();
      await page.getByLabel('With a version in').selectOption('ru');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/language=ru/);
      await page.getByRole('link', { name: 'TEST/WATER/1' }).click();
      await page.waitForURL(`${service.baseUrl}/review/documents/${documentId}`);
      expect(await page.locator('h1').textContent()).toBe('Document TEST/WATER/1');
      const frPair = (
        await page
          .locator('a[href^="/review/"]')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
      ).find((href) => /^\/review\/[0-9a-f-]{36}$/.test(href));
      expect(frPair).toBeDefined();
      await page.goto(`${service.baseUrl}${frPair ?? ''}`);
      await page.getByRole('link', { name: /^Part of document TEST\/WATER\/1/ }).click();
      await page.waitForURL(`${service.baseUrl}/review/documents/${documentId}`);
      await context.close();
    }, 60_000);

    it('searches from the search page, the Arabic version beside right to left', async () => {
      const { page, context } = await open('en');
      await page.getByRole('link', { name: 'Search the memory' }).click();
      await page.getByLabel('Words').fill('水质');
      await page.getByLabel('Language searched').selectOption('zh');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\/review\/search\?/);
      const rows = page.locator('table.hits tbody tr');
      expect(await rows.count()).toBe(1);
      const arabic = rows.locator('dd[data-language="ar"]');
      expect((await arabic.textContent())?.trim()).toBe('دعوة الدول إلى تبادل البيانات المتعلقة بنوعية المياه؛');
      expect(await arabic.evaluate((dd) => dd.ownerDocument.defaultView?.getComputedStyle(dd).direction)).toBe('rtl');
      expect(await rows.locator('dd').count()).toBe(5);
      await context.close();
    }, 60_000);

    it('is in French for a French reader', async () => {
      const { page, context } = await open('fr');
      expect((await page.locator('#parity ul.gaps li').textContent())?.trim()).toBe(
        'paragraphe 2 c) manque en russe seulement',
      );
      expect(await page.locator('#parity-title').textContent()).toBe('Parité des versions');
      await context.close();
    }, 60_000);
  });
});
