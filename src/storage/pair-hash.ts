/** The content hash that makes the same two files uploaded again the same pair. */
import { createHash } from 'node:crypto';
import type { LanguageCode } from '../core/model.js';

/** Lower-case hex SHA-256 over both languages and both files' bytes, each length-prefixed so no two inputs collide by concatenation. */
export function computePairHash(
  source: Uint8Array,
  target: Uint8Array,
  sourceLanguage: LanguageCode,
  targetLanguage: LanguageCode,
): string {
  const hash = createHash('sha256');
  for (const part of [Buffer.from(sourceLanguage.toLowerCase()), Buffer.from(targetLanguage.toLowerCase()), source, target]) {
    // Length prefix: without it ("ab", "c") and ("a", "bc") would hash alike.
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(part.byteLength));
    hash.update(length);
    hash.update(part);
  }
  return hash.digest('hex');
}
