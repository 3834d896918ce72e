/**
 * What a reviewer should look at in a bead, as the CSS classes of its row, and which language goes in which column:
 * shared by the server-rendered review pages and the editor's browser script (so it imports nothing).
 */

/** CSS classes of table rows; each names one thing a reviewer should check. */
export const RowClass = {
  /** 1-0: source text with nothing on the other side. */
  missing: 'missing',
  /** 0-1: target text with nothing on the source side. */
  extra: 'extra',
  /** 1-n (n > 1): one source unit split into several target units. */
  split: 'split',
  /** n-1 (n > 1): several source units merged into one target unit. */
  merge: 'merge',
  /** n-m (both > 1). */
  many: 'many',
  /** Two-sided sentence bead under the report's confidence threshold. */
  lowConfidence: 'low-confidence',
  /** The block bead's numbers, document symbols or dates differ between the sides. */
  numberMismatch: 'number-mismatch',
  /** Same text on both sides. */
  untranslated: 'untranslated',
  /** Unusual length ratio. */
  lengthOutlier: 'length-outlier',
  /** Paired by content across a numbering shift: the labels of the two sides differ (parity report). */
  numberingShift: 'numbering-shift',
} as const;
/** See {@link RowClass}. */
export type RowClass = (typeof RowClass)[keyof typeof RowClass];

/** Which stored side goes in the left column (French) and which in the right one (English). */
export interface ColumnSides {
  /** Language shown on the left. */
  left: string;
  /** Language shown on the right. */
  right: string;
  /** True when the left column is the pair's source side. */
  leftIsSource: boolean;
}

/** Chooses the columns: French on the left whenever the pair has French, else the source side. */
export function chooseColumns(sourceLanguage: string, targetLanguage: string): ColumnSides {
  const leftIsSource = sourceLanguage === 'fr' || targetLanguage !== 'fr';
  return leftIsSource
    ? { left: sourceLanguage, right: targetLanguage, leftIsSource }
    : { left: targetLanguage, right: sourceLanguage, leftIsSource };
}

/** Names the classes of a bead of `sourceCount` source units and `targetCount` target units. */
export function classifyShape(sourceCount: number, targetCount: number): RowClass[] {
  if (sourceCount > 0 && targetCount === 0) return [RowClass.missing];
  if (sourceCount === 0 && targetCount > 0) return [RowClass.extra];
  if (sourceCount === 1 && targetCount > 1) return [RowClass.split];
  if (sourceCount > 1 && targetCount === 1) return [RowClass.merge];
  if (sourceCount > 1 && targetCount > 1) return [RowClass.many];
  return [];
}
