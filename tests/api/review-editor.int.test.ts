/**
 * The upload form and the review editor end to end: the real service (Redis, SQLite, sandboxed worker) and headless
 * Chromium signed in through the sign-in page. A reviewer uploads a pair through the form, corrects it with the
 * keyboard and the mouse, exports it; a second reviewer editing at the same time is told of the conflict and
 * overwrites nothing.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPTED_PAGE_CONTENT_SECURITY_POLICY } from '../../src/api/web/review-security-headers.js';
import { hashPassword } from '../../src/auth/password-hash.js';
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

const PASSWORD = 'correct horse battery staple';
const REVIEWERS = ['rev-one', 'rev-two'] as const;

// Two sentences a paragraph, one to one, so every bead of the aligner's version is a 1-1 of known text. Paragraph 2
// has the typo the reviewer corrects ("recu").
const FRENCH = [
  "1. Le Groupe de travail sur l'assistance technique a été créé par la Conférence des Parties. " +
    'Il se réunit chaque année à Vienne.',
  '2. Le Secrétariat a recu le texte suivant des États parties. ' +
    "Ce texte est reproduit dans l'annexe au présent document.",
  '3. La Conférence voudra peut-être examiner les recommandations du Groupe de travail. ' +
    'Elle pourra aussi donner des orientations sur les travaux futurs.',
].join('\n\n');
const ENGLISH = [
  '1. The Working Group on Technical Assistance was established by the Conference of the Parties. ' +
    'It meets every year in Vienna.',
  '2. The Secretariat received the following text from States parties. ' +
    'That text is reproduced in the annex to the present document.',
  '3. The Conference may wish to consider the recommendations of the Working Group. ' +
    'It may also provide guidance on future work.',
].join('\n\n');
const TYPO = 'Le Secrétariat a recu le texte suivant des États parties.';
const CORRECTED = '2. Le Secrétariat a reçu le texte suivant des États parties.';

describe.skipIf(!redisAvailable || !chromiumAvailable)('review editor in headless Chromium', () => {
  let service: TestService;
  let browser: Browser;
  // Each reviewer signs in once, through the sign-in page, and keeps the session for every test.
  const reviewers: Partial<Record<(typeof REVIEWERS)[number], BrowserContext>> = {};
  const problems: string[] = [];
  const reviewer = (name: (typeof REVIEWERS)[number]): BrowserContext => {
    const context = reviewers[name];
    if (context === undefined) throw new Error(`${name} did not sign in`);
    return context;
  };

  beforeAll(async () => {
    service = await startTestService('editor', {
      users: [
        ...REVIEWERS.map((name) => ({ name, role: 'reviewer' })),
        { name: 'tr', role: 'translator' },
        { name: 'terms', role: 'terminologist' },
      ],
    });
    for (const name of [...REVIEWERS, 'tr']) await service.store.setPasswordHash(name, await hashPassword(PASSWORD));
    browser = await launchChromium();
    for (const name of REVIEWERS) reviewers[name] = await signIn(name);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** A browser context signed in as `name` through the sign-in page, in `language`. */
  const signIn = async (name: string, language: 'en' | 'fr' = 'en'): Promise<BrowserContext> => {
    const context = await browser.newContext({
      locale: language === 'en' ? 'en-US' : 'fr-FR',
      extraHTTPHeaders: { 'Accept-Language': language },
      acceptDownloads: true,
    });
    const page = await watch(context);
    await page.goto(`${service.baseUrl}/sign-in?next=/review/upload`);
    await page.getByLabel(language === 'en' ? 'User name' : "Nom d'utilisateur").fill(name);
    await page.getByLabel(language === 'en' ? 'Password' : 'Mot de passe').fill(PASSWORD);
    await page.locator('form.sign-in button[type="submit"]').click();
    await page.waitForURL(`${service.baseUrl}/review/upload`);
    await page.close();
    return context;
  };

  /** A new page of `context` whose script errors, refused resources and failed requests land in `problems`. */
  const watch = async (context: BrowserContext): Promise<Page> => {
    const page = await context.newPage();
    // 412 is the conflict the second reviewer is meant to meet (Chromium logs it as a failed resource too).
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('status of 412')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400 && response.status() !== 412)
        problems.push(`${response.status()} for ${response.url()}`);
    });
    return page;
  };

  const rows = (page: Page) => page.locator('#editor-rows tr.bead');
  const row = (page: Page, bead: number) => page.locator(`#editor-rows tr[data-bead="${bead}"]`);
  const shapes = (page: Page) => rows(page).evaluateAll((list) => list.map((item) => item.getAttribute('data-shape')));
  const statusText = (page: Page) => page.locator('#editor-status').textContent();
  /** Waits until the live region says `text` (every operation announces its outcome there). */
  const announced = (page: Page, text: string | RegExp) => expect.poll(() => statusText(page), POLL).toMatch(text);

  it('uploads through the form, merges, splits, moves, undoes, corrects, approves and exports', async () => {
    const page = await watch(reviewer('rev-one'));
    const response = await page.goto(`${service.baseUrl}/review/upload`);
    expect(response?.headers()['content-security-policy']).toBe(SCRIPTED_PAGE_CONTENT_SECURITY_POLICY);
    await page.getByLabel('French document').setInputFiles({
      name: 'rapport.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(FRENCH),
    });
    await page.getByLabel('English document').setInputFiles({
      name: 'report.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(ENGLISH),
    });
    await page.getByLabel('Collection (optional)').fill('CTOC');
    await page.getByLabel('Document symbol (optional)').fill('TEST/EDITOR/1');
    await page.getByRole('button', { name: 'Upload and align' }).click();
    await page.waitForURL(/\/review\/[^/]+\/edit$/, { timeout: 60_000 });
    const pairId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const pair = (await (await service.fetch(`/v1/pairs/${pairId}`)).json()) as { symbol: string; collection: string };
    expect(pair).toMatchObject({ symbol: 'TEST/EDITOR/1', collection: 'CTOC' });

    await announced(page, /^Version 1 loaded: 6 beads\.$/);
    expect(await shapes(page)).toEqual(['1-1', '1-1', '1-1', '1-1', '1-1', '1-1']);
    // French on the left, each text cell in its own language and direction.
    expect(await row(page, 0).locator('td.text').first().getAttribute('lang')).toBe('fr');
    expect(await row(page, 0).locator('td.text').first().getAttribute('dir')).toBe('auto');
    await expect.poll(() => row(page, 0).getAttribute('aria-current'), POLL).toBe('true');

    // Merge bead 1 with bead 2 from the keyboard.
    await page.keyboard.press('m');
    await announced(page, 'Beads 1 and 2 merged (version 2).');
    expect(await shapes(page)).toEqual(['2-2', '1-1', '1-1', '1-1', '1-1']);

    // Split it again after the first sentence of each side: the dialog offers that point first.
    await page.keyboard.press('s');
    const split = page.getByRole('dialog', { name: 'Split bead 1' });
    await split.waitFor();
    expect(await split.getByRole('radio', { checked: true }).count()).toBe(2);
    // Each point shows where it falls: the end of the sentence it follows.
    const offered = split.getByRole('radio', { name: /^After sentence 1: “….*Conférence des Parties\.”$/ });
    expect(await offered.isChecked()).toBe(true);
    expect(
      await split.getByRole('radio', { name: /^After sentence 1: “.*the Conference of the Parties\.”$/ }).isChecked(),
    ).toBe(true);
    await split.getByRole('button', { name: 'Split', exact: true }).click();
    await announced(page, 'Bead 1 split in two (version 3).');
    expect(await shapes(page)).toEqual(['1-1', '1-1', '1-1', '1-1', '1-1', '1-1']);

    // Move the first French sentence of bead 2 up into bead 1, with the mouse, then undo that one step.
    await row(page, 1).locator('td.text').first().click();
    await page.getByRole('button', { name: /First French sentence to the bead above/ }).click();
    await announced(page, 'Sentence moved from bead 2 to the bead above (version 4).');
    expect(await shapes(page)).toEqual(['2-1', '0-1', '1-1', '1-1', '1-1', '1-1']);
    expect(await row(page, 1).getAttribute('class')).toMatch(/(^| )extra( |$)/);
    // Both beads are problems now (2-1 and 0-1): p and n go from one to the other.
    await page.keyboard.press('p');
    await expect.poll(() => row(page, 0).getAttribute('aria-current'), POLL).toBe('true');
    await page.keyboard.press('n');
    await expect.poll(() => row(page, 1).getAttribute('aria-current'), POLL).toBe('true');
    await page.keyboard.press('u');
    await announced(page, 'Last change undone (version 5).');
    expect(await shapes(page)).toEqual(['1-1', '1-1', '1-1', '1-1', '1-1', '1-1']);

    // Correct the typo of bead 3: j from bead 2, e, type, Ctrl+Enter.
    await page.keyboard.press('j');
    await expect.poll(() => row(page, 2).getAttribute('aria-current'), POLL).toBe('true');
    expect(await row(page, 2).locator('td.text').first().textContent()).toContain(TYPO);
    await page.keyboard.press('e');
    const edit = page.getByRole('dialog', { name: 'Correct the text of bead 3' });
    const french = edit.getByLabel('French text');
    await expect.poll(() => french.evaluate((area) => area === area.ownerDocument.activeElement), POLL).toBe(true);
    await french.fill(CORRECTED);
    await french.press('Control+Enter');
    await announced(page, 'Text of bead 3 corrected (version 6).');
    expect(await row(page, 2).locator('td.text').first().textContent()).toContain('a reçu le texte');
    expect(await row(page, 2).getAttribute('class')).toMatch(/(^| )edited( |$)/);

    await page.keyboard.press('a');
    await announced(page, 'Bead 3 approved (version 7).');
    expect(await row(page, 2).getAttribute('data-status')).toBe('approved');
    await page.getByLabel('Show').selectOption('approved');
    expect(await page.locator('#editor-count').textContent()).toBe('1 of 6 beads shown');
    expect(await page.locator('#editor-rows tr.bead:not([hidden])').count()).toBe(1);
    await page.getByLabel('Show').selectOption('all');
    expect(await page.locator('#editor-rows tr.bead:not([hidden])').count()).toBe(6);

    // The TMX link downloads the corrected version: six units, the corrected one approved by rev-one.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-export="tmx"]').click()]);
    const tmx = readFileSync((await download.path()) ?? '', 'utf8');
    const units = readUnits(tmx);
    expect(units).toHaveLength(6);
    const corrected = units.find((unit) => unit.fr.includes('a reçu'));
    expect(corrected?.fr).toBe(CORRECTED);
    expect(corrected?.changeid).toBe('rev-one');
    expect(corrected?.props['x-review-status']).toBe('approved');
    expect(tmx).not.toContain('a recu');

    // The same editor in French: the page, the script's messages and the API's, by the language switch.
    await page.getByRole('link', { name: 'Français' }).click();
    await announced(page, 'Version 7 chargée : 6 appariements.');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await row(page, 2).locator('td.review').textContent()).toBe('approuvé corrigé');
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await page.keyboard.press('s');
    await page
      .getByRole('dialog', { name: "Scinder l'appariement 1" })
      .getByRole('button', { name: 'Annuler' })
      .click();
    // The editor takes keys again once the dialog's close event has run, a task after the click: a key pressed before
    // is dropped on purpose (it could act on a bead the dialog is still changing). "p" changes nothing here but the
    // announcement, so it is pressed until the editor takes it.
    await expect
      .poll(async () => {
        await page.keyboard.press('p');
        return statusText(page);
      }, POLL)
      .toBe('Aucun problème au-dessus de cet appariement.');

    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('tells a reviewer whose version is stale that someone else saved first, and loses no update', async () => {
    const uploaded = await uploadPair(
      service,
      { fr: { name: 'fr.txt', bytes: FRENCH.replace('Vienne', 'Genève') }, en: { name: 'en.txt', bytes: ENGLISH } },
      {},
      { collection: 'CTOC' },
    );
    const { pairId } = (await uploaded.json()) as { pairId: string };
    expect((await waitForPair(service, pairId)).status).toBe('done');
    const [one, two] = await Promise.all([watch(reviewer('rev-one')), watch(reviewer('rev-two'))]);
    for (const page of [one, two]) {
      await page.goto(`${service.baseUrl}/review/${pairId}/edit`);
      await announced(page, 'Version 1 loaded: 6 beads.');
    }

    // rev-one approves bead 3 while rev-two still looks at version 1.
    await one.keyboard.press('j');
    await one.keyboard.press('j');
    await one.keyboard.press('a');
    await announced(one, 'Bead 3 approved (version 2).');

    // rev-two's merge names version 1: refused, shown, nothing applied, nothing sent again.
    const conflicts: number[] = [];
    two.on('response', (response) => {
      if (response.status() === 412) conflicts.push(412);
    });
    await two.keyboard.press('m');
    const conflict = two.locator('#editor-conflict');
    await conflict.waitFor({ state: 'visible' });
    expect(await conflict.locator('.conflict-message').textContent()).toMatch(/\b2\b/);
    expect(await conflict.textContent()).toContain('nothing was overwritten');
    expect(await shapes(two)).toHaveLength(6);
    await two.keyboard.press('r');
    await announced(two, 'Reload the alignment first: someone else changed it.');
    expect(conflicts).toEqual([412]);

    await two.getByRole('button', { name: 'Reload the alignment' }).click();
    await announced(two, 'Version 2 loaded: 6 beads.');
    await conflict.waitFor({ state: 'hidden' });
    expect(await row(two, 2).getAttribute('data-status')).toBe('approved');

    // The store kept rev-one's version, and rev-two's change was never applied.
    const history = (await (await service.fetch(`/v1/pairs/${pairId}/alignment/history`)).json()) as {
      items: Array<{ version: number; author: string | null }>;
    };
    expect(history.items.map((item) => [item.version, item.author])).toEqual([
      [1, null],
      [2, 'rev-one'],
    ]);

    // After the reload, rev-two's merge goes through on top of rev-one's approval.
    await two.keyboard.press('m');
    await announced(two, 'Beads 1 and 2 merged (version 3).');
    await Promise.all([one.close(), two.close()]);
    expect(problems).toEqual([]);
  }, 120_000);

  it("shows the API's one-line error in the page's language, and opens a translator's pair on its page", async () => {
    const context = await signIn('tr', 'fr');
    const page = await watch(context);
    await page.goto(`${service.baseUrl}/review/upload`);
    const same = { name: 'rapport.txt', mimeType: 'text/plain', buffer: Buffer.from(FRENCH) };
    await page.getByLabel('Document en français').setInputFiles(same);
    await page.getByLabel('Document en anglais').setInputFiles(same);
    await page.getByRole('button', { name: 'Déposer et aligner' }).click();
    await expect
      .poll(() => page.locator('#upload-error').textContent(), POLL)
      .toBe('Les fichiers « fr » et « en » sont identiques ; envoyez les deux versions linguistiques.');
    expect(await page.getByRole('button', { name: 'Déposer et aligner' }).isEnabled()).toBe(true);

    // The second try, with the English file, goes through and ends on the pair's page: a translator does not edit.
    problems.length = 0;
    await page.getByLabel('Document en anglais').setInputFiles({
      name: 'report.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(ENGLISH.replace('every year', 'each year')),
    });
    await page.getByRole('button', { name: 'Déposer et aligner' }).click();
    // The pair's page, not the upload page this starts on (whose path has the same shape).
    await page.waitForURL(/\/review\/(?!upload$)[^/]+$/, { timeout: 60_000 });
    expect(await page.locator('a[href$="/edit"]').count()).toBe(0);
    // Neither the editor nor a call to the edits API is open to a translator.
    const editor = await page.goto(`${page.url()}/edit`);
    expect(editor?.status()).toBe(403);
    await context.close();
  }, 120_000);

  it("takes an API call from a signed-in page only with the page's CSRF token", async () => {
    const page = await watch(reviewer('rev-two'));
    await page.goto(`${service.baseUrl}/review/upload`);
    const { csrfToken } = JSON.parse((await page.locator('#upload').getAttribute('data-upload')) ?? '{}') as {
      csrfToken: string;
    };
    expect(csrfToken).not.toBe('');
    const post = (token: string | null) =>
      page.evaluate(async (header) => {
        const headers: Record<string, string> = header === null ? {} : { 'X-CSRF-Token': header };
        const response = await fetch('/v1/pairs', { method: 'POST', body: new FormData(), headers });
        return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code };
      }, token);
    expect(await post(null)).toEqual({ status: 403, code: 'CSRF_INVALID' });
    expect(await post('forged')).toEqual({ status: 403, code: 'CSRF_INVALID' });
    // With the page's token the call reaches the route, which wants its files.
    expect(await post(csrfToken)).toEqual({ status: 400, code: 'MISSING_FILE' });
    problems.length = 0;
    await page.close();
  });
  it('sends a pair still aligning to its page, and keeps each page to the roles the policy names', async () => {
    // Stored without a job, so it stays queued.
    const { pair } = await service.store.createPair({
      source: { name: 'fr.txt', bytes: new TextEncoder().encode('1. Texte en attente.') },
      target: { name: 'en.txt', bytes: new TextEncoder().encode('1. Waiting text.') },
      sourceLanguage: 'fr',
      targetLanguage: 'en',
    });
    const queued = await service.fetch(`/review/${pair.id}/edit`, { redirect: 'manual' });
    expect(queued.status).toBe(303);
    expect(queued.headers.get('location')).toBe(`/review/${pair.id}`);
    await service.store.deletePair(pair.id);
    const as = (name: string, path: string) =>
      service.fetch(path, { headers: { Authorization: `Bearer ${service.tokens[name] ?? ''}` } });
    expect((await as('tr', '/review/upload')).status).toBe(200);
    expect((await as('terms', '/review/upload')).status).toBe(403);
    expect((await as('terms', `/review/${pair.id}/edit`)).status).toBe(403);
    expect((await as('rev-one', '/review/no-such-pair/edit')).status).toBe(404);
  });
});

