/**
 * Ends a sandboxed child process soon after the worker process that forked it dies, even while the child is busy.
 *
 * Why not `process.on('disconnect')` alone: after a `kill -9` of the worker, the child's next IPC send (a progress
 * report) fails; BullMQ's `uncaughtException` handler (bullmq/dist/cjs/classes/main-base.js) then tries to send
 * the failure over the same closed channel, that rejection is unhandled, becomes the next `uncaughtException`, and
 * so on: an endless loop of microtasks that starves the event loop, so the 'disconnect' event is never delivered
 * (seen with the inspector on an orphan at 40% CPU and growing memory). A long synchronous alignment starves it too.
 * A worker thread has its own event loop: it notices the parent is gone (Linux re-parents the orphan) and kills
 * the whole process, whatever its main thread is doing.
 */
import { Worker } from 'node:worker_threads';

/** How often the watchdog thread looks at the parent, in ms. */
export const PARENT_CHECK_MS = 500;

// Plain JavaScript run by `eval`: the thread needs no TypeScript loader. `process.ppid` reads getppid() on each call.
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const timer = setInterval(() => {
  if (process.ppid !== workerData.parentPid) process.kill(workerData.pid, 'SIGKILL');
}, workerData.intervalMs);
void timer;
`;

/** The environment variable through which a worker names itself to the children it forks. */
export const WORKER_PID_VARIABLE = 'PARALIGN_WORKER_PID';

/**
 * Starts the watchdog thread of this process (once); it never keeps the process alive by itself. The parent to watch
 * is the worker named by WORKER_PID_VARIABLE: the processor loads a second or more after the fork, and a worker killed
 * meanwhile has already handed the child to a new parent, whose pid `process.ppid` would give.
 */
export function watchParent(intervalMs = PARENT_CHECK_MS): void {
  if (started) return;
  started = true;
  const parentPid = Number(process.env[WORKER_PID_VARIABLE]) || process.ppid;
  const watchdog = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    // The child's own --import tsx would load the TypeScript hooks again in the thread, for nothing.
    execArgv: [],
    workerData: { parentPid, pid: process.pid, intervalMs },
    stdout: false,
    stderr: false,
  });
  watchdog.unref();
  // The main thread's exit path must not wait on the thread, and a thread that fails must not kill the job.
  watchdog.on('error', () => {});
  // Also exit at once when the channel closes while the event loop still turns (parent gone, job idle).
  process.on('disconnect', () => process.exit(1));
  // Once the channel is closed no report can reach anyone: exit before BullMQ's handler loops on it.
  process.prependListener('uncaughtException', () => {
    if (process.connected !== true) process.exit(1);
  });
}

let started = false;
