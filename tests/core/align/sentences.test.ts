import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../../src/core/align/costs.js';
import { alignSentences } from '../../../src/core/align/sentences.js';
import { learnStoreLexicon, type PriorPair } from '../../../src/core/align/store-lexicon.js';
import { pseudoRandom } from '../../../harness/pseudo-random.js';

// Two invented languages whose words share no letters' worth of evidence (three letters: no cognate keys),
// so only a lexicon can tell which sentence translates which.
const LETTERS = 'bcdfghjklmnpqrstvwxz';
const sourceWord = (k: number): string => `${LETTERS[k % 20]}a${LETTERS[Math.floor(k / 20) % 20]}`;
const targetWord = (k: number): string => `${LETTERS[k % 20]}o${LETTERS[Math.floor(k / 20) % 20]}`.toUpperCase();
const sentence = (words: readonly number[], word: (k: number) => string): string => `${words.map(word).join(' ')}.`;

// Deterministic pseudo-random word choices.
function wordRuns(count: number, length: number, seed: number): number[][] {
  const draw = pseudoRandom(seed);
  return Array.from({ length: count }, () => Array.from({ length }, () => draw(400)));
}

const priorPairs: PriorPair[] = wordRuns(1500, 6, 7).map((words) => ({
  source: sentence(words, sourceWord),
  // The translation keeps the words in reverse order, as a language with another word order would.
  target: sentence([...words].reverse(), targetWord),
}));

// Learned once for the whole file: both suites align with what the earlier pairs teach.
const storeLexicon = learnStoreLexicon(priorPairs) ?? undefined;

describe('alignSentences with a lexicon learned from earlier pairs (storeLexicon)', () => {
  it('learns the translations of the earlier pairs', () => {
    expect(storeLexicon?.pairs).toBe(priorPairs.length);
    expect(storeLexicon?.lexicon.get(targetWord(17).toLowerCase())).toContain(sourceWord(17));
    expect(storeLexicon?.trueMean).toBeGreaterThan(0.9);
  });

  it('learns nothing from too few pairs', () => {
    expect(learnStoreLexicon(priorPairs.slice(0, 50))).toBeNull();
  });

  const runs = wordRuns(10, 6, 99);
  const MISSING = 4;
  const source = runs.map((words) => sentence(words, sourceWord));
  // One sentence is missing from the translation; all sentences have the same length, so length cannot tell which.
  const target = runs.filter((_, k) => k !== MISSING).map((words) => sentence([...words].reverse(), targetWord));
  const dropped = (beads: ReturnType<typeof alignSentences>) => beads.find((bead) => bead.target.length === 0);

  it('finds the untranslated sentence from translations learned on the earlier pairs', () => {
    const beads = alignSentences({ source, target, storeLexicon });
    expect(beads.map((bead) => [bead.source, bead.target])).toEqual(
      runs.map((_, k) => (k === MISSING ? [[k], []] : [[k], [k < MISSING ? k : k - 1]])),
    );
  });

  it('is far less sure of it without them', () => {
    const withPrior = dropped(alignSentences({ source, target, storeLexicon }))?.confidence ?? 0;
    const without =
      alignSentences({ source, target }).find((bead) => bead.source[0] === MISSING && bead.target.length === 0)
        ?.confidence ?? 0;
    expect(without).toBeLessThan(withPrior - 0.2);
  });

  it('gives the same alignment for the same inputs', () => {
    expect(alignSentences({ source, target, storeLexicon })).toEqual(
      alignSentences({ source, target, storeLexicon: learnStoreLexicon([...priorPairs]) ?? undefined }),
    );
  });
});

