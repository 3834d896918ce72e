/** Answers 408 to a request that has not been answered within its time (a body that never ends, a stuck store). */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError, HttpErrorCode } from '../http-error.js';

/**
 * Starts a timer per request; when it fires before the answer has begun, `answer` (the app's error handler, so the
 * message is localised) answers 408 and the connection is closed: a body still arriving is not read any further.
 * A streamed export that has begun is left to run: its pace is the client's.
 */
export function requestTimeout(ms: number, answer: ErrorRequestHandler): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.setHeader('Connection', 'close');
      const error = new HttpError(408, HttpErrorCode.requestTimeout, { seconds: Math.ceil(ms / 1000) });
      void answer(error, req, res, () => {});
    }, ms);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
