/**
 * What Linux's /proc tells of processes and CPU time: which processes run, their state, parent and group, the CPU time
 * of process groups (a detached worker with its sandboxed children) and of the whole machine. Throughput on a shared
 * 2-core machine is noisy; the CPU a pair costs moves less, and pairs a minute at saturation is about the cores' time
 * divided by it.
 */
import { readFileSync, readdirSync } from 'node:fs';

// USER_HZ: the unit of /proc's CPU times; 100 on every Linux that Node.js runs on (sysconf is not reachable from Node).
const TICKS_PER_SECOND = 100;

/** The ids of the processes running now; empty where /proc is absent. */
export function processIds(): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * The fields of /proc/PID/stat after the command name, the state ("R", "S", "Z" …) first, then the parent, the process
 * group …, as man 5 proc numbers them from 3; undefined when the process is gone.
 */
export function processStatFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces and parentheses itself.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

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
  for (const pid of processIds()) {
    const fields = processStatFields(pid);
    // pgrp is field 5, utime 14 and stime 15.
    if (fields !== undefined && groups.has(Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
