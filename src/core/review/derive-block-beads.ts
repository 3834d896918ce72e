/**
 * The paragraph level follows its sentences: a version's block beads are the aligner's, merged wherever a sentence
 * bead of the version holds sentences of two block beads, so every sentence bead lies in exactly one block bead.
 */
import { LinkMethod, type Bead, type BlockBead, type SegmentedDocument } from '../model.js';

/**
 * The block beads of a version whose sentence beads are `sentences`: runs of consecutive `alignerBlocks` joined where
 * a sentence bead spans them (confidence the least of the run's, method `label` only when all were), the others
 * kept as they are. Deterministic, so an undo gives back the same paragraphs.
 */
export function deriveBlockBeads(
  alignerBlocks: readonly BlockBead[],
  sentences: readonly Bead[],
  source: SegmentedDocument,
  target: SegmentedDocument,
): BlockBead[] {
  const sourceBead = blockBeadOfBlock(alignerBlocks, 'source');
  const targetBead = blockBeadOfBlock(alignerBlocks, 'target');
  // joinsNext[k]: block bead k and block bead k + 1 are one paragraph unit in this version.
  const joinsNext = new Array<boolean>(alignerBlocks.length).fill(false);
  for (const bead of sentences) {
    const spanned = [
      ...bead.source.map((s) => sourceBead.get(source.sentences[s]?.block ?? -1)),
      ...bead.target.map((t) => targetBead.get(target.sentences[t]?.block ?? -1)),
    ].filter((k): k is number => k !== undefined);
    if (spanned.length === 0) continue;
    for (let k = Math.min(...spanned); k < Math.max(...spanned); k++) joinsNext[k] = true;
  }
  const derived: BlockBead[] = [];
  let run: BlockBead[] = [];
  for (const [k, bead] of alignerBlocks.entries()) {
    run.push(bead);
    if (joinsNext[k] === true) continue;
    derived.push(run.length === 1 ? bead : joinRun(run));
    run = [];
  }
  return derived;
}

function blockBeadOfBlock(blocks: readonly BlockBead[], side: 'source' | 'target'): Map<number, number> {
  const map = new Map<number, number>();
  blocks.forEach((bead, index) => {
    for (const block of bead[side]) map.set(block, index);
  });
  return map;
}

function joinRun(run: readonly BlockBead[]): BlockBead {
  return {
    source: run.flatMap((bead) => bead.source),
    target: run.flatMap((bead) => bead.target),
    confidence: Math.min(...run.map((bead) => bead.confidence)),
    method: run.every((bead) => bead.method === LinkMethod.label) ? LinkMethod.label : LinkMethod.content,
  };
}
