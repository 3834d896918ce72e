/**
 * What an edit request does, decided outside HTTP: it is applied to the version it was made on, and only while that
 * version is still current, as one new version (an undo included: history is never rewritten), which brings its own
 * parity report: the pair's parity follows its corrections.
 */
import type { Alignment } from '../core/model.js';
import { buildParityReport } from '../core/qa/parity-report.js';
import { applyEdits } from '../core/review/apply-edits.js';
import { buildReviewedAlignment } from '../core/review/build-reviewed-alignment.js';
import { asReviewedPair } from '../core/review/reviewed-version-pairs.js';
import { EditError, EditReason } from '../core/review/edit-error.js';
import type { EditOp } from '../core/review/review-model.js';
import type { AlignmentVersion, AlignmentVersionSummary, NewAlignmentVersion, Store } from '../storage/store.js';
import { StoreError, StoreErrorCode } from '../storage/store-error.js';
import { AlignmentChangedError } from './alignment-changed-error.js';

/** One edit request. */
export interface EditRequest {
  /** The pair. */
  pairId: string;
  /** The version the client saw and changed (its ETag). */
  basedOn: number;
  /** Who edits. */
  author: string;
  /** The operations, applied in order; `undo` only alone. */
  operations: EditOp[];
}

/**
 * Applies `request` and stores the result as the next version. Throws {@link AlignmentChangedError} when `basedOn` is
 * not current (before or while storing: of two requests based on one version exactly one wins), an
 * {@link EditError} naming the first operation that cannot be applied (nothing is), and a {@link StoreError}
 * `STORE_NOT_FOUND` when the pair has no alignment.
 */
export async function editAlignment(store: Store, request: EditRequest): Promise<AlignmentVersionSummary> {
  const current = await store.getAlignmentVersion(request.pairId);
  const aligned = await store.loadAlignment(request.pairId);
  if (current === null || aligned === null)
    throw new StoreError(StoreErrorCode.notFound, `Pair "${request.pairId}" has no alignment to edit.`);
  if (current.version !== request.basedOn) throw new AlignmentChangedError(current.version, request.basedOn);
  const next =
    request.operations.length === 1 && request.operations[0]?.op === 'undo'
      ? await undoVersion(store, request, current)
      : applyVersion(aligned, request, current);
  // The pair's parity follows its corrections: a paragraph a reviewer split from the wrong one is no longer merged,
  // one whose pairing was rejected is missing. The version's stamps do not change a report.
  const corrected = buildReviewedAlignment(aligned, current.version + 1, next.beads, new Map());
  const report = buildParityReport(asReviewedPair(corrected));
  try {
    return await store.saveAlignmentVersion(request.pairId, { ...next, report });
  } catch (error) {
    if (!(error instanceof StoreError && error.code === StoreErrorCode.staleVersion)) throw error;
    const now = await store.getAlignmentVersion(request.pairId);
    throw new AlignmentChangedError(now?.version ?? request.basedOn + 1, request.basedOn);
  }
}

function applyVersion(aligned: Alignment, request: EditRequest, current: AlignmentVersion): NewAlignmentVersion {
  const beads = applyEdits(current.beads, request.operations, {
    source: aligned.source,
    target: aligned.target,
    version: current.version + 1,
  });
  return {
    basedOn: current.version,
    author: request.author,
    operations: request.operations,
    beads,
    undoTarget: current.version,
    restores: null,
  };
}

// Undo brings back the beads of the version the current one was made from, and its own undo target, so that a
// second undo goes one step further back (an undo of an undo is not a redo).
async function undoVersion(
  store: Store,
  request: EditRequest,
  current: AlignmentVersion,
): Promise<NewAlignmentVersion> {
  const target =
    current.undoTarget === null ? null : await store.getAlignmentVersion(request.pairId, current.undoTarget);
  if (target === null) {
    throw new EditError(EditReason.nothingToUndo, 'there is no earlier change to undo').atOp(0, 'undo');
  }
  return {
    basedOn: current.version,
    author: request.author,
    operations: request.operations,
    beads: target.beads,
    undoTarget: target.undoTarget,
    restores: target.version,
  };
}
