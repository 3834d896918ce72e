/**
 * The editor's state, without the DOM: the beads of one version as the API sends them, what each should be checked
 * for, which rows a filter shows, where "next" goes, and which edit operations a command asks for.
 */
import { chooseColumns, classifyShape, RowClass, type ColumnSides } from '../api/web/row-class.js';

// The API's own types (type-only: nothing of core reaches the bundle).
import type { BeadSide, EditOp, ReviewStatus } from '../core/review/review-model.js';

export type { BeadSide, EditOp, ReviewStatus };

/** A column of the editor: French on the left whenever the pair has French (see {@link chooseColumns}). */
export type Column = 'left' | 'right';

/** One sentence bead of the version the editor shows. */
export interface EditorBead {
  /** Position of the bead in the version (what operations address), 0-based. */
  index: number;
  /** Index of the block bead holding its first sentence. */
  blockBead: number;
  /** Paragraph label path ("12/a"), or null. */
  label: string | null;
  /** Number of source sentences. */
  sourceCount: number;
  /** Number of target sentences. */
  targetCount: number;
  /**
   * Source text as shown: one text a sentence when the API tells them apart, else the side's text whole (always
   * whole once edited); empty without a sentence.
   */
  source: string[];
  /** Target text as shown, like {@link EditorBead.source}. */
  target: string[];
  /** Whether a reviewer replaced the source side's text. */
  sourceEdited: boolean;
  /** Whether a reviewer replaced the target side's text. */
  targetEdited: boolean;
  /** The aligner's confidence, in [0, 1]. */
  confidence: number;
  /** Review status. */
  status: ReviewStatus;
}

/** The version of a pair's alignment the editor shows. */
export interface EditorAlignment {
  /** Version number. */
  version: number;
  /** The ETag the API sent for it (If-Match of the next edit). */
  etag: string;
  /** Its sentence beads, in order. */
  beads: EditorBead[];
}

/** What the page tells the script about the pair. */
export interface PairFacts {
  /** Pair id. */
  id: string;
  /** Language of the source side. */
  sourceLanguage: string;
  /** Language of the target side. */
  targetLanguage: string;
  /** Confidence under which a two-sided bead is marked low (the parity report's setting). */
  lowConfidence: number;
  /** Block beads whose numbers, symbols or dates differ (parity report). */
  numberMismatchBlocks: readonly number[];
  /** Block beads paired across a numbering shift (parity report). */
  numberingShiftBlocks: readonly number[];
}

/** Which rows the status filter shows. */
export const StatusFilter = {
  all: 'all',
  problems: 'problems',
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
} as const;
/** See {@link StatusFilter}. */
export type StatusFilter = (typeof StatusFilter)[keyof typeof StatusFilter];

/** The columns of a pair. */
export function columnsOf(facts: PairFacts): ColumnSides {
  return chooseColumns(facts.sourceLanguage, facts.targetLanguage);
}

/** The side shown in `column`. */
export function sideOf(columns: ColumnSides, column: Column): BeadSide {
  return (column === 'left') === columns.leftIsSource ? 'source' : 'target';
}

/** The texts of `bead` shown in `column` (see {@link EditorBead.source}). */
export function sentencesIn(bead: EditorBead, columns: ColumnSides, column: Column): string[] {
  return sideOf(columns, column) === 'source' ? bead.source : bead.target;
}

/** How many sentences `bead` has in `column`. */
export function countIn(bead: EditorBead, columns: ColumnSides, column: Column): number {
  return sideOf(columns, column) === 'source' ? bead.sourceCount : bead.targetCount;
}

/** Whether the side shown in `column` was edited. */
export function editedIn(bead: EditorBead, columns: ColumnSides, column: Column): boolean {
  return sideOf(columns, column) === 'source' ? bead.sourceEdited : bead.targetEdited;
}

/** The classes of a bead's row: what a reviewer should check, as on the review page. */
export function classifyBead(bead: EditorBead, facts: PairFacts): RowClass[] {
  const classes = classifyShape(bead.sourceCount, bead.targetCount);
  const twoSided = bead.sourceCount > 0 && bead.targetCount > 0;
  // An approved bead counts as confidence 1: a reviewer has checked it.
  if (twoSided && bead.status !== 'approved' && bead.confidence < facts.lowConfidence)
    classes.push(RowClass.lowConfidence);
  if (facts.numberMismatchBlocks.includes(bead.blockBead)) classes.push(RowClass.numberMismatch);
  if (facts.numberingShiftBlocks.includes(bead.blockBead)) classes.push(RowClass.numberingShift);
  if (twoSided && bead.source.join(' ') === bead.target.join(' ')) classes.push(RowClass.untranslated);
  return classes;
}

/** Whether a bead still needs a reviewer: something to check and nobody has approved or rejected it yet. */
export function isProblem(bead: EditorBead, facts: PairFacts): boolean {
  return bead.status === 'pending' && classifyBead(bead, facts).length > 0;
}

/** Whether `filter` shows `bead`. */
export function isShown(bead: EditorBead, facts: PairFacts, filter: StatusFilter): boolean {
  if (filter === StatusFilter.all) return true;
  if (filter === StatusFilter.problems) return isProblem(bead, facts);
  return bead.status === filter;
}

