import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareTokens, extractTokens } from '../../../src/core/qa/extract-tokens.js';
import { haveSharedData } from '../../../harness/shared-data.js';

describe('extractTokens', () => {
  it.each([
    ['en', 'A total of 1,250.5 tonnes', ['1250.5']],
    ['fr', 'Au total, 1 250,5 tonnes', ['1250.5']],
    ['fr', 'Au total, 1\u00A0250,5 tonnes', ['1250.5']],
    ['fr', 'Au total, 1\u202F250,5 tonnes', ['1250.5']],
    ['de', 'insgesamt 1.250,5 Tonnen', ['1250.5']],
    ['en', '1250.5 tonnes', ['1250.5']],
    ['en', 'an increase of 15,000,000 dollars', ['15000000']],
    ['fr', 'une augmentation de 15 000 000 dollars', ['15000000']],
    ['en', 'rule 4.2 applies', ['4.2']],
    ['fr', 'la règle 4.2 s’applique', ['4.2']],
    ['en', '77.0 years', ['77']],
    ['en', 'paragraphs 1, 2 and 3', ['1', '2', '3']],
    ['en', 'In 2018 2 000 people', ['2018', '2000']],
    ['en', 'at 3.30 p.m.', ['15', '30']],
    ['fr', 'à 15 h 30', ['15', '30']],
    ['en', 'at 10 a.m.', ['10']],
    ['fr', 'à 10 heures', ['10']],
    ['en', 'at 1855 hours', ['18', '55']],
    ['en', 'the 1st meeting', ['1']],
    ['fr', 'la 1re séance', ['1']],
  ])('reads the numbers of (%s) %j as %j', (language, text, numbers) => {
    expect(extractTokens(text, language).numbers).toEqual(numbers);
  });

  it.each([
    ['en', 'on 18 July 2018', ['2018-07-18']],
    ['fr', 'le 18 juillet 2018', ['2018-07-18']],
    ['de', 'am 18. Juli 2018', ['2018-07-18']],
    ['es', 'el 18 de julio de 2018', ['2018-07-18']],
    ['fr', 'le 1er août 2018', ['2018-08-01']],
    ['fr', 'le 1er aout 2018', ['2018-08-01']],
    ['en', 'on July 18, 2018', ['2018-07-18']],
    ['en', 'in October 2018', ['2018-10']],
    ['fr', 'en octobre 2018', ['2018-10']],
    ['en', 'on 3 March', ['--03-03']],
    ['en', 'Vienna, 15–19 October 2018', ['2018-10-19']],
    ['fr', 'Vienne, 15-19 octobre 2018', ['2018-10-19']],
    // "may" and "march" lower-case are verbs, not months.
    ['en', 'paragraph 5 may apply', []],
  ])('reads the dates of (%s) %j as %j', (language, text, dates) => {
    expect(extractTokens(text, language).dates).toEqual(dates);
  });

  it('does not read the year of a date as a number', () => {
    expect(extractTokens('on 18 July 2018', 'en').numbers).toEqual([]);
  });

  it.each([
    ['see A/RES/70/1.', ['A/RES/70/1']],
    ['(E/CN.4/2005/L.10/Add.17)', ['E/CN.4/2005/L.10/Add.17']],
    ['[CTOC/COP/WG.4/2017/4](#) et CTOC/COP/WG.4/2018/3', ['CTOC/COP/WG.4/2017/4', 'CTOC/COP/WG.4/2018/3']],
    ['S/RES/2334 (2016)', ['S/RES/2334']],
    ['UNODC/UNDP and TCP/IP and and/or', []],
  ])('reads the symbols of %j as %j', (text, symbols) => {
    expect(extractTokens(text, 'en').symbols).toEqual(symbols);
  });

  it('does not read the digits of a symbol as numbers', () => {
    expect(extractTokens('see A/RES/70/1 and CTOC/COP/WG.4/2017/4', 'en').numbers).toEqual([]);
  });

  it('reads small numbers written as words', () => {
    expect(extractTokens('five interactive discussions at its second meeting', 'en').numberWords).toEqual(['5', '2']);
  });
});

