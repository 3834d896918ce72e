/** The files of a multipart upload named by language code ("fr", "ar" ...), each checked by its name and bytes. */
import { isUnLanguage, type UnLanguage } from '../core/model.js';
import { isNamedLanguage } from '../extract/detect-language.js';
import type { StoredFile } from '../storage/store.js';
import { checkUpload } from './check-upload.js';
import { HttpError, HttpErrorCode } from './http-error.js';

/** One language version of an upload. */
export interface LanguageFile {
  /** The field's name: the version's declared language. */
  language: UnLanguage;
  /** The file. */
  file: StoredFile;
}

/** What {@link readLanguageFiles} found. */
export interface UploadedLanguageFiles {
  /** One file a language, in the order uploaded. */
  versions: LanguageFile[];
  /** The files of the other fields allowed, by field name (at most one each). */
  others: Map<string, Express.Multer.File>;
}

/**
 * Sorts the uploaded files into language versions (fields named by one of the six UN languages, each once, each a
 * document by its bytes) and the `otherFields` allowed beside them; throws a 4xx {@link HttpError} for a field named
 * by another language (naming it), any other field, or a field sent twice.
 */
export function readLanguageFiles(
  files: readonly Express.Multer.File[],
  otherFields: readonly string[] = [],
): UploadedLanguageFiles {
  const versions: LanguageFile[] = [];
  const others = new Map<string, Express.Multer.File>();
  const seen = new Set<string>();
  for (const file of files) {
    const field = file.fieldname;
    if (seen.has(field)) throw new HttpError(400, HttpErrorCode.repeatedVersionField, { field });
    seen.add(field);
    if (otherFields.includes(field)) {
      others.set(field, file);
      continue;
    }
    if (!isUnLanguage(field)) {
      // "de" is a language paralign can name, so the refusal says "German" rather than "unexpected field".
      if (isNamedLanguage(field))
        throw new HttpError(400, HttpErrorCode.unsupportedLanguageField, { field, language: field });
      throw new HttpError(400, HttpErrorCode.unexpectedVersionField, { field });
    }
    checkUpload(field, file.originalname, file.buffer);
    const bytes = new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength);
    versions.push({ language: field, file: { name: file.originalname, bytes } });
  }
  return { versions, others };
}
