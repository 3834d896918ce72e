/** Opens and migrates the store the configuration names (PostgreSQL with DATABASE_URL, else SQLite). */
import type { Config } from './config.js';
import { openStore } from './storage/open-store.js';
import type { Store } from './storage/store.js';

/** Opens the configured store and, unless told not to, applies pending migrations (done once per process at start). */
export async function openConfiguredStore(config: Config, options: { migrate?: boolean } = {}): Promise<Store> {
  const store = openStore({
    sqlitePath: config.sqlitePath,
    ...(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.databaseSchema !== undefined ? { schema: config.databaseSchema } : {}),
  });
  if (options.migrate !== false) await store.migrate();
  return store;
}
