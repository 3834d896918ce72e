/**
 * Finds the Redis the queue needs: the one at REDIS_URL, or, when nothing answers there and the URL is local, a
 * private `redis-server` started from PATH for this process tree (single-machine `npm start`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ParalignError } from '../core/errors.js';
import { createRedisOptions } from './align-queue.js';

/** Why no Redis could be had; its message is one line telling the user what to do. */
export class RedisUnavailableError extends ParalignError {
  constructor(message: string) {
    super('REDIS_UNAVAILABLE', message);
    this.name = 'RedisUnavailableError';
  }
}

/** A Redis that answers, and how to stop it if this process started it. */
export interface RedisHandle {
  /** Whether this process started the server. */
  privateServer: boolean;
  /** Stops the private server (no-op otherwise). */
  stop(): Promise<void>;
}

/** Resolves when `redisUrl` answers PING within `timeoutMs`; rejects otherwise. */
export async function pingRedis(redisUrl: string, timeoutMs = 1500): Promise<void> {
  const client = new Redis({
    ...createRedisOptions(redisUrl, 'producer'),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  client.on('error', () => {
    // Reported by the rejected connect below.
  });
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}

/**
 * Makes sure Redis answers at `redisUrl`: uses it as it is, else starts `redis-server` (data in `dataDir`, append-only
 * file on so accepted jobs survive a restart) when the URL names this machine, else throws {@link
 * RedisUnavailableError}.
 */
export async function ensureRedis(redisUrl: string, dataDir: string, logger: Logger): Promise<RedisHandle> {
  const none: RedisHandle = { privateServer: false, stop: async () => {} };
  try {
    await pingRedis(redisUrl);
    return none;
  } catch {
    // Nothing answers: try to start one below.
  }
  const url = new URL(redisUrl);
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname);
  const install =
    'install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) ' +
    'or set REDIS_URL to a running one';
  if (!local) throw new RedisUnavailableError(`No Redis answers at ${redisUrl}: start it, or ${install}.`);
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new RedisUnavailableError(`No Redis answers at ${redisUrl} and redis-server is not on PATH: ${install}.`);
  }
  const port = url.port === '' ? '6379' : url.port;
  const dir = `${dataDir}/redis`;
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      port,
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--protected-mode',
      'yes',
    ],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 50; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (child.exitCode !== null) break;
    try {
      await pingRedis(redisUrl, 500);
      logger.info(
        { redisPid: child.pid, port, dir },
        `no Redis answered at ${redisUrl}: started a private redis-server (pid ${child.pid}) on port ${port}, ` +
          `data in ${dir}`,
      );
      return {
        privateServer: true,
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    } catch {
      // Still starting.
    }
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(
    `No Redis answers at ${redisUrl} and the private redis-server did not start: ${install}.`,
  );
}