/**
 * The next bead after `from` (before it when `step` is -1) that `accept` takes, or null when none; `from` -1 starts
 * before the first bead, `beads.length` after the last.
 */
export function findBead(
  beads: readonly EditorBead[],
  from: number,
  step: 1 | -1,
  accept: (bead: EditorBead) => boolean,
): number | null {
  for (let i = from + step; i >= 0 && i < beads.length; i += step) {
    const bead = beads[i];
    if (bead !== undefined && accept(bead)) return i;
  }
  return null;
}

/** The bead to select after a new version arrived: the same position, kept within the beads. */
export function keepSelection(selected: number, beadCount: number): number {
  return beadCount === 0 ? -1 : Math.min(Math.max(selected, 0), beadCount - 1);
}

/** Why a command cannot be sent: a message key of the client catalogue and its values. */
export interface Refusal {
  /** Key under `client.refuse`. */
  reason: 'noBead' | 'mergeLast' | 'moveFirst' | 'moveLast' | 'nothingToMove' | 'editedSide' | 'splitOne';
  /** Values of the message. */
  values?: Record<string, string | number>;
}

/** The operation of a merge of `bead` with the one after it. */
export function planMerge(beads: readonly EditorBead[], bead: number): EditOp[] | Refusal {
  if (beads[bead] === undefined) return { reason: 'noBead' };
  if (bead === beads.length - 1) return { reason: 'mergeLast' };
  return [{ op: 'merge', bead }];
}

/**
 * The operation moving the first sentence of `column` in `bead` to the bead before it (`to` previous), or its last
 * sentence to the bead after it (`to` next).
 */
export function planMove(
  beads: readonly EditorBead[],
  columns: ColumnSides,
  bead: number,
  column: Column,
  to: 'previous' | 'next',
): EditOp[] | Refusal {
  const current = beads[bead];
  if (current === undefined) return { reason: 'noBead' };
  if (to === 'previous' && bead === 0) return { reason: 'moveFirst' };
  if (to === 'next' && bead === beads.length - 1) return { reason: 'moveLast' };
  if (countIn(current, columns, column) === 0) return { reason: 'nothingToMove' };
  if (editedIn(current, columns, column)) return { reason: 'editedSide' };
  return [{ op: 'move', bead, side: sideOf(columns, column), to }];
}

/** The operation of a review decision on `bead`. */
export function planDecision(beads: readonly EditorBead[], bead: number, op: 'approve' | 'reject'): EditOp[] | Refusal {
  return beads[bead] === undefined ? { reason: 'noBead' } : [{ op, beads: [bead] }];
}

/** The operations saving new texts of a bead's columns; sides whose text did not change send nothing. */
export function planEdit(bead: EditorBead, columns: ColumnSides, texts: Readonly<Record<Column, string>>): EditOp[] {
  return (['left', 'right'] as const).flatMap((column): EditOp[] => {
    const text = texts[column].trim();
    const before = sentencesIn(bead, columns, column);
    if (countIn(bead, columns, column) === 0 || text === '' || text === before.join(' ')) return [];
    return [{ op: 'edit', bead: bead.index, side: sideOf(columns, column), text }];
  });
}

/** Where a split may fall: how many sentences of each column go to the first part. */
export interface SplitPoint {
  /** Sentences of the left column kept in the first part. */
  left: number;
  /** Sentences of the right column kept in the first part. */
  right: number;
}

/** Whether `point` leaves a sentence in each part. */
export function isValidSplit(bead: EditorBead, columns: ColumnSides, point: SplitPoint): boolean {
  const left = countIn(bead, columns, 'left');
  const right = countIn(bead, columns, 'right');
  const inRange = point.left >= 0 && point.left <= left && point.right >= 0 && point.right <= right;
  return inRange && point.left + point.right > 0 && point.left + point.right < left + right;
}

/** The split point offered first: about half of each side in the first part, always a valid one when any is. */
export function defaultSplit(bead: EditorBead, columns: ColumnSides): SplitPoint {
  const left = countIn(bead, columns, 'left');
  const right = countIn(bead, columns, 'right');
  const half = { left: Math.ceil(left / 2), right: Math.ceil(right / 2) };
  // A 1-1 bead: halves keep everything together, so part one takes the left side and part two the right one.
  return isValidSplit(bead, columns, half) ? half : { left, right: 0 };
}

/** Whether a bead can be split at all: it has two sentences or more. */
export function canSplit(bead: EditorBead): boolean {
  return bead.sourceCount + bead.targetCount >= 2;
}

/** The operation splitting `bead` at `point`. */
export function planSplit(bead: EditorBead, columns: ColumnSides, point: SplitPoint): EditOp[] {
  const leftIsSource = columns.leftIsSource;
  return [
    {
      op: 'split',
      bead: bead.index,
      source: leftIsSource ? point.left : point.right,
      target: leftIsSource ? point.right : point.left,
    },
  ];
}

/** Whether a plan is a refusal rather than operations. */
export function isRefusal(plan: EditOp[] | Refusal): plan is Refusal {
  return !Array.isArray(plan);
}
