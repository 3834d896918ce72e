/** Two of the languages of an n-way alignment as a pairwise alignment, which every pair exporter and report reads. */
import type { Alignment, BlockBead, LanguageCode, MultiAlignment, MultiUnit, ScoredBead } from '../model.js';
import { blockKey, mergePivotBlocks, mergePivotSentences, sentenceKey } from './merge-pivot-alignments.js';

/**
 * The alignment of `source` with `target`, both languages of `multi`. With the pivot among them it is the pairwise
 * alignment itself (turned round when the pivot is the source); otherwise the two versions' beads are merged
 * through the pivot alone, so that the units are no coarser than these two languages need.
 */
export function projectPair(multi: MultiAlignment, source: LanguageCode, target: LanguageCode): Alignment {
  const documentOf = (language: LanguageCode): Alignment['source'] => {
    const found = multi.documents.find((document) => document.language === language);
    if (found === undefined) {
      const languages = multi.documents.map((document) => document.language).join(', ');
      throw new RangeError(`${language} is not one of the aligned languages (${languages})`);
    }
    return found;
  };
  const sourceDocument = documentOf(source);
  const targetDocument = documentOf(target);
  if (source === target) throw new RangeError(`A pair needs two languages, not ${source} twice`);
  const pairOf = (language: LanguageCode): Alignment | undefined =>
    multi.pairs.find((pair) => pair.source.language === language);
  if (target === multi.pivot) return pairOf(source) as Alignment;
  if (source === multi.pivot) return turnRound(pairOf(target) as Alignment);
  const versions = [pairOf(source), pairOf(target)].filter((pair) => pair !== undefined);
  const pivotDocument = documentOf(multi.pivot);
  const blocks = mergePivotBlocks(
    { language: multi.pivot, count: pivotDocument.blocks.length },
    versions.map((pair) => ({ language: pair.source.language, beads: pair.blocks, keyOf: blockKey(pair.source) })),
  );
  const sentences = mergePivotSentences(
    { language: multi.pivot, count: pivotDocument.sentences.length },
    versions.map((pair) => ({
      language: pair.source.language,
      beads: pair.sentences,
      keyOf: sentenceKey(pair.source),
    })),
  );
  const toBead = (unit: MultiUnit): ScoredBead => ({
    source: unit.segments[source] ?? [],
    target: unit.segments[target] ?? [],
    confidence: unit.confidence,
  });
  const isPaired = (bead: ScoredBead): boolean => bead.source.length + bead.target.length > 0;
  return {
    source: sourceDocument,
    target: targetDocument,
    blocks: blocks.map((unit): BlockBead => ({ ...toBead(unit), method: unit.method })).filter(isPaired),
    sentences: sentences.map(toBead).filter(isPaired),
  };
}

function turnRound(alignment: Alignment): Alignment {
  const swap = <B extends ScoredBead>(bead: B): B => ({ ...bead, source: bead.target, target: bead.source });
  return {
    source: alignment.target,
    target: alignment.source,
    blocks: alignment.blocks.map(swap),
    sentences: alignment.sentences.map(swap),
  };
}
