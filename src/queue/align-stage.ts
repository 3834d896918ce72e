/** The stages of an alignment job and how far along each puts the pair, shared by the worker and the API. */
import type { PairStatus } from '../storage/store.js';

/** Progress a job reports to BullMQ (job.progress) at each stage. */
export interface AlignProgress {
  /** The pair's status during the stage. */
  stage: PairStatus;
  /** Percent done, 0-100. */
  percent: number;
}

/** Percent done when each stage starts. */
export const STAGE_PERCENT = {
  /** Files loaded, about to extract. */
  loaded: 5,
  /** Source extracted, parsed and segmented. */
  sourceSegmented: 25,
  /** Both sides segmented, about to align. */
  aligning: 40,
  /** Aligned, building the report and saving. */
  saving: 85,
} as const;
