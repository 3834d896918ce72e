/** Reads the CLI's input files from disk and hands their bytes to the pipeline. */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ErrorCode, InputError } from '../core/errors.js';
import type { LanguageCode } from '../core/model.js';
import { decodeText } from '../extract/decode-text.js';
import { assertFileSize, DEFAULT_LIMITS } from '../extract/limits.js';
import type { DocumentPair } from '../pipeline/read-document-pair.js';

/** Reads a file's bytes, turning file-system failures into one-line input errors. */
export function readInputBytes(path: string): Uint8Array {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new InputError(`${path}: is a folder, not a file`, ErrorCode.unreadable);
    // Checked before reading, so a huge file is never loaded into memory.
    assertFileSize(stats.size, basename(path), DEFAULT_LIMITS);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      ErrorCode.unreadable,
    );
  }
}

/** Reads a text file (dictionaries, presegmented input, links). */
export function readTextFile(path: string): string {
  return decodeText(readInputBytes(path), basename(path));
}

/** Refuses the same file given twice (same path or same target of links). */
export function assertDistinctFiles(first: string, second: string): void {
  let a = first;
  let b = second;
  try {
    a = realpathSync(first);
    b = realpathSync(second);
  } catch {
    // Unreadable paths are reported by the reader with the file name.
  }
  if (a === b) throw new InputError(`${basename(first)}: the same file was given for both languages`);
}

/** Reads a pair of files through the pipeline (src/pipeline), which refuses any pair that cannot be aligned. */
export async function loadPair(
  sourcePath: string,
  targetPath: string,
  languages: { source: LanguageCode; target: LanguageCode },
): Promise<DocumentPair> {
  // The reading pipeline (language detection, the extractors) loads here, not at start-up: `--help`, `eval` and
  // presegmented input never need it.
  const [{ assertSupportedLanguage }, { readDocumentPair }] = await Promise.all([
    import('../extract/detect-language.js'),
    import('../pipeline/read-document-pair.js'),
  ]);
  assertSupportedLanguage('--source-lang', languages.source);
  assertSupportedLanguage('--target-lang', languages.target);
  assertDistinctFiles(sourcePath, targetPath);
  return readDocumentPair(
    { bytes: readInputBytes(sourcePath), name: basename(sourcePath), language: languages.source },
    { bytes: readInputBytes(targetPath), name: basename(targetPath), language: languages.target },
  );
}
