/**
 * API tokens: `pa_<id>_<secret>`. The id (12 hex digits) is the store's lookup key; only a SHA-256 of the secret is
 * stored, and a presented token is checked against it in constant time. A secret of 32 random bytes needs no slow
 * hash: nobody can guess it, so a leaked hash cannot be reversed by trying candidates.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'pa';
const TOKEN_PATTERN = /^pa_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A new token and what the store keeps of it. */
export interface IssuedToken {
  /** The whole token, shown once to its owner and never stored. */
  token: string;
  /** Its public id, the store's lookup key. */
  tokenId: string;
  /** Lower-case hex SHA-256 of its secret part. */
  tokenHash: string;
}

/** Makes a new random token. */
export function issueApiToken(): IssuedToken {
  const tokenId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { token: `${PREFIX}_${tokenId}_${secret}`, tokenId, tokenHash: hashSecret(secret) };
}

/** Splits a presented token into its id and the hash of its secret; undefined when it is not shaped like one. */
export function readApiToken(token: string): { tokenId: string; tokenHash: string } | undefined {
  const match = TOKEN_PATTERN.exec(token);
  if (match === null) return undefined;
  const [, tokenId = '', secret = ''] = match;
  return { tokenId, tokenHash: hashSecret(secret) };
}

/** Whether two lower-case hex hashes are equal, in time independent of where they differ. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Lower-case hex SHA-256 of a random secret (a token's or a session id). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
