/** Response headers of every review page: a Content-Security-Policy that allows no script and nothing remote. */
import type { RequestHandler, Response } from 'express';

/**
 * No script at all (the pages need none: refresh is a meta tag), styles only from our own stylesheet, no images,
 * fonts, frames, plugins or connections; forms submit only to us (CSP Level 3, §6).
 */
export const REVIEW_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The editor's and the upload form's policy: the same, but our own scripts may run and call our own API; Trusted
 * Types are required, so no script of ours can turn text into markup by mistake (the scripts build nodes).
 */
export const SCRIPTED_PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** Lets the page being answered run our own scripts (see {@link SCRIPTED_PAGE_CONTENT_SECURITY_POLICY}). */
export function allowOwnScripts(res: Response): void {
  res.setHeader('Content-Security-Policy', SCRIPTED_PAGE_CONTENT_SECURITY_POLICY);
}

/** Sets a page's security headers, and `Vary` since the language follows Accept-Language. */
export function setPageSecurityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', REVIEW_CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.vary('Accept-Language');
}

/**
 * Sets the review pages' security headers (the sign-in pages' too: the API's own policy, `form-action 'none'`,
 * would stop their forms).
 */
export const setReviewSecurityHeaders: RequestHandler = (_req, res, next) => {
  setPageSecurityHeaders(res);
  next();
};
