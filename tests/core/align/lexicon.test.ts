import { describe, expect, it } from 'vitest';
import { parseDictionary } from '../../../src/core/align/dictionary.js';
import { foldWord, tokenize } from '../../../src/core/align/features.js';
import { learnLexicon } from '../../../src/core/align/lexicon.js';
import { InputError } from '../../../src/core/errors.js';

describe('tokenize', () => {
  it.each([
    ['1,250.5 dollars', ['12505', 'dollars']],
    ['1 250,5 dollars', ['12505', 'dollars']],
    ["l'application de la Convention", ['l', 'application', 'de', 'la', 'convention']],
    ['voir A/RES/70/1.', ['voir', 'a/res/70/1']],
    ['Conférence', ['conference']],
  ])('%s', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('folds accents and case', () => {
    expect(foldWord('Élaboré')).toBe('elabore');
  });
});

describe('learnLexicon', () => {
  it('learns word translations from aligned pairs and ignores chance co-occurrence', () => {
    const pairs = [
      { source: ['maison', 'rouge'], target: ['red', 'house'] },
      { source: ['maison', 'bleue'], target: ['blue', 'house'] },
      { source: ['voiture', 'rouge'], target: ['red', 'car'] },
      { source: ['voiture', 'bleue'], target: ['blue', 'car'] },
      { source: ['maison', 'verte'], target: ['green', 'house'] },
      { source: ['voiture', 'verte'], target: ['green', 'car'] },
    ];
    const lexicon = learnLexicon(pairs, {
      iterations: 8,
      minProbability: 0.3,
      maxTranslations: 1,
      minCooccurrence: 2,
      maxPairs: 100,
    });
    expect(lexicon.get('house')).toEqual(['maison']);
    expect(lexicon.get('car')).toEqual(['voiture']);
    expect(lexicon.get('red')).toEqual(['rouge']);
    expect(lexicon.get('blue')).toEqual(['bleue']);
  });

  it('is deterministic', () => {
    const pairs = [
      { source: ['a1', 'b1'], target: ['x1', 'y1'] },
      { source: ['a1', 'c1'], target: ['x1', 'z1'] },
      { source: ['b1', 'c1'], target: ['y1', 'z1'] },
    ];
    expect([...learnLexicon(pairs)]).toEqual([...learnLexicon(pairs)]);
  });
});

describe('parseDictionary', () => {
  it('reads TSV and hunalign lines into target → source words', () => {
    const lexicon = parseDictionary('# comment\ntraite\ttrafficking\nsmuggling @ trafic illicite\n');
    expect(lexicon.get('trafficking')).toEqual(['traite']);
    expect(lexicon.get('smuggling')).toEqual(['trafic', 'illicite']);
  });

  it('refuses a line in neither form, naming it', () => {
    expect(() => parseDictionary('ok\tfine\nnonsense line\n')).toThrow(InputError);
    expect(() => parseDictionary('ok\tfine\nnonsense line\n')).toThrow(/line 2/);
  });
});
