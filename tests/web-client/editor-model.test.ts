import { describe, expect, it } from 'vitest';
import { RowClass } from '../../src/api/web/row-class.js';
import {
  canSplit,
  classifyBead,
  columnsOf,
  defaultSplit,
  findBead,
  isProblem,
  isShown,
  isValidSplit,
  keepSelection,
  planDecision,
  planEdit,
  planMerge,
  planMove,
  planSplit,
  StatusFilter,
  type EditorBead,
  type PairFacts,
} from '../../src/web-client/editor-model.js';

const FACTS: PairFacts = {
  id: 'p',
  sourceLanguage: 'fr',
  targetLanguage: 'en',
  lowConfidence: 0.5,
  numberMismatchBlocks: [3],
  numberingShiftBlocks: [],
};
// An English-source pair: French still goes on the left, so the left column is the target side.
const ENGLISH_SOURCE: PairFacts = { ...FACTS, sourceLanguage: 'en', targetLanguage: 'fr' };

function bead(index: number, source: string[], target: string[], more: Partial<EditorBead> = {}): EditorBead {
  return {
    index,
    blockBead: index,
    label: null,
    sourceCount: source.length,
    targetCount: target.length,
    source,
    target,
    sourceEdited: false,
    targetEdited: false,
    confidence: 0.9,
    status: 'pending',
    ...more,
  };
}

const BEADS: EditorBead[] = [
  bead(0, ['Un.'], ['One.']),
  bead(1, ['Deux.', 'Trois.'], ['Two, three.']),
  bead(2, ['Quatre.'], []),
  bead(3, ['Cinq 5.'], ['Five 6.']),
  bead(4, ['Six.'], ['Six.'], { confidence: 0.2 }),
];

describe('classifyBead and problems', () => {
  it.each([
    [0, []],
    [1, [RowClass.merge]],
    [2, [RowClass.missing]],
    [3, [RowClass.numberMismatch]],
    [4, [RowClass.lowConfidence, RowClass.untranslated]],
  ])('bead %i has classes %o', (index, classes) => {
    expect(classifyBead(BEADS[index] as EditorBead, FACTS)).toEqual(classes);
  });

  it('stops counting an approved or rejected bead as a problem, and an approved one as low confidence', () => {
    const approved = { ...(BEADS[4] as EditorBead), status: 'approved' as const };
    expect(classifyBead(approved, FACTS)).toEqual([RowClass.untranslated]);
    expect(isProblem(approved, FACTS)).toBe(false);
    expect(isProblem({ ...(BEADS[2] as EditorBead), status: 'rejected' }, FACTS)).toBe(false);
    expect(isProblem(BEADS[2] as EditorBead, FACTS)).toBe(true);
    expect(isProblem(BEADS[0] as EditorBead, FACTS)).toBe(false);
  });

  it('filters by status and by problem', () => {
    const beads = [...BEADS.slice(0, 4), { ...(BEADS[4] as EditorBead), status: 'approved' as const }];
    const shown = (filter: StatusFilter) => beads.filter((item) => isShown(item, FACTS, filter)).map((b) => b.index);
    expect(shown(StatusFilter.all)).toEqual([0, 1, 2, 3, 4]);
    expect(shown(StatusFilter.problems)).toEqual([1, 2, 3]);
    expect(shown(StatusFilter.pending)).toEqual([0, 1, 2, 3]);
    expect(shown(StatusFilter.approved)).toEqual([4]);
    expect(shown(StatusFilter.rejected)).toEqual([]);
  });
});

describe('findBead and keepSelection', () => {
  const problem = (item: EditorBead) => isProblem(item, FACTS);
  it.each([
    [-1, 1, 1],
    [1, 1, 2],
    [4, -1, 3],
    [1, -1, null],
  ] as const)('from %i stepping %i finds the problem %s', (from, step, found) => {
    expect(findBead(BEADS, from, step, problem)).toBe(found);
  });

  it('keeps the selected position within the beads', () => {
    expect(keepSelection(3, 5)).toBe(3);
    expect(keepSelection(7, 5)).toBe(4);
    expect(keepSelection(-1, 5)).toBe(0);
    expect(keepSelection(2, 0)).toBe(-1);
  });
});

