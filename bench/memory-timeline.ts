/**
 * `npm run bench:memory`: what the command line is doing when its resident memory peaks, aligning the UNPC pair that
 * bench:presegmented measures repeated to 96,000 sentences a side (presegmented, no dictionary). The built command
 * line runs under `node --cpu-prof` while this process reads its resident set from /proc every few milliseconds; each
 * reading is put beside the stack the profile sampled at that instant (both clocks are Linux's monotonic clock) and
 * the readings are summed by phase, a phase being the project functions on that stack, outermost first. Linux only;
 * where ../shared is absent it says so and does nothing.
 *
 *   npm run bench:memory              # 96,000 sentences a side (the 8,000 twelve times)
 *   npm run bench:memory -- 1 5       # 8,000 a side; phases 5 project functions deep (default 4)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CpuProfile, CpuProfileNode } from './cpu-profile.js';
import { mapProfileToSources, sourceMapsFromDisk } from './cpu-profile-source-maps.js';
import { markdownHeader, markdownRow } from './markdown-table.js';
import { haveUnpcTestsets, readUnpc8k } from './unpc-presegmented.js';

const repeat = Number(process.argv[2] ?? 12);
const depth = Number(process.argv[3] ?? 4);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const projectUrl = new URL('..', import.meta.url).href;
const READ_EVERY_MS = 5;

/** A resident-set reading: when (µs on the monotonic clock) and how much (MB). */
interface Reading {
  micros: number;
  rssMb: number;
}

function residentMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined; // exited
  }
}

/** Runs `args` under node, reading its resident set until it exits. */
async function runReading(args: string[]): Promise<Reading[]> {
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const readings: Reading[] = [];
  const timer = setInterval(() => {
    const rssMb = residentMb(child.pid as number);
    if (rssMb !== undefined) readings.push({ micros: Number(process.hrtime.bigint() / 1000n), rssMb });
  }, READ_EVERY_MS);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
  return readings;
}

/** For each sample of the profile, its time (µs on the monotonic clock) and the node it hit. */
function sampleTimes(profile: CpuProfile): { micros: number; node: number }[] {
  let micros = profile.startTime;
  return profile.samples.map((node, k) => {
    micros += profile.timeDeltas[k] ?? 0;
    return { micros, node };
  });
}

/** The phase of each node: its project functions, outermost first, `depth` of them; empty outside project code. */
function phasesOf(profile: CpuProfile): Map<number, string> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map<number, CpuProfileNode>(profile.nodes.map((node) => [node.id, node]));
  const phases = new Map<number, string>();
  for (const node of profile.nodes) {
    const names: string[] = [];
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (frame?.url.startsWith(`${projectUrl}src/`) && frame.functionName !== '' && names[0] !== frame.functionName)
        names.unshift(frame.functionName);
    }
    phases.set(node.id, names.slice(0, depth).join(' › '));
  }
  return phases;
}

if (!haveUnpcTestsets()) {
  console.log('bench:memory: needs ../shared/eval/raw/unpc-v1.0-testsets; nothing to measure');
} else if (residentMb(process.pid) === undefined) {
  console.log('bench:memory: needs /proc (Linux); nothing to measure');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'paralign-memory-'));
  try {
    for (const language of ['fr', 'en'] as const)
      writeFileSync(join(dir, language), readUnpc8k(language).repeat(repeat));
    const build = spawn('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    await new Promise((resolve) => build.once('exit', resolve));
    const profileDir = join(dir, 'prof');
    const readings = await runReading([
      '--cpu-prof',
      `--cpu-prof-dir=${profileDir}`,
      join('bin', 'paralign.mjs'),
      ...['align', '--presegmented', join(dir, 'fr'), join(dir, 'en'), '--format', 'links', '-o', join(dir, 'out')],
    ]);
    const [name] = readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile'));
    if (name === undefined) throw new Error('node --cpu-prof wrote no profile');
    const raw = JSON.parse(readFileSync(join(profileDir, name), 'utf8')) as CpuProfile;
    const profile = mapProfileToSources(raw, sourceMapsFromDisk());
    const phaseOf = phasesOf(profile);
    const samples = sampleTimes(profile);

    // Each reading takes the phase of the last sample at or before it; a sample outside project code (the garbage
    // collector, reading files) keeps the phase before it, whose allocations it is serving.
    const rows = new Map<string, { first: number; readings: number; maxMb: number }>();
    let peak: { rssMb: number; micros: number; phase: string } = { rssMb: 0, micros: 0, phase: '' };
    let k = 0;
    let phase = '(start-up)';
    for (const reading of readings) {
      while (k < samples.length && (samples[k]?.micros ?? Infinity) <= reading.micros) {
        phase = phaseOf.get(samples[k]?.node ?? -1) || phase;
        k += 1;
      }
      if (k >= samples.length && reading.micros > (samples.at(-1)?.micros ?? 0)) phase = '(exit)';
      const row = rows.get(phase) ?? { first: reading.micros, readings: 0, maxMb: 0 };
      row.readings += 1;
      row.maxMb = Math.max(row.maxMb, reading.rssMb);
      rows.set(phase, row);
      if (reading.rssMb > peak.rssMb) peak = { ...reading, phase };
    }
    const origin = readings[0]?.micros ?? 0;
    const seconds = (micros: number): string => ((micros - origin) / 1e6).toFixed(2);
    console.log(
      `paralign align --presegmented, ${8000 * repeat} sentences a side; resident set read every ${READ_EVERY_MS} ms` +
        ` (${readings.length} readings), CPU profile ${profile.samples.length} samples\n`,
    );
    console.log(markdownHeader(['phase (project functions, outermost first)', 'from (s)', 'time (s)', 'max RSS (MB)']));
    for (const [label, row] of [...rows].sort((a, b) => a[1].first - b[1].first)) {
      const time = ((row.readings * READ_EVERY_MS) / 1000).toFixed(2);
      console.log(markdownRow([label || '(outside project code)', seconds(row.first), time, row.maxMb.toFixed(0)]));
    }
    console.log(`\npeak ${peak.rssMb.toFixed(0)} MB at ${seconds(peak.micros)} s, in ${peak.phase}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
