import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderErrorPage } from '../../../src/api/web/render-error-page.js';
import { renderPairListPage } from '../../../src/api/web/render-pair-list-page.js';
import { PairStatus, type PairRecord } from '../../../src/storage/store.js';
import { makeContext, readCorpus, storeAlignedPair } from './review-fixture.js';

describe('renderPairListPage', () => {
  let done: PairRecord;
  let queued: PairRecord;
  beforeAll(async () => {
    done = (await storeAlignedPair(readCorpus('missing-split-merge'))).pair;
    queued = {
      ...done,
      id: 'b/c?d',
      symbol: null,
      sourceFileName: '<i>fr</i>.md',
      status: PairStatus.queued,
      progress: 0,
      counts: null,
      parity: null,
    };
  });

  it('lists each pair with status, symbol, languages, parity and a link to its page', () => {
    const $ = cheerio.load(
      renderPairListPage(makeContext('en'), {
        pairs: { items: [done, queued], total: 2 },
        filter: {},
        limit: 20,
        offset: 0,
      }),
    );
    const rows = $('table.pairs tbody tr');
    expect(rows).toHaveLength(2);
    const first = rows.eq(0);
    expect(first.find('a.pair-link').text()).toBe('CTOC/COP/WG.2/2019/999');
    expect(first.find('a.pair-link').attr('href')).toBe(`/review/${done.id}`);
    expect(first.find('td.status').text()).toBe('Aligned');
    expect(first.find('td.parity').text()).toBe('No');
    expect(first.find('td').eq(2).text()).toBe('fr → en');
    const second = rows.eq(1);
    // The id is encoded in the link; the file name is text.
    expect(second.find('a.pair-link').attr('href')).toBe('/review/b%2Fc%3Fd');
    expect(second.find('a.pair-link').text()).toBe('<i>fr</i>.md / en.md');
    expect(second.find('td.status').text()).toBe('Waiting in the queue (0 %)');
    expect($('.range').text()).toBe('Pairs 1–2 of 2');
    expect($('a[rel]')).toHaveLength(0);
  });

  it('pages like the API: previous and next keep the filters', () => {
    const context = makeContext('fr', '/review', { status: 'done', limit: '1', offset: '1' });
    const $ = cheerio.load(
      renderPairListPage(context, {
        pairs: { items: [done], total: 3 },
        filter: { status: PairStatus.done },
        limit: 1,
        offset: 1,
      }),
    );
    expect($('a[rel="prev"]').attr('href')).toBe('/review?status=done&limit=1&offset=0');
    expect($('a[rel="next"]').attr('href')).toBe('/review?status=done&limit=1&offset=2');
    expect($('.range').text()).toBe('Paires 2 à 2 sur 3');
    expect($('select[name="status"] option[selected]').attr('value')).toBe('done');
    expect($('h1').text()).toBe('Paires de documents à vérifier');
  });

  it('says so when nothing matches', () => {
    const $ = cheerio.load(
      renderPairListPage(makeContext('en'), {
        pairs: { items: [], total: 0 },
        filter: { collection: 'none' },
        limit: 20,
        offset: 0,
      }),
    );
    expect($('table.pairs')).toHaveLength(0);
    expect($('p.muted').text()).toBe('No pair matches these filters.');
    expect($('input[name="collection"]').attr('value')).toBe('none');
  });
});

describe('renderErrorPage', () => {
  it.each([
    [404, 'en', 'Not found'],
    [404, 'fr', 'Introuvable'],
    [400, 'fr', 'Requête invalide'],
    [500, 'en', 'Something went wrong'],
  ] as const)('titles a %i page in %s as %j and escapes the message', (status, language, title) => {
    const $ = cheerio.load(renderErrorPage(makeContext(language, '/review/x'), status, 'No pair has the id <x>.'));
    expect($('h1').text()).toBe(title);
    expect($('.error-message').text()).toBe('No pair has the id <x>.');
    expect($('.error-message').attr('data-status')).toBe(String(status));
  });
});
