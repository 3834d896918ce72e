import type { Alignment, Block, LanguageCode } from '../model.js';
import { parentPath, readOrdinal } from './find-label-order-problems.js';
import type { Side } from './unit-ref.js';

/**
 * One side's numbering moved against the other's: from some paragraph on, the aligner paired blocks by content
 * whose labels differ by the same amount (a paragraph dropped or inserted and the rest renumbered, a skipped
 * number, a re-lettered list). One finding per shift instead of a mismatch per paragraph.
 */
export interface NumberingShift {
  /** The side whose numbering is shifted. */
  side: Side;
  /** Its labels minus the other side's, from the shift on (−1: one lower). */
  by: number;
  /** Label path, on the other side, of the first paragraph whose counterpart is numbered differently ("8"). */
  from: string;
  /** Block index of that paragraph on the other side. */
  fromBlock: number;
  /** Label path on `side` of its counterpart ("7"). */
  to: string;
  /** Label paths of the other side, where the shift starts, with no counterpart on `side` ("7": missing there). */
  missing: string[];
  /** Label paths of `side`, where the shift starts, with no counterpart on the other side (inserted there). */
  extra: string[];
  /** Indices in `alignment.blocks` of the beads that pair blocks across the shift, in order. */
  beads: number[];
}

interface Member {
  block: Block;
  sequence: string;
  ordinal: number;
}

// The member of a numbering sequence a block is: its parent path, style and numbering system, and its position.
function memberOf(block: Block): Member | null {
  if (block.label === null || block.path === null) return null;
  const reading = readOrdinal(block.label);
  if (reading === null) return null;
  const sequence = `${parentPath(block.path)}|${block.label.style}|${reading.system}|${reading.upper}`;
  return { block, sequence, ordinal: reading.ordinal };
}

// The side described as shifted when no paragraph is missing or added: the translation, when the header says
// which language is the original; else the source.
function translationSide(alignment: Alignment): Side {
  const original: LanguageCode | null =
    alignment.source.meta.originalLanguage ?? alignment.target.meta.originalLanguage;
  return original !== null && original === alignment.source.language ? 'target' : 'source';
}

/**
 * Finds where the numbering of one side moves against the other's, following the block beads the aligner
 * chose: a two-sided bead whose first numbered blocks belong to the same sequence (same parent, style and system)
 * but differ in position starts a shift when that difference changes. Blocks of the sequence left unpaired since
 * the last pair tell which side lost or gained a paragraph. A change that nothing unpaired explains must hold for
 * two pairs at least.
 */
export function findNumberingShifts(alignment: Alignment): NumberingShift[] {
  const shifts: NumberingShift[] = [];
  const offsets = new Map<string, { offset: number; shift: NumberingShift | null }>();
  const unpaired: { source: Member[]; target: Member[] } = { source: [], target: [] };
  // Paths paired across a shift, "source→target": their sub-paragraphs ("12/a" with "13/a") are paired across it too.
  const shiftedPaths = new Map<string, NumberingShift>();
  const firstMember = (document: Alignment['source'], blocks: readonly number[]): Member | null => {
    for (const index of blocks) {
      const block = document.blocks[index];
      const member = block === undefined ? null : memberOf(block);
      if (member !== null) return member;
    }
    return null;
  };
  alignment.blocks.forEach((bead, index) => {
    const source = firstMember(alignment.source, bead.source);
    const target = firstMember(alignment.target, bead.target);
    // A numbered block alone, or paired with unnumbered text, has no counterpart in its sequence.
    if (source === null || target === null) {
      if (source !== null) unpaired.source.push(source);
      if (target !== null) unpaired.target.push(target);
      return;
    }
    if (source.sequence !== target.sequence) {
      const parents = `${parentPath(source.block.path)}→${parentPath(target.block.path)}`;
      const inherited = shiftedPaths.get(parents);
      if (inherited !== undefined) {
        inherited.beads.push(index);
        shiftedPaths.set(`${source.block.path}→${target.block.path}`, inherited);
      }
      return;
    }
    const offset = source.ordinal - target.ordinal;
    const state = offsets.get(source.sequence) ?? { offset: 0, shift: null };
    const sinceLastPair = (members: Member[]): string[] =>
      members.filter((m) => m.sequence === source.sequence).map((m) => m.block.path as string);
    if (offset !== state.offset) {
      const missingFromSource = sinceLastPair(unpaired.target);
      const missingFromTarget = sinceLastPair(unpaired.source);
      // The side that lost a paragraph is shifted down, the side that gained one up; the sign of the change says
      // which when nothing was left unpaired.
      const change = offset - state.offset;
      const side: Side =
        missingFromSource.length > 0 && change < 0
          ? 'source'
          : missingFromTarget.length > 0 && change > 0
            ? 'target'
            : missingFromTarget.length > 0
              ? 'source'
              : missingFromSource.length > 0
                ? 'target'
                : translationSide(alignment);
      const own = side === 'source' ? source : target;
      const other = side === 'source' ? target : source;
      const shift: NumberingShift = {
        side,
        by: side === 'source' ? change : -change,
        from: other.block.path as string,
        fromBlock: other.block.index,
        to: own.block.path as string,
        missing: side === 'source' ? missingFromSource : missingFromTarget,
        extra: side === 'source' ? missingFromTarget : missingFromSource,
        beads: [],
      };
      shifts.push(shift);
      offsets.set(source.sequence, { offset, shift });
    }
    const current = offsets.get(source.sequence)?.shift;
    if (current !== null && current !== undefined && offset !== 0) {
      current.beads.push(index);
      shiftedPaths.set(`${source.block.path}→${target.block.path}`, current);
    }
    unpaired.source = unpaired.source.filter((m) => m.sequence !== source.sequence);
    unpaired.target = unpaired.target.filter((m) => m.sequence !== source.sequence);
  });
  // Two labels swapped (4 before 3) change the offset twice, each for one pair, with nothing left unpaired: that is
  // an order problem (find-label-order-problems.ts), not a shift.
  return shifts.filter((shift) => shift.missing.length + shift.extra.length > 0 || shift.beads.length >= 2);
}

/** Whether `block` on `side` is paired, by content, across one of `shifts`. */
export function isAcrossShift(
  alignment: Alignment,
  shifts: readonly NumberingShift[],
  side: Side,
  block: number,
): boolean {
  return shifts.some((shift) => shift.beads.some((bead) => alignment.blocks[bead]?.[side].includes(block) === true));
}
