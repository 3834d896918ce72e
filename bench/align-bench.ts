/**
 * `npm run bench`: sentences per second and peak memory aligning 10,000- and 100,000-sentence pairs built
 * from the UNPC test sets (real UN sentences). Each size runs in its own process so peak RSS (VmHWM) is
 * its own. The target side is perturbed (dropped sentences, merged pairs) so the aligner must find its way.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignSentences } from '../src/core/align/sentences.js';
import { scoreAlignments } from '../src/core/eval/score-alignment.js';
import type { Bead } from '../src/core/model.js';
import { evalRawDir } from '../harness/shared-data.js';
import { loadUnpcPairs } from './dev-sets.js';
import { markdownHeader, markdownRow } from './markdown-table.js';

const SIZES = [10_000, 100_000];

function unpcPairs(): { source: string; target: string }[] {
  return [...(loadUnpcPairs('testset') ?? []), ...(loadUnpcPairs('devset') ?? [])];
}

/** A pair of `size` source sentences with a known alignment: every 97th target dropped, every 53rd pair merged. */
export function buildPair(size: number): { source: string[]; target: string[]; gold: Bead[] } {
  const pairs = unpcPairs();
  const fr = pairs.map((p) => p.source);
  const en = pairs.map((p) => p.target);
  const source: string[] = [];
  const target: string[] = [];
  const gold: Bead[] = [];
  for (let i = 0; i < size; i++) {
    const k = i % fr.length;
    source.push(fr[k] as string);
    if (i % 97 === 96) {
      gold.push({ source: [i], target: [] });
    } else if (i % 53 === 52 && i + 1 < size && (i + 1) % 97 !== 96) {
      source.push(fr[(i + 1) % fr.length] as string);
      target.push(`${en[k]} ${en[(i + 1) % en.length]}`);
      gold.push({ source: [i, i + 1], target: [target.length - 1] });
      i += 1;
    } else {
      target.push(en[k] as string);
      gold.push({ source: [i], target: [target.length - 1] });
    }
  }
  return { source, target, gold };
}

function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / 1048576;
}

function runOne(size: number): void {
  const pair = buildPair(size);
  const started = performance.now();
  const beads = alignSentences({ source: pair.source, target: pair.target });
  const seconds = (performance.now() - started) / 1000;
  const scores = scoreAlignments([{ gold: pair.gold, test: beads }]);
  const sentences = pair.source.length + pair.target.length;
  console.log(
    JSON.stringify({
      size,
      sentences,
      seconds,
      perSecond: sentences / seconds,
      peakRssMb: peakRssMb(),
      strictF1: scores.strict.f1,
    }),
  );
}

const sizeArgument = process.argv[1]?.endsWith('align-bench.ts') ? process.argv.indexOf('--size') : -2;
if (sizeArgument === -2) {
  // Imported by another script: nothing to run.
} else if (sizeArgument >= 0) {
  runOne(Number(process.argv[sizeArgument + 1]));
} else if (!existsSync(join(evalRawDir(), 'unpc-v1.0-testsets'))) {
  console.log('bench: ../shared/eval/raw/unpc-v1.0-testsets is absent; nothing to measure');
} else {
  const self = fileURLToPath(import.meta.url);
  const results = SIZES.map((size) => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', self, '--size', String(size)], {
      encoding: 'utf8',
    });
    return JSON.parse(output.trim().split('\n').at(-1) as string) as {
      size: number;
      sentences: number;
      seconds: number;
      perSecond: number;
      peakRssMb: number;
      strictF1: number;
    };
  });
  console.log(
    markdownHeader([
      'source sentences',
      'sentences (both sides)',
      'time (s)',
      'sentences/s',
      'peak RSS (MB)',
      'strict F1 vs constructed gold',
    ]),
  );
  for (const r of results) {
    console.log(
      markdownRow([
        r.size.toLocaleString('en'),
        r.sentences.toLocaleString('en'),
        r.seconds.toFixed(2),
        Math.round(r.perSecond).toLocaleString('en'),
        Math.round(r.peakRssMb),
        r.strictF1.toFixed(3),
      ]),
    );
  }
  const [small, large] = results;
  if (small && large) {
    const sizeRatio = large.size / small.size;
    const timeRatio = (large.seconds / small.seconds).toFixed(1);
    console.log(`\nTime ratio ${sizeRatio}x sentences: ${timeRatio}x (linear = ${sizeRatio}x).`);
  }
}
