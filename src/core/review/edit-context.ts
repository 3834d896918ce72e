/** What every edit operation is applied with: the documents the beads point into and the version being made. */
import type { SegmentedDocument } from '../model.js';

/** The pair's documents (never changed by an edit) and the number of the version the edits make. */
export interface EditContext {
  /** The source document: bead `source` indices point into its sentences. */
  source: SegmentedDocument;
  /** The target document. */
  target: SegmentedDocument;
  /** Number of the version being made: every bead an operation touches gets it as `changedIn`. */
  version: number;
}
