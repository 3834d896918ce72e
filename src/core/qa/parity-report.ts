import {
  BlockKind,
  type Alignment,
  type Block,
  type LanguageCode,
  type LinkMethod,
  type SegmentedDocument,
} from '../model.js';
import { compareFootnotes, type FootnoteParity } from './compare-footnotes.js';
import { compareTokens, extractTokens, type ComparableTokens, type TokenComparison } from './extract-tokens.js';
import { findLabelOrderProblems, LabelProblem, type LabelOrderProblem } from './find-label-order-problems.js';
import { findNumberingShifts, isAcrossShift, type NumberingShift } from './find-numbering-shifts.js';
import { findUntranslated, type Untranslated } from './find-untranslated.js';
import {
  DEFAULT_LENGTH_RATIO,
  findLengthOutliers,
  type LengthOutlier,
  type LengthRatioSettings,
} from './find-length-outliers.js';
import {
  getBlock,
  isNumbered,
  makeBlockRef,
  makeSentenceRef,
  shortenText,
  type BlockRef,
  type SentenceRef,
  type Side,
} from './unit-ref.js';

/** Thresholds of {@link buildParityReport}; every field is optional. */
export interface ParityReportOptions {
  /** Sentence beads under this confidence are listed in `lowConfidence` (default 0.5). */
  lowConfidence?: number;
  /** Length-ratio check settings (defaults: 3 robust deviations, 20 characters, 3 beads). */
  lengthRatio?: Partial<LengthRatioSettings>;
  /**
   * Identical sentences are listed only when at least this many letters and spaces remain once symbols, numbers
   * and punctuation are removed (default 25).
   */
  untranslatedMinLength?: number;
}

/** The thresholds a report was built with, all filled in. */
export interface ParityReportSettings {
  /** See {@link ParityReportOptions.lowConfidence}. */
  lowConfidence: number;
  /** See {@link LengthRatioSettings}. */
  lengthRatio: LengthRatioSettings;
  /** See {@link ParityReportOptions.untranslatedMinLength}. */
  untranslatedMinLength: number;
}

/** How much of what one document has. */
export interface SideCounts {
  /** All blocks. */
  blocks: number;
  /** Blocks of each kind, every kind present (0 when absent). */
  byKind: Record<BlockKind, number>;
  /** All sentences. */
  sentences: number;
  /** Blocks with a number or marker (bullets excluded). */
  labelled: number;
  /** Blocks of kind paragraph with a number. */
  labelledParagraphs: number;
  /** Footnote blocks. */
  footnotes: number;
}

/** A label as printed, in document order. */
export interface LabelEntry {
  /** Block index. */
  block: number;
  /** Block kind. */
  kind: BlockKind;
  /** As printed: "1.", "(a)", "a)", "IV.", "*". */
  label: string;
  /** Label path ("12/a"), or null when the parser gave none. */
  path: string | null;
  /** Language-neutral key ("lowerLetter:a"). */
  key: string;
}

/** A label path present on one side only. */
export interface MissingLabel {
  /** The side that has the label. */
  side: Side;
  /** The side that lacks it. */
  missingFrom: Side;
  /** Label path. */
  path: string;
  /** Label as printed on `side`, or null when the block has a path but no label of its own. */
  label: string | null;
  /** Block index on `side`. */
  block: number;
  /** Block kind. */
  kind: BlockKind;
  /** First 80 characters of the block text. */
  text: string;
}

/** A block bead other than 1-1: a split, a merge, or a block with no counterpart. */
export interface SplitOrMerge {
  /** Index of the bead in `alignment.blocks`. */
  bead: number;
  /** "source count-target count": "1-2" is one source block split in two target blocks, "1-0" a block left alone. */
  shape: string;
  /** How the aligner found the bead. */
  method: LinkMethod;
  /** The aligner's confidence in the bead. */
  confidence: number;
  /** Whether any block of the bead carries a number or marker. */
  labelled: boolean;
  /** Source blocks. */
  source: BlockRef[];
  /** Target blocks. */
  target: BlockRef[];
}

/** An aligned block bead whose numbers, symbols or dates differ between the sides. */
export interface TokenMismatch extends TokenComparison {
  /** Index of the bead in `alignment.blocks`. */
  bead: number;
  /** Source blocks. */
  source: BlockRef[];
  /** Target blocks. */
  target: BlockRef[];
}

