import { describe, expect, it } from 'vitest';
import {
  buildFeatures,
  consonantSkeleton,
  forEachWord,
  KeySpace,
  PUNCTUATION_CLASSES,
  tokenize,
  tokenizeSide,
} from '../../../src/core/align/features.js';
import { createBeadScorer, DEFAULT_WEIGHTS, SimilarityMeter } from '../../../src/core/align/costs.js';
import { pseudoRandom } from '../../../harness/pseudo-random.js';

// Features of two short texts with no function words left out, over one key space.
function featuresOf(source: string[], target: string[]) {
  const space = new KeySpace();
  const none = (n: number) => new Uint8Array(n);
  const s = tokenizeSide(source);
  const t = tokenizeSide(target);
  return {
    source: buildFeatures(s, space, { functionWords: none(s.vocabulary.length) }),
    target: buildFeatures(t, space, { functionWords: none(t.vocabulary.length) }),
    space,
  };
}

// A bead scorer over all of both texts, with a fixed calibration.
function scorerOver(sides: ReturnType<typeof featuresOf>, weights: typeof DEFAULT_WEIGHTS) {
  return createBeadScorer({
    ...sides,
    sourceSpan: { start: 0, end: sides.source.count },
    targetSpan: { start: 0, end: sides.target.count },
    sourceParagraphStarts: new Uint8Array(0),
    targetParagraphStarts: new Uint8Array(0),
    calibration: { randomMean: 0.1, trueMean: 0.5 },
    weights,
    lengthRatio: 1,
  });
}

