import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiI18n } from '../../../src/api/i18n.js';
import { renderEditorPage, type EditorConfig } from '../../../src/api/web/render-editor-page.js';
import { renderUploadPage, type UploadConfig } from '../../../src/api/web/render-upload-page.js';
import { webScriptUrl } from '../../../src/api/web/web-bundle.js';
import { SHORTCUTS } from '../../../src/web-client/editor-keys.js';
import { makeContext, readCorpus, storeAlignedPair, type StoredPair } from './review-fixture.js';

const i18n = createApiI18n();

describe('renderEditorPage', () => {
  let stored: StoredPair;
  beforeAll(async () => {
    stored = await storeAlignedPair(readCorpus('missing-split-merge'));
  });
  const render = (language: 'en' | 'fr') => {
    const context = { ...makeContext(language, `/review/${stored.pair.id}/edit`), role: 'reviewer' as const };
    const messages = i18n.getResourceBundle(language, 'review').client as unknown;
    return cheerio.load(renderEditorPage(context, { pair: stored.pair, report: stored.report, messages }));
  };

  it('gives the script the pair, the report findings and its messages, and loads only our own script', () => {
    const $ = render('en');
    const config = JSON.parse($('#editor').attr('data-editor') ?? '') as EditorConfig;
    expect(config.pair).toMatchObject({ id: stored.pair.id, sourceLanguage: 'fr', targetLanguage: 'en' });
    expect(config.pair.lowConfidence).toBe(stored.report.settings.lowConfidence);
    expect(config.pair.numberMismatchBlocks).toEqual(stored.report.tokenMismatches.map((mismatch) => mismatch.bead));
    expect(config.messages).toMatchObject({ status: { approved: 'approved' } });
    expect($('script').length).toBe(1);
    expect($('script').attr('src')).toBe(webScriptUrl('editor'));
    expect($('script').attr('type')).toBe('module');
    expect($('script').text()).toBe('');
  });

  it('lists every shortcut, and each toolbar button names its keys for assistive technology', () => {
    const $ = render('en');
    expect($('.shortcuts dt').length).toBe(SHORTCUTS.length);
    const buttons = $('.toolbar button[data-command]');
    expect(buttons.length).toBe(SHORTCUTS.length);
    for (const shortcut of SHORTCUTS) {
      const button = $(`.toolbar button[data-command="${shortcut.command}"]`);
      expect(button.attr('aria-keyshortcuts'), shortcut.command).toBe(shortcut.aria);
      expect(button.text().trim(), shortcut.command).not.toBe('');
    }
    expect($('button[data-command="moveLeftUp"]').text()).toContain('First French sentence to the bead above');
    expect($('button[data-command="moveRightDown"]').text()).toContain('Last English sentence to the bead below');
  });

  it('labels every field, and has live regions for outcomes and conflicts', () => {
    const $ = render('en');
    for (const id of ['editor-filter', 'edit-left', 'edit-right'])
      expect($(`label[for="${id}"]`).text().trim(), id).not.toBe('');
    expect($('#editor-status').attr('aria-live')).toBe('polite');
    expect($('#editor-conflict').attr('role')).toBe('alert');
    expect($('#editor-conflict').attr('hidden')).toBeDefined();
    expect($('textarea[lang="fr"]').attr('dir')).toBe('auto');
  });

  it('is in French for a French reader', () => {
    const $ = render('fr');
    expect($('h1').text()).toBe('Corriger CTOC/COP/WG.2/2019/999');
    expect($('button[data-command="merge"]').text()).toContain('Fusionner avec le suivant');
    expect($('label[for="edit-left"]').text()).toBe('Texte en français');
    const config = JSON.parse($('#editor').attr('data-editor') ?? '') as EditorConfig;
    expect(config.language).toBe('fr');
    expect(config.messages).toMatchObject({ status: { approved: 'approuvé' } });
  });
});

describe('renderUploadPage', () => {
  const render = (role: 'translator' | 'reviewer', collections: string[] | null) =>
    cheerio.load(renderUploadPage({ ...makeContext('en', '/review/upload'), role }, { collections, messages: {} }));

  it('labels every field and opens the editor afterwards for a reviewer, the pair page for a translator', () => {
    const $ = render('reviewer', null);
    const languages = ['fr', 'en', 'ar', 'es', 'ru', 'zh'];
    for (const id of [
      ...languages.map((l) => `upload-${l}`),
      'upload-collection',
      'upload-symbol',
      'upload-dictionary',
    ])
      expect($(`label[for="${id}"]`).text().trim(), id).not.toBe('');
    // Any two of the six: the page's script checks the count, no single file is required.
    expect($('input[type="file"][required]').length).toBe(0);
    expect(
      $('input[name="sourceLanguage"]')
        .map((_i, input) => $(input).attr('value'))
        .get(),
    ).toEqual(['', ...languages]);
    expect((JSON.parse($('#upload').attr('data-upload') ?? '') as UploadConfig).nextPath).toBe('/review/{id}/edit');
    const translator = render('translator', ['CTOC', 'GA']);
    expect((JSON.parse(translator('#upload').attr('data-upload') ?? '') as UploadConfig).nextPath).toBe('/review/{id}');
    expect(
      translator('select#upload-collection option')
        .map((_i, option) => translator(option).attr('value'))
        .get(),
    ).toEqual(['CTOC', 'GA']);
  });
});

describe('review catalogues', () => {
  it('have the same keys in English and French', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
        : [prefix.slice(0, -1)];
    expect(keys(i18n.getResourceBundle('fr', 'review')).sort()).toEqual(
      keys(i18n.getResourceBundle('en', 'review')).sort(),
    );
  });
});
