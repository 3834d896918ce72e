/** Per-client rate limits on the expensive routes: uploads (each one an alignment job) and exports (streamed TMX). */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError, HttpErrorCode } from '../http-error.js';

const WINDOW_MS = 60_000;

/** A limiter of `limit` requests per client (by IP address) per minute that answers 429 with Retry-After. */
export function createRateLimit(limit: number): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // The library has set Retry-After already; the error handler writes the localised one-line message.
    handler: (_req, res, next) => {
      next(new HttpError(429, HttpErrorCode.rateLimited, { seconds: String(res.getHeader('Retry-After') ?? 60) }));
    },
  });
}
