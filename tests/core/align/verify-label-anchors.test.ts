import { describe, expect, it } from 'vitest';
import { labelAnchorMargins, verifyLabelAnchors } from '../../../src/core/align/verify-label-anchors.js';

const anchors = [0, 1, 2, 3].map((k) => ({ source: k, target: k }));
const sizes = { source: 5, target: 5 };

describe('verifyLabelAnchors', () => {
  it('keeps anchors whose content fits best', () => {
    const score = (s: number, t: number): number => (s === t ? 5 : -5);
    expect(verifyLabelAnchors(anchors, score, sizes)).toEqual({ kept: anchors, rejected: [] });
  });

  it('rejects the anchors after a renumbering, where each block fits the next label better', () => {
    // Source block k is the translation of target block k + 1 from block 2 on.
    const score = (s: number, t: number): number => (s < 2 ? (s === t ? 5 : -5) : t === s + 1 ? 5 : -5);
    const { kept, rejected } = verifyLabelAnchors(anchors, score, sizes);
    expect(kept).toEqual(anchors.slice(0, 2));
    expect(rejected).toEqual(anchors.slice(2));
    expect(labelAnchorMargins(anchors, score, sizes).map((m) => m > 0)).toEqual([false, false, true, true]);
  });

  it('looks for the true partner up to the next anchor, past sub-paragraphs', () => {
    // Anchors (0, 0) and (1, 4): source 0 is the translation of target 3, three blocks away.
    const far = [
      { source: 0, target: 0 },
      { source: 1, target: 4 },
    ];
    const score = (s: number, t: number): number => (s === 0 && t === 3 ? 5 : s === 1 && t === 4 ? 5 : -5);
    expect(verifyLabelAnchors(far, score, sizes).rejected).toEqual([far[0]]);
  });

  it('keeps unchecked the anchors that have no content to compare', () => {
    const score = (s: number, t: number): number => (t === s + 1 ? 5 : -5);
    expect(verifyLabelAnchors(anchors, score, sizes, (anchor) => anchor.source === 3).kept).toEqual(
      anchors.slice(0, 3),
    );
  });
});
