/** Bounds how long the service waits on Redis, so a request gets a 503 instead of hanging while it is down. */

/** Milliseconds the service waits for a queue operation before it calls the queue unavailable. */
export const QUEUE_TIMEOUT_MS = 3000;

/** Resolves or rejects like `promise`, or rejects with `onTimeout()` after `ms` milliseconds. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
