/** The error the service raises when an edit was made on a version that is no longer the current one. */
import { ParalignError } from '../core/errors.js';

/** Stable code of {@link AlignmentChangedError}; the API answers 412 with its catalogue message. */
export const ALIGNMENT_CHANGED = 'ALIGNMENT_CHANGED';

/** Someone else changed the alignment first: nothing was applied, and the client must reload version `current`. */
export class AlignmentChangedError extends ParalignError {
  /** The current version, which the client's change was not based on. */
  readonly current: number;
  /** The message's variable parts. */
  readonly values: Readonly<Record<string, number>>;

  constructor(current: number, basedOn: number) {
    super(
      ALIGNMENT_CHANGED,
      `Someone else changed this alignment: it is at version ${current}, not ${basedOn}. Reload it and try again.`,
    );
    this.name = 'AlignmentChangedError';
    this.current = current;
    this.values = { current, basedOn };
  }
}
