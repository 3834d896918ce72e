/**
 * Turns stored block beads and the parity report into the rows of the review table: one group per block bead
 * (a paragraph label), one row per sentence bead, each with the classes that say what a reviewer should look at.
 */
import type { LinkMethod } from '../../core/model.js';
import type { ParityReport, TokenMismatch } from '../../core/qa/parity-report.js';
import type { StoredBlockBead } from '../../storage/store.js';
import { chooseColumns, classifyShape, RowClass } from './row-class.js';

/** Threshold used when no report is at hand; the same default as the parity report's. */
export const FALLBACK_LOW_CONFIDENCE = 0.5;

/** One sentence bead as a table row. */
export interface AlignmentRow {
  /** Index of the sentence bead in `alignment.sentences`. */
  bead: number;
  /** "source count-target count", e.g. "1-2". */
  shape: string;
  /** Text of the left column (sentences joined by one space), empty when that side has none. */
  left: string;
  /** Text of the right column, empty when that side has none. */
  right: string;
  /** The aligner's confidence, in [0, 1]. */
  confidence: number;
  /** What to look at; empty for an ordinary row. */
  classes: RowClass[];
  /** Language of the empty side of a one-sided bead, else null. */
  missingLanguage: string | null;
  /** Whether `?only=problems` keeps the row: its own classes, or its group's. */
  problem: boolean;
}

/** One block bead as a group of rows. */
export interface AlignmentGroup {
  /** Index of the block bead in `alignment.blocks`. */
  bead: number;
  /** Label path of the bead ("12/a"), or null when unnumbered. */
  label: string | null;
  /** "source count-target count" of blocks. */
  shape: string;
  /** How the aligner found the bead. */
  method: LinkMethod;
  /** The aligner's confidence, in [0, 1]. */
  confidence: number;
  /** Shape and token classes of the block bead. */
  classes: RowClass[];
  /** Language of the empty side of a one-sided block bead, else null. */
  missingLanguage: string | null;
  /** Differing numbers, symbols and dates, or null when they agree. */
  tokens: TokenMismatch | null;
  /** Whether the group itself needs a look (shape other than 1-1, a token mismatch, a numbering shift). */
  problem: boolean;
  /** Its sentence beads, in order. */
  rows: AlignmentRow[];
}

/** Builds the groups of `beads` (one page of the stored alignment) with the report's findings marked on them. */
export function buildAlignmentRows(
  beads: readonly StoredBlockBead[],
  report: ParityReport | null,
  languages: { source: string; target: string },
): AlignmentGroup[] {
  const columns = chooseColumns(languages.source, languages.target);
  const threshold = report?.settings.lowConfidence ?? FALLBACK_LOW_CONFIDENCE;
  const tokensByBead = new Map((report?.tokenMismatches ?? []).map((mismatch) => [mismatch.bead, mismatch]));
  const untranslated = new Set((report?.untranslated ?? []).map((item) => item.bead));
  const outliers = new Set((report?.lengthOutliers ?? []).map((item) => item.bead));
  const shifted = new Set((report?.numberingShifts ?? []).flatMap((shift) => shift.beads));
  const missingLanguage = (sourceCount: number, targetCount: number): string | null =>
    targetCount === 0 && sourceCount > 0
      ? languages.target
      : sourceCount === 0 && targetCount > 0
        ? languages.source
        : null;

  return beads.map((block) => {
    const tokens = tokensByBead.get(block.index) ?? null;
    const groupClasses = classifyShape(block.sourceBlocks.length, block.targetBlocks.length);
    if (tokens !== null) groupClasses.push(RowClass.numberMismatch);
    if (shifted.has(block.index)) groupClasses.push(RowClass.numberingShift);
    const groupProblem = groupClasses.length > 0;
    const rows = block.segments.map((segment): AlignmentRow => {
      const sourceCount = segment.sourceSentences.length;
      const targetCount = segment.targetSentences.length;
      const classes = classifyShape(sourceCount, targetCount);
      if (sourceCount > 0 && targetCount > 0 && segment.confidence < threshold) classes.push(RowClass.lowConfidence);
      if (tokens !== null) classes.push(RowClass.numberMismatch);
      if (shifted.has(block.index)) classes.push(RowClass.numberingShift);
      if (untranslated.has(segment.index)) classes.push(RowClass.untranslated);
      if (outliers.has(segment.index)) classes.push(RowClass.lengthOutlier);
      return {
        bead: segment.index,
        shape: `${sourceCount}-${targetCount}`,
        left: columns.leftIsSource ? segment.sourceText : segment.targetText,
        right: columns.leftIsSource ? segment.targetText : segment.sourceText,
        confidence: segment.confidence,
        classes,
        missingLanguage: missingLanguage(sourceCount, targetCount),
        problem: groupProblem || classes.length > 0,
      };
    });
    return {
      bead: block.index,
      label: block.label,
      shape: `${block.sourceBlocks.length}-${block.targetBlocks.length}`,
      method: block.method,
      confidence: block.confidence,
      classes: groupClasses,
      missingLanguage: missingLanguage(block.sourceBlocks.length, block.targetBlocks.length),
      tokens,
      problem: groupProblem,
      rows,
    };
  });
}

/** Keeps the problem rows, and the groups that are problems or still have rows. */
export function keepProblemRows(groups: readonly AlignmentGroup[]): AlignmentGroup[] {
  return groups.flatMap((group) => {
    const rows = group.rows.filter((row) => row.problem);
    return group.problem || rows.length > 0 ? [{ ...group, rows }] : [];
  });
}
