import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { readDocumentMeta } from '../../../src/core/parse/document-meta.js';
import { parseDocument } from '../../../src/core/parse/parse-document.js';
import type { DocumentMeta } from '../../../src/core/model.js';
import { haveSharedData } from '../../../harness/shared-data.js';

const SEED = new URL('../../../../shared/seeds/un-note-ctoc-cop-2018.fr.md', import.meta.url);

const ENGLISH_HEADER = [
  'United Nations',
  'E/CN.4/2005/L.10/Add.17',
  'Economic and Social Council',
  'Distr.: Limited',
  '1 January 2005',
  'Original: Spanish',
  '',
  'Commission on Human Rights',
  'Sixty-first session',
  'Agenda item 17 (b)',
  '',
  'Promotion and protection of human rights',
  '',
  'Note by the Secretariat',
  '',
  '1. The Commission adopted the resolution.',
  '',
  '__________',
  '* E/CN.4/2005/1.',
  '',
].join('\n');

function metaOf(source: string, language: string, format: 'text' | 'markdown'): DocumentMeta {
  return parseDocument(source, { language, format }).meta;
}

describe('readDocumentMeta', () => {
  it.skipIf(!haveSharedData('the French seed header test', [SEED]))(
    'reads the French seed header and ignores the agenda footnote symbol',
    () => {
      expect(metaOf(readFileSync(SEED, 'utf8'), 'fr', 'markdown')).toEqual({
        symbol: null,
        distribution: 'générale',
        date: '2018-07-18',
        originalLanguage: 'en',
        session: 'Neuvième session',
        agendaItem: '2b',
        title:
          "Examen de l'application de la Convention des Nations Unies contre la criminalité transnationale organisée " +
          "et des Protocoles s'y rapportant : Protocole visant à prévenir, réprimer et punir " +
          'la traite des personnes, ' +
          'en particulier des femmes et des enfants',
      });
    },
  );

  it('reads an English plain-text header without a bold title', () => {
    expect(metaOf(ENGLISH_HEADER, 'en', 'text')).toEqual({
      symbol: 'E/CN.4/2005/L.10/Add.17',
      distribution: 'Limited',
      date: '2005-01-01',
      originalLanguage: 'es',
      session: 'Sixty-first session',
      agendaItem: '17b',
      title: 'Promotion and protection of human rights',
    });
  });

  // Russian, Arabic and Chinese versions print the header block in English ("Russian / Original: English"); the
  // native forms appear in headers of other issuers and close letters and annexes.
  it.each([
    ['es', ['Distr. general', '12 de julio de 2018', 'Español', 'Original: inglés'], 'en'],
    ['ru', ['Distr.: General', '12 July 2018', 'Russian', 'Original: French'], 'fr'],
    ['ru', ['Distr.: General', '12 July 2018', 'Подлинный текст: английский'], 'en'],
    ['ar', ['Distr.: General', '12 July 2018', 'الأصل: بالإنكليزية'], 'en'],
    ['zh', ['Distr.: General', '12 July 2018', '原件：西班牙文'], 'es'],
  ])('reads the original language of a %s header', (language, header, original) => {
    const source = `A/73/100\n${header.join('\n')}\n\n1. ${language === 'zh' ? '大会审议了报告。' : 'Text of the paragraph.'}`;
    expect(metaOf(source, language, 'text').originalLanguage).toBe(original);
  });

  it('prefers an explicit header symbol and a resolution number title', () => {
    const source = [
      'United Nations A/RES/70/1',
      '',
      'Distr.: General',
      '21 October 2015',
      '',
      '**Resolution adopted by the General Assembly on 25 September 2015**',
      '',
      '**70/1. Transforming our world: the 2030 Agenda for Sustainable Development**',
      '',
      '*The General Assembly*,',
      '',
      '1. *Adopts* the Agenda.',
    ].join('\n');
    const meta = metaOf(source, 'en', 'markdown');
    expect(meta.symbol).toBe('A/RES/70/1');
    expect(meta.title).toBe('70/1. Transforming our world: the 2030 Agenda for Sustainable Development');
    expect(meta.originalLanguage).toBeNull();
    expect(meta.agendaItem).toBeNull();
  });

  it('takes the first bold title block', () => {
    const source =
      'Distr.: General\n18 July 2018\n\n**Short bold title**\n\n' +
      'A much longer line of title text that is not bold\n\n1. Text.';
    expect(metaOf(source, 'en', 'markdown').title).toBe('Short bold title');
  });

  it('returns nulls when nothing is stated', () => {
    expect(readDocumentMeta([], 'en')).toEqual({
      symbol: null,
      distribution: null,
      date: null,
      originalLanguage: null,
      session: null,
      agendaItem: null,
      title: null,
    });
  });

  it('does not take the place and dates of the session for the issue date', () => {
    const meta = metaOf('Ninth session\nVienna, 15 October 2018\n\n1. Text.', 'en', 'text');
    expect(meta.date).toBeNull();
    expect(meta.session).toBe('Ninth session');
  });
});
