/** Reads the XML parts of a DOCX (a zip archive) within the zip-bomb limits. */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { InputError } from '../../core/errors.js';
import { formatMegabytes, type ExtractLimits } from '../limits.js';

// Pushing the archive in small slices bounds what one inflate step can produce (deflate expands at most ~1,032×),
// so the size limit is enforced on bytes actually produced, whatever sizes the zip headers claim.
const SLICE_BYTES = 16 * 1024;

/** The parts whose names `wanted` accepts, as UTF-8 text by part name (e.g. `word/document.xml`). */
export function readDocxParts(
  bytes: Uint8Array,
  name: string,
  limits: ExtractLimits,
  wanted: (part: string) => boolean,
): Map<string, string> {
  const chunks = new Map<string, Uint8Array[]>();
  let entries = 0;
  let produced = 0;
  let failure: InputError | null = null;
  const fail = (problem: string): never => {
    failure ??= new InputError(`${name}: ${problem}`);
    throw failure;
  };
  const unzip = new Unzip((file) => {
    entries++;
    if (entries > limits.maxEntries)
      fail(`the archive holds more than ${limits.maxEntries.toString()} entries (zip bomb?)`);
    if (!wanted(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (error, data) => {
      if (error) fail(`the document is corrupt (${error.message})`);
      produced += data.length;
      if (produced > limits.maxUncompressedBytes) {
        fail(`the archive unpacks to more than ${formatMegabytes(limits.maxUncompressedBytes)} (zip bomb?)`);
      }
      if (produced > 1024 * 1024 && produced > bytes.length * limits.maxCompressionRatio) {
        fail(`the archive expands more than ${limits.maxCompressionRatio.toString()} times (zip bomb?)`);
      }
      parts.push(data);
    };
    try {
      file.start();
    } catch {
      fail(`the document is corrupt or encrypted (entry ${JSON.stringify(file.name)} uses an unsupported compression)`);
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
      const end = Math.min(bytes.length, offset + SLICE_BYTES);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    if (failure !== null) throw failure;
    throw new InputError(
      `${name}: the document is corrupt (${error instanceof Error ? error.message : 'unreadable zip archive'})`,
    );
  }
  if (failure !== null) throw failure;
  const decoder = new TextDecoder('utf-8');
  const texts = new Map<string, string>();
  for (const [part, pieces] of chunks) texts.set(part, decoder.decode(Buffer.concat(pieces)));
  return texts;
}
