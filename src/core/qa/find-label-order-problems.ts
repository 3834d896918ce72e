import type { Block, Label, SegmentedDocument } from '../model.js';
import { isNumbered, type Side } from './unit-ref.js';

/** What is wrong with a label's place in its numbering sequence. */
export const LabelProblem = {
  /** The label comes after a higher one of its sequence ("5" after "7"). */
  backwards: 'backwards',
  /** The label was already used in its sequence (a second "3"). */
  duplicate: 'duplicate',
  /** Values before this label are used nowhere in its sequence ("4" after "2", and no "3" anywhere). */
  gap: 'gap',
} as const;
/** See {@link LabelProblem}. */
export type LabelProblem = (typeof LabelProblem)[keyof typeof LabelProblem];

/** A label as printed, with where it stands. */
export interface LabelPlace {
  /** Block index. */
  block: number;
  /** Label path, or null when the parser gave none. */
  path: string | null;
  /** Label as printed ("7.", "c)"). */
  label: string;
}

/** A label out of sequence on one side. */
export interface LabelOrderProblem extends LabelPlace {
  /** The document it is in. */
  side: Side;
  /** What is wrong. */
  problem: LabelProblem;
  /** The label of the sequence just before it (the first use, for a duplicate), or null at the start of a sequence. */
  previous: LabelPlace | null;
  /** For a gap, the values skipped, as language-neutral label values ("3", "c", "iv"); at most {@link MAX_SKIPPED}. */
  skipped: string[];
  /** For a gap, how many values were skipped in all. */
  skippedCount: number;
}

/** Most skipped values a gap lists. */
export const MAX_SKIPPED = 20;

// How a label value counts: "iv" is 4 in roman numerals, "d" is 4 in letters, "**" is 2 in stars.
type NumberingSystem = 'arabic' | 'letter' | 'roman' | 'stars';

interface SequenceMember {
  block: Block;
  label: Label;
  system: NumberingSystem;
  upper: boolean;
  ordinal: number;
}

/**
 * Finds, on one side, labels that break their sequence: labels that go backwards, repeat, or skip values.
 *
 * A sequence is the labels of one style and numbering system under one parent path ("12/a", "12/b" under "12";
 * paragraphs "1", "2" at the top; "annex:I/1" under "annex:I"); each must be the previous one plus one, starting at 1.
 */
export function findLabelOrderProblems(document: SegmentedDocument, side: Side): LabelOrderProblem[] {
  const sequences = new Map<string, SequenceMember[]>();
  for (const block of document.blocks) {
    if (!isNumbered(block) || block.label === null) continue;
    const reading = readOrdinal(block.label);
    if (reading === null) continue;
    const key = `${parentPath(block.path)}|${block.label.style}|${reading.system}|${reading.upper}`;
    const members = sequences.get(key) ?? [];
    members.push({ block, label: block.label, ...reading });
    sequences.set(key, members);
  }

  const problems: LabelOrderProblem[] = [];
  for (const members of sequences.values()) {
    const used = new Set(members.map((member) => member.ordinal));
    const firstUse = new Map<number, SequenceMember>();
    let last: SequenceMember | null = null;
    for (const member of members) {
      const earlier = firstUse.get(member.ordinal);
      if (earlier !== undefined) {
        problems.push(makeProblem(side, member, LabelProblem.duplicate, earlier, []));
        continue;
      }
      firstUse.set(member.ordinal, member);
      const lastOrdinal = last?.ordinal ?? 0;
      if (member.ordinal < lastOrdinal) {
        problems.push(makeProblem(side, member, LabelProblem.backwards, last, []));
      } else {
        // Values used elsewhere in the sequence are misplaced, not missing: the label out of place is reported instead.
        const skipped: number[] = [];
        for (let ordinal = lastOrdinal + 1; ordinal < member.ordinal; ordinal += 1) {
          if (!used.has(ordinal)) skipped.push(ordinal);
        }
        if (skipped.length > 0) {
          const values = skipped.map((ordinal) => writeOrdinal(ordinal, member.system, member.upper));
          problems.push(makeProblem(side, member, LabelProblem.gap, last, values));
        }
      }
      last = member;
    }
  }
  return problems.sort((a, b) => a.block - b.block);
}

