/** Translates every error once, at the edge, into `{ error: { code, message } }` in the request's language. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MulterError } from 'multer';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { ErrorCode, InputError, ParalignError } from '../core/errors.js';
import { ExportErrorCode } from '../core/export/export-error.js';
import { isNamedLanguage } from '../extract/detect-language.js';
import { EditError } from '../core/review/edit-error.js';
import { ALIGNMENT_CHANGED, AlignmentChangedError } from '../service/alignment-changed-error.js';
import { QUEUE_UNAVAILABLE } from '../service/queue-unavailable-error.js';
import { StoreErrorCode } from '../storage/store-error.js';
import { HttpError, HttpErrorCode } from './http-error.js';

/** The body of every error answer. */
export interface ErrorBody {
  error: {
    /** Stable machine-readable code. */
    code: string;
    /** One line in the request's language. */
    message: string;
  };
}

const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.badInput]: 422,
  [ErrorCode.unreadable]: 422,
  [ErrorCode.badOption]: 400,
  [ErrorCode.noText]: 422,
  [ErrorCode.nothingToAlign]: 422,
  [ErrorCode.sameText]: 422,
  [ErrorCode.sameLanguage]: 422,
  [ErrorCode.swappedSides]: 422,
  [ErrorCode.wrongLanguage]: 422,
  [ErrorCode.undetectedLanguage]: 422,
  [ErrorCode.versionCount]: 400,
  [ErrorCode.repeatedLanguage]: 422,
  [QUEUE_UNAVAILABLE]: 503,
  [ExportErrorCode.badOption]: 400,
  [StoreErrorCode.notFound]: 404,
  [StoreErrorCode.badArgument]: 400,
  [StoreErrorCode.conflict]: 409,
  [StoreErrorCode.staleVersion]: 412,
  [ALIGNMENT_CHANGED]: 412,
};

/** Answers 404 for any route nobody handled. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, HttpErrorCode.notFound, { path: req.path }));
};

/** The last middleware: logs what is a bug, answers what is the client's fault, never leaks a stack. */
export function createErrorHandler(logger: Logger, maxUploadBytes: number): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const translated = translateError(error, maxUploadBytes);
    if (translated.status >= 500 && translated.code === HttpErrorCode.internal)
      logger.error({ err: error, path: req.path }, 'unhandled error');
    const t = typeof req.t === 'function' ? req.t : undefined;
    const nested = Object.fromEntries(
      Object.entries(translated.nested ?? {}).map(([name, key]) => [
        name,
        t ? t(key, { ...translated.values, ns: 'errors', defaultValue: translated.fallback }) : '',
      ]),
    );
    const message = t
      ? t(translated.code, { ...translated.values, ...nested, ns: 'errors', defaultValue: translated.fallback })
      : translated.fallback;
    if (res.headersSent) {
      // A streamed export failed half-way: the status line is gone, so cut the body short for the client to notice.
      res.destroy();
      return;
    }
    if (translated.status === 503) res.setHeader('Retry-After', '5');
    res
      .status(translated.status)
      .json({ error: { code: translated.code, message: oneLine(message) } } satisfies ErrorBody);
  };
}

/** An error as an answer: status, message code, message values and an English fallback. */
export interface TranslatedError {
  /** HTTP status to answer with. */
  status: number;
  /** Message key in the errors catalogue. */
  code: string;
  /** Interpolation values of the message (safe to show). */
  values: Record<string, string | number>;
  /** Values that are messages themselves: value name → message key, filled with `values` first. */
  nested?: Record<string, string>;
  /** Text to show when the catalogue has no such key. */
  fallback: string;
}

/**
 * Maps any thrown value to its answer; the JSON handler and the review pages share it so each error is translated once.
 */
