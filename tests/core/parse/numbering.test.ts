import { describe, it, expect } from 'vitest';
import {
  advanceLabelPath,
  initialLabelPathState,
  isRomanNumeral,
  makeLabel,
  parseLabel,
  resolveLetterOrRoman,
  romanToNumber,
  splitLeadingLabel,
  type LabelPathState,
} from '../../../src/core/parse/numbering.js';
import type { Label } from '../../../src/core/model.js';

describe('parseLabel', () => {
  it.each([
    ['12.', 'arabic:12'],
    ['1.', 'arabic:1'],
    ['(a)', 'lowerLetter:a'],
    ['a)', 'lowerLetter:a'],
    ['(aa)', 'lowerLetter:aa'],
    ['(ii)', 'lowerRoman:ii'],
    ['iv)', 'lowerRoman:iv'],
    ['(i)', 'lowerRoman:i'],
    ['(v)', 'lowerRoman:v'],
    ['(x)', 'lowerRoman:x'],
    ['(c)', 'lowerLetter:c'],
    ['IV.', 'upperRoman:IV'],
    ['I.', 'upperRoman:I'],
    ['A.', 'upperLetter:A'],
    ['C.', 'upperLetter:C'],
    ['Annex I', 'annex:I'],
    ['Annexe I', 'annex:I'],
    ['ANNEX II', 'annex:II'],
    ['ANNEXE II', 'annex:II'],
    ['Article 5', 'article:5'],
    ['ARTICLE 12', 'article:12'],
    ['Art. 3', 'article:3'],
    ['Article premier', 'article:1'],
    ['Article 1er', 'article:1'],
    ['Rule 12', 'article:12'],
    ['Chapter IV', 'chapter:4'],
    ['CHAPITRE PREMIER', 'chapter:1'],
    ['Chapter 3', 'chapter:3'],
    ['Section 3', 'section:3'],
    ['*', 'footnote:*'],
    ['**', 'footnote:**'],
    ['1', 'footnote:1'],
    ['Item 2 (b)', 'agendaItem:2b'],
    ['Point 2 b)', 'agendaItem:2b'],
    ['Item 3', 'agendaItem:3'],
    ['-', 'bullet:'],
    ['•', 'bullet:'],
    ['–', 'bullet:'],
  ])('%s → %s', (raw, key) => {
    const label = parseLabel(raw);
    expect(label?.key).toBe(key);
    expect(label?.raw).toBe(raw);
  });

  it.each(['12.1', 'Hello', '(ab)', 'IIII.', '1.2.', '', '1234'])('%j is not a label', (raw) => {
    expect(parseLabel(raw)).toBeNull();
  });

  it('reads an unnumbered "Annex" as an annex with an empty value', () => {
    expect(parseLabel('Annex')?.key).toBe('annex:');
    expect(parseLabel('Annexe')?.key).toBe('annex:');
  });

  it.each([
    ['(a)', 'a)'],
    ['(b)', 'b)'],
    ['(iv)', 'iv)'],
    ['Item 2 (b)', 'Point 2 b)'],
    ['Annex I', 'Annexe I'],
    ['ANNEX III', 'Annexe III'],
    ['Article 1', 'Article premier'],
    ['Rule 5', 'Article 5'],
    ['Chapter I', 'Chapitre premier'],
    ['Item 108', 'Point 108'],
  ])('English %s and French %s have the same key', (en, fr) => {
    const a = parseLabel(en);
    const b = parseLabel(fr);
    expect(a).not.toBeNull();
    expect(a?.key).toBe(b?.key);
    expect(a?.raw).not.toBe(b?.raw);
  });
});

