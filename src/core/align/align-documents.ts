/**
 * Aligns two segmented documents: blocks first (labels, then content), then the sentences inside each
 * aligned block group, with one lexicon learned over the whole document.
 */
import type { Alignment, BlockBead, ScoredBead, SegmentedDocument } from '../model.js';
import { tokenizeBlocks } from './block-tokens.js';
import { tokenizeSide, type Lexicon } from './features.js';
import { alignBlocks } from './paragraphs.js';
import { alignSentences, type SpanPair } from './sentences.js';
import type { StoreLexicon } from './store-lexicon.js';

/** Options of document alignment. */
export interface DocumentAlignmentOptions {
  /** User dictionary: folded target word → folded source words. */
  dictionary?: Lexicon;
  /** What earlier alignments in the same language pair teach; see {@link SentenceAlignmentInput.storeLexicon}. */
  storeLexicon?: StoreLexicon;
}

// The sentences of a run of consecutive blocks are consecutive too: their range is [first, last + 1).
function sentenceRange(
  document: SegmentedDocument,
  blockIndices: readonly number[],
  firstSentenceOfBlock: Int32Array,
): { start: number; end: number } {
  if (blockIndices.length === 0) return { start: 0, end: 0 };
  const first = blockIndices[0] as number;
  const last = blockIndices.at(-1) as number;
  return { start: firstSentenceOfBlock[first] as number, end: firstSentenceOfBlock[last + 1] as number };
}

function firstSentences(document: SegmentedDocument): Int32Array {
  const first = new Int32Array(document.blocks.length + 1).fill(-1);
  first[document.blocks.length] = document.sentences.length;
  for (let k = document.sentences.length - 1; k >= 0; k--)
    first[(document.sentences[k] as { block: number }).block] = k;
  // Blocks without sentences start where the next block starts.
  for (let b = document.blocks.length - 1; b >= 0; b--) if ((first[b] as number) < 0) first[b] = first[b + 1] as number;
  return first;
}

// The first sentence of each block that has sentences (an empty block starts where the next one does).
function blockStarts(firstSentenceOfBlock: Int32Array): number[] {
  const starts: number[] = [];
  for (let b = 0; b + 1 < firstSentenceOfBlock.length; b++) {
    if ((firstSentenceOfBlock[b] as number) < (firstSentenceOfBlock[b + 1] as number))
      starts.push(firstSentenceOfBlock[b] as number);
  }
  return starts;
}

/** Aligns two documents; block and sentence beads each cover both sides completely, in order. */
export function alignDocuments(
  source: SegmentedDocument,
  target: SegmentedDocument,
  options: DocumentAlignmentOptions = {},
): Alignment {
  const sourceFirst = firstSentences(source);
  const targetFirst = firstSentences(target);
  const sourceTexts = source.sentences.map((s) => s.text);
  const targetTexts = target.sentences.map((s) => s.text);
  // Each side's text is tokenized once: the blocks' tokens are their sentences'.
  const sentenceTokens = { source: tokenizeSide(sourceTexts), target: tokenizeSide(targetTexts) };
  const blockTokens = {
    source: tokenizeBlocks(
      source.blocks.map((b) => b.text),
      sourceTexts,
      sentenceTokens.source,
      sourceFirst,
    ),
    target: tokenizeBlocks(
      target.blocks.map((b) => b.text),
      targetTexts,
      sentenceTokens.target,
      targetFirst,
    ),
  };
  const blockBeads = alignBlocks(source.blocks, target.blocks, blockTokens);
  const spans: SpanPair[] = blockBeads.map((bead) => ({
    source: sentenceRange(source, bead.source, sourceFirst),
    target: sentenceRange(target, bead.target, targetFirst),
  }));
  // Spans of one-sided or empty block beads still place their sentences at the right point.
  let sourceCursor = 0;
  let targetCursor = 0;
  for (const span of spans) {
    if (span.source.end === span.source.start) span.source = { start: sourceCursor, end: sourceCursor };
    if (span.target.end === span.target.start) span.target = { start: targetCursor, end: targetCursor };
    sourceCursor = span.source.end;
    targetCursor = span.target.end;
  }
  const sentences = alignSentences({
    source: sourceTexts,
    target: targetTexts,
    tokens: sentenceTokens,
    spans,
    // Inside a span, block boundaries are paragraph boundaries: soft evidence, as hunalign's <p>.
    sourceParagraphStarts: blockStarts(sourceFirst),
    targetParagraphStarts: blockStarts(targetFirst),
    ...(options.dictionary ? { dictionary: options.dictionary } : {}),
    ...(options.storeLexicon ? { storeLexicon: options.storeLexicon } : {}),
  });
  const scored = withBlockConfidence(sentences, blockBeads, source, target);
  return { source, target, blocks: withSentenceConfidence(blockBeads, scored, source), sentences: scored };
}

// Sentence posteriors are conditional on the spans: where the blocks were paired by content, not by a label, a
// sentence bead is right only if that pairing is, so its confidence is the product of the two.
function withBlockConfidence(
  sentences: readonly ScoredBead[],
  blocks: readonly BlockBead[],
  source: SegmentedDocument,
  target: SegmentedDocument,
): ScoredBead[] {
  const beadOfSource = new Int32Array(source.blocks.length).fill(-1);
  const beadOfTarget = new Int32Array(target.blocks.length).fill(-1);
  blocks.forEach((bead, k) => {
    for (const b of bead.source) beadOfSource[b] = k;
    for (const b of bead.target) beadOfTarget[b] = k;
  });
  // Every sentence bead lies inside one span, that is one block bead: either side's first sentence finds it.
  const blockBeadOf = (bead: ScoredBead): BlockBead | undefined => {
    const i = bead.source[0];
    const j = bead.target[0];
    if (i !== undefined) return blocks[beadOfSource[source.sentences[i]?.block ?? -1] ?? -1];
    return j === undefined ? undefined : blocks[beadOfTarget[target.sentences[j]?.block ?? -1] ?? -1];
  };
  return sentences.map((bead) => {
    const block = blockBeadOf(bead);
    return block?.method === 'content' ? { ...bead, confidence: bead.confidence * block.confidence } : bead;
  });
}

// A block bead anchored on a label is only as trustworthy as the sentences inside it agree.
function withSentenceConfidence(
  blocks: BlockBead[],
  sentences: readonly ScoredBead[],
  source: SegmentedDocument,
): BlockBead[] {
  const confidenceByBlock = new Map<number, number[]>();
  for (const bead of sentences) {
    const first = bead.source[0];
    if (first === undefined) continue;
    const block = source.sentences[first]?.block;
    if (block === undefined) continue;
    const list = confidenceByBlock.get(block) ?? [];
    list.push(bead.confidence);
    confidenceByBlock.set(block, list);
  }
  return blocks.map((bead) => {
    if (bead.method !== 'label') return bead;
    const values = bead.source.flatMap((b) => confidenceByBlock.get(b) ?? []);
    if (values.length === 0) return bead;
    return { ...bead, confidence: Math.min(...values) };
  });
}
