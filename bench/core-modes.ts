/**
 * What the aligner core costs with less of its model: `alignSentences` on the UNPC test and development sets
 * (French-English, presegmented, 8,000 sentences a side, no dictionary) in full, with the first pass only (no lexicon
 * learned, no second pass), and with sentence lengths only (Gale-Church by the same code: tokenizing, bands and DP
 * still run). Wall time of `alignSentences` alone (reading the files and loading the code left out): in one process,
 * modes alternated over several rounds, the first round paying V8's compiling; and, with --cold, each alignment in a
 * fresh process of its own, as the command line runs it.
 *
 *   npx tsx bench/core-modes.ts [rounds]
 *   npx tsx bench/core-modes.ts --cold [rounds]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { alignSentences, type SentenceAlignmentInput } from '../src/core/align/sentences.js';
import { median, medianAndRange } from './median.js';
import { haveUnpcTestsets, readUnpc8kSentences } from './unpc-presegmented.js';

const MODES: { name: string; options: Partial<SentenceAlignmentInput> }[] = [
  { name: 'full (two passes, lexicon learned)', options: {} },
  { name: 'first pass only', options: { singlePass: true } },
  { name: 'sentence lengths only (Gale-Church)', options: { lengthOnly: true } },
];

/** Seconds `alignSentences` takes on the 8,000 in mode k. */
function timeMode(input: SentenceAlignmentInput, k: number): number {
  const started = performance.now();
  alignSentences({ ...input, ...MODES[k]?.options });
  return (performance.now() - started) / 1000;
}

/** Seconds of mode k aligned once in a fresh process (this file with --only k). */
function timeModeCold(k: number): number {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--only', String(k)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`mode ${k} failed: ${child.stderr}`);
  return Number(child.stdout.trim());
}

const args = process.argv.slice(2);
if (!haveUnpcTestsets()) {
  console.log('bench/core-modes: needs ../shared/eval/raw/unpc-v1.0-testsets; nothing to measure');
} else if (args[0] === '--only') {
  console.log(timeMode(readUnpc8kSentences(), Number(args[1])).toFixed(3));
} else {
  const cold = args[0] === '--cold';
  const rounds = Number((cold ? args[1] : args[0]) ?? 5);
  const input = readUnpc8kSentences();
  const seconds = MODES.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++)
    MODES.forEach((_, k) => seconds[k]?.push(cold ? timeModeCold(k) : timeMode(input, k)));
  if (cold) {
    console.log(`${rounds} rounds alternated, each alignment in a fresh process; median (min–max) in s`);
    MODES.forEach((mode, k) => {
      console.log(`${mode.name}: ${medianAndRange(seconds[k] ?? [], 2)}`);
    });
  } else {
    console.log(`${rounds} rounds alternated; first round, then median of the others (s)`);
    MODES.forEach((mode, k) => {
      const [first = Number.NaN, ...rest] = seconds[k] ?? [];
      console.log(`${mode.name}: ${first.toFixed(2)}, ${median(rest).toFixed(2)}`);
    });
  }
}
