/**
 * The aligner core's CPU time before and after a change, in one process so both meet the same load: aligns the UNPC
 * test and development sets (French-English, presegmented, 8,000 sentences a side) with `alignSentences` from this
 * checkout and from another one, alternated, and says whether the two alignments are identical.
 *
 *   git archive BASE | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   npx tsx bench/core-cpu-ab.ts /tmp/before 4
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScoredBead } from '../src/core/model.js';
import type { SentenceAlignmentInput } from '../src/core/align/sentences.js';
import { describeAlignmentChange } from './describe-alignment-change.js';
import { median } from './median.js';
import { haveUnpcTestsets, readUnpc8kSentences } from './unpc-presegmented.js';

type Align = (input: SentenceAlignmentInput) => ScoredBead[];

const [before, roundsArgument] = process.argv.slice(2);
const rounds = Number(roundsArgument ?? 3);
const here = fileURLToPath(new URL('..', import.meta.url));

if (!before || !existsSync(join(before, 'src/core/align/sentences.ts')) || !haveUnpcTestsets()) {
  console.log('usage: tsx bench/core-cpu-ab.ts OTHER_CHECKOUT [rounds] (needs ../shared/eval/raw/unpc-v1.0-testsets)');
} else {
  const input = readUnpc8kSentences();
  const load = async (root: string): Promise<Align> =>
    ((await import(join(root, 'src/core/align/sentences.ts'))) as { alignSentences: Align }).alignSentences;
  const checkouts = [
    { name: `before (${before})`, align: await load(before), cpu: [] as number[], beads: [] as ScoredBead[] },
    { name: `now (${here})`, align: await load(here), cpu: [] as number[], beads: [] as ScoredBead[] },
  ];
  for (let round = 0; round < rounds; round++) {
    for (const checkout of checkouts) {
      const start = process.cpuUsage();
      const beads = checkout.align(input);
      const used = process.cpuUsage(start);
      checkout.cpu.push((used.user + used.system) / 1e6);
      checkout.beads = beads;
    }
  }
  for (const { name, cpu } of checkouts)
    console.log(`${name}: CPU ${cpu.map((s) => s.toFixed(2)).join(' ')} s, median ${median(cpu).toFixed(2)} s`);
  const [then, now] = checkouts;
  if (then && now) {
    console.log(`now / before (medians): ${(median(now.cpu) / median(then.cpu)).toFixed(2)}`);
    console.log(`alignments: ${describeAlignmentChange(then.beads, now.beads)}`);
  }
}
