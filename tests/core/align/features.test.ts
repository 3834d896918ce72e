import { describe, expect, it } from 'vitest';
import { buildFeatures, consonantSkeleton, KeySpace, PUNCTUATION_CLASSES, tokenize, tokenizeSide } from '../../../src/core/align/features.js';
import { createBeadScorer, DEFAULT_WEIGHTS } from '../../../src/core/align/costs.js';

describe('tokenize', () => {
  it.each([
    ['La Conférence a adopté', ['la', 'conference', 'a', 'adopte']],
    ['1 250,5 et 1,250.5', ['12505', 'et', '12505']],
    ["l'application", ['l', 'application']],
    ['voir A/RES/70/1', ['voir', 'a/res/70/1']],
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
});

describe('punctuation evidence', () => {
  const features = (source: string[], target: string[]) => {
    const space = new KeySpace();
    const none = (n: number) => new Uint8Array(n);
    const s = tokenizeSide(source);
    const t = tokenizeSide(target);
    return {
      source: buildFeatures(s, space, { functionWords: none(s.vocabulary.length) }),
      target: buildFeatures(t, space, { functionWords: none(t.vocabulary.length) }),
      space,
    };
  };

  it('counts question marks, exclamation marks and parentheses per sentence', () => {
    const side = tokenizeSide(['Pourquoi ? Non !', 'Voir (ci-dessous) et (ci-dessus).']);
    const width = PUNCTUATION_CLASSES.length;
    expect([...side.punctuation.slice(0, width)]).toEqual([1, 1, 0]);
    expect([...side.punctuation.slice(width, 2 * width)]).toEqual([0, 0, 2]);
  });

  it('scores a question against a question above a question against a statement of the same length', () => {
    const { source, target, space } = features(['Where did she go?'], ['Où est-elle allée ?', 'Où est-elle allée .']);
    const score = (weights: typeof DEFAULT_WEIGHTS) =>
      createBeadScorer({
        source,
        target,
        sourceSpan: { start: 0, end: 1 },
        targetSpan: { start: 0, end: 2 },
        space,
        sourceParagraphStarts: new Uint8Array(0),
        targetParagraphStarts: new Uint8Array(0),
        calibration: { randomMean: 0.1, trueMean: 0.5 },
        weights,
        lengthRatio: 1,
      });
    const withPunctuation = score(DEFAULT_WEIGHTS);
    expect(withPunctuation(0, 1, 0, 1)).toBeGreaterThan(withPunctuation(0, 1, 1, 2));
    const without = score({ ...DEFAULT_WEIGHTS, punctuation: 0 });
    expect(without(0, 1, 0, 1)).toBeCloseTo(without(0, 1, 1, 2), 6);
  });
});
