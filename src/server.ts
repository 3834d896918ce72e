/**
 * Composition root of the service: config → Redis → store → queue → app → listen, plus (unless `--api-only`) one
 * worker in the same process tree. `npm start` runs this; `npm run worker` runs workers/align-worker.ts alone.
 */
import type { Server } from 'node:http';
import { createApp } from './api/create-app.js';
import { ensureWebBundle, WebBundleMissingError } from './api/web/web-bundle.js';
import { ensureFirstAdmin } from './auth/ensure-first-admin.js';
import { createApiMetrics } from './api/metrics.js';
import { followPairChanges } from './api/pair-changes.js';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './create-logger.js';
import { openConfiguredStore } from './open-configured-store.js';
import { closeWithin, createAlignQueue, createAlignQueueEvents } from './queue/align-queue.js';
import { ensureRedis, RedisUnavailableError, type RedisHandle } from './queue/ensure-redis.js';
import { startPairReconciler } from './service/start-pair-reconciler.js';
import { startAlignWorker } from '../workers/start-align-worker.js';

const apiOnly = process.argv.includes('--api-only');
const logger = createLogger('paralign-api');

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  process.stderr.write(`paralign: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

// The editor and upload pages need their scripts: bundled here from a checkout, shipped prebuilt in the image.
try {
  if ((await ensureWebBundle()) === 'built') logger.info("web pages' scripts bundled into dist/web");
} catch (error) {
  if (!(error instanceof WebBundleMissingError)) throw error;
  process.stderr.write(`paralign: ${error.message}\n`);
  process.exit(1);
}

let redis: RedisHandle;
try {
  redis = await ensureRedis(config.redisUrl, config.dataDir, logger);
} catch (error) {
  if (!(error instanceof RedisUnavailableError)) throw error;
  process.stderr.write(`paralign: ${error.message}\n`);
  process.exit(1);
}

const store = await openConfiguredStore(config);
if (config.auth === 'on') await ensureFirstAdmin(store, logger);
else logger.warn('PARALIGN_AUTH=off: no authentication, every caller is an admin; listening on this machine only');
const queue = createAlignQueue(config);
queue.on('error', (error) => logger.warn({ err: error }, 'queue connection error'));
const queueEvents = createAlignQueueEvents(config);
const metrics = createApiMetrics(queue, queueEvents);
const pairChanges = followPairChanges(queueEvents);
const app = createApp({ store, queue, config, logger, metrics, pairChanges });
const worker = apiOnly ? undefined : startAlignWorker(config, createLogger('paralign-worker'));

// Puts back the jobs a Redis restart without persistence lost, and fails the pairs whose jobs failed for good.
const reconciler = startPairReconciler(store, queue, logger, config.reconcileIntervalMs);

const server: Server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  logger.info(
    {
      host: config.host,
      port,
      auth: config.auth,
      worker: worker !== undefined,
      store: store.kind,
      redis: redis.privateServer ? 'private' : config.redisUrl,
    },
    `paralign listening on http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
  );
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  await reconciler.stop();
  // Requests waiting for a pair answer now with the pair as it stands: the server would otherwise wait for them.
  pairChanges.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // The worker finishes the jobs in hand before the store and Redis go away.
  await worker?.close();
  metrics.close();
  await closeWithin(queueEvents);
  await closeWithin(queue);
  await store.close();
  await redis.stop();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