describe('splitLeadingLabel', () => {
  it.each([
    ['12. The Conference decided', 'arabic:12', 'The Conference decided', 3],
    ['(a) To continue', 'lowerLetter:a', 'To continue', 3],
    ['b) Engage les États', 'lowerLetter:b', 'Engage les États', 2],
    ['  (ii) Publishing', 'lowerRoman:ii', 'Publishing', 6],
    ['IV. Conclusions and recommendations', 'upperRoman:IV', 'Conclusions and recommendations', 3],
    ['A. Legislative assistance', 'upperLetter:A', 'Legislative assistance', 2],
    ['A. Smith said', 'upperLetter:A', 'Smith said', 2],
    ['* CTOC/COP/2018/1.', 'footnote:*', 'CTOC/COP/2018/1.', 1],
    ['** Reissued for technical reasons.', 'footnote:**', 'Reissued for technical reasons.', 2],
    ['Item 2 (b) of the provisional agenda*', 'agendaItem:2b', 'of the provisional agenda*', 10],
    ["Point 2 b) de l'ordre du jour provisoire*", 'agendaItem:2b', "de l'ordre du jour provisoire*", 10],
    ['Agenda item 108', 'agendaItem:108', '', 15],
    ['Annex I', 'annex:I', '', 7],
    ['Annexe II : Liste des participants', 'annex:II', ': Liste des participants', 9],
    ['Article 2 : Non-discrimination', 'article:2', ': Non-discrimination', 9],
    ['- first item', 'bullet:', 'first item', 1],
    ['• premier', 'bullet:', 'premier', 1],
    ['1.\u00A0Texte', 'arabic:1', 'Texte', 2],
  ])('%j → %s', (line, key, rest, labelEnd) => {
    const found = splitLeadingLabel(line);
    expect(found?.label.key).toBe(key);
    expect(found?.rest).toBe(rest);
    expect(found?.labelEnd).toBe(labelEnd);
  });

  it.each([
    '12.1 Sub-section',
    '2018 was a year',
    'Annex I contains the list of participants.',
    'Article 5 of the Convention provides that',
    'Article premier de la Convention',
    'Articles 3 and 4',
    'Chapter IV of the Charter',
    'Section 3 describes the methods',
    'Rule 12 applies',
    'M. Banda a soumis le projet.',
    'Mr. Banda submitted the draft.',
    'The General Assembly,',
    '*Recalling* its resolution',
    '1.Texte',
    '78/999. Technical assistance',
    'A/AC.999/2019/3',
  ])('%j has no leading label', (line) => {
    expect(splitLeadingLabel(line)).toBeNull();
  });

  it.each([
    ['1 See General Assembly resolution 70/1.', 'footnote:1', 'See General Assembly resolution 70/1.'],
    ['* A/AC.999/2019/1.', 'footnote:*', 'A/AC.999/2019/1.'],
    ['12. Not a footnote', 'arabic:12', 'Not a footnote'],
  ])('in a footnote area %j → %s', (line, key, rest) => {
    const found = splitLeadingLabel(line, { footnoteArea: true });
    expect(found?.label.key).toBe(key);
    expect(found?.rest).toBe(rest);
  });

  it('reads a bare number as a footnote marker only in a footnote area', () => {
    expect(splitLeadingLabel('1 See resolution 70/1.')).toBeNull();
  });

  it('accepts "M." after "L." only', () => {
    const l = makeLabel('upperLetter', 'L', 'L.');
    expect(splitLeadingLabel('M. Next heading', { previous: l })?.label.key).toBe('upperLetter:M');
    expect(splitLeadingLabel('M. Banda a dit')).toBeNull();
  });

  it.each([
    ['1.** Text', 'arabic:1', '1.', 2],
    ['1\\. Escaped', 'arabic:1', '1.', 3],
    ['(a)* Text', 'lowerLetter:a', '(a)', 3],
  ])('in Markdown %j → %s', (line, key, raw, labelEnd) => {
    const found = splitLeadingLabel(line, { markdown: true });
    expect(found?.label.key).toBe(key);
    expect(found?.label.raw).toBe(raw);
    expect(found?.labelEnd).toBe(labelEnd);
  });

  it('does not unescape "1\\." in plain text', () => {
    expect(splitLeadingLabel('1\\. Escaped')).toBeNull();
  });
});

describe('resolveLetterOrRoman', () => {
  const lower = (value: string, style: Label['style']): Label => makeLabel(style, value, `(${value})`);
  it.each([
    ['i', null, null, 'lowerRoman'],
    ['i', lower('h', 'lowerLetter'), null, 'lowerLetter'],
    ['i', lower('b', 'lowerLetter'), null, 'lowerRoman'],
    ['i', lower('h', 'lowerLetter'), lower('ii', 'lowerRoman'), 'lowerRoman'],
    ['i', null, lower('j', 'lowerLetter'), 'lowerLetter'],
    ['v', lower('iv', 'lowerRoman'), null, 'lowerRoman'],
    ['v', lower('u', 'lowerLetter'), null, 'lowerLetter'],
    ['v', null, null, 'lowerRoman'],
    ['x', lower('w', 'lowerLetter'), null, 'lowerLetter'],
    ['x', lower('ix', 'lowerRoman'), null, 'lowerRoman'],
    ['x', null, null, 'lowerRoman'],
    ['c', lower('b', 'lowerLetter'), null, 'lowerLetter'],
    ['c', null, null, 'lowerLetter'],
    ['l', lower('xlix', 'lowerRoman'), null, 'lowerRoman'],
  ])('(%s) after %j, before %j → %s', (value, previous, next, style) => {
    const resolved = resolveLetterOrRoman(makeLabel('lowerRoman', value, `(${value})`), previous, next);
    expect(resolved.style).toBe(style);
    expect(resolved.key).toBe(`${style}:${value}`);
  });

  it.each([
    ['I', makeLabel('upperLetter', 'H', 'H.'), 'upperLetter'],
    ['I', makeLabel('upperLetter', 'B', 'B.'), 'upperRoman'],
    ['V', makeLabel('upperRoman', 'IV', 'IV.'), 'upperRoman'],
    ['C', makeLabel('upperLetter', 'B', 'B.'), 'upperLetter'],
  ])('%s. after %j → %s', (value, previous, style) => {
    expect(resolveLetterOrRoman(makeLabel('upperRoman', value, `${value}.`), previous).style).toBe(style);
  });

  it('leaves unambiguous labels alone', () => {
    const label = makeLabel('arabic', '3', '3.');
    expect(resolveLetterOrRoman(label, lower('h', 'lowerLetter'))).toBe(label);
    const ii = makeLabel('lowerRoman', 'ii', '(ii)');
    expect(resolveLetterOrRoman(ii, lower('h', 'lowerLetter'))).toBe(ii);
  });
});

