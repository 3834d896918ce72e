/**
 * Runs a command under GNU time for its wall time and peak resident memory, as the benches that compare whole
 * processes do (`/usr/bin/time`, Debian's package `time`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where GNU time is; the benches that need it say so and measure nothing when it is absent. */
export const GNU_TIME = '/usr/bin/time';

/** Whether GNU time is there to run. */
export function haveGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/** Wall seconds and peak resident memory (MB) of one run of `command`; throws, naming `name`, when it fails. */
export function timeCommand(
  name: string,
  command: readonly string[],
  cwd?: string,
): { seconds: number; peakMb: number } {
  const result = spawnSync(GNU_TIME, ['-f', '%e %M', ...command], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
  const [seconds, kb] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return { seconds: seconds ?? Number.NaN, peakMb: (kb ?? Number.NaN) / 1024 };
}
