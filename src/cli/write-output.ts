/** Writes chunks to a file through a temporary file, so a failed run never leaves a half-written output. */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ErrorCode, InputError } from '../core/errors.js';

/** Writes `chunks` to `path` (atomically) or to standard output when `path` is undefined or "-". */
export function writeChunks(chunks: Iterable<string>, path: string | undefined): void {
  if (path === undefined || path === '-') {
    for (const chunk of chunks) process.stdout.write(chunk);
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  let fd: number;
  try {
    fd = openSync(temporary, 'w');
  } catch (error) {
    throw new InputError(
      `${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      ErrorCode.unreadable,
    );
  }
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
    closeSync(fd);
    renameSync(temporary, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    rmSync(temporary, { force: true });
    throw error;
  }
}
