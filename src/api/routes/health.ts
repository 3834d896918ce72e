/** /healthz (the process answers), /readyz (Redis and the store answer), /metrics (Prometheus text). */
import { Router } from 'express';
import type { AppDeps } from '../app-deps.js';
import { storeWriteFault } from '../error-handler.js';
import { withTimeout } from '../../service/with-timeout.js';

const CHECK_TIMEOUT_MS = 2000;

/** Builds the router of the health and metrics endpoints. */
export function createHealthRouter(deps: AppDeps): Router {
  const { store, queue, metrics } = deps;
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (req, res) => {
    const check = async (
      name: string,
      probe: () => Promise<unknown>,
    ): Promise<[string, { ok: boolean; message?: string }]> => {
      try {
        await withTimeout(probe(), CHECK_TIMEOUT_MS, () => new Error('timed out'));
        return [name, { ok: true }];
      } catch (error) {
        const fault = storeWriteFault(error);
        const code =
          name === 'redis'
            ? 'QUEUE_UNAVAILABLE'
            : fault === 'full'
              ? 'STORE_FULL'
              : fault === 'readOnly'
                ? 'STORE_READ_ONLY'
                : 'STORE_UNAVAILABLE';
        return [
          name,
          {
            ok: false,
            message: `${req.t(code, { ns: 'errors' })} (${error instanceof Error ? error.message : String(error)})`,
          },
        ];
      }
    };
    const checks = await Promise.all([
      check('redis', () => queue.getJobCounts('waiting')),
      check('store', () => store.ping()),
      // Readable is not enough: a full disk or a read-only store cannot take an upload or a worker's result.
      check('storeWritable', () => store.checkWritable()),
    ]);
    const ok = checks.every(([, result]) => result.ok);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks: Object.fromEntries(checks) });
  });

  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return router;
}