describe('alignSentences with free translations', () => {
  const runs = wordRuns(12, 6, 123);
  const translate = (words: readonly number[]): string => sentence([...words].reverse(), targetWord);
  const pairKey = (beads: ReturnType<typeof alignSentences>) =>
    beads.map((bead) => `${bead.source.join(',')}:${bead.target.join(',')}`);

  it('keeps a block of captions the source lacks as insertions, and aligns what follows it', () => {
    // Six short lines in words neither side's lexicon knows, between the sixth and seventh sentences.
    const captions = wordRuns(6, 3, 5).map(
      (words) => `${words.map((k) => `${LETTERS[k % 20]}u${LETTERS[Math.floor(k / 20) % 20]}`).join(' ')}.`,
    );
    const source = runs.map((words) => sentence(words, sourceWord));
    const target = [...runs.slice(0, 6).map(translate), ...captions, ...runs.slice(6).map(translate)];
    const keys = pairKey(alignSentences({ source, target, storeLexicon }));
    const expected = [
      ...runs.slice(0, 6).map((_, k) => `${k}:${k}`),
      ...captions.map((_, c) => `:${6 + c}`),
      ...runs.slice(6).map((_, k) => `${6 + k}:${12 + k}`),
    ];
    expect(keys).toEqual(expected);
  });

  it('aligns two sentences rendered as three in one bead', () => {
    // Sentences 4 and 5 (twelve words) are regrouped into three sentences of four words.
    const regrouped = [...runs[4]!, ...runs[5]!].reverse();
    const target = [
      ...runs.slice(0, 4).map(translate),
      sentence(regrouped.slice(0, 4), targetWord),
      sentence(regrouped.slice(4, 8), targetWord),
      sentence(regrouped.slice(8), targetWord),
      ...runs.slice(6).map(translate),
    ];
    const source = runs.map((words) => sentence(words, sourceWord));
    expect(pairKey(alignSentences({ source, target, storeLexicon }))).toContain('4,5:4,5,6');
  });

  it('leaves lines without words (dots, OCR debris) out of the translation units beside them', () => {
    const source = runs.map((words) => sentence(words, sourceWord));
    const target = [...runs.slice(0, 3).map(translate), '.....', '- _-', ...runs.slice(3).map(translate)];
    const keys = pairKey(alignSentences({ source, target, storeLexicon }));
    expect(keys.slice(2, 6)).toEqual(['2:2', ':3', ':4', '3:5']);
    // Priced like any other dropped sentence, they are glued to a neighbour instead.
    const ordinary = { ...DEFAULT_WEIGHTS, wordlessDropPrior: DEFAULT_WEIGHTS.logPrior['0-1'] as number };
    const glued = pairKey(alignSentences({ source, target, storeLexicon, weights: ordinary }));
    expect(glued.filter((key) => key.startsWith(':'))).toEqual([]);
  });
});

describe('alignSentences on a span too long to search in full', () => {
  it('follows a run of insertions further from the anchor path than its first, narrow band reaches', () => {
    // 600 sentences a side of 3 to 20 words from 200 (no word occurs once a side, so no anchor steers the band: it
    // follows the diagonal), and 30 sentences the source lacks after its 300th. The diagonal passes 15 sentences
    // from the true path there.
    const draw = pseudoRandom(3);
    const words = (): number[] => Array.from({ length: 3 + draw(18) }, () => draw(200));
    const shared = Array.from({ length: 600 }, words);
    const inserted = Array.from({ length: 30 }, words);
    const source = shared.map((w) => sentence(w, sourceWord));
    const target = [...shared.slice(0, 300), ...inserted, ...shared.slice(300)].map((w) => sentence(w, sourceWord));
    const beads = alignSentences({ source, target });
    // Where the run starts is the aligner's guess among look-alike sentences; away from it, every pair is right.
    const offsets = beads
      .filter((b) => b.source.length === 1 && b.target.length === 1)
      .map((b) => [b.source[0] as number, (b.target[0] as number) - (b.source[0] as number)] as const);
    expect(offsets.filter(([i]) => i < 290 || i >= 310)).toHaveLength(580);
    for (const [i, offset] of offsets) if (i < 290 || i >= 310) expect(offset).toBe(i < 300 ? 0 : 30);
  });
});
