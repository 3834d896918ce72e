import { describe, it, expect } from 'vitest';
import {
  findDocumentSymbol,
  isDocumentSymbol,
  isHeaderLine,
  isPlaceDateLine,
  isSessionLine,
  parseAgendaItem,
  parseDistribution,
  parseIssueDate,
  parseOriginalLanguage,
} from '../../../src/core/parse/header-lines.js';

describe('parseIssueDate', () => {
  it.each([
    ['18 July 2018', '2018-07-18'],
    ['18 juillet 2018', '2018-07-18'],
    ['1er janvier 2019', '2019-01-01'],
    ['12 février 2020', '2020-02-12'],
    ['3 Août 2017', '2017-08-03'],
    ['22 décembre 2023', '2023-12-22'],
    ['July 18, 2018', '2018-07-18'],
    ['18 de julio de 2018', '2018-07-18'],
    ['18\u00A0July\u00A02018', '2018-07-18'],
  ])('%j → %s', (line, iso) => {
    expect(parseIssueDate(line)).toBe(iso);
  });

  it.each(['Vienna, 15–19 October 2018', '18 Foo 2018', '2018', '40 July 2018', 'the 18 July 2018 meeting'])(
    '%j is not an issue date',
    (line) => {
      expect(parseIssueDate(line)).toBeNull();
    },
  );
});

describe('document symbols', () => {
  it.each([
    'CTOC/COP/2018/1',
    'A/RES/70/1',
    'E/CN.4/2005/L.10/Add.17',
    'A/AC.999/2019/3',
    'S/RES/2334',
    'CTOC/COP/WG.2/2019/INF/1/Rev.1',
  ])('%s is a symbol', (token) => {
    expect(isDocumentSymbol(token)).toBe(true);
  });

  it.each(['4/4', 'and/or', 'CTOC/COP', 'CTOC/COP/2018/1.', '15-19', 'Distr.'])('%s is not a symbol', (token) => {
    expect(isDocumentSymbol(token)).toBe(false);
  });

  it('finds the symbol printed after the organisation name', () => {
    expect(findDocumentSymbol('United Nations   A/RES/70/1')).toBe('A/RES/70/1');
    expect(findDocumentSymbol('Distr.: General')).toBeNull();
  });
});

describe('front-matter lines', () => {
  it.each([
    ['Distr.: General', 'General'],
    ['Distr. générale', 'générale'],
    ['Distr. limitée', 'limitée'],
    ['Distr.: Limited', 'Limited'],
    ['Distribution of documents', null],
  ])('distribution of %j is %j', (line, value) => {
    expect(parseDistribution(line)).toBe(value);
  });

  it.each([
    ['Original: English', 'en'],
    ['Original : anglais', 'en'],
    ['Original: French', 'fr'],
    ['Original : français', 'fr'],
    ['Original: Spanish', 'es'],
    ['Original : russe', 'ru'],
    ['Original: Arabic', 'ar'],
    ['Original : chinois', 'zh'],
    ['Original: Klingon', null],
    // The forms of the other UN languages: Spanish headers, and the bracketed lines that close letters and annexes.
    ['Original: inglés', 'en'],
    ['Original: francés', 'fr'],
    ['[Original: árabe]', 'ar'],
    ['Подлинный текст: английский', 'en'],
    ['[Подлинный текст: французский]', 'fr'],
    ['[Подлинный текст на испанском языке]', 'es'],
    ['Подлинный текст на английском и французском языках', 'en'],
    ['الأصل: بالإنكليزية', 'en'],
    ['[الأصل: بالفرنسية]', 'fr'],
    ['الأصل: بالإسبانية', 'es'],
    ['الأصل: بالانجليزية', 'en'],
    ['原件：英文', 'en'],
    ['[原件：俄文]', 'ru'],
    ['原文: 阿拉伯文', 'ar'],
    ['原件：英文和法文', null],
    ['提交全权证书原件。', null],
  ])('original language of %j is %j', (line, code) => {
    expect(parseOriginalLanguage(line)).toBe(code);
  });

  it.each([
    ['Item 2 (b) of the provisional agenda*', '2b'],
    ["Point 2 b) de l'ordre du jour provisoire*", '2b'],
    ['Agenda item 108', '108'],
    ["Point 108 de l'ordre du jour", '108'],
    ['Agenda items 15 and 116', '15'],
    ['Itemized list', null],
  ])('agenda item of %j is %j', (line, value) => {
    expect(parseAgendaItem(line)).toBe(value);
  });

  it.each([
    ['Ninth session', true],
    ['Neuvième session', true],
    ['Seventy-eighth session', true],
    ['The session was opened by the Chair.', false],
  ])('session line %j: %s', (line, yes) => {
    expect(isSessionLine(line)).toBe(yes);
  });

  it.each([
    ['Vienna, 15–19 October 2018', true],
    ['Vienne, 3 et 4 juin 2019', true],
    ['New York, 3 June 2019', true],
    ['Recalling, in 2015', false],
  ])('place and date line %j: %s', (line, yes) => {
    expect(isPlaceDateLine(line)).toBe(yes);
  });

  it.each([
    ['United Nations', true],
    ['Assemblée générale', true],
    ['A/AC.999/2019/3', true],
    ['Français', true],
    ['12 March 2019', true],
    ['Note by the Secretariat', false],
    ['Working Group on Technical Assistance', false],
    ['', false],
  ])('header line %j: %s', (line, yes) => {
    expect(isHeaderLine(line)).toBe(yes);
  });
});
