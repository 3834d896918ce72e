/**
 * Refuses uploads that cannot be documents (empty, binary) or dictionaries by their bytes, never by their extension.
 */
import { DictionaryLineError } from '../core/align/dictionary.js';
import { InputError } from '../core/errors.js';
import { decodeTextWithEncoding } from '../extract/decode-text.js';
import { decodeDictionary } from '../extract/read-dictionary.js';
import { HttpError, HttpErrorCode } from './http-error.js';

/** What an upload looks like from its first bytes. */
export type UploadKind = 'pdf' | 'zip' | 'ole' | 'text';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": DOCX is a ZIP package (ECMA-376 Part 2)
// OLE compound file (MS-CFB): a password-protected DOCX is one; the extractor tells the user so.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Longest accepted file name, in UTF-16 code units (what most file systems allow, 255 bytes, is about as much). */
export const MAX_FILE_NAME_LENGTH = 255;

/** Checks one uploaded file and tells its kind; throws a 4xx {@link HttpError} for an empty or binary file. */
export function checkUpload(field: string, name: string, bytes: Uint8Array): UploadKind {
  checkFileName(field, name);
  if (isBlank(bytes)) {
    throw new HttpError(422, HttpErrorCode.emptyFile, { field, name });
  }
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) return 'zip';
  if (startsWith(bytes, OLE_MAGIC)) return 'ole';
  try {
    decodeTextWithEncoding(bytes, name);
  } catch {
    throw new HttpError(415, HttpErrorCode.binaryFile, { field, name });
  }
  return 'text';
}

/**
 * Checks an uploaded dictionary the way the worker will read it (src/extract/read-dictionary.ts); throws a 422
 * {@link HttpError} for one that is binary, has a malformed line, or has no entry.
 */
export function checkDictionaryUpload(field: string, name: string, bytes: Uint8Array): void {
  checkFileName(field, name);
  if (isBlank(bytes)) throw new HttpError(422, HttpErrorCode.emptyDictionary, { field, name });
  let entries: number;
  try {
    entries = decodeDictionary(bytes, name).size;
  } catch (error) {
    // Decoding and parsing throw InputError for bad bytes or lines; anything else is a bug and goes on.
    if (error instanceof DictionaryLineError)
      throw new HttpError(422, HttpErrorCode.badDictionaryLine, { field, name, line: error.line });
    if (error instanceof InputError) throw new HttpError(422, HttpErrorCode.badDictionary, { field, name });
    throw error;
  }
  if (entries === 0) throw new HttpError(422, HttpErrorCode.emptyDictionary, { field, name });
}

/** Throws a 400 {@link HttpError} for a file name too long to store or show, or holding control characters. */
export function checkFileName(field: string, name: string): void {
  // C0 controls and DEL: a NUL is refused by PostgreSQL text columns, and none belongs in a name shown to users.
  // eslint-disable-next-line no-control-regex
  if (name.length > MAX_FILE_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name))
    throw new HttpError(400, HttpErrorCode.badFileName, { field, limit: MAX_FILE_NAME_LENGTH });
}

function isBlank(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