/** One `<tu>` of a TMX: the French and English segments, its `changeid` and its properties. */
interface TmxUnit {
  fr: string;
  en: string;
  changeid: string | undefined;
  props: Record<string, string>;
}

function readUnits(tmx: string): TmxUnit[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['tu', 'tuv', 'prop'].includes(name),
    textNodeName: 'text',
  });
  const document = parser.parse(tmx) as {
    tmx: { body: { tu?: Array<Record<string, unknown>> } };
  };
  return (document.tmx.body.tu ?? []).map((tu) => {
    const tuvs = (tu['tuv'] ?? []) as Array<{ 'xml:lang': string; seg: unknown }>;
    const text = (language: string): string => {
      const seg = tuvs.find((tuv) => tuv['xml:lang'].toLowerCase().startsWith(language))?.seg;
      return typeof seg === 'string' ? seg : String((seg as { text?: unknown } | undefined)?.text ?? '');
    };
    const props = (tu['prop'] ?? []) as Array<{ type: string; text: unknown }>;
    return {
      fr: text('fr'),
      en: text('en'),
      changeid: typeof tu['changeid'] === 'string' ? tu['changeid'] : undefined,
      props: Object.fromEntries(props.map((prop) => [prop.type, String(prop.text)])),
    };
  });
}