export function translateError(error: unknown, maxUploadBytes: number): TranslatedError {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      code: error.code,
      values: { ...error.values },
      nested: languageNames(error.values),
      fallback: error.code,
    };
  }
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') {
      return {
        status: 413,
        code: HttpErrorCode.fileTooLarge,
        values: { limit: Math.round((maxUploadBytes / 1048576) * 10) / 10 },
        fallback: error.message,
      };
    }
    if (error.code === 'LIMIT_UNEXPECTED_FILE')
      return {
        status: 400,
        code: HttpErrorCode.unexpectedFile,
        values: { field: error.field ?? '' },
        fallback: error.message,
      };
    return {
      status: 400,
      code: HttpErrorCode.badMultipart,
      values: { detail: error.message },
      fallback: error.message,
    };
  }
  if (error instanceof ZodError) {
    const detail = error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
    return { status: 400, code: HttpErrorCode.badRequest, values: { detail }, fallback: detail };
  }
  if (error instanceof EditError) {
    return {
      status: 422,
      code: error.code,
      values: { detail: error.detail, ...error.values, index: error.opIndex, op: error.op },
      // The reason is a message of its own, so that French says it in French too.
      nested: { reason: `EDIT_REASON_${error.reason}` },
      fallback: error.message,
    };
  }
  if (error instanceof AlignmentChangedError)
    return { status: 412, code: error.code, values: { ...error.values }, fallback: error.message };
  if (error instanceof ParalignError) {
    const values = error instanceof InputError ? error.values : {};
    return {
      status: STATUS_OF_CODE[error.code] ?? 400,
      code: error.code,
      // An input error's own values let the catalogue say its message in the request's language.
      values: { detail: error.message, ...values },
      nested: languageNames(values),
      fallback: error.message,
    };
  }
  const fault = storeWriteFault(error);
  if (fault === 'full')
    return { status: 507, code: HttpErrorCode.storeFull, values: {}, fallback: 'The segment store has no space left.' };
  if (fault === 'readOnly') {
    return {
      status: 503,
      code: HttpErrorCode.storeReadOnly,
      values: {},
      fallback: 'The segment store cannot be written to.',
    };
  }
  if (isStoreOutage(error)) {
    return {
      status: 503,
      code: HttpErrorCode.storeUnavailable,
      values: {},
      fallback: 'The segment store is unavailable.',
    };
  }
  if (isBodyParserError(error) || isBusboyError(error)) {
    return {
      status: 400,
      code: HttpErrorCode.badMultipart,
      values: { detail: error.message },
      fallback: error.message,
    };
  }
  return { status: 500, code: HttpErrorCode.internal, values: {}, fallback: 'Internal error.' };
}

// The message values that hold a language code: the catalogue says them as the language's name ("allemand").
const LANGUAGE_VALUES = ['detected', 'declared', 'source', 'target', 'language', 'first', 'second'] as const;

function languageNames(values: Readonly<Record<string, string | number>>): Record<string, string> {
  const nested: Record<string, string> = {};
  for (const key of LANGUAGE_VALUES) {
    const code = values[key];
    if (typeof code === 'string' && isNamedLanguage(code)) nested[key] = `LANGUAGE_${code}`;
  }
  return nested;
}

// Connection-level faults of pg (node errno codes, SQLSTATE 57P01-57P03: server shutting down or starting) and a
// SQLite file locked past busy_timeout: the store is there but cannot answer now, so the client should retry.
const STORE_OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  'SQLITE_BUSY',
]);

/**
 * Why the store refused a write, from the error's code: a full disk (SQLite SQLITE_FULL, PostgreSQL SQLSTATE 53100
 * disk_full, ENOSPC from the file system) or a store that cannot be written (SQLITE_READONLY*, SQLSTATE 25006
 * read_only_sql_transaction, EROFS; SQLITE_IOERR* and SQLITE_CANTOPEN, the file system failing under SQLite).
 */
export function storeWriteFault(error: unknown): 'full' | 'readOnly' | undefined {
  if (!(error instanceof Error)) return undefined;
  const code: unknown = (error as Error & { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC') return 'full';
  if (/^SQLITE_(READONLY|IOERR|CANTOPEN)/.test(code) || code === '25006' || code === 'EROFS') return 'readOnly';
  return undefined;
}

function isStoreOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && STORE_OUTAGE_CODES.has(code);
}

// busboy (under multer) rejects malformed multipart bodies with plain Errors: no class, no code, only these messages
// (busboy/lib/types/multipart.js, busboy/lib/utils.js, busboy/lib/index.js). A request the client cut short ends the
// same way.
const BUSBOY_MESSAGES = [
  /^Multipart: Boundary not found$/,
  /^Unexpected end of (form|file)$/,
  /^Malformed (part header|urlencoded form|content type)$/,
  /^Missing Content-Type$/,
  /^Unsupported content type: /,
  /^Request (error|aborted|closed)$/,
];

function isBusboyError(error: unknown): error is Error {
  return error instanceof Error && BUSBOY_MESSAGES.some((pattern) => pattern.test(error.message));
}

function isBodyParserError(error: unknown): error is Error & { status: number } {
  // busboy/multer raise plain Errors with a 4xx `status` for malformed multipart bodies.
  if (!(error instanceof Error)) return false;
  const status: unknown = (error as Error & { status?: unknown }).status;
  return typeof status === 'number' && status < 500;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
