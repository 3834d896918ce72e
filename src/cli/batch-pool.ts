/**
 * Runs the pairs of `paralign align --batch` on worker threads, one pair a thread at a time, so that a folder of
 * documents keeps every core busy; results come back as each pair is done. With one thread (one pair, `--jobs 1`, a
 * one-core machine) the pairs run in this thread, paying no thread's start-up.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { alignBatchPair, type BatchJob, type BatchResult } from './batch-pair.js';
import type { ThreadMessage } from './batch-thread.js';

/** Whether this module runs from the build (dist/, bundled JavaScript) rather than from its TypeScript source. */
const COMPILED = !import.meta.url.endsWith('.ts');
/** The thread's module: its build beside this bundle (dist/), or a loader of its source. */
const THREAD_URL = new URL(COMPILED ? './batch-thread.js' : './batch-thread-from-source.mjs', import.meta.url);

/**
 * Below this many bytes of input in all, a batch runs in one thread: a thread starts cold (its own copy of the code,
 * compiled again while it runs), which costs more than a second core saves on a small batch. `npm run bench:batch` on
 * two cores: 12 pairs of 370 kB (4.4 MB in all) took 1.09 times as long on two threads, 12 of 860 kB (11 MB) about 0.9
 * times, 24 of 860 kB 0.7 to 0.8 times.
 */
export const THREADED_BATCH_BYTES = 8 * 1024 * 1024;

/** Threads for a batch when the user names none: one a core for a large batch, never more than its pairs. */
export function defaultThreads(pairs: number, inputBytes: number): number {
  if (inputBytes < THREADED_BATCH_BYTES) return 1;
  return Math.max(1, Math.min(availableParallelism(), pairs));
}

/**
 * Aligns every job, calling `onResult` with each result as it comes (in any order: `index` says whose). Rejects on
 * the first fault (an error that is not a refused pair, or a thread that died), after stopping every thread.
 */
export async function runBatchJobs(
  jobs: readonly BatchJob[],
  threads: number,
  onResult: (result: BatchResult) => void,
): Promise<void> {
  if (threads <= 1 || jobs.length <= 1) {
    for (const job of jobs) onResult(await alignBatchPair(job));
    return;
  }
  const waiting = [...jobs];
  const workers: Worker[] = [];
  let running = 0;
  try {
    await new Promise<void>((resolve, settleWithFault) => {
      // After a fault the threads still running are stopped and their results ignored.
      let faulted = false;
      const reject = (fault: Error): void => {
        faulted = true;
        settleWithFault(fault);
      };
      const feed = (worker: Worker): void => {
        const job = waiting.shift();
        if (job !== undefined) {
          running += 1;
          worker.postMessage(job);
        } else if (running === 0) resolve();
      };
      for (let k = 0; k < Math.min(threads, jobs.length); k++) {
        const worker = new Worker(THREAD_URL);
        workers.push(worker);
        worker.on('message', (message: ThreadMessage) => {
          running -= 1;
          if (faulted) return;
          if (message.kind === 'fault') {
            const fault = new Error(message.message);
            if (message.stack !== undefined) fault.stack = message.stack;
            reject(fault);
            return;
          }
          try {
            onResult(message.result);
          } catch (error) {
            reject(error as Error);
            return;
          }
          feed(worker);
        });
        worker.on('error', reject);
        // A thread ends only when stopped below; ending before (out of memory, say) loses its pair.
        worker.on('exit', (code) => {
          if (!faulted) reject(new Error(`a batch thread stopped with exit code ${code}`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
