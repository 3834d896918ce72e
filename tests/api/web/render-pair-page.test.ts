import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_SECONDS, renderPairPage, type PairPageData } from '../../../src/api/web/render-pair-page.js';
import { PairStatus, type PairRecord } from '../../../src/storage/store.js';
import { makeContext, readCorpus, storeAlignedPair, type StoredPair } from './review-fixture.js';

const PAGE = { limit: 500, offset: 0 };

function render(
  data: PairPageData,
  language: 'en' | 'fr' = 'en',
  query: Record<string, string> = {},
): cheerio.CheerioAPI {
  return cheerio.load(renderPairPage(makeContext(language, `/review/${data.pair.id}`, query), data));
}

describe('renderPairPage for an aligned pair (corpora/missing-split-merge)', () => {
  let stored: StoredPair;
  beforeAll(async () => {
    stored = await storeAlignedPair(readCorpus('missing-split-merge'));
  });
  const data = (onlyProblems = false): PairPageData => ({ ...stored, page: PAGE, onlyProblems, document: null });

  it('shows the header facts, the report summary and the export links', () => {
    const $ = render(data());
    expect($('h1').text()).toBe('Pair CTOC/COP/WG.2/2019/999');
    expect($('[data-fact="status"]').text()).toBe('Aligned');
    expect($('[data-fact="parity"]').text()).toBe('No');
    expect($('[data-fact="uploaded"]').text()).toBe('2019-07-12 09:30 UTC');
    expect($('[data-summary="missing"] td').text()).toBe(String(stored.report.summary.missing));
    expect(
      $('[data-blocker]')
        .map((_i, el) => $(el).attr('data-blocker'))
        .get(),
    ).toEqual(stored.report.summary.blockers);
    expect($('[data-section="missing"] li').first().text()).toContain('7 — only in English');
    expect(
      $('a[data-export]')
        .map((_i, el) => $(el).attr('href'))
        .get(),
    ).toEqual(['tmx', 'tsv', 'xliff'].map((format) => `/v1/pairs/${stored.pair.id}/export.${format}`));
    expect($('meta[http-equiv="refresh"]')).toHaveLength(0);
  });

  it('shows paragraph 7 as a row missing in French, with its English text', () => {
    const $ = render(data());
    const rows = $('tr.bead[data-label="7"]');
    expect(rows.length).toBeGreaterThan(0);
    rows.each((_i, el) => {
      expect($(el).hasClass('missing-fr')).toBe(true);
      expect($(el).hasClass('extra')).toBe(true);
      expect($(el).find('td').eq(0).text().trim()).toBe('— nothing in French —');
    });
    expect(rows.first().find('td').eq(1).text()).toContain('The Secretariat informed the Working Group that 12 States');
    expect($('tr.group[data-label="7"]').hasClass('missing-fr')).toBe(true);
  });

  it('shows the 1-2 sentence bead as a split row and the 2-1 paragraph bead as a merge group', () => {
    const $ = render(data());
    const split = $('tr.bead[data-shape="1-2"]');
    expect(split.length).toBeGreaterThan(0);
    expect(split.first().hasClass('split')).toBe(true);
    expect(split.first().find('td').eq(0).text()).toContain('Le représentant du Secrétariat');
    const merge = $('tr.group[data-label="10"]');
    expect(merge.attr('data-shape')).toBe('2-1');
    expect(merge.hasClass('merge')).toBe(true);
  });

  it('keeps only problem rows with ?only=problems, and links back to all rows', () => {
    const all = render(data());
    const problems = render(data(true), 'en', { only: 'problems' });
    const allRows = all('tr.bead').length;
    const problemRows = problems('tr.bead').length;
    expect(allRows).toBe(stored.pair.counts?.sentenceBeads);
    expect(problemRows).toBeGreaterThan(0);
    expect(problemRows).toBeLessThan(allRows);
    expect(problems('tr.bead:not(.problem)')).toHaveLength(0);
    expect(problemRows).toBe(all('tr.bead.problem').length);
    expect(problems('a.filter').attr('href')).toBe(`/review/${stored.pair.id}`);
    expect(all('a.filter').attr('href')).toBe(`/review/${stored.pair.id}?only=problems`);
  });

  it('is written in French for a French reader, with French number formatting', () => {
    const $ = render(data(), 'fr');
    expect($('html').attr('lang')).toBe('fr');
    expect(
      $('h2')
        .map((_i, el) => $(el).text())
        .get(),
    ).toEqual(['Rapport de parité', 'Alignement']);
    expect($('[data-fact="status"]').text()).toBe('Aligné');
    expect($('table.alignment thead th').first().text()).toBe('Français');
    expect($('tr.bead td.conf').first().text()).toMatch(/^\d,\d\d$/);
  });
});

