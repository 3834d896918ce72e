/**
 * What the aligner core costs with less of its model: `alignSentences` on the UNPC test and development sets
 * (French-English, presegmented, 8,000 sentences a side, no dictionary) in full, with the first pass only (no lexicon
 * learned, no second pass), and with sentence lengths only (Gale-Church by the same code: tokenizing, bands and DP
 * still run). Wall time in one process, modes alternated over several rounds; the first round pays V8's compiling.
 *
 *   npx tsx bench/core-modes.ts [rounds]
 */
import { alignSentences, type SentenceAlignmentInput } from '../src/core/align/sentences.js';
import { median } from './median.js';
import { haveUnpcTestsets, readUnpc8kSentences } from './unpc-presegmented.js';

const rounds = Number(process.argv[2] ?? 5);
const MODES: { name: string; options: Partial<SentenceAlignmentInput> }[] = [
  { name: 'full (two passes, lexicon learned)', options: {} },
  { name: 'first pass only', options: { singlePass: true } },
  { name: 'sentence lengths only (Gale-Church)', options: { lengthOnly: true } },
];

if (!haveUnpcTestsets()) {
  console.log('bench/core-modes: needs ../shared/eval/raw/unpc-v1.0-testsets; nothing to measure');
} else {
  const input = readUnpc8kSentences();
  const seconds = MODES.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    MODES.forEach((mode, k) => {
      const started = performance.now();
      alignSentences({ ...input, ...mode.options });
      seconds[k]?.push((performance.now() - started) / 1000);
    });
  }
  console.log(`${rounds} rounds alternated; first round, then median of the others (s)`);
  MODES.forEach((mode, k) => {
    const [first = Number.NaN, ...rest] = seconds[k] ?? [];
    console.log(`${mode.name}: ${first.toFixed(2)}, ${median(rest).toFixed(2)}`);
  });
}
