/**
 * The web pages' scripts: TypeScript under src/web-client, bundled by esbuild into dist/web (never committed) and
 * served from our own origin, so the pages' Content-Security-Policy can say `script-src 'self'`.
 */
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParalignError } from '../../core/errors.js';

/** The repository (or image) root: the nearest folder above this module with a package.json. */
function findPackageRoot(from: string): string {
  // The module runs from src/api/web under tsx and from dist/ once bundled (scripts/build.mjs): walk up, not count.
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const ROOT = findPackageRoot(fileURLToPath(import.meta.url));

/** Where the bundle is written and served from (gitignored). */
export const WEB_BUNDLE_DIR = join(ROOT, 'dist', 'web');

/** URL prefix of the bundle's files (under /review/assets, which the access policy leaves public). */
export const WEB_BUNDLE_PATH = '/review/assets/web';

/** The pages' scripts: bundle name → entry point. */
export const WEB_SCRIPTS = {
  editor: 'editor.ts',
  upload: 'upload.ts',
} as const;
/** See {@link WEB_SCRIPTS}. */
export type WebScript = keyof typeof WEB_SCRIPTS;

const CLIENT_DIR = join(ROOT, 'src', 'web-client');

/** URL of one page script. */
export function webScriptUrl(name: WebScript): string {
  return `${WEB_BUNDLE_PATH}/${name}.js`;
}

/** Whether every page script is in `outDir`. */
export function hasWebBundle(outDir: string = WEB_BUNDLE_DIR): boolean {
  return Object.keys(WEB_SCRIPTS).every((name) => existsSync(join(outDir, `${name}.js`)));
}

/** Bundles every page script into `outDir` (ES modules for current browsers, minified, with source maps). */
export async function buildWebBundle(outDir: string = WEB_BUNDLE_DIR): Promise<void> {
  // esbuild is a build tool (devDependency): imported only when a bundle is built, never by a running service.
  const { build } = await import('esbuild');
  // Chunk names carry a hash: a fresh folder keeps the old chunks of an earlier build from piling up.
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(WEB_SCRIPTS).map(([name, entry]) => [name, join(CLIENT_DIR, entry)]),
    ),
    outdir: outDir,
    bundle: true,
    format: 'esm',
    // What both pages use (i18next, the API client) is one shared file rather than a copy in each.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    tsconfig: join(CLIENT_DIR, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

/** Thrown when the bundle is missing and cannot be built here (no esbuild: a production install). */
export class WebBundleMissingError extends ParalignError {
  constructor(outDir: string, cause: unknown) {
    super(
      'WEB_BUNDLE_MISSING',
      `the web pages' scripts are not in ${outDir} and cannot be built here: run "npm run build:web"`,
    );
    this.name = 'WebBundleMissingError';
    this.cause = cause;
  }
}

/** Builds the bundle unless it is already there; throws {@link WebBundleMissingError} when it cannot. */
export async function ensureWebBundle(outDir: string = WEB_BUNDLE_DIR): Promise<'present' | 'built'> {
  if (hasWebBundle(outDir)) return 'present';
  try {
    await buildWebBundle(outDir);
  } catch (error) {
    throw new WebBundleMissingError(outDir, error);
  }
  return 'built';
}
