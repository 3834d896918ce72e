/** How many language versions of one document n-way alignment takes; apart, so that the CLI reads it at start-up. */
import { UN_LANGUAGES } from '../core/model.js';

/** The fewest versions n-way alignment takes. */
export const MIN_VERSIONS = 2;
/** The most versions n-way alignment takes: one per UN language. */
export const MAX_VERSIONS = UN_LANGUAGES.length;
