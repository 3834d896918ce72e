/** Turns an input file into a segmented document, refusing pairs that cannot be aligned. */
import { realpathSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError } from '../core/errors.js';
import type { LanguageCode, SegmentedDocument } from '../core/model.js';
import { parseDocument } from '../core/parse/parse-document.js';
import { segmentDocument } from '../core/segment/segment-document.js';
import { readTextFile } from './read-input.js';

/** Markdown by extension, plain text otherwise. */
export function formatOfPath(path: string): 'markdown' | 'text' {
  return ['.md', '.markdown'].includes(extname(path).toLowerCase()) ? 'markdown' : 'text';
}

/** Parses and segments one file. */
export function loadDocument(path: string, language: LanguageCode): SegmentedDocument {
  const text = readTextFile(path);
  const document = segmentDocument(parseDocument(text, { language, format: formatOfPath(path) }));
  if (document.sentences.length === 0) throw new InputError(`${basename(path)}: no text to align was found in the file`);
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
export function loadPair(
  sourcePath: string,
  targetPath: string,
  languages: { source: LanguageCode; target: LanguageCode },
): { source: SegmentedDocument; target: SegmentedDocument } {
  assertDistinctFiles(sourcePath, targetPath);
  const source = loadDocument(sourcePath, languages.source);
  const target = loadDocument(targetPath, languages.target);
  const textOf = (d: SegmentedDocument): string => d.sentences.map((s) => s.text).join('\n');
  if (textOf(source) === textOf(target)) throw new InputError(`${basename(targetPath)}: has the same text as ${basename(sourcePath)}; give the two language versions`);
  return { source, target };
}
