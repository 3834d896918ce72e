/**
 * A worker thread of `paralign align --batch` (batch-pool.ts): aligns the pairs it is sent, one at a time, and sends
 * back each result. A fault (anything but a refused pair) goes back as such, and the command stops with it.
 */
import { parentPort } from 'node:worker_threads';
import { alignBatchPair, type BatchJob, type BatchResult } from './batch-pair.js';

/** What the thread sends back: a pair's result, or the fault that stopped it. */
export type ThreadMessage =
  { kind: 'result'; result: BatchResult } | { kind: 'fault'; message: string; stack: string | undefined };

const port = parentPort;
if (port === null) throw new Error('batch-thread.ts runs as a worker thread of batch-pool.ts');
port.on('message', (job: BatchJob) => {
  alignBatchPair(job).then(
    (result) => port.postMessage({ kind: 'result', result } satisfies ThreadMessage),
    (error: unknown) => {
      const fault = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ kind: 'fault', message: fault.message, stack: fault.stack } satisfies ThreadMessage);
    },
  );
});
