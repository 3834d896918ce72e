/**
 * Scoring against the corpora/ gold files, whose beads name sentences by their text (so a gold file does
 * not depend on our splitter) and whose paragraphs name blocks by label path.
 */
import type { Alignment, Bead, SegmentedDocument } from '../model.js';
import { scoreAlignments, type AlignmentScores } from './score-alignment.js';

/** A corpora/ gold file (see corpora/README.md). */
export interface CorpusGold {
  description: string;
  source: string;
  target: string;
  paragraphs: { fr: string | null; en: string | null }[];
  sentences: { fr: string[]; en: string[] }[];
}

/** Scores of one corpus pair. */
export interface CorpusScores {
  sentences: AlignmentScores;
  /** Gold sentences our splitter produced exactly, per side, over all gold sentences. */
  segmentation: { matched: number; total: number };
  /** Gold paragraph pairs reproduced by the block alignment. */
  paragraphs: { matched: number; total: number; misses: string[] };
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

// Gold sentence → our sentence index by text, in order, resynchronising over a few sentences.
function mapSentences(gold: readonly string[], document: SegmentedDocument): (number | null)[] {
  const ours = document.sentences.map((s) => normalise(s.text));
  const mapped: (number | null)[] = [];
  let cursor = 0;
  for (const text of gold.map(normalise)) {
    let found: number | null = null;
    for (let k = cursor; k < Math.min(ours.length, cursor + 8); k++) {
      if (ours[k] === text) {
        found = k;
        break;
      }
    }
    mapped.push(found);
    if (found !== null) cursor = found + 1;
  }
  return mapped;
}

/** Scores an alignment (French source, English target) against a corpus gold file. */
export function scoreAgainstCorpusGold(alignment: Alignment, gold: CorpusGold): CorpusScores {
  const sourceMap = mapSentences(
    gold.sentences.flatMap((b) => b.fr),
    alignment.source,
  );
  const targetMap = mapSentences(
    gold.sentences.flatMap((b) => b.en),
    alignment.target,
  );
  let s = 0;
  let t = 0;
  const goldBeads: Bead[] = gold.sentences.map((bead) => {
    const source = bead.fr.map(() => sourceMap[s++] ?? null);
    const target = bead.en.map(() => targetMap[t++] ?? null);
    // A gold bead our splitter did not reproduce can never be matched: -1 marks it.
    return { source: source.map((i) => i ?? -1), target: target.map((j) => j ?? -1) };
  });
  const sentences = scoreAlignments([{ gold: goldBeads, test: alignment.sentences }]);
  const matched = sourceMap.filter((i) => i !== null).length + targetMap.filter((j) => j !== null).length;

  const ourPairs = new Set<string>();
  for (const bead of alignment.blocks) {
    const sourcePaths = bead.source.map((b) => alignment.source.blocks[b]?.path).filter((p): p is string => !!p);
    const targetPaths = bead.target.map((b) => alignment.target.blocks[b]?.path).filter((p): p is string => !!p);
    for (const p of sourcePaths) {
      if (targetPaths.length === 0) ourPairs.add(`${p}→null`);
      for (const q of targetPaths) ourPairs.add(`${p}→${q}`);
    }
    if (sourcePaths.length === 0) for (const q of targetPaths) ourPairs.add(`null→${q}`);
  }
  const misses = gold.paragraphs.map((p) => `${p.fr}→${p.en}`).filter((key) => !ourPairs.has(key));
  return {
    sentences,
    segmentation: { matched, total: sourceMap.length + targetMap.length },
    paragraphs: { matched: gold.paragraphs.length - misses.length, total: gold.paragraphs.length, misses },
  };
}
