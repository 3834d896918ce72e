/**
 * /sign-in and /sign-out of the web pages: a name and password open a session (HttpOnly, SameSite=Strict cookie);
 * both forms are CSRF-checked; attempts are rate limited per address and every one is audited.
 */
import express, { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { authenticatePassword, closeSession, openSession } from '../../auth/authenticate.js';
import { AuditAction } from '../../storage/store.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError, HttpErrorCode } from '../http-error.js';
import { recordAudit } from '../record-audit.js';
import { pageContext, sendPage } from '../web/create-review-router.js';
import { renderSignInPage } from '../web/render-sign-in-page.js';
import { setReviewSecurityHeaders } from '../web/review-security-headers.js';
import { SESSION_COOKIE, SESSION_TTL_MS, sessionIdOf, type CsrfGuard } from '../web-session.js';

/** Sign-in attempts one address may make per window. */
export const SIGN_IN_LIMIT = 10;
const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** Builds the router of the sign-in and sign-out forms. */
export function createSignInRouter(deps: AppDeps, csrf: CsrfGuard): Router {
  const { store } = deps;
  const router = Router();
  router.use(['/sign-in', '/sign-out'], setReviewSecurityHeaders);
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });
  const checkCsrf = (req: Request): void => {
    if (!csrf.isValid(req)) throw new HttpError(403, HttpErrorCode.csrfInvalid);
  };
  const limiter = rateLimit({
    windowMs: SIGN_IN_WINDOW_MS,
    limit: SIGN_IN_LIMIT,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const message = req.t(HttpErrorCode.tooManySignIns, { ns: 'errors', minutes: SIGN_IN_WINDOW_MS / 60_000 });
      res.status(429);
      sendPage(res, renderSignInPage(pageContext(req), { next: '/review', csrfToken: csrf.token(req, res), message }));
    },
  });

  router.get('/sign-in', (req, res) => {
    const next = localPath(req.query['next']);
    sendPage(res, renderSignInPage(pageContext(req), { next, csrfToken: csrf.token(req, res) }));
  });

  router.post('/sign-in', limiter, form, async (req, res) => {
    checkCsrf(req);
    const body = formFields(req);
    const name = body['name'] ?? '';
    const next = localPath(body['next']);
    const account = await authenticatePassword(store, name, body['password'] ?? '');
    if (account === null) {
      // The name tried is kept as the actor: it tells an admin whose account someone is trying.
      await recordAudit(store, req, { action: AuditAction.signInFailed, actor: name.slice(0, 64) || null });
      res.status(401);
      const message = req.t('signIn.failed', { ns: 'review' });
      sendPage(res, renderSignInPage(pageContext(req), { next, name, message, csrfToken: csrf.token(req, res) }));
      return;
    }
    const expires = new Date(Date.now() + SESSION_TTL_MS);
    const sessionId = await openSession(store, account, expires);
    req.account = account;
    await recordAudit(store, req, { action: AuditAction.signIn });
    res.cookie(SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      expires,
    });
    res.redirect(303, next);
  });

  router.post('/sign-out', form, async (req, res) => {
    checkCsrf(req);
    const sessionId = sessionIdOf(req);
    if (sessionId !== '') await closeSession(store, sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/sign-in');
  });

  return router;
}

function formFields(req: Request): Record<string, string | undefined> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : undefined,
    ]),
  );
}

function localPath(value: unknown): string {
  // Only a path of this site: "//evil.example" and "/\\evil.example" are other hosts to a browser.
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/review';
}
