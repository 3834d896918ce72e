import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../../src/core/align/align-documents.js';
import { parseDocument } from '../../../src/core/parse/parse-document.js';
import { applyEdits } from '../../../src/core/review/apply-edits.js';
import { deriveBlockBeads } from '../../../src/core/review/derive-block-beads.js';
import { segmentDocument } from '../../../src/core/segment/segment-document.js';
import { startReview } from '../../../src/core/review/start-review.js';
import { alignmentOf, oneToOne, startEditing } from './review-fixture.js';

const corpora = resolve(import.meta.dirname, '..', '..', '..', 'corpora');
const markdownPairs = readdirSync(corpora, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => readdirSync(join(corpora, name)).includes('fr.md'));

function align(name: string) {
  const read = (language: string) =>
    segmentDocument(
      parseDocument(readFileSync(join(corpora, name, `${language}.md`), 'utf8'), { language, format: 'markdown' }),
    );
  return alignDocuments(read('fr'), read('en'));
}

describe('deriveBlockBeads', () => {
  it('has corpora to derive from', () => {
    expect(markdownPairs.length).toBeGreaterThanOrEqual(3);
  });

  it.each(markdownPairs)("gives back the aligner's block beads for its own sentence beads (%s)", (name) => {
    const alignment = align(name);
    const beads = startReview(alignment.sentences, 1);
    expect(deriveBlockBeads(alignment.blocks, beads, alignment.source, alignment.target)).toEqual(alignment.blocks);
  });

  it('joins the block beads a merged sentence bead spans, and splits them again when the merge is undone', () => {
    // Ten sentences a paragraph: sentence beads 9 and 10 lie in block beads 0 and 1.
    const alignment = alignmentOf(25, oneToOne(25));
    const { beads, context } = startEditing(alignment);
    const merged = applyEdits(beads, [{ op: 'merge', bead: 9 }], context);
    const blocks = deriveBlockBeads(alignment.blocks, merged, alignment.source, alignment.target);
    expect(blocks.map((bead) => [bead.source, bead.target])).toEqual([
      [
        [0, 1],
        [0, 1],
      ],
      [[2], [2]],
    ]);
    expect(blocks[0]).toMatchObject({ method: 'label', confidence: 1 });
    expect(blocks[1]).toBe(alignment.blocks[2]);
    expect(deriveBlockBeads(alignment.blocks, beads, alignment.source, alignment.target)).toEqual(alignment.blocks);
  });

  it('joins every block bead between the two ends of a bead, with the least confidence and content method', () => {
    const alignment = alignmentOf(30, oneToOne(30));
    alignment.blocks[1] = { source: [1], target: [1], method: 'content', confidence: 0.4 };
    // Source sentence 5 (block 0) with target sentences 5-25 (blocks 0-2).
    const beads = startReview(
      [
        ...oneToOne(5).map(([source, target]) => ({ source, target, confidence: 1 })),
        { source: [5], target: Array.from({ length: 21 }, (_, i) => i + 5), confidence: 1 },
        { source: Array.from({ length: 24 }, (_, i) => i + 6), target: [26, 27, 28, 29], confidence: 1 },
      ],
      1,
    );
    const blocks = deriveBlockBeads(alignment.blocks, beads, alignment.source, alignment.target);
    expect(blocks).toEqual([{ source: [0, 1, 2], target: [0, 1, 2], confidence: 0.4, method: 'content' }]);
  });
});
