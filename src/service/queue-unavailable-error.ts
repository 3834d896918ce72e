/** The error the service raises when the job queue (Redis) does not answer in time. */
import { ParalignError } from '../core/errors.js';

/** Stable code of {@link QueueUnavailableError}; the API answers 503 with its catalogue message. */
export const QUEUE_UNAVAILABLE = 'QUEUE_UNAVAILABLE';

/** Redis did not take or give back a job in time: nothing was accepted, and the client may try again. */
export class QueueUnavailableError extends ParalignError {
  constructor() {
    super(QUEUE_UNAVAILABLE, 'The job queue (Redis) is unavailable; nothing was accepted. Try again in a moment.');
    this.name = 'QueueUnavailableError';
  }
}
