/**
 * Scoring against paragraph-level gold (structural markup such as the UDHR's articles and list items): each
 * gold paragraph pair should come out as a group of sentence beads that stays inside that pair.
 */
import type { Alignment, SegmentedDocument } from '../model.js';

/** One gold paragraph pair, named by its text; null for a paragraph that only one side has. */
export interface ParagraphGoldPair {
  source: string | null;
  target: string | null;
}

/** How many gold paragraph pairs an alignment kept together, and how many of its beads stayed inside one. */
export interface ParagraphGoldScores {
  /** Gold pairs whose sentences are aligned only with each other (a one-sided paragraph: with nothing). */
  kept: number;
  total: number;
  /** Beads with sentences on both sides whose sentences all belong to one gold pair. */
  beadsInside: number;
  beads: number;
  /** The same for the beads of confidence at least {@link CONFIDENT}: an upper bound on their precision. */
  confidentInside: number;
  confident: number;
  /** Sentences that no gold paragraph contains (front matter of a file, or a splitter that changed the text). */
  unmapped: number;
  /** The gold pairs not kept, as "source text → target text", shortened. */
  misses: string[];
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The confidence from which a bead is counted as confident (the README's reliability threshold). */
export const CONFIDENT = 0.9;

// How far past the end of the previous sentence the next one may start in the same gold paragraph: a label such
// as " (a) " removed by the parser lies between them when the gold joins several lines into one paragraph.
const CONTINUATION_SLACK = 12;

/**
 * For each sentence, the gold pair whose paragraph on this side contains it; -1 if none. Sentences go on in the
 * current paragraph; otherwise the next one found starts a paragraph (searched forwards, then from the top, since
 * gold pairs need not follow this side's order); failing that, any paragraph containing it.
 */
function pairOfSentences(
  document: SegmentedDocument,
  paragraphs: ReadonlyArray<{ pair: number; text: string }>,
): Int32Array {
  const owner = new Int32Array(document.sentences.length).fill(-1);
  // The first paragraph after p, going round to the top, that passes the test; -1 if none.
  const nextWhere = (p: number, test: (text: string) => boolean): number => {
    for (let step = 1; step <= paragraphs.length; step++) {
      const q = (((p + step) % paragraphs.length) + paragraphs.length) % paragraphs.length;
      if (test((paragraphs[q] as { text: string }).text)) return q;
    }
    return -1;
  };
  let p = -1;
  let from = 0;
  document.sentences.forEach((sentence, k) => {
    const text = normalise(sentence.text);
    if (text === '') return;
    const current = paragraphs[p];
    const at = current ? current.text.indexOf(text, from) : -1;
    let found = at >= 0 && at - from <= CONTINUATION_SLACK ? p : -1;
    let position = at;
    if (found < 0) {
      found = nextWhere(p, (paragraph) => paragraph.startsWith(text));
      position = 0;
    }
    if (found < 0) {
      found = nextWhere(p, (paragraph) => paragraph.includes(text));
      position = found >= 0 ? (paragraphs[found] as { text: string }).text.indexOf(text) : -1;
    }
    // A sentence of front matter, or one our parser glued to a heading, belongs to none: the walk stays put.
    if (found < 0) return;
    owner[k] = (paragraphs[found] as { pair: number }).pair;
    p = found;
    from = position + text.length;
  });
  return owner;
}

function sideParagraphs(
  gold: readonly ParagraphGoldPair[],
  side: 'source' | 'target',
): { pair: number; text: string }[] {
  return gold.flatMap((pair, index) => {
    const text = pair[side];
    return text === null ? [] : [{ pair: index, text: normalise(text) }];
  });
}

const shorten = (s: string | null): string => (s === null ? '∅' : s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Scores the sentence beads of an alignment against gold paragraph pairs. */
export function scoreAgainstParagraphGold(
  alignment: Alignment,
  gold: readonly ParagraphGoldPair[],
): ParagraphGoldScores {
  const sourceOwner = pairOfSentences(alignment.source, sideParagraphs(gold, 'source'));
  const targetOwner = pairOfSentences(alignment.target, sideParagraphs(gold, 'target'));
  // A pair is broken when a bead holds one of its sentences together with a sentence of another pair, or of none.
  const broken = new Uint8Array(gold.length);
  const seen = new Uint8Array(gold.length);
  let beadsInside = 0;
  let beads = 0;
  let confidentInside = 0;
  let confident = 0;
  for (const bead of alignment.sentences) {
    const owners = new Set([
      ...bead.source.map((i) => sourceOwner[i] as number),
      ...bead.target.map((j) => targetOwner[j] as number),
    ]);
    const sole = owners.size === 1 ? ([...owners][0] as number) : -1;
    for (const owner of owners) if (owner >= 0) seen[owner] = 1;
    if (sole < 0) for (const owner of owners) if (owner >= 0) broken[owner] = 1;
    if (sole >= 0) {
      const pair = gold[sole] as ParagraphGoldPair;
      // A bead inside a two-sided pair must hold both sides: an unaligned sentence of it breaks the pair.
      const oneSided = bead.source.length === 0 || bead.target.length === 0;
      if (oneSided && pair.source !== null && pair.target !== null) broken[sole] = 1;
    }
    if (bead.source.length > 0 && bead.target.length > 0) {
      beads += 1;
      if (sole >= 0) beadsInside += 1;
      if (bead.confidence >= CONFIDENT) {
        confident += 1;
        if (sole >= 0) confidentInside += 1;
      }
    }
  }
  const misses: string[] = [];
  gold.forEach((pair, index) => {
    if (broken[index] === 1 || seen[index] === 0) misses.push(`${shorten(pair.source)} → ${shorten(pair.target)}`);
  });
  const unmapped = [...sourceOwner, ...targetOwner].filter((owner) => owner < 0).length;
  return {
    kept: gold.length - misses.length,
    total: gold.length,
    beadsInside,
    beads,
    confidentInside,
    confident,
    unmapped,
    misses,
  };
}