describe('plans', () => {
  const columns = columnsOf(FACTS);

  it('merges a bead with the next one, never the last', () => {
    expect(planMerge(BEADS, 1)).toEqual([{ op: 'merge', bead: 1 }]);
    expect(planMerge(BEADS, 4)).toEqual({ reason: 'mergeLast' });
    expect(planMerge(BEADS, 9)).toEqual({ reason: 'noBead' });
  });

  it.each([
    ['French', 'left', 'source', FACTS],
    ['French', 'right', 'target', FACTS],
    ['English', 'left', 'target', ENGLISH_SOURCE],
    ['English', 'right', 'source', ENGLISH_SOURCE],
  ] as const)('moves in a %s-source pair: column %s is the %s side', (_source, column, side, facts) => {
    expect(planMove(BEADS, columnsOf(facts), 1, column, 'previous')).toEqual([
      { op: 'move', bead: 1, side, to: 'previous' },
    ]);
  });

  it('refuses moves past the ends, from an empty side or an edited one', () => {
    expect(planMove(BEADS, columns, 0, 'left', 'previous')).toEqual({ reason: 'moveFirst' });
    expect(planMove(BEADS, columns, 4, 'left', 'next')).toEqual({ reason: 'moveLast' });
    expect(planMove(BEADS, columns, 2, 'right', 'next')).toEqual({ reason: 'nothingToMove' });
    const edited = [BEADS[0] as EditorBead, { ...(BEADS[1] as EditorBead), sourceEdited: true }];
    expect(planMove(edited, columns, 1, 'left', 'previous')).toEqual({ reason: 'editedSide' });
  });

  it('approves and rejects the selected bead', () => {
    expect(planDecision(BEADS, 3, 'approve')).toEqual([{ op: 'approve', beads: [3] }]);
    expect(planDecision(BEADS, -1, 'reject')).toEqual({ reason: 'noBead' });
  });

  it('edits only the sides whose text changed, trimmed, on the side each column shows', () => {
    const item = BEADS[0] as EditorBead;
    expect(planEdit(item, columns, { left: 'Un.', right: 'One.' })).toEqual([]);
    expect(planEdit(item, columns, { left: ' Un !  ', right: 'One.' })).toEqual([
      { op: 'edit', bead: 0, side: 'source', text: 'Un !' },
    ]);
    // English source: the left column shows the target side, the right one the source side.
    expect(planEdit(item, columnsOf(ENGLISH_SOURCE), { left: 'One.', right: 'Uno.' })).toEqual([
      { op: 'edit', bead: 0, side: 'source', text: 'Uno.' },
    ]);
    // An emptied text is no correction (the API refuses empty texts): nothing is sent for it.
    expect(planEdit(item, columns, { left: '  ', right: 'One.' })).toEqual([]);
  });

  it('offers a valid split point first, and splits on the sides the columns show', () => {
    const twoTwo = bead(0, ['A.', 'B.'], ['C.', 'D.']);
    expect(defaultSplit(twoTwo, columns)).toEqual({ left: 1, right: 1 });
    const oneOne = BEADS[0] as EditorBead;
    expect(defaultSplit(oneOne, columns)).toEqual({ left: 1, right: 0 });
    expect(isValidSplit(oneOne, columns, { left: 1, right: 0 })).toBe(true);
    expect(isValidSplit(oneOne, columns, { left: 1, right: 1 })).toBe(false);
    expect(isValidSplit(oneOne, columns, { left: 0, right: 0 })).toBe(false);
    expect(isValidSplit(twoTwo, columns, { left: 3, right: 0 })).toBe(false);
    expect(canSplit(BEADS[2] as EditorBead)).toBe(false);
    expect(canSplit(oneOne)).toBe(true);
    expect(planSplit(twoTwo, columnsOf(ENGLISH_SOURCE), { left: 2, right: 1 })).toEqual([
      { op: 'split', bead: 0, source: 1, target: 2 },
    ]);
  });
});
