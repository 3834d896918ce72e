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
  /** Sentences that no gold paragraph contains (front matter of a file, or a splitter that changed the text). */
  unmapped: number;
  /** The gold pairs not kept, as "source text → target text", shortened. */
  misses: string[];
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

// For each sentence, the gold pair whose paragraph on this side contains it, in document order; -1 if none.
function pairOfSentences(document: SegmentedDocument, paragraphs: ReadonlyArray<{ pair: number; text: string }>): Int32Array {
  const owner = new Int32Array(document.sentences.length).fill(-1);
  let p = 0;
  let from = 0;
  document.sentences.forEach((sentence, k) => {
    const text = normalise(sentence.text);
    // A sentence of front matter, or one our parser glued to a heading, belongs to none: the walk stays put.
    for (let q = p; q < paragraphs.length; q++) {
      const paragraph = paragraphs[q] as { pair: number; text: string };
      const at = paragraph.text.indexOf(text, q === p ? from : 0);
      if (at < 0) continue;
      owner[k] = paragraph.pair;
      p = q;
      from = at + text.length;
      return;
    }
  });
  return owner;
}

function sideParagraphs(gold: readonly ParagraphGoldPair[], side: 'source' | 'target'): { pair: number; text: string }[] {
  return gold.flatMap((pair, index) => {
    const text = pair[side];
    return text === null ? [] : [{ pair: index, text: normalise(text) }];
  });
}

const shorten = (s: string | null): string => (s === null ? '∅' : s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Scores the sentence beads of an alignment against gold paragraph pairs. */
export function scoreAgainstParagraphGold(alignment: Alignment, gold: readonly ParagraphGoldPair[]): ParagraphGoldScores {
  const sourceOwner = pairOfSentences(alignment.source, sideParagraphs(gold, 'source'));
  const targetOwner = pairOfSentences(alignment.target, sideParagraphs(gold, 'target'));
  // A pair is broken when a bead holds one of its sentences together with a sentence of another pair, or of none.
  const broken = new Uint8Array(gold.length);
  const seen = new Uint8Array(gold.length);
  let beadsInside = 0;
  let beads = 0;
  for (const bead of alignment.sentences) {
    const owners = new Set([...bead.source.map((i) => sourceOwner[i] as number), ...bead.target.map((j) => targetOwner[j] as number)]);
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
    }
  }
  const misses: string[] = [];
  gold.forEach((pair, index) => {
    if (broken[index] === 1 || seen[index] === 0) misses.push(`${shorten(pair.source)} → ${shorten(pair.target)}`);
  });
  const unmapped = [...sourceOwner, ...targetOwner].filter((owner) => owner < 0).length;
  return { kept: gold.length - misses.length, total: gold.length, beadsInside, beads, unmapped, misses };
}
