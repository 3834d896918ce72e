/** The API's own error: an HTTP status, a stable code that names the message in the catalogues, and its values. */
import { ParalignError } from '../core/errors.js';

/** Codes of {@link HttpError}; each is a key of src/api/locales/{lang}/errors.json. */
export const HttpErrorCode = {
  notFound: 'NOT_FOUND',
  pairNotFound: 'PAIR_NOT_FOUND',
  pairNotReady: 'PAIR_NOT_READY',
  pairFailed: 'PAIR_FAILED',
  missingFile: 'MISSING_FILE',
  unexpectedFile: 'UNEXPECTED_FILE',
  fileTooLarge: 'FILE_TOO_LARGE',
  emptyFile: 'EMPTY_FILE',
  binaryFile: 'BINARY_FILE',
  sameFile: 'SAME_FILE',
  emptyDictionary: 'EMPTY_DICTIONARY',
  badDictionary: 'BAD_DICTIONARY',
  badDictionaryLine: 'BAD_DICTIONARY_LINE',
  badMultipart: 'BAD_MULTIPART',
  badFileName: 'BAD_FILE_NAME',
  rateLimited: 'RATE_LIMITED',
  requestTimeout: 'REQUEST_TIMEOUT',
  storeFull: 'STORE_FULL',
  storeReadOnly: 'STORE_READ_ONLY',
  badRequest: 'BAD_REQUEST',
  queueUnavailable: 'QUEUE_UNAVAILABLE',
  storeUnavailable: 'STORE_UNAVAILABLE',
  internal: 'INTERNAL',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  collectionForbidden: 'COLLECTION_FORBIDDEN',
  pairElsewhere: 'PAIR_ELSEWHERE',
  csrfInvalid: 'CSRF_INVALID',
  crossOrigin: 'CROSS_ORIGIN',
  tooManySignIns: 'TOO_MANY_SIGN_INS',
  ifMatchRequired: 'IF_MATCH_REQUIRED',
  versionNotFound: 'VERSION_NOT_FOUND',
  editsNotArray: 'EDITS_NOT_ARRAY',
  editsTooLarge: 'EDITS_TOO_LARGE',
  documentNotFound: 'DOCUMENT_NOT_FOUND',
  missingVersions: 'MISSING_VERSIONS',
  unexpectedVersionField: 'UNEXPECTED_VERSION_FIELD',
  repeatedVersionField: 'REPEATED_VERSION_FIELD',
  unsupportedLanguageField: 'UNSUPPORTED_LANGUAGE_FIELD',
  tooManyPairVersions: 'TOO_MANY_PAIR_VERSIONS',
  sourceNotUploaded: 'SOURCE_NOT_UPLOADED',
} as const;
/** See {@link HttpErrorCode}. */
export type HttpErrorCode = (typeof HttpErrorCode)[keyof typeof HttpErrorCode];

/** An error the API answers with `status` and the localised message `code` filled with `values`. */
export class HttpError extends ParalignError {
  /** HTTP status to answer with. */
  readonly status: number;
  /** Interpolation values of the message (safe to show: file names, ids, limits). */
  readonly values: Readonly<Record<string, string | number>>;

  constructor(status: number, code: HttpErrorCode, values: Record<string, string | number> = {}) {
    super(code, `${code} ${JSON.stringify(values)}`);
    this.name = 'HttpError';
    this.status = status;
    this.values = values;
  }
}
