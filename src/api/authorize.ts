/**
 * The one middleware that applies the access policy (access-policy.ts) to every request: it finds the route's rule,
 * identifies the caller (a bearer token, else the web pages' session cookie), and answers 401, 403 or 404 before any
 * route handler runs. A signed-in browser may change things only from our own origin (OWASP's origin check) and,
 * through the API, only with the CSRF token of one of our pages.
 */
import cookieParser from 'cookie-parser';
import { Router, type Request, type Response } from 'express';
import { authenticateSession, authenticateToken } from '../auth/authenticate.js';
import type { UserRecord } from '../storage/store.js';
import { findAccessRule, mayAccess, type AccessRule } from './access-policy.js';
import type { AppDeps } from './app-deps.js';
import { allowOrigins } from './cors.js';
import { HttpError, HttpErrorCode } from './http-error.js';
import { LOCAL_ACCOUNT } from './request-account.js';
import { pageContext, sendPage } from './web/create-review-router.js';
import { renderErrorPage } from './web/render-error-page.js';
import { renderSignInPage } from './web/render-sign-in-page.js';
import { setPageSecurityHeaders } from './web/review-security-headers.js';
import { sessionIdOf, type CsrfGuard } from './web-session.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How the caller was identified. */
type Identity = { account: UserRecord; via: 'token' | 'session' | 'local' } | { account: undefined; via: 'none' };

/** Builds the router that runs before every route: CORS (when configured), cookies, then the access policy. */
export function createAccessControl(deps: AppDeps, csrf: CsrfGuard): Router {
  const { store, config } = deps;
  const router = Router();
  if (config.corsOrigins.length > 0) router.use(allowOrigins(config.corsOrigins));
  router.use(cookieParser());

  const identify = async (req: Request): Promise<Identity> => {
    if (config.auth === 'off') return { account: LOCAL_ACCOUNT, via: 'local' };
    const header = req.get('authorization');
    if (header !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      const account = token === undefined ? null : await authenticateToken(store, token);
      // A wrong token is never "no token": the caller meant to authenticate and must hear that it failed.
      return account === null ? { account: undefined, via: 'none' } : { account, via: 'token' };
    }
    const account = await authenticateSession(store, sessionIdOf(req));
    return account === null ? { account: undefined, via: 'none' } : { account, via: 'session' };
  };

  router.use(async (req, res, next) => {
    const rule = findAccessRule(req.method, req.path);
    if (rule === undefined) throw new HttpError(404, HttpErrorCode.notFound, { path: req.path });
    const identity = await identify(req);
    if (identity.account !== undefined) req.account = identity.account;
    if (identity.via === 'session') req.csrfToken = () => csrf.token(req, res);
    if (rule.access === 'public') {
      next();
      return;
    }
    if (identity.account === undefined) {
      deny(req, res, rule, 401, csrf);
      return;
    }
    if (!mayAccess(rule, identity.account.role)) {
      deny(req, res, rule, 403, csrf);
      return;
    }
    if (identity.via === 'session' && !SAFE_METHODS.has(req.method)) {
      if (!fromOwnOrigin(req)) throw new HttpError(403, HttpErrorCode.crossOrigin);
      // A page's script calling the API shows the token its page was given (the forms' routes check their own field).
      if (rule.page !== true && !csrf.isValid(req)) throw new HttpError(403, HttpErrorCode.csrfInvalid);
    }
    next();
  });
  return router;
}

function deny(req: Request, res: Response, rule: AccessRule, status: 401 | 403, csrf: CsrfGuard): void {
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="paralign"');
  if (rule.page !== true) {
    throw status === 401
      ? new HttpError(401, HttpErrorCode.unauthorized)
      : new HttpError(403, HttpErrorCode.forbidden, { role: req.account?.role ?? '' });
  }
  const context = pageContext(req);
  // The access check runs before the page routers and their headers: without these, the sign-in form could not post.
  setPageSecurityHeaders(res);
  res.status(status);
  if (status === 401) {
    const next = req.method === 'GET' ? req.originalUrl : '/review';
    sendPage(
      res,
      renderSignInPage(context, { next, csrfToken: csrf.token(req, res), message: context.t('signIn.required') }),
    );
    return;
  }
  const message = req.t(HttpErrorCode.forbidden, { ns: 'errors', role: req.account?.role ?? '' });
  sendPage(res, renderErrorPage(context, 403, message));
}

function fromOwnOrigin(req: Request): boolean {
  // Browsers send Sec-Fetch-Site with every request and Origin with every POST, PUT and DELETE.
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = req.get('origin');
  return origin !== undefined && origin === `${req.protocol}://${req.get('host') ?? ''}`;
}
