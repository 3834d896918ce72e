import { describe, expect, it } from 'vitest';
import { sampleEvenly } from '../../../src/core/align/lexicon.js';
import { learnStoreLexicon, type PriorPair } from '../../../src/core/align/store-lexicon.js';
import { pseudoRandom } from '../../../harness/pseudo-random.js';

// Invented words as in sentences.test.ts: three letters, none shared between the two languages.
const LETTERS = 'bcdfghjklmnpqrstvwxz';
const sourceWord = (k: number): string => `${LETTERS[k % 20]}a${LETTERS[Math.floor(k / 20) % 20]}`;
const targetWord = (k: number): string => `${LETTERS[k % 20]}o${LETTERS[Math.floor(k / 20) % 20]}`;

function pairOf(words: readonly number[]): PriorPair {
  return { source: `${words.map(sourceWord).join(' ')}.`, target: `${words.map(targetWord).join(' ')}.` };
}

// 6,000 pairs over a budget of 5,000: an even spread leaves one in six out; the first four it leaves out hold a rare
// word, and a reviewer approved the pairs up to them, which lead the sample.
const COUNT = 6000;
const kept = new Set(sampleEvenly([...Array(COUNT).keys()], 5000));
const rareAt = [...Array(COUNT).keys()].filter((index) => !kept.has(index)).slice(0, 4);
const approved = (rareAt.at(-1) ?? 0) + 1;
const RARE = 399;
const draw = pseudoRandom(11);
const pairs: PriorPair[] = Array.from({ length: COUNT }, (_, index) => {
  const words = Array.from({ length: 6 }, () => draw(RARE));
  return pairOf(rareAt.includes(index) ? [...words.slice(1), RARE] : words);
});

describe('learnStoreLexicon with approved pairs leading', () => {
  it('uses every approved pair however far the budget spreads the others', () => {
    const spread = learnStoreLexicon(pairs);
    const approvedFirst = learnStoreLexicon(pairs, approved);
    expect(rareAt).toHaveLength(4);
    expect(spread?.pairs).toBe(5000);
    expect(approvedFirst?.pairs).toBe(5000);
    expect(spread?.lexicon.get(targetWord(RARE))).toBeUndefined();
    expect(approvedFirst?.lexicon.get(targetWord(RARE))).toContain(sourceWord(RARE));
  });
});
