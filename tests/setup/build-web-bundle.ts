/**
 * Vitest global setup: bundles the web pages' scripts before any test starts a service, so a fresh clone's
 * `npm test` serves the same scripts as `npm run build:web` would (rebuilt every run: never a stale bundle).
 */
import { buildWebBundle } from '../../src/api/web/web-bundle.js';

export default async function setup(): Promise<void> {
  await buildWebBundle();
}
