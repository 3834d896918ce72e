import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { learnStoreLexicon } from '../../../src/core/align/store-lexicon.js';
import { loadUnpcLines } from '../../../bench/dev-sets.js';
import { evalRawDir, haveSharedData } from '../../../harness/shared-data.js';

const devset = join(evalRawDir(), 'unpc-v1.0-testsets', 'devset', 'UNv1.0.devset.zh');
const lines = haveSharedData('the Chinese store lexicon test', [devset]) ? loadUnpcLines('zh') : null;

describe.skipIf(lines === null)('a store lexicon learned from Chinese-English pairs', () => {
  it('pairs English words with Chinese character pairs, as the aligner cuts Chinese', () => {
    const store = learnStoreLexicon((lines ?? []).map(({ source, target }) => ({ source, target })));
    expect(store).not.toBeNull();
    // Target (English) word → source (Chinese) words, which are character pairs: "公约" for "convention".
    expect(store?.lexicon.get('convention')).toContain('公约');
    expect(store?.lexicon.get('assembly')).toContain('大会');
    const words = [...(store?.lexicon.values() ?? [])].flat();
    expect(words.filter((word) => /\p{Script=Han}/u.test(word)).every((word) => [...word].length <= 2)).toBe(true);
  });
});