describe('tokenize', () => {
  it.each([
    ['La Conférence a adopté', ['la', 'conference', 'a', 'adopte']],
    ['1 250,5 et 1,250.5', ['12505', 'et', '12505']],
    ["l'application", ['l', 'application']],
    ['voir A/RES/70/1', ['voir', 'a/res/70/1']],
    // other scripts: Arabic-Indic digits, reversed Arabic digit groups, Chinese pairs of characters
    ['الفقرة ٢٠١٥', ['الفقرة', '2015']],
    ['حوالي 182 3 طلقة', ['حوالي', '3182', 'طلقة']],
    ['会议于2015年举行', ['会议', '议于', '2015', '年举', '举行']],
    ['巴塞尔公约', ['巴塞', '塞尔', '尔公', '公约']],
    ['见A/70/1号', ['见', 'a/70/1', '号']],
    ['１２３', ['123']],
  ])('%s', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('consonantSkeleton', () => {
  it.each([
    ['gouvernement', 'government'],
    ['kommission', 'commission'],
    ['philosophie', 'filosofie'],
  ])('%s and %s share a skeleton', (a, b) => {
    expect(consonantSkeleton(a)).toBe(consonantSkeleton(b));
  });

  it('tells unrelated words apart', () => {
    expect(consonantSkeleton('conference')).not.toBe(consonantSkeleton('committee'));
  });

  it.each([
    ['gouvernement', 'gvrn'],
    ['philosophie', 'flsf'],
    ['kommission', 'cmsn'],
    ['pphhtt', 'pfht'],
    ['tot', 't'],
    ['aeiou', ''],
    ['commitee', 'cmt'],
  ])('reads %s as %s', (word, skeleton) => {
    expect(consonantSkeleton(word)).toBe(skeleton);
  });

  it('reads a 4,000,000-letter token without overflowing the stack', () => {
    expect(consonantSkeleton('x'.repeat(4_000_000))).toBe('x');
    expect(consonantSkeleton(`${'b'.repeat(2_000_000)}${'c'.repeat(2_000_000)}`)).toBe('bc');
  });
});

describe('cognate keys across scripts', () => {
  it.each([
    ['конвенции', 'convention'],
    ['Организации', 'organization'],
    ['программы', 'programme'],
  ])('%s matches %s', (russian, english) => {
    const sides = featuresOf([russian], [english]);
    expect(new SimilarityMeter(sides.source, sides.target, sides.space).measure(0, 1, 0, 1).similarity).toBe(1);
  });

  it('does not match unrelated words', () => {
    const sides = featuresOf(['доклад'], ['convention']);
    expect(new SimilarityMeter(sides.source, sides.target, sides.space).measure(0, 1, 0, 1).similarity).toBe(0);
  });
});

describe('punctuation evidence', () => {
  it('counts question marks, exclamation marks and parentheses per sentence', () => {
    const side = tokenizeSide(['Pourquoi ? Non !', 'Voir (ci-dessous) et (ci-dessus).']);
    const width = PUNCTUATION_CLASSES.length;
    expect([...side.punctuation.slice(0, width)]).toEqual([1, 1, 0]);
    expect([...side.punctuation.slice(width, 2 * width)]).toEqual([0, 0, 2]);
  });

  it('counts the Chinese full-width and Arabic marks in the same classes', () => {
    const side = tokenizeSide(['为什么？不！（见下文）', 'لماذا؟']);
    const width = PUNCTUATION_CLASSES.length;
    expect([...side.punctuation.slice(0, width)]).toEqual([1, 1, 1]);
    expect([...side.punctuation.slice(width, 2 * width)]).toEqual([1, 0, 0]);
  });

  it('gives sentence endings the same class in every script', () => {
    const side = tokenizeSide([
      'Adopted.',
      '已通过。',
      'Why?',
      '为什么？',
      'لماذا؟',
      '如下：',
      'كما يلي؛',
      '他说：“好。”',
    ]);
    expect([...side.endings]).toEqual([1, 1, 2, 2, 2, 4, 5, 1]);
  });

  it('scores a question against a question above a question against a statement of the same length', () => {
    const { source, target, space } = featuresOf(['Where did she go?'], ['Où est-elle allée ?', 'Où est-elle allée .']);
    const score = (weights: typeof DEFAULT_WEIGHTS) => scorerOver({ source, target, space }, weights);
    const withPunctuation = score(DEFAULT_WEIGHTS);
    expect(withPunctuation(0, 1, 0, 1)).toBeGreaterThan(withPunctuation(0, 1, 1, 2));
    const without = score({ ...DEFAULT_WEIGHTS, punctuation: 0 });
    expect(without(0, 1, 0, 1)).toBeCloseTo(without(0, 1, 1, 2), 6);
  });
});

describe('numbers across a bead boundary', () => {
  // The German splits after "zwei Tage", the French before "deux jours": "250" crosses the boundary.
  const source = [
    'Die ersten Seillängen kosteten Stunden, 250 Höhenmeter erforderten zwei Tage.',
    'Sechs Stunden Steigeisenarbeit folgten.',
  ];
  const target = [
    'Les premières longueurs coûtèrent des heures.',
    'Il fallut deux jours pour gravir 250 m. Six heures de cramponnage suivirent.',
  ];

  it('counts a number matched only in the sentence just across the boundary', () => {
    const { source: s, target: t, space } = featuresOf(source, target);
    const meter = new SimilarityMeter(s, t, space);
    meter.measure(0, 1, 0, 1);
    expect(meter.numbersLeaking(0, 1, 0, 1)).toBe(1);
    meter.measure(0, 2, 0, 2);
    expect(meter.numbersLeaking(0, 2, 0, 2)).toBe(0);
  });

  it('does not count a number that also matches inside the bead', () => {
    const {
      source: s,
      target: t,
      space,
    } = featuresOf(
      ['Im Jahr 1956 ging es los.', 'Auch 1956 kam man zurück.'],
      ['En 1956 on partit.', 'En 1956 on revint.'],
    );
    const meter = new SimilarityMeter(s, t, space);
    meter.measure(0, 1, 0, 1);
    expect(meter.numbersLeaking(0, 1, 0, 1)).toBe(0);
  });

  it('makes the scorer prefer the bead that keeps the number whole', () => {
    const { source: s, target: t, space } = featuresOf(source, target);
    const score = (weights: typeof DEFAULT_WEIGHTS) => scorerOver({ source: s, target: t, space }, weights);
    const split = (scorer: ReturnType<typeof score>) => scorer(0, 1, 0, 1) + scorer(1, 2, 1, 2);
    const withLeak = score(DEFAULT_WEIGHTS);
    const withoutLeak = score({ ...DEFAULT_WEIGHTS, numberLeak: 0 });
    expect(withoutLeak(0, 2, 0, 2)).toBeCloseTo(withLeak(0, 2, 0, 2), 6);
    expect(split(withoutLeak) - split(withLeak)).toBeCloseTo(2 * DEFAULT_WEIGHTS.numberLeak, 6);
  });
});

describe('forEachWord', () => {
  it('finds the words the regular expression of letters, numbers and joiners finds, on random text', () => {
    const reference = /[\p{L}\p{N}]+(?:[''’\-.,/][\p{L}\p{N}]+)*/gu;
    // Letters and digits of several scripts, every joiner, spaces, an astral letter, a lone surrogate, marks that join
    // nothing (ʼ, _, !).
    const alphabet = [
      'a',
      'É',
      '1',
      '٣',
      "'",
      '’',
      '-',
      '.',
      ',',
      '/',
      ' ',
      '\u00a0',
      '漢',
      '𝐀',
      '\ud800',
      'ʼ',
      '_',
      '!',
      '２',
    ];
    const draw = pseudoRandom(9);
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      for (let length = draw(14); length > 0; length--) text += alphabet[draw(alphabet.length)] as string;
      const words: string[] = [];
      forEachWord(text, (word) => words.push(word));
      expect(words, JSON.stringify(text)).toEqual([...text.matchAll(reference)].map((match) => match[0]));
    }
  });
});