/** Why a sentence bead needs a look. */
export const LowConfidenceReason = {
  /** One side is empty (1-0 or 0-1): text with no counterpart. */
  unaligned: 'unaligned',
  /** Both sides have text but the aligner's confidence is under the threshold. */
  lowConfidence: 'lowConfidence',
} as const;
/** See {@link LowConfidenceReason}. */
export type LowConfidenceReason = (typeof LowConfidenceReason)[keyof typeof LowConfidenceReason];

/** A sentence bead the aligner is unsure of, or text left without a counterpart. */
export interface LowConfidenceBead {
  /** Index of the bead in `alignment.sentences`. */
  bead: number;
  /** Why it is listed. */
  reason: LowConfidenceReason;
  /** "source count-target count", e.g. "1-0". */
  shape: string;
  /** The aligner's confidence. */
  confidence: number;
  /** Source sentences. */
  source: SentenceRef[];
  /** Target sentences. */
  target: SentenceRef[];
}

/** What makes `parity` false. */
export const ParityBlocker = {
  /** A label path is present on one side only. */
  missingLabels: 'missingLabels',
  /** A label goes backwards or repeats on either side (gaps alone do not count). */
  labelOrder: 'labelOrder',
  /** Footnote counts, markers or in-text references differ. */
  footnotes: 'footnotes',
  /** A block bead other than 1-1 with text on both sides involves a numbered block. */
  labelledSplitsOrMerges: 'labelledSplitsOrMerges',
  /** A numbered block is in a 1-0 or 0-1 block bead. */
  unalignedLabelledBlocks: 'unalignedLabelledBlocks',
  /** One side's numbering is shifted against the other's. */
  numberingShift: 'numberingShift',
} as const;
/** See {@link ParityBlocker}. */
export type ParityBlocker = (typeof ParityBlocker)[keyof typeof ParityBlocker];

/** How many of each problem the report found. */
export interface ParitySummary {
  /** Entries of `missing`. */
  missing: number;
  /** Entries of `outOfOrder`, gaps included. */
  outOfOrder: number;
  /** Entries of `numberingShifts`. */
  numberingShifts: number;
  /** Entries of `splitsAndMerges`. */
  splitsAndMerges: number;
  /** Footnotes and in-text references on one side only. */
  footnoteMismatches: number;
  /** Entries of `tokenMismatches`. */
  tokenMismatches: number;
  /** Entries of `lengthOutliers`. */
  lengthOutliers: number;
  /** Entries of `untranslated`. */
  untranslated: number;
  /** Entries of `lowConfidence`. */
  lowConfidence: number;
  /** Sentences, both sides, in 1-0 or 0-1 beads. */
  unalignedSentences: number;
  /** Why `parity` is false; empty when it is true. */
  blockers: ParityBlocker[];
}

/** Whether two language versions of a document have the same paragraphs, numbers and footnotes, and where not. */
export interface ParityReport {
  /** Languages of the two documents. */
  languages: { source: LanguageCode; target: LanguageCode };
  /** Thresholds used. */
  settings: ParityReportSettings;
  /** What each side has. */
  counts: { source: SideCounts; target: SideCounts };
  /** Labels as printed, in document order (bullets left out: they carry no number). */
  labels: { source: LabelEntry[]; target: LabelEntry[] };
  /** Label paths present on one side only, source side first, in document order. */
  missing: MissingLabel[];
  /** Labels out of sequence on either side: backwards, duplicated, or after a gap. */
  outOfOrder: LabelOrderProblem[];
  /**
   * Where one side's numbering moves against the other's (a paragraph dropped and the rest renumbered): one entry
   * per shift; the labels it renumbers are not listed again in `missing`.
   */
  numberingShifts: NumberingShift[];
  /** Block beads other than 1-1. */
  splitsAndMerges: SplitOrMerge[];
  /** Footnote parity. */
  footnotes: FootnoteParity;
  /** Aligned block beads whose numbers, document symbols or dates differ. */
  tokenMismatches: TokenMismatch[];
  /** Sentence beads with an unusual length ratio. */
  lengthOutliers: LengthOutlier[];
  /** Sentence beads left in the source language. */
  untranslated: Untranslated[];
  /** Sentence beads under the confidence threshold, and every 1-0 or 0-1 sentence bead. */
  lowConfidence: LowConfidenceBead[];
  /** True when `summary.blockers` is empty (see README.md for the rule). */
  parity: boolean;
  /** Counts of each list. */
  summary: ParitySummary;
}

