/** Reads an input file as text, refusing what cannot be a document with one clear line. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ErrorCode, InputError } from '../core/errors.js';

/** Largest input accepted, in bytes (a UN report is a few hundred kB). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** Decodes bytes as UTF-8 (BOM optional) or UTF-16 with a BOM; `name` only appears in messages. */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name}: the file is empty`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new InputError(`${name}: this is a binary file, not text (it contains NUL bytes)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`${name}: the file is not valid UTF-8 (save it as UTF-8 and try again)`);
  }
  if (text.trim() === '') throw new InputError(`${name}: the file holds only white space`);
  return text;
}

/** Reads and decodes one input file. */
export function readTextFile(path: string): string {
  const name = basename(path);
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new InputError(`${path}: is a folder, not a file`, ErrorCode.unreadable);
    size = stats.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, ErrorCode.unreadable);
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(`${name}: the file is ${Math.round(size / 1048576)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, ErrorCode.unreadable);
  }
  return decodeText(bytes, name);
}
