/** Builds the Express application of the alignment service; it never listens (src/server.ts does). */
import express, { type ErrorRequestHandler, type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { AppDeps } from './app-deps.js';
import { createAccessControl } from './authorize.js';
import { createErrorHandler, notFoundHandler } from './error-handler.js';
import { createApiI18n, localizeRequests } from './i18n.js';
import { createOpenApiDocument } from './openapi.js';
import { ADMIN_QUEUES_PATH, createAdminRouter } from './routes/admin.js';
import { createAlignmentEditsRouter } from './routes/alignment-edits.js';
import { createAuditRouter } from './routes/audit.js';
import { createDocumentsRouter } from './routes/documents.js';
import { createHealthRouter } from './routes/health.js';
import { createPairsRouter } from './routes/pairs.js';
import { createSignInRouter } from './routes/sign-in.js';
import { createTmRouter } from './routes/tm.js';
import { createRateLimit } from './security/rate-limits.js';
import { requestTimeout } from './security/request-timeout.js';
import { dashboardSecurityHeaders, securityHeaders, stripRemoteAssets } from './security/security-headers.js';
import { stripJobInternals } from './security/strip-job-internals.js';
import { createReviewRouter } from './web/create-review-router.js';
import { createCsrfGuard } from './web-session.js';

export type { AppDeps } from './app-deps.js';

/** Creates the app over its dependencies; everything it needs is passed in, so tests build it over real ones. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
    }),
  );
  app.use(localizeRequests(createApiI18n()));
  const errorHandler = createErrorHandler(deps.logger, deps.config.maxUploadBytes);
  applyHardening(app, deps.config, errorHandler);
  // Every request passes the access policy (src/api/access-policy.ts) before any route below.
  const csrf = createCsrfGuard();
  app.use(createAccessControl(deps, csrf));
  app.use(createSignInRouter(deps, csrf));
  app.use(createAuditRouter(deps));

  const openApi = createOpenApiDocument();
  app.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use(createHealthRouter(deps));
  app.use(createPairsRouter(deps));
  app.use(createAlignmentEditsRouter(deps));
  app.use(createDocumentsRouter(deps));
  app.use(createTmRouter(deps));
  app.use(createReviewRouter(deps));
  app.use(ADMIN_QUEUES_PATH, dashboardSecurityHeaders, stripRemoteAssets, stripJobInternals, createAdminRouter(deps));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

// Headers, timeouts and rate limits (issue 15), before any route: they hold for every answer, errors included.
function applyHardening(app: Express, config: AppDeps['config'], errorHandler: ErrorRequestHandler): void {
  app.use(securityHeaders);
  app.use(requestTimeout(config.requestTimeoutMs, errorHandler));
  app.post(['/v1/pairs', '/v1/documents'], createRateLimit(config.uploadsPerMinute));
  app.get(
    ['/v1/pairs/:id/export.:format', '/v1/documents/:id/export.tmx', '/v1/tm/export.tmx'],
    createRateLimit(config.exportsPerMinute),
  );
}