/** Default {@link ParityReportOptions.lowConfidence}. */
export const DEFAULT_LOW_CONFIDENCE = 0.5;
/** Default {@link ParityReportOptions.untranslatedMinLength}. */
export const DEFAULT_UNTRANSLATED_MIN_LENGTH = 25;

/**
 * Checks that the two documents of `alignment` have the same paragraphs, numbers and footnotes, and lists what differs.
 */
export function buildParityReport(alignment: Alignment, options: ParityReportOptions = {}): ParityReport {
  const settings = resolveSettings(options);
  const { source, target } = alignment;

  const numberingShifts = findNumberingShifts(alignment);
  const missing = findMissingLabels(alignment).filter(
    (item) => !isAcrossShift(alignment, numberingShifts, item.side, item.block),
  );
  // One finding per problem: a label missing from one side is listed once, under `missing`, not again as the gap
  // it leaves, its 1-0 block bead or its 1-0 sentences; front matter on one side only is no problem at all.
  const accounted = accountedBlocks(alignment, missing);
  const outOfOrder = [...findLabelOrderProblems(source, 'source'), ...findLabelOrderProblems(target, 'target')].filter(
    (problem) => !isGapOfMissing(problem, missing),
  );
  const allSplitsAndMerges = findSplitsAndMerges(alignment).filter((bead) => !isFrontMatter(bead));
  const splitsAndMerges = allSplitsAndMerges.filter((bead) => !isAccounted(bead, accounted));
  const footnotes = compareFootnotes(source, target);
  const lowConfidence = findLowConfidence(alignment, settings.lowConfidence).filter(
    (bead) => !isAccounted(bead, accounted),
  );

  const blockers: ParityBlocker[] = [];
  if (missing.length > 0) blockers.push(ParityBlocker.missingLabels);
  if (numberingShifts.length > 0) blockers.push(ParityBlocker.numberingShift);
  if (outOfOrder.some((problem) => problem.problem !== LabelProblem.gap)) blockers.push(ParityBlocker.labelOrder);
  if (!footnotes.match) blockers.push(ParityBlocker.footnotes);
  const labelled = allSplitsAndMerges.filter((bead) => bead.labelled);
  if (labelled.some((bead) => bead.source.length > 0 && bead.target.length > 0)) {
    blockers.push(ParityBlocker.labelledSplitsOrMerges);
  }
  if (labelled.some((bead) => bead.source.length === 0 || bead.target.length === 0)) {
    blockers.push(ParityBlocker.unalignedLabelledBlocks);
  }

  const report = {
    languages: { source: source.language, target: target.language },
    settings,
    counts: { source: countSide(source), target: countSide(target) },
    labels: { source: listLabels(source), target: listLabels(target) },
    missing,
    outOfOrder,
    numberingShifts,
    splitsAndMerges,
    footnotes,
    tokenMismatches: findTokenMismatches(alignment),
    lengthOutliers: findLengthOutliers(alignment, settings.lengthRatio),
    untranslated: findUntranslated(alignment, settings.untranslatedMinLength),
    lowConfidence,
    parity: blockers.length === 0,
  };
  return {
    ...report,
    summary: {
      missing: missing.length,
      outOfOrder: outOfOrder.length,
      numberingShifts: numberingShifts.length,
      splitsAndMerges: splitsAndMerges.length,
      footnoteMismatches:
        footnotes.sourceOnly.length +
        footnotes.targetOnly.length +
        footnotes.references.sourceOnly.length +
        footnotes.references.targetOnly.length,
      tokenMismatches: report.tokenMismatches.length,
      lengthOutliers: report.lengthOutliers.length,
      untranslated: report.untranslated.length,
      lowConfidence: lowConfidence.length,
      unalignedSentences: countUnalignedSentences(alignment),
      blockers,
    },
  };
}