describe('renderPairPage for untrusted text', () => {
  it('escapes document text, file names and the symbol', async () => {
    const stored = await storeAlignedPair({
      fr: {
        name: '<b>fr</b>.txt',
        text: '1. Le texte <script>window.__x=1</script> est ici.\n\n2. Un deuxième paragraphe "cité" & fini.\n',
      },
      en: {
        name: 'en.txt',
        text: '1. The text <script>window.__x=1</script> is here.\n\n2. A second "quoted" paragraph & done.\n',
      },
      symbol: '<img src=x onerror=alert(1)>',
    });
    const page = renderPairPage(makeContext('en', `/review/${stored.pair.id}`), {
      ...stored,
      page: PAGE,
      onlyProblems: false,
      document: null,
    });
    expect(page).not.toMatch(/<script|<img|<b>fr/);
    expect(page).toContain('&lt;script&gt;window.__x=1&lt;/script&gt;');
    const $ = cheerio.load(page);
    expect($('script')).toHaveLength(0);
    expect($('h1').text()).toBe('Pair <img src=x onerror=alert(1)>');
    expect($('tr.bead td.text').text()).toContain('<script>window.__x=1</script>');
  });
});

describe('renderPairPage before the alignment is done', () => {
  let pair: PairRecord;
  beforeAll(async () => {
    // A stored pair put back to the state of one a worker is aligning (spread, so the record stays a real one).
    const stored = await storeAlignedPair(readCorpus('missing-split-merge'));
    pair = {
      ...stored.pair,
      id: 'queued-pair',
      symbol: null,
      status: PairStatus.aligning,
      progress: 40,
      counts: null,
      parity: null,
    };
  });

  it('shows the status and progress and reloads itself', () => {
    const $ = cheerio.load(
      renderPairPage(makeContext('fr', '/review/queued-pair'), {
        pair,
        report: null,
        alignment: null,
        page: PAGE,
        onlyProblems: false,
        document: null,
      }),
    );
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(String(REFRESH_SECONDS));
    expect($('progress').attr('value')).toBe('40');
    expect($('.progress-text').text()).toBe('40 % effectué');
    expect($('[data-fact="status"]').text()).toBe('Alignement des paragraphes et des phrases');
    expect($('h1').text()).toBe('Paire fr.md / en.md');
    expect($('table.alignment')).toHaveLength(0);
    expect($('a[data-export]')).toHaveLength(0);
  });

  it('shows why a failed pair failed, escaped, and stops reloading', () => {
    const failed = { ...pair, status: PairStatus.failed, failureReason: 'bad <input>' };
    const page = renderPairPage(makeContext('en', '/review/queued-pair'), {
      pair: failed,
      report: null,
      alignment: null,
      page: PAGE,
      onlyProblems: false,
      document: null,
    });
    const $ = cheerio.load(page);
    expect($('.failure').text()).toBe('The alignment failed: bad <input>');
    expect(page).toContain('bad &lt;input&gt;');
    expect($('meta[http-equiv="refresh"]')).toHaveLength(0);
  });
});

describe('renderPairPage for a French version renumbered after a dropped paragraph', () => {
  let stored: StoredPair;
  beforeAll(async () => {
    // resolution-preamble with French paragraph 4 dropped and 5 to 10 renumbered 4 to 9, as Word does.
    const texts = readCorpus('resolution-preamble');
    const fr = texts.fr.text
      .replace(/^4\. .*\n\n/mu, '')
      .replace(/^(\d+)\. /gmu, (match, n: string) => (Number(n) >= 5 ? `${Number(n) - 1}. ` : match));
    stored = await storeAlignedPair({ ...texts, fr: { ...texts.fr, text: fr } });
  });
  const data = (): PairPageData => ({ ...stored, page: PAGE, onlyProblems: false, document: null });

  it('says so in one finding, in English and in French', () => {
    expect(render(data())('[data-section="numberingShifts"] li').text()).toContain(
      'French numbering shifted by \u22121 from paragraph 5: paragraph 4 is missing in French',
    );
    expect(render(data(), 'fr')('[data-section="numberingShifts"] li').text()).toContain(
      'en français, numérotation décalée de \u22121 à partir du paragraphe 5',
    );
    expect(render(data())('[data-summary="numberingShifts"] td').text()).toBe('1');
  });

  it('marks the beads paired across the shift, and only those', () => {
    const $ = render(data());
    const marked = $('tbody[data-block-bead]').filter((_, el) => $(el).find('tr.group.numbering-shift').length > 0);
    // Groups carry the French label: French 4 to 9 hold English 5 to 10.
    expect(marked.map((_, el) => $(el).find('tr.group').attr('data-label')).get()).toEqual([
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    marked.each((_, el) => {
      expect($(el).find('tr.bead').length).toBeGreaterThan(0);
      expect($(el).find('tr.bead:not(.numbering-shift)').length).toBe(0);
    });
    expect($('.legend .numbering-shift').text()).toBe('paired by content across a numbering shift');
  });
});
