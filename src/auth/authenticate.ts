/** Who is asking: an API token, a browser session or a name and password, each checked against stored hashes. */
import { randomBytes } from 'node:crypto';
import type { Store, UserRecord } from '../storage/store.js';
import { hashSecret, readApiToken, sameHash } from './api-token.js';
import { verifyPassword } from './password-hash.js';

/** The active account owning `token`, or null for an unknown, malformed or revoked one. */
export async function authenticateToken(store: Store, token: string): Promise<UserRecord | null> {
  const presented = readApiToken(token);
  if (presented === undefined) return null;
  const credential = await store.findTokenCredential(presented.tokenId);
  return credential !== null && sameHash(credential.hash, presented.tokenHash) ? credential.user : null;
}

/** The active account named `name` if `password` is its password, else null. */
export async function authenticatePassword(store: Store, name: string, password: string): Promise<UserRecord | null> {
  const credential = await store.findPasswordCredential(name);
  if (credential === null) {
    // Spend the same time as a real check, so the answer's delay does not tell which names exist.
    await verifyPassword(password, DUMMY_HASH);
    return null;
  }
  return (await verifyPassword(password, credential.hash)) ? credential.user : null;
}

/** Opens a session for `user` until `expiresAt`; answers the session id for the cookie (only its hash is stored). */
export async function openSession(store: Store, user: UserRecord, expiresAt: Date): Promise<string> {
  const sessionId = randomBytes(32).toString('base64url');
  await store.createSession(hashSecret(sessionId), user.name, expiresAt);
  return sessionId;
}

/** The active account of an unexpired session id, or null. */
export async function authenticateSession(store: Store, sessionId: string): Promise<UserRecord | null> {
  return sessionId === '' ? null : store.findSessionUser(hashSecret(sessionId));
}

/** Ends the session with this id. */
export async function closeSession(store: Store, sessionId: string): Promise<void> {
  await store.deleteSession(hashSecret(sessionId));
}

// A well-formed hash of a random password nobody knows, at the real cost (see password-hash.ts).
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
