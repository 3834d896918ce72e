/**
 * What parseDocument remembers of the blocks before the one it reads, and the transitions a block makes: the open
 * label path, the labels that tell an ambiguous letter from a roman numeral, and the title and numbering runs.
 */
import { LabelStyle, type Label } from '../model.js';
import { advanceLabelPath, initialLabelPathState, resolveLetterOrRoman, type LabelPathState } from './numbering.js';

/** The parser's memory of the blocks read so far; every transition returns a new state. */
export interface ReadingState {
  /** The open annex, heading, paragraph and sub-paragraph (numbering.ts). */
  labels: LabelPathState;
  /** The last lower-case letter or roman label, until a label of another kind (footnotes and bullets aside). */
  previousLower: Label | null;
  /** The last upper-case letter or roman label, until an annex. */
  previousUpper: Label | null;
  /** Whether every unlabelled front-matter block after the header lines so far looked like a title. */
  titling: boolean;
  /** Whether a numbered paragraph ("12.") came since the start or the last word heading. */
  numbered: boolean;
}

/** The state before the first block. */
export const initialReadingState: ReadingState = {
  labels: initialLabelPathState,
  previousLower: null,
  previousUpper: null,
  titling: true,
  numbered: false,
};

/** Whether a label is a lower-case letter or roman numeral ("(a)", "(ii)"). */
export function isLower(label: Label): boolean {
  return label.style === LabelStyle.lowerLetter || label.style === LabelStyle.lowerRoman;
}

/** Whether a label is an upper-case letter or roman numeral ("A.", "IV."). */
export function isUpper(label: Label): boolean {
  return label.style === LabelStyle.upperLetter || label.style === LabelStyle.upperRoman;
}

/** Whether a label style is a heading spelled as a word and a number: "Annex I", "Article 5", "Chapter IV". */
export function isWordHeading(style: LabelStyle): boolean {
  return (
    style === LabelStyle.annex ||
    style === LabelStyle.article ||
    style === LabelStyle.chapter ||
    style === LabelStyle.section
  );
}

/**
 * Reads an ambiguous "(i)" or "I." as a letter or a roman numeral from the sibling before it and, for lower-case
 * labels, the next block's label (`next`, when it is lower-case too).
 */
export function resolveLabel(state: ReadingState, label: Label, next: Label | null): Label {
  if (isLower(label)) return resolveLetterOrRoman(label, state.previousLower, next && isLower(next) ? next : null);
  if (isUpper(label)) return resolveLetterOrRoman(label, state.previousUpper, null);
  return label;
}

/** After an unlabelled front-matter block: the title run goes on only while every block looks like a title. */
export function readFrontMatterBlock(state: ReadingState, titleLike: boolean): ReadingState {
  return { ...state, titling: state.titling && titleLike };
}

/** After a labelled block: the label path advances, and the label becomes the sibling the next ones are read by. */
export function readLabel(state: ReadingState, label: Label): { state: ReadingState; path: string | null } {
  const advanced = advanceLabelPath(state.labels, label);
  let { previousLower, previousUpper, numbered } = state;
  if (label.style === LabelStyle.arabic) numbered = true;
  // An annex restarts the numbering; the unnumbered text under an article, chapter or section heading is its
  // own, not the rest of a paragraph.
  if (isWordHeading(label.style)) numbered = false;
  if (isLower(label)) previousLower = label;
  else if (label.style !== LabelStyle.footnote && label.style !== LabelStyle.bullet) previousLower = null;
  if (isUpper(label)) previousUpper = label;
  if (label.style === LabelStyle.annex) previousUpper = null;
  return { state: { ...state, labels: advanced.state, previousLower, previousUpper, numbered }, path: advanced.path };
}
