/** Decodes an uploaded or read file's bytes as text, refusing what cannot be a document with one clear line. */
import { InputError } from '../core/errors.js';

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
