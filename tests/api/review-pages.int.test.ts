/**
 * The QA review pages end to end: the real service (real Redis, SQLite and sandboxed worker) aligns real corpora,
 * then real headless Chromium (the system's /usr/bin/chromium, driven by playwright-core) reads the pages.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REVIEW_CONTENT_SECURITY_POLICY } from '../../src/api/web/review-security-headers.js';
import { chromiumAvailable, launchChromium } from '../../harness/chromium.js';
import {
  redisAvailable,
  startTestService,
  uploadPair,
  waitForPair,
  type TestService,
} from '../../harness/start-service.js';

// vitest polls for 1 s by default; a loaded CI machine answers an upload or repaints later than that.
const POLL = { timeout: 15_000 };

const corporaDir = resolve(fileURLToPath(new URL('../../corpora', import.meta.url)));
const SCRIPT_TEXT = '<script>window.__x=1</script>';
// Long enough for language detection to accept each side; the script tag sits inside a sentence.
const HOSTILE_PAIR = {
  fr: {
    name: 'fr.txt',
    bytes:
      `1. Le Secrétariat a reçu le texte suivant ${SCRIPT_TEXT} dans une communication des États parties.\n\n` +
      '2. La Conférence des Parties voudra peut-être examiner les recommandations ' +
      'formulées par le Groupe de travail.\n',
  },
  en: {
    name: 'en.txt',
    bytes:
      `1. The Secretariat received the following text ${SCRIPT_TEXT} in a communication from States parties.\n\n` +
      '2. The Conference of the Parties may wish to consider the recommendations made by the Working Group.\n',
  },
};

function corpusFile(corpus: string, language: 'fr' | 'en'): { name: string; bytes: Uint8Array } {
  return { name: `${language}.md`, bytes: readFileSync(join(corporaDir, corpus, `${language}.md`)) };
}

describe.skipIf(!redisAvailable)('review pages', () => {
  let service: TestService;
  const ids = { missingSplitMerge: '', ctoc: '', hostile: '' };

  beforeAll(async () => {
    service = await startTestService('review');
    const upload = async (
      files: Parameters<typeof uploadPair>[1],
      fields: Record<string, string> = {},
    ): Promise<string> => {
      const response = await uploadPair(service, files, {}, fields);
      expect(response.status).toBe(202);
      return ((await response.json()) as { pairId: string }).pairId;
    };
    ids.missingSplitMerge = await upload({
      fr: corpusFile('missing-split-merge', 'fr'),
      en: corpusFile('missing-split-merge', 'en'),
    });
    ids.ctoc = await upload({
      fr: corpusFile('un-note-ctoc-cop-2018', 'fr'),
      en: corpusFile('un-note-ctoc-cop-2018', 'en'),
    });
    ids.hostile = await upload(HOSTILE_PAIR, { symbol: 'TEST/HOSTILE/1' });
    for (const id of Object.values(ids)) {
      const pair = await waitForPair(service, id);
      expect(pair.status, pair.failureReason ?? '').toBe('done');
    }
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
  });

  describe('over HTTP', () => {
    it('sends the pages as HTML with a policy that allows no script and nothing remote', async () => {
      for (const path of ['/review', `/review/${ids.missingSplitMerge}`, '/review/no-such-pair']) {
        const response = await service.fetch(`${path}`);
        expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
        expect(response.headers.get('content-security-policy'), path).toBe(REVIEW_CONTENT_SECURITY_POLICY);
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
      expect(REVIEW_CONTENT_SECURITY_POLICY).toContain("script-src 'none'");
      expect(REVIEW_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
      const css = await service.fetch(`/review/assets/review.css`);
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    });

    it.each([
      ['en', '/review/no-such-pair', 404, 'Not found', 'No pair has the id no-such-pair.'],
      ['fr', '/review/no-such-pair', 404, 'Introuvable', 'Aucune paire n’a l’identifiant no-such-pair.'],
      ['fr', '/review/a/b', 404, 'Introuvable', 'Ressource inconnue : /review/a/b.'],
      ['en', '/review?status=sleeping', 400, 'Bad request', null],
      ['en', '/review/documents?language=de', 400, 'Bad request', null],
      ['en', '/review/documents?limit=0', 400, 'Bad request', null],
    ] as const)('answers %s %s with a localised %i page', async (language, path, status, title, message) => {
      const response = await service.fetch(`${path}`, { headers: { 'Accept-Language': language } });
      expect(response.status).toBe(status);
      const page = await response.text();
      expect(page).toContain(`<h1>${title}</h1>`);
      if (message !== null) expect(page).toContain(message);
    });

    it('shows a pair still in the queue with its status and progress, and reloads it', async () => {
      // Stored without a job, so it stays queued for as long as the test looks at it.
      const { pair } = await service.store.createPair({
        source: { name: 'fr.txt', bytes: new TextEncoder().encode('1. Texte en attente.') },
        target: { name: 'en.txt', bytes: new TextEncoder().encode('1. Waiting text.') },
        sourceLanguage: 'fr',
        targetLanguage: 'en',
      });
      const page = await (await service.fetch(`/review/${pair.id}?lng=fr`)).text();
      expect(page).toMatch(/<meta http-equiv="refresh" content="\d+" ?\/?>/);
      expect(page).toContain('<progress max="100" value="0">');
      expect(page).toContain('En attente dans la file');
      expect(page).not.toContain('<table class="alignment">');
      await service.store.deletePair(pair.id);
    });

    it('takes ?lng= over Accept-Language', async () => {
      const page = await (await service.fetch(`/review?lng=fr`, { headers: { 'Accept-Language': 'en' } })).text();
      expect(page).toContain('<html lang="fr">');
      expect(page).toContain('<h1>Paires de documents à vérifier</h1>');
    });
  });

  describe.skipIf(!chromiumAvailable)('in headless Chromium', () => {
    let browser: Browser;
    let english: BrowserContext;
    const problems: string[] = [];

    const open = async (context: BrowserContext, path: string): Promise<Page> => {
      const page = await context.newPage();
      // A refused stylesheet or any script error shows up here, so a policy that blocks our own CSS fails a test.
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${path}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${path}: ${response.status()} for ${response.url()}`);
      });
      const response = await page.goto(`${service.baseUrl}${path}`);
      expect(response?.status()).toBe(200);
      return page;
    };

    beforeEach(() => {
      problems.length = 0;
    });
    beforeAll(async () => {
      browser = await launchChromium();
      english = await browser.newContext({
        locale: 'en-US',
        extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9', Authorization: service.authorization },
      });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('lists both corpora pairs, and each link opens its pair page', async () => {
      const page = await open(english, '/review');
      await expect.poll(() => page.locator('h1').textContent(), POLL).toBe('Document pairs to review');
      for (const id of [ids.missingSplitMerge, ids.ctoc]) {
        const row = page.locator(`tr[data-pair-id="${id}"]`);
        expect(await row.count()).toBe(1);
        expect((await row.locator('td.status').textContent())?.trim()).toBe('Aligned');
        expect(await row.locator('td.parity').textContent()).toMatch(/^(Yes|No)$/);
      }
      const symbol =
        (await page.locator(`tr[data-pair-id="${ids.missingSplitMerge}"] a.pair-link`).textContent()) ?? '';
      expect(symbol).toBe('CTOC/COP/WG.2/2019/999');
      for (const id of [ids.missingSplitMerge, ids.ctoc]) {
        await page.locator(`tr[data-pair-id="${id}"] a.pair-link`).click();
        await page.waitForURL(`${service.baseUrl}/review/${id}`);
        expect(await page.locator('h1').textContent()).toMatch(/^Pair \S+/);
        expect(await page.locator('table.alignment tr.bead').count()).toBeGreaterThan(5);
        await page.goBack();
        await page.waitForURL(`${service.baseUrl}/review`);
      }
      await page.close();
      expect(problems).toEqual([]);
    });

    it('shows paragraph 7, missing in French, as a marked row with its English text', async () => {
      const page = await open(english, `/review/${ids.missingSplitMerge}`);
      const rows = page.locator('tr.bead[data-label="7"]');
      expect(await rows.count()).toBeGreaterThan(0);
      const first = rows.first();
      expect(await first.getAttribute('class')).toMatch(/(^| )missing-fr( |$)/);
      expect(await first.getAttribute('class')).toMatch(/(^| )extra( |$)/);
      expect((await first.locator('td').nth(0).textContent())?.trim()).toBe('— nothing in French —');
      expect(await first.locator('td').nth(1).textContent()).toContain(
        'The Secretariat informed the Working Group that 12 States',
      );
      expect(await first.isVisible()).toBe(true);
      // The stylesheet (allowed by the policy) paints the row: not the page's white.
      const background = await first
        .locator('td')
        .nth(1)
        .evaluate(
          (cell) =>
            (
              globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }
            ).getComputedStyle(cell).backgroundColor,
        );
      expect(background).not.toMatch(/^rgba?\(255, 255, 255|^rgba\(0, 0, 0, 0\)$/);
      expect(await page.locator('[data-section="missing"]').textContent()).toContain('7 — only in English');
      await page.close();
      expect(problems).toEqual([]);
    });

    it('shows the 1-2 sentence bead as a split row and the 2-1 paragraph bead as a merge', async () => {
      const page = await open(english, `/review/${ids.missingSplitMerge}`);
      const split = page.locator('tr.bead[data-shape="1-2"]');
      expect(await split.count()).toBeGreaterThan(0);
      expect(await split.first().getAttribute('class')).toMatch(/(^| )split( |$)/);
      expect(await split.first().locator('td').nth(0).textContent()).toContain(
        'Le représentant du Secrétariat a fait une déclaration liminaire',
      );
      const merged = page.locator('tr.group[data-shape="2-1"]');
      expect(await merged.count()).toBeGreaterThan(0);
      expect(await merged.first().getAttribute('class')).toMatch(/(^| )merge( |$)/);
      expect(await merged.first().getAttribute('data-label')).toBe('10');
      for (const className of await page
        .locator('tr.bead[data-shape="2-1"]')
        .evaluateAll((rows) => rows.map((row) => row.className))) {
        expect(className).toMatch(/(^| )merge( |$)/);
      }
      await page.close();
    });

    it('hides the ordinary 1-1 rows with ?only=problems', async () => {
      const page = await open(english, `/review/${ids.missingSplitMerge}`);
      const before = await page.locator('tr.bead').count();
      const ordinary = await page.locator('tr.bead:not(.problem)').count();
      expect(ordinary).toBeGreaterThan(0);
      await page.locator('a.filter').click();
      await page.waitForURL(`${service.baseUrl}/review/${ids.missingSplitMerge}?only=problems`);
      const after = await page.locator('tr.bead').count();
      expect(after).toBe(before - ordinary);
      expect(after).toBeGreaterThan(0);
      expect(await page.locator('tr.bead:not(.problem)').count()).toBe(0);
      expect(await page.locator('tr.bead[data-label="7"]').count()).toBeGreaterThan(0);
      await page.close();
    });

    it('is in French for a French browser', async () => {
      const french = await browser.newContext({
        locale: 'fr-FR',
        extraHTTPHeaders: { 'Accept-Language': 'fr-FR,fr;q=0.9', Authorization: service.authorization },
      });
      try {
        const list = await open(french, '/review');
        expect(await list.locator('html').getAttribute('lang')).toBe('fr');
        expect((await list.locator('h1').textContent())?.trim()).toBe('Paires de documents à vérifier');
        expect((await list.locator(`tr[data-pair-id="${ids.ctoc}"] td.status`).textContent())?.trim()).toBe('Aligné');
        const page = await open(french, `/review/${ids.missingSplitMerge}`);
        expect((await page.locator('h2').allTextContents()).map((text) => text.trim())).toEqual([
          'Rapport de parité',
          'Alignement',
        ]);
        expect((await page.locator('table.alignment thead th').first().textContent())?.trim()).toBe('Français');
        expect((await page.locator('tr.bead[data-label="7"] td').first().textContent())?.trim()).toBe(
          '— rien en français —',
        );
        const notFound = await french.newPage();
        expect((await notFound.goto(`${service.baseUrl}/review/no-such-pair`))?.status()).toBe(404);
        expect((await notFound.locator('h1').textContent())?.trim()).toBe('Introuvable');
        expect((await notFound.locator('.error-message').textContent())?.trim()).toBe(
          'Aucune paire n’a l’identifiant no-such-pair.',
        );
      } finally {
        await french.close();
      }
    });

    it('shows document text with <script> as text and never runs it', async () => {
      const page = await open(english, `/review/${ids.hostile}`);
      expect(await page.evaluate(() => (globalThis as { __x?: unknown }).__x)).toBeUndefined();
      expect(await page.locator('script').count()).toBe(0);
      const cells = page.locator('td.text', { hasText: SCRIPT_TEXT });
      expect(await cells.count()).toBe(2);
      expect(await cells.first().isVisible()).toBe(true);
      expect(await cells.first().textContent()).toContain(`le texte suivant ${SCRIPT_TEXT} dans`);
      await page.close();
    });

    it('answers an unknown id with a 404 page', async () => {
      const page = await english.newPage();
      const response = await page.goto(`${service.baseUrl}/review/no-such-pair`);
      expect(response?.status()).toBe(404);
      expect((await page.locator('h1').textContent())?.trim()).toBe('Not found');
      expect((await page.locator('.error-message').textContent())?.trim()).toBe('No pair has the id no-such-pair.');
      await page.locator('a[href="/review"]').last().click();
      await page.waitForURL(`${service.baseUrl}/review`);
      await page.close();
    });
  });
});
