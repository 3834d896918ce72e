/**
 * Where the data outside the repository lives (../shared beside it: the TMX DTD, seeds, development sets), and a
 * one-line note for the tests that skip without it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared folder beside the repository (../shared), read in place and never copied into the project. */
export const sharedDir = resolve(repoRoot, '..', 'shared');

/** Where the shared evaluation data lives: ../shared/eval/raw beside the repository, or PARALIGN_EVAL_DIR. */
export function evalRawDir(): string {
  return process.env['PARALIGN_EVAL_DIR'] ?? join(sharedDir, 'eval', 'raw');
}

/**
 * Whether every path exists; when one does not, says in one line on stderr what skips and which file it needs, so a
 * skipped suite is never silent.
 */
export function haveSharedData(what: string, paths: ReadonlyArray<string | URL>): boolean {
  const missing = paths.find((path) => !existsSync(path));
  if (missing === undefined) return true;
  const name = missing instanceof URL ? fileURLToPath(missing) : missing;
  process.stderr.write(`skipped: ${what} needs ${name}, which is absent (../shared is not beside the repository)\n`);
  return false;
}
