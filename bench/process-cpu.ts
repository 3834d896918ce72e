/**
 * CPU time spent, read from Linux's /proc: by the whole machine, and by the process groups of detached children
 * (a worker with its sandboxed children). Less noisy than throughput on a shared 2-core machine: pairs a minute at
 * saturation is about the cores' time divided by the CPU a pair costs, and that cost is what a change moves.
 */
import { readFileSync, readdirSync } from 'node:fs';

// USER_HZ: the unit of /proc's CPU times; 100 on every Linux that Node.js runs on (sysconf is not reachable from Node).
const TICKS_PER_SECOND = 100;

/**
 * CPU time this machine's processes and kernel spent on every core, in ms (idle, I/O wait and the time the hypervisor
 * gave to other guests left out); NaN where /proc is absent.
 */
export function machineBusyMs(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already counted in user.
    const busy = [0, 1, 2, 5, 6].reduce((sum, index) => sum + (cpu[index] ?? 0), 0);
    return (busy * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** CPU time (user and system) of every live process whose process group is one of `groups`, in ms. */
export function processGroupsCpuMs(groups: ReadonlySet<number>): number {
  let ticks = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return Number.NaN;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // After "pid (comm) ": state ppid pgrp ... utime (14th field) stime (15th); comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (groups.has(Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
