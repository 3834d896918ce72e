/** Response headers of every review page: a Content-Security-Policy that allows no script and nothing remote. */
import type { RequestHandler } from 'express';

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

/** Sets the review pages' security headers, and `Vary` since the language follows Accept-Language. */
export const setReviewSecurityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', REVIEW_CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.vary('Accept-Language');
  next();
};