function makeProblem(
  side: Side,
  member: SequenceMember,
  problem: LabelProblem,
  previous: SequenceMember | null,
  skipped: string[],
): LabelOrderProblem {
  return {
    side,
    problem,
    ...placeOf(member),
    previous: previous === null ? null : placeOf(previous),
    skipped: skipped.slice(0, MAX_SKIPPED),
    skippedCount: skipped.length,
  };
}

function placeOf(member: SequenceMember): LabelPlace {
  return { block: member.block.index, path: member.block.path, label: member.label.raw };
}

/** The path of the sequence a label path belongs to: "12" for "12/a", "" at the top. */
export function parentPath(path: string | null): string {
  if (path === null) return '';
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Reads the position of a label in its sequence, or null for styles that have no order (bullets, agenda items). */
export function readOrdinal(label: Label): { system: NumberingSystem; upper: boolean; ordinal: number } | null {
  const value = label.value;
  switch (label.style) {
    case 'arabic':
      return readArabic(value);
    case 'lowerLetter':
    case 'upperLetter':
      return readLetters(value);
    case 'lowerRoman':
    case 'upperRoman':
      return readRoman(value);
    case 'footnote':
      return /^\*+$/u.test(value) ? { system: 'stars', upper: false, ordinal: value.length } : readArabic(value);
    case 'article':
    case 'chapter':
    case 'section':
      return readArabic(value);
    case 'annex':
      // "Annex I", "Annex A" and "Annex 1" all occur; "I", "V", "X" are read as roman, "C", "D", "L", "M" as letters.
      return (/^[ivx]+$/iu.test(value) ? readRoman(value) : null) ?? readArabic(value) ?? readLetters(value);
    default:
      return null;
  }
}

function readArabic(value: string): { system: NumberingSystem; upper: boolean; ordinal: number } | null {
  return /^\d+$/u.test(value) ? { system: 'arabic', upper: false, ordinal: Number(value) } : null;
}

// UN style goes (a) ... (z), then (aa), (bb) ...
function readLetters(value: string): { system: NumberingSystem; upper: boolean; ordinal: number } | null {
  const match = /^([a-z])\1*$/iu.exec(value);
  if (match === null || match[1] === undefined) return null;
  const letter = match[1];
  const ordinal = 26 * (value.length - 1) + (letter.toLowerCase().charCodeAt(0) - 96);
  return { system: 'letter', upper: letter !== letter.toLowerCase(), ordinal };
}

const ROMAN_DIGITS: ReadonlyArray<readonly [string, number]> = [
  ['m', 1000],
  ['cm', 900],
  ['d', 500],
  ['cd', 400],
  ['c', 100],
  ['xc', 90],
  ['l', 50],
  ['xl', 40],
  ['x', 10],
  ['ix', 9],
  ['v', 5],
  ['iv', 4],
  ['i', 1],
];

function readRoman(value: string): { system: NumberingSystem; upper: boolean; ordinal: number } | null {
  if (!/^[ivxlcdm]+$/iu.test(value)) return null;
  const ordinal = romanToNumber(value.toLowerCase());
  if (ordinal === null) return null;
  return { system: 'roman', upper: value !== value.toLowerCase(), ordinal };
}

function romanToNumber(value: string): number | null {
  let rest = value;
  let total = 0;
  for (const [digits, amount] of ROMAN_DIGITS) {
    while (rest.startsWith(digits)) {
      total += amount;
      rest = rest.slice(digits.length);
    }
  }
  // Reject what is not canonical ("iiii", "vx"): writing the total back must give the same numeral.
  return rest === '' && numberToRoman(total) === value ? total : null;
}

function numberToRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [digits, amount] of ROMAN_DIGITS) {
    while (rest >= amount) {
      out += digits;
      rest -= amount;
    }
  }
  return out;
}

function writeOrdinal(ordinal: number, system: NumberingSystem, upper: boolean): string {
  switch (system) {
    case 'arabic':
      return String(ordinal);
    case 'stars':
      return '*'.repeat(ordinal);
    case 'roman': {
      const roman = numberToRoman(ordinal);
      return upper ? roman.toUpperCase() : roman;
    }
    case 'letter': {
      const letter = String.fromCharCode(96 + ((ordinal - 1) % 26) + 1).repeat(Math.floor((ordinal - 1) / 26) + 1);
      return upper ? letter.toUpperCase() : letter;
    }
  }
}
