/** Stable codes of {@link ParalignError}: each names one kind of failure the edges translate once. */
export const ErrorCode = {
  /** The input cannot be used as it is (empty, binary, not UTF-8, same file twice ...): never retried. */
  badInput: 'BAD_INPUT',
  /** A file could not be read. */
  unreadable: 'UNREADABLE',
  /** An option's value is unusable. */
  badOption: 'BAD_OPTION',
} as const;
/** See {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base of every error paralign raises on purpose; `message` is one line safe to show to users. */
export class ParalignError extends Error {
  /** Stable machine-readable reason. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ParalignError';
    this.code = code;
  }
}

/** Input the user must fix; the CLI exits 2, the API answers 4xx, workers do not retry. */
export class InputError extends ParalignError {
  constructor(message: string, code: ErrorCode = ErrorCode.badInput) {
    super(code, message);
    this.name = 'InputError';
  }
}
