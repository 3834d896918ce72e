/** The content hash that makes the same two files (and dictionary, if any) uploaded again the same pair. */
import { createHash } from 'node:crypto';
import type { LanguageCode } from '../core/model.js';

/**
 * Lower-case hex SHA-256 over both languages, both files' bytes and the dictionary's bytes when there is one, each
 * length-prefixed so no two inputs collide by concatenation.
 */
export function computePairHash(
  source: Uint8Array,
  target: Uint8Array,
  sourceLanguage: LanguageCode,
  targetLanguage: LanguageCode,
  dictionary?: Uint8Array,
): string {
  const hash = createHash('sha256');
  const parts = [Buffer.from(sourceLanguage.toLowerCase()), Buffer.from(targetLanguage.toLowerCase()), source, target];
  // Only a pair with a dictionary hashes a fifth part: pairs stored before migration 003 keep their hash and still
  // deduplicate. The length prefixes keep four parts and five parts apart.
  if (dictionary !== undefined) parts.push(dictionary);
  for (const part of parts) {
    // Length prefix: without it ("ab", "c") and ("a", "bc") would hash alike.
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(part.byteLength));
    hash.update(length);
    hash.update(part);
  }
  return hash.digest('hex');
}
