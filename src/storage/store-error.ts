/** The one error class the storage layer raises on purpose. */
import { ParalignError } from '../core/errors.js';

/** Stable codes of {@link StoreError}. */
export const StoreErrorCode = {
  /** The pair does not exist (API: 404). */
  notFound: 'STORE_NOT_FOUND',
  /** An argument is unusable: page out of range, progress outside 0-100, unknown status (API: 400). */
  badArgument: 'STORE_BAD_ARGUMENT',
  /** A caller-chosen id is already taken by other files (API: 409). */
  conflict: 'STORE_CONFLICT',
  /** An alignment version was based on one that is no longer current: another change came first (API: 412). */
  staleVersion: 'STORE_STALE_VERSION',
} as const;
/** See {@link StoreErrorCode}. */
export type StoreErrorCode = (typeof StoreErrorCode)[keyof typeof StoreErrorCode];

/** A storage request that cannot be served as asked; database faults are not wrapped and stay retryable. */
export class StoreError extends ParalignError {
  /** Stable machine-readable reason. */
  declare readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string) {
    super(code, message);
    this.name = 'StoreError';
  }
}
