/** Stable codes of {@link ParalignError}: each names one kind of failure the edges translate once. */
export const ErrorCode = {
  /** The input cannot be used as it is (empty, binary, not UTF-8, same file twice ...): never retried. */
  badInput: 'BAD_INPUT',
  /** A file could not be read. */
  unreadable: 'UNREADABLE',
  /** An option's value is unusable. */
  badOption: 'BAD_OPTION',
  /** A file holds no text once extracted (a scan, only images, only markup). */
  noText: 'NO_TEXT',
  /** A file holds too little text to align (a few bytes). */
  nothingToAlign: 'NOTHING_TO_ALIGN',
  /** The two files of a pair hold the same text. */
  sameText: 'SAME_TEXT',
  /** The two files of a pair are in the same language. */
  sameLanguage: 'SAME_LANGUAGE',
  /** Each file of a pair is in the other's declared language. */
  swappedSides: 'SWAPPED_SIDES',
  /** A file is not in its declared language. */
  wrongLanguage: 'WRONG_LANGUAGE',
  /** A file's language was not declared and its text is too short to tell. */
  undetectedLanguage: 'UNDETECTED_LANGUAGE',
  /** Two versions of one document declared or found in the same language. */
  repeatedLanguage: 'REPEATED_LANGUAGE',
  /** Fewer than two or more than six language versions of one document. */
  versionCount: 'VERSION_COUNT',
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
  /** The message's variable parts (file names, languages), so that an edge can say it in another language. */
  readonly values: Readonly<Record<string, string | number>>;

  constructor(message: string, code: ErrorCode = ErrorCode.badInput, values: Record<string, string | number> = {}) {
    super(code, message);
    this.name = 'InputError';
    this.values = values;
  }
}
