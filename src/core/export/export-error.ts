import { ParalignError } from '../errors.js';

/** Stable codes of {@link ExportError}: what was wrong with the input. */
export const ExportErrorCode = {
  /** A line of a links file is not `[i, ...]:[j, ...]`. */
  linksSyntax: 'EXPORT_LINKS_SYNTAX',
  /** A bead names a sentence or block the document does not have. */
  beadOutOfRange: 'EXPORT_BEAD_OUT_OF_RANGE',
  /** An export option is unusable (unknown source language, invalid creation date ...). */
  badOption: 'EXPORT_BAD_OPTION',
} as const;
/** See {@link ExportErrorCode}. */
export type ExportErrorCode = (typeof ExportErrorCode)[keyof typeof ExportErrorCode];

/** Bad input to an export or import format; never worth retrying. */
export class ExportError extends ParalignError {
  /** Stable machine-readable reason. */
  declare readonly code: ExportErrorCode;

  constructor(code: ExportErrorCode, message: string) {
    super(code, message);
    this.name = 'ExportError';
  }
}
