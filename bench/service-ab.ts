/**
 * The service bench of this checkout against another, alternated: this machine's speed drifts by a third within an
 * hour, so only runs taken turn about in one session compare two commits. Each round runs `npm run bench:service` in
 * the other checkout, then in this one, and keeps the row of two workers at 16 concurrent uploads; the end gives each
 * side's medians and their ratio.
 *
 *   git archive BASE | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx bench/service-ab.ts /tmp/base        # 4 rounds
 *   npx tsx bench/service-ab.ts /tmp/base 6      # more rounds
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownHeader, markdownRow } from './markdown-table.js';
import { median } from './median.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const [before, roundsArgument] = process.argv.slice(2);
const rounds = Number(roundsArgument ?? 4);
if (before === undefined || !existsSync(join(before, 'bench', 'service-bench.ts'))) {
  console.log('usage: tsx bench/service-ab.ts OTHER_CHECKOUT [rounds]  (a checkout with bench/service-bench.ts)');
  process.exit(1);
}
if (!existsSync(join(before, 'node_modules'))) {
  console.log(`bench:service-ab: ${before} has no node_modules; link this checkout's (see the top of this file)`);
  process.exit(1);
}

/** What one run of the service bench gives at two workers and 16 concurrent uploads. */
interface Result {
  pairsPerMinute: number;
  machineCpuMs: number;
}

// The table row "| 2 | 16 | pairs | pairs/min | … | machine |": its fourth cell and its last.
function runServiceBench(cwd: string): Result {
  const run = spawnSync('npm', ['run', '--silent', 'bench:service'], { cwd, encoding: 'utf8' });
  const row = run.stdout.split('\n').find((line) => line.startsWith('| 2 | 16 |'));
  if (run.status !== 0 || row === undefined) throw new Error(`bench:service failed in ${cwd}:\n${run.stderr}`);
  const cells = row.split('|').map((cell) => cell.trim());
  return { pairsPerMinute: Number(cells[4]), machineCpuMs: Number(cells.at(-2)) };
}

const sides = [
  { label: 'before', cwd: before, results: [] as Result[] },
  { label: 'now', cwd: repoRoot, results: [] as Result[] },
];
console.log(`service bench, two workers at 16 concurrent uploads, ${before} then this checkout, ${rounds} rounds\n`);
console.log(
  markdownHeader(['round', 'time (UTC)', 'before: pairs/min', 'now: pairs/min', 'before: ms/pair', 'now: ms/pair']),
);
for (let round = 1; round <= rounds; round++) {
  const time = new Date().toISOString().slice(11, 19);
  for (const side of sides) side.results.push(runServiceBench(side.cwd));
  const [then, now] = sides.map((side) => side.results.at(-1) as Result) as [Result, Result];
  const cells = [then.pairsPerMinute, now.pairsPerMinute, then.machineCpuMs, now.machineCpuMs];
  console.log(markdownRow([round, time, ...cells.map((value) => value.toFixed(1))]));
}
const medians = sides.map((side) => ({
  pairsPerMinute: median(side.results.map((result) => result.pairsPerMinute)),
  machineCpuMs: median(side.results.map((result) => result.machineCpuMs)),
}));
const [then, now] = medians as [Result, Result];
console.log(
  `\nmedians: ${now.pairsPerMinute.toFixed(1)} pairs/min now against ${then.pairsPerMinute.toFixed(1)} before ` +
    `(${(now.pairsPerMinute / then.pairsPerMinute).toFixed(2)} times); machine CPU a pair ` +
    `${now.machineCpuMs.toFixed(0)} ms against ${then.machineCpuMs.toFixed(0)}`,
);
