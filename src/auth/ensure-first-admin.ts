/** First start: with no account at all, creates the admin "admin" and prints its token once in the log. */
import type { Logger } from 'pino';
import { StoreError, StoreErrorCode } from '../storage/store-error.js';
import type { Store } from '../storage/store.js';
import { addUser } from './add-user.js';

/** Name of the account created on first start. */
export const FIRST_ADMIN = 'admin';

/** Creates the first admin when the store has no account; answers its token, or null when there were accounts. */
export async function ensureFirstAdmin(store: Store, logger: Logger): Promise<string | null> {
  if ((await store.listUsers()).length > 0) return null;
  try {
    const { token } = await addUser(store, { name: FIRST_ADMIN, role: 'admin' }, 'first-start');
    // The one place a token is ever logged, by design: nobody else can get the first admin's token.
    logger.warn(
      { user: FIRST_ADMIN },
      `No account existed: created the admin "${FIRST_ADMIN}". Its API token, shown only now: ${token} ` +
        '(send it as "Authorization: Bearer <token>"). Add users with: ' +
        'npx paralign users add NAME --role translator|reviewer|terminologist|admin [--collections A,B]',
    );
    return token;
  } catch (error) {
    // Another API process starting at the same moment created it first.
    if (error instanceof StoreError && error.code === StoreErrorCode.conflict) return null;
    throw error;
  }
}