function resolveSettings(options: ParityReportOptions): ParityReportSettings {
  const settings: ParityReportSettings = {
    lowConfidence: options.lowConfidence ?? DEFAULT_LOW_CONFIDENCE,
    lengthRatio: { ...DEFAULT_LENGTH_RATIO, ...options.lengthRatio },
    untranslatedMinLength: options.untranslatedMinLength ?? DEFAULT_UNTRANSLATED_MIN_LENGTH,
  };
  requireInRange('lowConfidence', settings.lowConfidence, 0, 1);
  requireInRange('lengthRatio.maxDeviation', settings.lengthRatio.maxDeviation, Number.MIN_VALUE, Infinity);
  requireInRange('lengthRatio.minLength', settings.lengthRatio.minLength, 0, Infinity);
  requireInRange('lengthRatio.minBeads', settings.lengthRatio.minBeads, 1, Infinity);
  requireInRange('untranslatedMinLength', settings.untranslatedMinLength, 0, Infinity);
  return settings;
}

function requireInRange(name: string, value: number, min: number, max: number): void {
  if (Number.isNaN(value) || value < min || value > max) {
    throw new RangeError(`Parity report option ${name} must be between ${min} and ${max}, got ${value}`);
  }
}

/** What one document has: blocks by kind, sentences, labelled blocks, numbered paragraphs and footnotes. */
export function countSide(document: SegmentedDocument): SideCounts {
  const byKind: Record<BlockKind, number> = {
    header: 0,
    title: 0,
    heading: 0,
    paragraph: 0,
    subparagraph: 0,
    footnote: 0,
    listItem: 0,
    tableRow: 0,
    text: 0,
  };
  let labelled = 0;
  let labelledParagraphs = 0;
  for (const block of document.blocks) {
    byKind[block.kind] += 1;
    if (isNumbered(block)) {
      labelled += 1;
      if (block.kind === 'paragraph') labelledParagraphs += 1;
    }
  }
  return {
    blocks: document.blocks.length,
    byKind,
    sentences: document.sentences.length,
    labelled,
    labelledParagraphs,
    footnotes: byKind.footnote,
  };
}

function listLabels(document: SegmentedDocument): LabelEntry[] {
  return document.blocks.flatMap((block) =>
    block.label === null || block.label.style === 'bullet'
      ? []
      : [{ block: block.index, kind: block.kind, label: block.label.raw, path: block.path, key: block.label.key }],
  );
}

function findMissingLabels(alignment: Alignment): MissingLabel[] {
  const sides = [
    ['source', alignment.source, alignment.target],
    ['target', alignment.target, alignment.source],
  ] as const;
  return sides.flatMap(([side, own, other]) => {
    const otherPaths = new Set(other.blocks.map((block) => block.path));
    return own.blocks.flatMap((block): MissingLabel[] =>
      block.path === null || otherPaths.has(block.path)
        ? []
        : [
            {
              side,
              missingFrom: side === 'source' ? 'target' : 'source',
              path: block.path,
              label: block.label?.raw ?? null,
              block: block.index,
              kind: block.kind,
              text: shortenText(block.text),
            },
          ],
    );
  });
}

function findSplitsAndMerges(alignment: Alignment): SplitOrMerge[] {
  return alignment.blocks.flatMap((bead, index): SplitOrMerge[] => {
    if (bead.source.length === 1 && bead.target.length === 1) return [];
    const sourceBlocks = bead.source.map((block) => getBlock(alignment.source, block));
    const targetBlocks = bead.target.map((block) => getBlock(alignment.target, block));
    return [
      {
        bead: index,
        shape: shapeOf(bead),
        method: bead.method,
        confidence: bead.confidence,
        labelled: [...sourceBlocks, ...targetBlocks].some(isNumbered),
        source: bead.source.map((block) => makeBlockRef(alignment.source, block)),
        target: bead.target.map((block) => makeBlockRef(alignment.target, block)),
      },
    ];
  });
}

function findTokenMismatches(alignment: Alignment): TokenMismatch[] {
  return alignment.blocks.flatMap((bead, index): TokenMismatch[] => {
    if (bead.source.length === 0 || bead.target.length === 0) return [];
    const comparison = compareTokens(tokensOf(alignment.source, bead.source), tokensOf(alignment.target, bead.target));
    const { numbers, symbols, dates } = comparison;
    const same = [numbers, symbols, dates].every(
      (diff) => diff.sourceOnly.length === 0 && diff.targetOnly.length === 0,
    );
    if (same) return [];
    return [
      {
        bead: index,
        source: bead.source.map((block) => makeBlockRef(alignment.source, block)),
        target: bead.target.map((block) => makeBlockRef(alignment.target, block)),
        ...comparison,
      },
    ];
  });
}

