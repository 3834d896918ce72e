import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { learnStoreLexicon, type PriorPair } from '../../../src/core/align/store-lexicon.js';
import { evalRawDir, haveSharedData } from '../../../harness/shared-data.js';

const base = join(evalRawDir(), 'unpc-v1.0-testsets', 'devset', 'UNv1.0.devset');

// The UNPC development set's Chinese lines with their English, as a store would hold them after aligning them.
function readPairs(): PriorPair[] {
  const [zh, en] = ['zh', 'en'].map((language) => readFileSync(`${base}.${language}`, 'utf8').split('\n'));
  return (zh ?? [])
    .map((source, k) => ({ source: source.trim(), target: (en?.[k] ?? '').trim() }))
    .filter((pair) => pair.source !== '' && pair.target !== '');
}

const lines = haveSharedData('the Chinese store lexicon test', [`${base}.zh`, `${base}.en`]) ? readPairs() : null;

describe.skipIf(lines === null)('a store lexicon learned from Chinese-English pairs', () => {
  it('pairs English words with Chinese character pairs, as the aligner cuts Chinese', () => {
    const store = learnStoreLexicon(lines ?? []);
    expect(store).not.toBeNull();
    // Target (English) word → source (Chinese) words, which are character pairs: "公约" for "convention".
    expect(store?.lexicon.get('convention')).toContain('公约');
    expect(store?.lexicon.get('assembly')).toContain('大会');
    const words = [...(store?.lexicon.values() ?? [])].flat();
    expect(words.filter((word) => /\p{Script=Han}/u.test(word)).every((word) => [...word].length <= 2)).toBe(true);
  });
});
