/** Process-table helpers for tests that kill real worker processes (Linux /proc). */
import { readdirSync, readFileSync } from 'node:fs';

/** Whether /proc lists processes (Linux); the tests that need it skip elsewhere. */
export const procAvailable: boolean = (() => {
  try {
    return readdirSync('/proc').some((name) => /^\d+$/.test(name));
  } catch {
    return false;
  }
})();

/** Pids of the live processes whose parent is `ppid` and whose command line contains `needle`. */
export function childPids(ppid: number, needle = ''): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name in field 2 may hold spaces and parentheses: the fields after the last ")" are fixed.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const state = fields[0];
      const parent = Number(fields[1]);
      if (parent !== ppid || state === 'Z') continue;
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(needle)) pids.push(Number(name));
    } catch {
      // The process ended while we read it.
    }
  }
  return pids;
}

/** Whether `pid` is a live (not zombie) process. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Resolves when none of `pids` is alive; rejects after `timeoutMs` naming the survivors. */
export async function waitForExit(pids: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const alive = pids.filter(isAlive);
    if (alive.length === 0) return;
    if (Date.now() > deadline) throw new Error(`still running after ${timeoutMs} ms: ${alive.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends SIGKILL to the process group `pgid`, ignoring a group that is already gone. */
export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Every member already exited.
  }
}
