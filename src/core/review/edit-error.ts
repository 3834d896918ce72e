/** The one error an edit request can be refused with: which operation, and why, in values an edge can localise. */
import { ParalignError } from '../errors.js';

/** Why an operation cannot be applied; each names a message of the API's catalogues (EDIT_REASON_...). */
export const EditReason = {
  /** The bead number names no bead of the state the operation applies to. */
  beadOutOfRange: 'BEAD_OUT_OF_RANGE',
  /** A merge of the last bead: nothing follows it. */
  mergeLast: 'MERGE_LAST',
  /** A split point outside the bead, or one that leaves a part without any sentence. */
  splitPoint: 'SPLIT_POINT',
  /** A move from a side that has no sentence. */
  nothingToMove: 'NOTHING_TO_MOVE',
  /** A move to a bead that does not exist (before the first, after the last). */
  noNeighbour: 'NO_NEIGHBOUR',
  /** A split or move would change the sentences of a side whose text was edited. */
  editedSide: 'EDITED_SIDE',
  /** An edit of a side that has no sentence. */
  emptySide: 'EMPTY_SIDE',
  /** An edit whose text is empty, too long or holds control characters. */
  badText: 'BAD_TEXT',
  /** An approve or reject naming no bead. */
  noBeads: 'NO_BEADS',
  /** An undo sent with other operations. */
  undoNotAlone: 'UNDO_NOT_ALONE',
  /** An undo when no earlier change is left. */
  nothingToUndo: 'NOTHING_TO_UNDO',
  /** Not an operation at all (unknown op, missing or mistyped field). */
  notAnOp: 'NOT_AN_OP',
} as const;
/** See {@link EditReason}. */
export type EditReason = (typeof EditReason)[keyof typeof EditReason];

/** Stable code of {@link EditError} (API: 422). */
export const EDIT_INVALID = 'EDIT_INVALID';

/** An operation of an edit request that cannot be applied; nothing of the request is applied. */
export class EditError extends ParalignError {
  /** Why. */
  readonly reason: EditReason;
  /** Position of the operation in the request, or -1 until {@link EditError.atOp} names it. */
  readonly opIndex: number;
  /** Name of the operation ("merge", "split" ...), or "" until named. */
  readonly op: string;
  /** The message's variable parts (bead numbers, counts, side), safe to show. */
  readonly values: Readonly<Record<string, string | number>>;
  /** Why, in English, without the operation's position. */
  readonly detail: string;

  constructor(reason: EditReason, detail: string, values: Record<string, string | number> = {}, opIndex = -1, op = '') {
    super(EDIT_INVALID, opIndex < 0 ? detail : `Operation ${opIndex} (${op}): ${detail}`);
    this.name = 'EditError';
    this.reason = reason;
    this.detail = detail;
    this.values = values;
    this.opIndex = opIndex;
    this.op = op;
  }

  /** The same refusal, said of operation `index` named `op` of the request. */
  atOp(index: number, op: string): EditError {
    return new EditError(this.reason, this.detail, { ...this.values }, index, op);
  }
}
