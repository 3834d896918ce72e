/**
 * `npm run bench:startup`: how long the command line takes to start, against a bare `node -e 0` measured in the same
 * run. Builds dist/ first (the path `npx paralign` takes after `npm ci`), then runs each command in turn, round after
 * round, so that the machine's load falls on all of them alike, and reports medians and ratios.
 *
 *   npm run bench:startup            # 15 rounds
 *   npm run bench:startup -- 31      # more rounds
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownHeader, markdownRow } from './markdown-table.js';
import { median } from './median.js';

const rounds = Number(process.argv[2] ?? 15);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repoRoot, 'bin', 'paralign.mjs');
const seed = join(repoRoot, 'corpora', 'un-note-ctoc-cop-2018');
const scratch = mkdtempSync(join(tmpdir(), 'paralign-startup-'));

interface Case {
  name: string;
  command: string;
  args: string[];
}

const cases: Case[] = [
  { name: '`node -e 0`', command: process.execPath, args: ['-e', '0'] },
  { name: '`paralign --help`', command: process.execPath, args: [bin, '--help'] },
  {
    name: '`paralign align` seed pair → TMX',
    command: process.execPath,
    args: [bin, 'align', join(seed, 'fr.md'), join(seed, 'en.md'), '-o', join(scratch, 'out.tmx')],
  },
  { name: '`npx paralign --help`', command: 'npx', args: ['--no-install', 'paralign', '--help'] },
];

function timeOnce(run: Case): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(run.command, run.args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${run.name} exited ${result.status}: ${result.stderr.toString()}`);
  return ms;
}

execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
const times = cases.map(() => [] as number[]);
// One warm-up round: the first start of each reads its files from disk.
for (let round = 0; round <= rounds; round++) {
  cases.forEach((run, k) => {
    const ms = timeOnce(run);
    if (round > 0) times[k]?.push(ms);
  });
}
rmSync(scratch, { recursive: true, force: true });

const base = median(times[0] ?? []);
console.log(`${rounds} rounds, medians; ratio to \`node -e 0\` in the same run\n`);
console.log(markdownHeader(['command', 'median (ms)', 'min–max (ms)', 'ratio to node -e 0']));
cases.forEach((run, k) => {
  const values = times[k] ?? [];
  console.log(
    markdownRow([
      run.name,
      median(values).toFixed(0),
      `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`,
      (median(values) / base).toFixed(2),
    ]),
  );
});
