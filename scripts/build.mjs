/**
 * `npm run build` (run by `npm ci` through `prepare`): compiles the command line, the API server and the worker into
 * dist/ as bundled JavaScript, so that neither pays for compiling TypeScript at start-up. npm packages stay external
 * (loaded from node_modules as usual); `await import()` in the sources becomes a separate chunk, loaded only when a
 * command reaches it. dist/ is never committed.
 */
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // Every entry and chunk lands directly in dist/, one level below the repository like src/: the few paths the
  // sources resolve from import.meta.url (../package.json, ./locales/) hold in both.
  entryPoints: {
    cli: 'src/cli/main.ts',
    server: 'src/server.ts',
    'align-worker': 'workers/align-worker.ts',
    'align-pair': 'workers/processors/align-pair.ts',
    // The worker threads of `paralign align --batch` (src/cli/batch-pool.ts loads it from beside itself).
    'batch-thread': 'src/cli/batch-thread.ts',
  },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// The API's translations are read from disk beside its module (src/api/i18n.ts).
cpSync(`${root}src/api/locales`, `${dist}/locales`, { recursive: true });
