/**
 * `npm run bench:batch`: `paralign align --batch` over a folder of generated UN-style pairs
 * (harness/make-large-pair.ts, French and English Markdown), one pair at a time (`--jobs 1`) against one pair a core
 * (`--jobs` the number of cores, the default for a batch of 8 MB or more), alternated over several rounds, each run a
 * process of its own timed with its peak resident memory (GNU time). Says whether the two wrote the same memories
 * (the creation date aside).
 *
 *   npm run bench:batch                 # 3 rounds, 12 pairs of 600 paragraphs
 *   npm run bench:batch -- 5 24 150     # rounds, pairs, paragraphs
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeLargePair } from '../harness/make-large-pair.js';
import { markdownHeader, markdownRow } from './markdown-table.js';
import { median, medianAndRange } from './median.js';
import { haveGnuTime, timeCommand } from './gnu-time.js';

const [rounds, pairs, paragraphs] = [3, 12, 600].map((fallback, k) => Number(process.argv[2 + k] ?? fallback)) as [
  number,
  number,
  number,
];
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

if (!haveGnuTime()) {
  console.log('bench:batch: needs GNU time (/usr/bin/time); nothing to measure');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'paralign-batch-bench-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  for (let k = 0; k < pairs; k++) {
    const { fr, en } = makeLargePair(paragraphs, 7000 + k);
    writeFileSync(join(input, `doc-${k}.fr.md`), fr);
    writeFileSync(join(input, `doc-${k}.en.md`), en);
  }
  spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  const runs = [
    { name: 'one pair at a time (--jobs 1)', jobs: ['--jobs', '1'], out: join(dir, 'one') },
    {
      name: `one pair a core (--jobs ${availableParallelism()})`,
      jobs: ['--jobs', String(availableParallelism())],
      out: join(dir, 'all'),
    },
  ];
  const seconds = runs.map(() => [] as number[]);
  const peaks = runs.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    runs.forEach((run, k) => {
      rmSync(run.out, { recursive: true, force: true });
      mkdirSync(run.out);
      const command = [process.execPath, join(repoRoot, 'bin', 'paralign.mjs'), 'align', '--batch', input];
      const measured = timeCommand(run.name, [...command, '-o', run.out, ...run.jobs]);
      seconds[k]?.push(measured.seconds);
      peaks[k]?.push(measured.peakMb);
    });
  }
  const withoutDate = (path: string): string => readFileSync(path, 'utf8').replace(/creationdate="[^"]*"/, '');
  const [one, all] = runs;
  const files = readdirSync(one?.out ?? '').sort();
  const same =
    one !== undefined &&
    all !== undefined &&
    files.length === pairs &&
    files.every((file) => withoutDate(join(one.out, file)) === withoutDate(join(all.out, file)));
  rmSync(dir, { recursive: true, force: true });
  console.log(`${pairs} pairs of ${paragraphs} paragraphs, ${rounds} rounds alternated, medians (min–max)\n`);
  console.log(markdownHeader(['run', 'time (s)', 'pairs a minute', 'peak RSS (MB)']));
  runs.forEach((run, k) => {
    const times = seconds[k] ?? [];
    const memory = peaks[k] ?? [];
    console.log(
      markdownRow([
        run.name,
        medianAndRange(times, 2),
        ((pairs * 60) / median(times)).toFixed(0),
        medianAndRange(memory, 0),
      ]),
    );
  });
  const [first, second] = seconds;
  if (first && second)
    console.log(`\ntime, one a core / one at a time: ${(median(second) / median(first)).toFixed(2)}`);
  console.log(`memories: ${same ? 'the same' : 'DIFFERENT'} (creation date aside)`);
}