describe('roman numerals', () => {
  it.each([
    ['i', 1],
    ['iv', 4],
    ['ix', 9],
    ['XIV', 14],
    ['xlix', 49],
    ['MCMXCIX', 1999],
  ])('%s = %i', (roman, value) => {
    expect(isRomanNumeral(roman)).toBe(true);
    expect(romanToNumber(roman)).toBe(value);
  });

  it.each(['iiii', 'vv', 'ic', 'a', ''])('%j is not a roman numeral', (text) => {
    expect(isRomanNumeral(text)).toBe(false);
    expect(romanToNumber(text)).toBeNull();
  });
});

describe('advanceLabelPath', () => {
  function pathsOf(raws: string[]): Array<string | null> {
    let state: LabelPathState = initialLabelPathState;
    return raws.map((raw) => {
      const label = parseLabel(raw);
      if (!label) throw new Error(`not a label: ${raw}`);
      const next = advanceLabelPath(state, label);
      state = next.state;
      return next.path;
    });
  }

  it('nests sub-paragraphs under the open paragraph and headings under roman headings', () => {
    expect(pathsOf(['I.', '1.', '(a)', '(b)', '(ii)', '(c)', 'II.', 'A.', '2.', 'B.', '3.', '(a)'])).toEqual([
      'I',
      '1',
      '1/a',
      '1/b',
      '1/b/ii',
      '1/c',
      'II',
      'II/A',
      '2',
      'II/B',
      '3',
      '3/a',
    ]);
  });

  it('hangs a lettered list that follows a heading directly under that heading', () => {
    expect(pathsOf(['II.', 'A.', '(a)', '(ii)'])).toEqual(['II', 'II/A', 'II/A/a', 'II/A/a/ii']);
  });

  it('prefixes paths inside an annex and restarts there', () => {
    expect(pathsOf(['5.', 'Annex I', '1.', '(a)', 'II.', 'A.', 'Annexe II', '1.'])).toEqual([
      '5',
      'annex:I',
      'annex:I/1',
      'annex:I/1/a',
      'annex:I/II',
      'annex:I/II/A',
      'annex:II',
      'annex:II/1',
    ]);
  });

  it('prefixes paths inside an article, restarts its paragraphs, and closes it at a roman heading', () => {
    expect(
      pathsOf(['Article 1', '(a)', 'Article 2', '1.', '(a)', '2.', 'II.', '3.', 'Annex I', 'Article 1', '1.']),
    ).toEqual([
      'art:1',
      'art:1/a',
      'art:2',
      'art:2/1',
      'art:2/1/a',
      'art:2/2',
      'II',
      '3',
      'annex:I',
      'annex:I/art:1',
      'annex:I/art:1/1',
    ]);
  });

  it('reads chapters and sections as headings that close the open article; article numbers run through them', () => {
    expect(
      pathsOf(['Chapter I', 'Article 1', '1.', 'Article 2', 'Chapter II', 'Article 3', 'Section 1', '1.']),
    ).toEqual(['chap:1', 'art:1', 'art:1/1', 'art:2', 'chap:2', 'art:3', 'sec:1', '1']);
  });

  it('gives footnotes fn: paths without touching the numbering, and no path to bullets and agenda items', () => {
    expect(pathsOf(['3.', '*', '1', '-', 'Item 2 (b)', '(a)'])).toEqual(['3', 'fn:*', 'fn:1', null, null, '3/a']);
  });
});
