/**
 * The web pages' session cookie and their CSRF protection (csrf-csrf's double submit, bound to the session): every
 * form carries a token that only our own pages can read, checked before the form does anything.
 */
import { randomBytes } from 'node:crypto';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, Response } from 'express';

/** Name of the session cookie (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'paralign_session';

/** How long a session lasts, in ms (8 hours: one working day). */
export const SESSION_TTL_MS = 8 * 3600 * 1000;

/** Name of the hidden form field carrying the CSRF token. */
export const CSRF_FIELD = '_csrf';

/** Header carrying the CSRF token of a page's script calling the API (fetch sends no form field). */
export const CSRF_HEADER = 'x-csrf-token';

/** Makes and checks the CSRF tokens of the web pages' forms. */
export interface CsrfGuard {
  /** A token for a form of this response (sets its cookie). */
  token(req: Request, res: Response): string;
  /** Whether the request's form field or header carries a token matching its cookie and session. */
  isValid(req: Request): boolean;
}

/** Creates the guard; its secret lives in this process only (a form survives as long as the process). */
export function createCsrfGuard(): CsrfGuard {
  const secret = randomBytes(32).toString('base64url');
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => secret,
    // Before sign-in there is no session: the sign-in form's token is bound to the empty identifier.
    getSessionIdentifier: (req) => sessionIdOf(req),
    cookieName: 'paralign_csrf',
    cookieOptions: { sameSite: 'strict', path: '/', secure: false, httpOnly: true },
    getCsrfTokenFromRequest: (req) => {
      const header = req.get(CSRF_HEADER);
      if (header !== undefined) return header;
      const body: unknown = req.body;
      const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[CSRF_FIELD] : '';
      return typeof value === 'string' ? value : null;
    },
  });
  return {
    token: (req, res) => generateCsrfToken(req, res, { overwrite: false }),
    isValid: (req) => validateRequest(req),
  };
}

/** The session id the request's cookie carries, or "" for none. */
export function sessionIdOf(req: Request): string {
  const cookies: unknown = req.cookies;
  const value =
    typeof cookies === 'object' && cookies !== null ? (cookies as Record<string, unknown>)[SESSION_COOKIE] : '';
  return typeof value === 'string' ? value : '';
}
