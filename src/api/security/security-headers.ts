/** Security headers of every answer (helmet), with a policy of their own for the Bull Board dashboard. */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The JSON API and everything else: helmet's defaults (nosniff, frame denial, no referrer leaks, HSTS, CSP), the CSP
 * reduced to nothing at all, since no answer of the API is a page to render. The review pages set their own CSP.
 */
export const securityHeaders: RequestHandler = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  referrerPolicy: { policy: 'no-referrer' },
});

/**
 * Bull Board's single-page app: its own scripts, styles and images only, nothing remote (its page asks for Google
 * Fonts: refused here and the link removed by {@link stripRemoteAssets}); the inline style attributes of its
 * loading screen need 'unsafe-inline' for styles, never for scripts. No upgrade-insecure-requests: the dashboard
 * is often reached over plain http on a private network, and upgraded asset requests would fail there.
 */
export const DASHBOARD_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sets the dashboard's CSP over the API's. */
export const dashboardSecurityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', DASHBOARD_CONTENT_SECURITY_POLICY);
  next();
};

// <link ... href="https://..."> and <script src="https://..."> in the dashboard's page (bull-board/ui index.ejs).
const REMOTE_ASSET = /<(?:link|script)\b[^>]*\b(?:href|src)="(?:https?:)?\/\/[^"]*"[^>]*>(?:<\/script>)?/gi;

/** Removes remote stylesheets, fonts and scripts from the HTML the dashboard sends: it works without them. */
export const stripRemoteAssets: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  // An own property outlives the prototype switch Express makes when the dashboard's sub-application takes over.
  res.send = (body?: unknown) => send(typeof body === 'string' ? body.replace(REMOTE_ASSET, '') : body);
  next();
};
