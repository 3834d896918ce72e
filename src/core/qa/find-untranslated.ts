/** Sentence beads whose two sides are the same text: a passage left untranslated. */
import type { Alignment } from '../model.js';
import { blankDocumentSymbols } from './extract-tokens.js';
import { getSentence, makeSentenceRef, type SentenceRef } from './unit-ref.js';

/** An aligned sentence bead whose two sides are the same text. */
export interface Untranslated {
  /** Index of the bead in `alignment.sentences`. */
  bead: number;
  /** Source sentences. */
  source: SentenceRef[];
  /** Target sentences. */
  target: SentenceRef[];
}

/**
 * The sentence beads whose sides are the same text once normalised (Unicode NFC, white space collapsed) and hold at
 * least `minLength` letters once symbols, addresses and numbers are left out.
 */
export function findUntranslated(alignment: Alignment, minLength: number): Untranslated[] {
  return alignment.sentences.flatMap((bead, index): Untranslated[] => {
    if (bead.source.length === 0 || bead.target.length === 0) return [];
    const source = bead.source.map((unit) => getSentence(alignment.source, unit).text).join(' ');
    const target = bead.target.map((unit) => getSentence(alignment.target, unit).text).join(' ');
    if (!maybeSameText(source, target)) return [];
    const sourceText = normaliseSpaces(source);
    if (sourceText !== normaliseSpaces(target) || wordsOf(sourceText).length < minLength) return [];
    return [
      {
        bead: index,
        source: bead.source.map((unit) => makeSentenceRef(alignment.source, unit)),
        target: bead.target.map((unit) => makeSentenceRef(alignment.target, unit)),
      },
    ];
  });
}

/** The text in Unicode NFC with every run of white space one space, trimmed. */
export function normaliseSpaces(text: string): string {
  // JavaScript's \s covers NBSP, U+202F and the other Unicode spaces French typography puts before ":" or "»".
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * False only when `a` and `b` surely differ once normalised ({@link normaliseSpaces}); true when they may not. It
 * settles most pairs of a translation at their first words, where normalising both was a fifth of the parity report.
 * It walks the two texts' characters other than ASCII white space while both are ASCII: normalising leaves such a
 * character as it is unless a combining mark (not ASCII) follows it, and only removes or collapses white space
 * around it. At the first character that is not ASCII (a Unicode space, a letter NFC may compose) it cannot say.
 */
export function maybeSameText(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isAsciiSpace(a.charCodeAt(i))) i += 1;
    while (j < b.length && isAsciiSpace(b.charCodeAt(j))) j += 1;
    if (i === a.length && j === b.length) return true;
    // One text is over: the other has more to show unless what is left starts outside ASCII (a Unicode space).
    if (i === a.length) return b.charCodeAt(j) >= 0x80;
    if (j === b.length) return a.charCodeAt(i) >= 0x80;
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (x >= 0x80 || y >= 0x80) return true;
    // Different ASCII characters stay different unless a combining mark after one of them changes it.
    if (x !== y) return nonAsciiAfter(a, i) || nonAsciiAfter(b, j);
    i += 1;
    j += 1;
  }
}

function nonAsciiAfter(text: string, k: number): boolean {
  return k + 1 < text.length && text.charCodeAt(k + 1) >= 0x80;
}

// What \s matches below U+0080: tab, line feed, vertical tab, form feed, carriage return and space.
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

// What is left to translate once document symbols, e-mail addresses, web addresses, numbers and punctuation
// are gone: "CTOC/COP/2018/1." or "Ms. Ana López (Spain)" are the same in both languages, "Report of the
// Secretary-General" is not.
function wordsOf(text: string): string {
  return blankDocumentSymbols(text)
    .replace(/\S+@\S+|https?:\/\/\S+|www\.\S+/giu, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}
