/** Turns an input file into a segmented document, refusing pairs that cannot be aligned. */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../core/errors.js';
import type { LanguageCode, SegmentedDocument } from '../core/model.js';
import { parseDocument } from '../core/parse/parse-document.js';
import { segmentDocument } from '../core/segment/segment-document.js';
import { ErrorCode } from '../core/errors.js';
import { extractDocument } from '../extract/extract-document.js';
import { decodeText } from '../extract/decode-text.js';
import { assertDocumentLanguage, assertPairLanguages } from '../extract/detect-language.js';
import { assertFileSize, DEFAULT_LIMITS } from '../extract/limits.js';

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

/** Extracts, parses and segments one file. */
export async function loadDocument(path: string, language: LanguageCode): Promise<SegmentedDocument> {
  const extracted = await extractDocument(readInputBytes(path), basename(path), { language });
  const document = segmentDocument(parseDocument(extracted.text, { language, format: extracted.format }));
  if (document.sentences.length === 0)
    throw new InputError(`${basename(path)}: no text to align was found in the file`);
  return document;
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

/** Loads a pair and refuses one whose two texts are identical. */
export async function loadPair(
  sourcePath: string,
  targetPath: string,
  languages: { source: LanguageCode; target: LanguageCode },
): Promise<{ source: SegmentedDocument; target: SegmentedDocument }> {
  assertDocumentLanguage('--source-lang', languages.source);
  assertDocumentLanguage('--target-lang', languages.target);
  assertDistinctFiles(sourcePath, targetPath);
  const source = await loadDocument(sourcePath, languages.source);
  const target = await loadDocument(targetPath, languages.target);
  const textOf = (d: SegmentedDocument): string => d.sentences.map((s) => s.text).join('\n');
  if (textOf(source) === textOf(target))
    throw new InputError(
      `${basename(targetPath)}: has the same text as ${basename(sourcePath)}; give the two language versions`,
    );
  assertPairLanguages(
    { name: basename(sourcePath), language: languages.source, text: textOf(source) },
    { name: basename(targetPath), language: languages.target, text: textOf(target) },
  );
  return { source, target };
}
