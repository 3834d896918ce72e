/** Decodes an uploaded or read file's bytes as text, refusing what cannot be a document with one clear line. */
import { createRequire } from 'node:module';
import type iconvModule from 'iconv-lite';
import { InputError } from '../core/errors.js';

/** The encodings {@link decodeTextWithEncoding} recognises. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decoded text and the encoding it was read in. */
export interface DecodedText {
  /** The text, BOM removed; CR LF, no-break spaces and every other character kept. */
  text: string;
  /** The encoding detected. */
  encoding: TextEncodingName;
}

// Bytes that Windows-1252 leaves undefined, and C0 controls other than TAB LF VT FF CR: not in any text file.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', name: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
  } catch {
    throw new InputError(`${name}: the file starts with a UTF-16 byte order mark but is not valid UTF-16`);
  }
}

/**
 * Decodes bytes as UTF-8 (BOM optional), UTF-16 LE/BE (with a BOM), or, when they are not valid UTF-8,
 * Windows-1252 (which covers ISO-8859-1's printable characters); `name` only appears in messages.
 */
export function decodeTextWithEncoding(bytes: Uint8Array, name: string): DecodedText {
  if (bytes.length === 0) throw new InputError(`${name}: the file is empty`);
  let decoded: DecodedText;
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    decoded = { text: decodeUtf16(bytes, 'utf-16le', name), encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    decoded = { text: decodeUtf16(bytes, 'utf-16be', name), encoding: 'utf-16be' };
  else {
    if (bytes.includes(0)) throw new InputError(`${name}: this is a binary file, not text (it contains NUL bytes)`);
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
    } catch {
      let odd = 0;
      for (const byte of bytes) if (isControl(byte) || CP1252_UNDEFINED.has(byte)) odd++;
      // A few stray control bytes happen in old files; more than 1 in 200 is not text.
      if (odd > bytes.length / 200) throw new InputError(`${name}: this is a binary file, not text`);
      // Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80 stays U+0080 instead of €).
      // iconv-lite (CommonJS) is required here, where a legacy file needs it: UTF-8 input never loads it.
      const iconv = createRequire(import.meta.url)('iconv-lite') as typeof iconvModule;
      decoded = {
        text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'),
        encoding: 'windows-1252',
      };
    }
  }
  if (decoded.text.trim() === '') throw new InputError(`${name}: the file holds only white space`);
  return decoded;
}

/** Decodes bytes as text (see {@link decodeTextWithEncoding}); `name` only appears in messages. */
export function decodeText(bytes: Uint8Array, name: string): string {
  return decodeTextWithEncoding(bytes, name).text;
}