// A lone block's tokens, kept with the block: a corrected pair's report is built again on every edit
// (src/service/edit-alignment.ts), an edit changes a few paragraphs, and the others are the same objects as before
// (a version's documents share every block its edits leave alone). Blocks never change once built.
const blockTokens = new WeakMap<Block, ComparableTokens>();

function tokensOf(document: SegmentedDocument, blocks: readonly number[]): ComparableTokens {
  const [only] = blocks;
  if (blocks.length !== 1 || only === undefined)
    return extractTokens(blocks.map((block) => getBlock(document, block).text).join('\n'), document.language);
  const block = getBlock(document, only);
  let tokens = blockTokens.get(block);
  if (tokens === undefined) {
    tokens = extractTokens(block.text, document.language);
    blockTokens.set(block, tokens);
  }
  return tokens;
}

/** Block indices, per side, that another finding already accounts for: front matter and labels on one side only. */
interface AccountedBlocks {
  source: Set<number>;
  target: Set<number>;
}

function accountedBlocks(alignment: Alignment, missing: readonly MissingLabel[]): AccountedBlocks {
  const sideOf = (document: SegmentedDocument, side: Side): Set<number> =>
    new Set([
      ...document.blocks.filter((block) => block.kind === BlockKind.header).map((block) => block.index),
      ...missing.filter((item) => item.side === side).map((item) => item.block),
    ]);
  return { source: sideOf(alignment.source, 'source'), target: sideOf(alignment.target, 'target') };
}

// A bead is accounted for when every block (or every sentence's block) on both its sides is.
function isAccounted(bead: SplitOrMerge | LowConfidenceBead, accounted: AccountedBlocks): boolean {
  const blocksOf = (refs: readonly (BlockRef | SentenceRef)[]): number[] =>
    refs.map((ref) => ('block' in ref ? ref.block : ref.index));
  return (
    blocksOf(bead.source).every((block) => accounted.source.has(block)) &&
    blocksOf(bead.target).every((block) => accounted.target.has(block))
  );
}

// Front-matter lines differ between language versions by design: French versions print "Français" under the date,
// organ names wrap differently. A bead of header blocks only is no split or merge of the content.
function isFrontMatter(bead: SplitOrMerge): boolean {
  return [...bead.source, ...bead.target].every((ref) => ref.kind === BlockKind.header);
}

// A gap ("8." after "6.") whose skipped labels are all listed as missing from that side is the same problem.
function isGapOfMissing(problem: LabelOrderProblem, missing: readonly MissingLabel[]): boolean {
  if (problem.problem !== LabelProblem.gap || problem.skipped.length < problem.skippedCount) return false;
  const parent = problem.path === null ? '' : problem.path.split('/').slice(0, -1).join('/');
  const missingHere = new Set(missing.filter((item) => item.missingFrom === problem.side).map((item) => item.path));
  return problem.skipped.every((value) => missingHere.has(parent === '' ? value : `${parent}/${value}`));
}

function countUnalignedSentences(alignment: Alignment): number {
  return alignment.sentences
    .filter((bead) => bead.source.length === 0 || bead.target.length === 0)
    .reduce((total, bead) => total + bead.source.length + bead.target.length, 0);
}

// Beads under the threshold; a one-sided bead above it is listed too unless another finding accounts for it
// (the caller filters those), since a sentence with no counterpart in a paired paragraph is found nowhere else.
function findLowConfidence(alignment: Alignment, threshold: number): LowConfidenceBead[] {
  return alignment.sentences.flatMap((bead, index): LowConfidenceBead[] => {
    const unaligned = bead.source.length === 0 || bead.target.length === 0;
    if (!unaligned && bead.confidence >= threshold) return [];
    return [
      {
        bead: index,
        reason: unaligned ? LowConfidenceReason.unaligned : LowConfidenceReason.lowConfidence,
        shape: shapeOf(bead),
        confidence: bead.confidence,
        source: bead.source.map((unit) => makeSentenceRef(alignment.source, unit)),
        target: bead.target.map((unit) => makeSentenceRef(alignment.target, unit)),
      },
    ];
  });
}

function shapeOf(bead: { source: readonly number[]; target: readonly number[] }): string {
  return `${bead.source.length}-${bead.target.length}`;
}
