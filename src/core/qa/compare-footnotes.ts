import type { Block, SegmentedDocument } from '../model.js';
import { shortenText } from './unit-ref.js';

/** A footnote that has no counterpart with the same marker on the other side. */
export interface FootnoteMarker {
  /** Language-neutral marker value ("*", "1"), or null when the footnote has none. */
  marker: string | null;
  /** Marker as printed, or null when unlabelled. */
  label: string | null;
  /** Block index of the footnote. */
  block: number;
  /** First characters of the footnote text. */
  text: string;
}

/** In-text footnote references (the "*" of "agenda*", "¹", "[^1]") of both sides. */
export interface FootnoteReferences {
  /** References found in the source text outside footnotes. */
  source: number;
  /** References found in the target text outside footnotes. */
  target: number;
  /** Markers referenced more often in the source than in the target, one entry per extra reference. */
  sourceOnly: string[];
  /** Markers referenced more often in the target than in the source, one entry per extra reference. */
  targetOnly: string[];
}

/** Whether both sides have the same footnotes, and the same references to them. */
export interface FootnoteParity {
  /** Footnote blocks per side. */
  counts: { source: number; target: number };
  /** Footnote markers as printed, in document order. */
  markers: { source: string[]; target: string[] };
  /** Source footnotes whose marker the target lacks (or has fewer times). */
  sourceOnly: FootnoteMarker[];
  /** Target footnotes whose marker the source lacks (or has fewer times). */
  targetOnly: FootnoteMarker[];
  /** In-text references. */
  references: FootnoteReferences;
  /** True when counts, markers and references all agree. */
  match: boolean;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_DIGIT_CLASS = '[\u2070\u00B9\u00B2\u00B3\u2074-\u2079]';
// A run of stars glued to the word or punctuation before it ("agenda*", "2018.**"); a free-standing "*" is not a
// reference.
const REFERENCE = new RegExp(
  `(?<=[\\p{L}\\p{N}\\p{P}])(?<!\\*)(\\*+)|(${SUPERSCRIPT_DIGIT_CLASS}+)|\\[\\^([^\\]\\s]+)\\]`,
  'gu',
);

/** Compares the footnotes of two documents: footnote blocks by marker, and in-text references by marker. */
export function compareFootnotes(source: SegmentedDocument, target: SegmentedDocument): FootnoteParity {
  const sourceNotes = source.blocks.filter(isFootnote);
  const targetNotes = target.blocks.filter(isFootnote);
  const sourceOnly = subtract(sourceNotes, targetNotes, markerOf).map(describe);
  const targetOnly = subtract(targetNotes, sourceNotes, markerOf).map(describe);

  const sourceReferences = referencesOf(source);
  const targetReferences = referencesOf(target);
  const references: FootnoteReferences = {
    source: sourceReferences.length,
    target: targetReferences.length,
    sourceOnly: subtract(sourceReferences, targetReferences, (marker) => marker),
    targetOnly: subtract(targetReferences, sourceReferences, (marker) => marker),
  };

  return {
    counts: { source: sourceNotes.length, target: targetNotes.length },
    markers: {
      source: sourceNotes.map((block) => block.label?.raw ?? ''),
      target: targetNotes.map((block) => block.label?.raw ?? ''),
    },
    sourceOnly,
    targetOnly,
    references,
    match:
      sourceNotes.length === targetNotes.length &&
      sourceOnly.length === 0 &&
      targetOnly.length === 0 &&
      references.sourceOnly.length === 0 &&
      references.targetOnly.length === 0,
  };
}

/** Finds the footnote references in a block text, as language-neutral markers ("*", "**", "1"). */
export function findReferences(text: string): string[] {
  const markers: string[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const [, stars, superscript, bracketed] = match;
    if (stars !== undefined) markers.push(stars);
    else if (superscript !== undefined) markers.push(toAsciiDigits(superscript));
    else if (bracketed !== undefined) markers.push(bracketed);
  }
  return markers;
}

function referencesOf(document: SegmentedDocument): string[] {
  return document.blocks.filter((block) => !isFootnote(block)).flatMap((block) => findReferences(block.text));
}

function isFootnote(block: Block): boolean {
  return block.kind === 'footnote' || block.label?.style === 'footnote';
}

function markerOf(block: Block): string | null {
  if (block.label !== null) return block.label.value;
  return block.path?.startsWith('fn:') === true ? block.path.slice('fn:'.length) : null;
}

function describe(block: Block): FootnoteMarker {
  return {
    marker: markerOf(block),
    label: block.label?.raw ?? null,
    block: block.index,
    text: shortenText(block.text),
  };
}

function toAsciiDigits(superscript: string): string {
  return [...superscript].map((digit) => String(SUPERSCRIPT_DIGITS.indexOf(digit))).join('');
}

/** Items of `items` left once each item of `others` has cancelled one item with the same key (multiset difference). */
function subtract<T>(items: readonly T[], others: readonly T[], keyOf: (item: T) => string | null): T[] {
  const available = new Map<string | null, number>();
  for (const other of others) {
    const key = keyOf(other);
    available.set(key, (available.get(key) ?? 0) + 1);
  }
  return items.filter((item) => {
    const key = keyOf(item);
    const left = available.get(key) ?? 0;
    if (left === 0) return true;
    available.set(key, left - 1);
    return false;
  });
}
