/**
 * `npm run bench:flame`: profiles the built command line aligning the UNPC pair that bench:presegmented measures
 * (8,000 sentences a side, presegmented, no dictionary) with `node --cpu-prof`, and draws the profile as the flame
 * graph docs/perf/align-8k.svg (bench/flame-graph.ts). Where ../shared is absent it says so and does nothing.
 *
 *   npm run bench:flame        # then bench/profile-top.ts on the profile it names, for the same run as tables
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { haveUnpcTestsets, readUnpc8k } from './unpc-presegmented.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const svgPath = join('docs', 'perf', 'align-8k.svg');
const title = 'paralign align --presegmented: UNPC v1.0 test and development sets, 8,000 sentences a side (fr–en)';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

if (!haveUnpcTestsets()) {
  console.log('bench:flame: needs ../shared/eval/raw/unpc-v1.0-testsets; nothing to profile');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'paralign-flame-'));
  const profileDir = join(dir, 'prof');
  for (const language of ['fr', 'en'] as const) writeFileSync(join(dir, `8k.${language}`), readUnpc8k(language));
  run('npm', ['run', '--silent', 'build']);
  run(process.execPath, [
    '--cpu-prof',
    `--cpu-prof-dir=${profileDir}`,
    join('bin', 'paralign.mjs'),
    ...['align', '--presegmented', join(dir, '8k.fr'), join(dir, '8k.en'), '-o', join(dir, 'out.links')],
  ]);
  // One process, one thread: one profile.
  const [profile] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
  if (!profile) throw new Error(`node --cpu-prof wrote no profile into ${profileDir}`);
  mkdirSync(join(repoRoot, 'docs', 'perf'), { recursive: true });
  // Run from the repository so the graph names files relative to it (src/core/align/dp.ts).
  const profilePath = join(profileDir, profile);
  run(process.execPath, ['--import', 'tsx', join('bench', 'flame-graph.ts'), profilePath, svgPath, '--title', title]);
  // The profile stays, for tables of the same run: only the inputs and output go.
  for (const name of ['8k.fr', '8k.en', 'out.links']) rmSync(join(dir, name), { force: true });
  console.log(`profile kept: ${profilePath} (npx tsx bench/profile-top.ts ${profilePath})`);
}
