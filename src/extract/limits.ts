/** Limits that keep a hostile or broken upload from exhausting memory; every extractor checks them. */
import { InputError } from '../core/errors.js';

/** Size and archive limits of one input file. */
export interface ExtractLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total uncompressed size of the parts read from a DOCX archive, in bytes. */
  maxUncompressedBytes: number;
  /** Most entries a DOCX archive may hold. */
  maxEntries: number;
  /** Largest ratio of uncompressed to compressed bytes over the parts read from a DOCX archive. */
  maxCompressionRatio: number;
}

/** The limits used when the caller gives none: 50 MB files, 200 MB unpacked, 5,000 entries, ratio 200. */
export const DEFAULT_LIMITS: ExtractLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxEntries: 5000,
  // Word XML compresses 5-20 times; deflate's ceiling is about 1,032.
  maxCompressionRatio: 200,
};

/** Merges partial limits over the defaults. */
export function resolveLimits(limits: Partial<ExtractLimits> | undefined): ExtractLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** Refuses a file larger than `limits.maxFileBytes`; `name` only appears in the message. */
export function assertFileSize(size: number, name: string, limits: ExtractLimits): void {
  if (size > limits.maxFileBytes) {
    throw new InputError(
      `${name}: the file is ${formatMegabytes(size)}; the limit is ${formatMegabytes(limits.maxFileBytes)}`,
    );
  }
}

/** Writes a byte count in megabytes with one decimal ("12.5 MB"). */
export function formatMegabytes(bytes: number): string {
  return `${(Math.round((bytes / 1048576) * 10) / 10).toString()} MB`;
}