describe('compareTokens', () => {
  it.each([
    ['en 1,250.5 = fr 1 250,5', 'A total of 1,250.5 tonnes.', 'Au total, 1 250,5 tonnes.'],
    ['NBSP thousands', 'Some 15,000 people.', 'Quelque 15\u00A0000 personnes.'],
    ['en dash range', 'Vienna, 15–19 October 2018', 'Vienne, 15-19 octobre 2018'],
    ['month names', 'Issued on 18 July 2018', 'Publié le 18 juillet 2018'],
    ['a number spelled out', 'It held five meetings.', 'Il a tenu 5 réunions.'],
    ['an ordinal spelled out', 'At its 2nd meeting.', 'À sa deuxième séance.'],
    ['year left out of the first date', 'from 13 April 2015 to 7 May 2015', 'du 13 avril au 7 mai 2015'],
    ['times of day', 'at 3 p.m.', 'à 15 heures'],
  ])('finds no difference: %s', (_rule, english, french) => {
    const comparison = compareTokens(extractTokens(english, 'en'), extractTokens(french, 'fr'));
    expect(comparison).toEqual({
      numbers: { sourceOnly: [], targetOnly: [] },
      symbols: { sourceOnly: [], targetOnly: [] },
      dates: { sourceOnly: [], targetOnly: [] },
    });
  });

  it.each([
    ['a changed number', 'A total of 1,250 tonnes.', 'Au total, 1 520 tonnes.', 'numbers', ['1250'], ['1520']],
    ['a misplaced decimal', 'Growth of 2.5 per cent.', 'Croissance de 25 %.', 'numbers', ['2.5'], ['25']],
    ['a changed symbol', 'See A/RES/70/1.', 'Voir A/RES/70/2.', 'symbols', ['A/RES/70/1'], ['A/RES/70/2']],
    ['a changed date', 'On 18 July 2018.', 'Le 19 juillet 2018.', 'dates', ['2018-07-18'], ['2018-07-19']],
    ['a changed year', 'On 18 July 2018.', 'Le 18 juillet 2017.', 'dates', ['2018-07-18'], ['2017-07-18']],
    [
      'a changed year in a range',
      'From 6 to 8 September 2017.',
      'Du 6 au 8 septembre 2016.',
      'dates',
      ['2017-09-08'],
      ['2016-09-08'],
    ],
    ['a dropped date', 'On 18 July 2018 it met.', 'Elle s’est réunie.', 'dates', ['2018-07-18'], []],
  ] as const)('finds %s', (_rule, english, french, field, sourceOnly, targetOnly) => {
    const comparison = compareTokens(extractTokens(english, 'en'), extractTokens(french, 'fr'));
    expect(comparison[field]).toEqual({ sourceOnly, targetOnly });
  });

  const unpc = new URL('../../../../shared/eval/raw/unpc-v1.0-testsets/devset/UNv1.0.devset.', import.meta.url);
  it.skipIf(!haveSharedData('the UNPC token test', [new URL(`${unpc.href}en`), new URL(`${unpc.href}fr`)]))(
    'flags few of the UN Parallel Corpus dev pairs (silver-aligned, labels stripped)',
    () => {
      const strip = (line: string): string => line.replace(/^\s*(?:\d+|[A-Z]|[IVX]+)\.\s+/u, '');
      const english = readFileSync(new URL(`${unpc.href}en`), 'utf8')
        .split('\n')
        .map(strip);
      const french = readFileSync(new URL(`${unpc.href}fr`), 'utf8')
        .split('\n')
        .map(strip);
      let withTokens = 0;
      let flagged = 0;
      english.forEach((line, index) => {
        const source = extractTokens(line, 'en');
        const target = extractTokens(french[index] ?? '', 'fr');
        if (source.numbers.length + source.dates.length + target.numbers.length + target.dates.length === 0) return;
        withTokens += 1;
        const comparison = compareTokens(source, target);
        const differs = Object.values(comparison).some((diff) => diff.sourceOnly.length + diff.targetOnly.length > 0);
        if (differs) flagged += 1;
      });
      // Measured: 85 of 1,337 pairs with numbers or dates; most are real omissions or corrupt lines in the corpus
      // (83 while a full date matched any year: one of the two since is "31 décembre 1014" for 31 December 2014).
      expect(withTokens).toBeGreaterThan(1000);
      expect(flagged / withTokens).toBeLessThan(0.08);
    },
  );
});
