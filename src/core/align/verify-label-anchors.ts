/**
 * Label anchors checked against content (issue 14): a label pairing is evidence, not truth. When Word renumbers
 * the paragraphs after a dropped one (8 becomes 7 ...), every later label pairs a paragraph with its neighbour's
 * translation; the content says so, because the neighbour fits better.
 */

/** A pair of block indices whose label paths match. */
export interface AnchorPair {
  source: number;
  target: number;
}

/** Anchors kept, and those whose content disagrees. */
export interface VerifiedAnchors {
  /** Label pairs the content does not contradict, in order. */
  kept: AnchorPair[];
  /** Label pairs where a neighbouring pairing fits the content better, in order. */
  rejected: AnchorPair[];
}

/**
 * Keeps the label anchors whose content fits at least as well as any neighbouring pairing. `pairScore(s, t)` is
 * the content log-potential of block s with block t as a 1-1 bead (length, numbers, names, cognates, lexicon:
 * the block scorer of paragraphs.ts). The rivals of anchor k are the blocks from anchor k-1 to anchor k+1 on the
 * other side: after a renumbering the true partner is the next anchor's block, or a block before it when the
 * paragraph between has sub-paragraphs.
 *
 * No margin is added to the comparison: both scores are log-potentials of the same model, so the better one is
 * the more probable pairing. A true anchor beaten by a neighbour is not lost: the blocks go to the content DP,
 * which pairs them again when the content, all things considered, says so.
 */
/**
 * For each anchor, how much better (log-potential) the best rival pairing fits the content than the label pairing;
 * negative when the label pairing fits best. `pairScore(s, t)` is the content log-potential of block s with block t
 * as a 1-1 bead (length, numbers, names, cognates, lexicon: the block scorer of paragraphs.ts). The rivals of
 * anchor k are the blocks from anchor k-1 to anchor k+1 on the other side: after a renumbering the true partner is
 * the next anchor's block, or a block before it when the paragraph between has sub-paragraphs.
 */
export function labelAnchorMargins(
  anchors: readonly AnchorPair[],
  pairScore: (source: number, target: number) => number,
  sizes: { source: number; target: number },
): number[] {
  return anchors.map((anchor, k) => {
    const own = pairScore(anchor.source, anchor.target);
    const previous = anchors[k - 1] ?? { source: -1, target: -1 };
    const next = anchors[k + 1] ?? sizes;
    let best = -Infinity;
    for (let t = Math.max(0, previous.target); t <= Math.min(sizes.target - 1, next.target); t++)
      if (t !== anchor.target) best = Math.max(best, pairScore(anchor.source, t));
    for (let s = Math.max(0, previous.source); s <= Math.min(sizes.source - 1, next.source); s++)
      if (s !== anchor.source) best = Math.max(best, pairScore(s, anchor.target));
    return best - own;
  });
}

/**
 * Keeps the label anchors whose content fits at least as well as any rival pairing (see
 * {@link labelAnchorMargins}); anchors for which `testable` is false (a block that is nothing but its label has no
 * content to disagree with) are kept unchecked.
 *
 * No margin is added to the comparison: both scores are log-potentials of the same model, so the better one is
 * the more probable pairing. Wrong anchors of renumbered documents are beaten by as little as 0.03 (TUNING.md),
 * and a true anchor beaten by a rival is not lost: its blocks go to the content DP, which pairs them again when
 * the content, all things considered, says so.
 */
export function verifyLabelAnchors(
  anchors: readonly AnchorPair[],
  pairScore: (source: number, target: number) => number,
  sizes: { source: number; target: number },
  testable: (anchor: AnchorPair) => boolean = () => true,
): VerifiedAnchors {
  const margins = labelAnchorMargins(anchors, pairScore, sizes);
  const kept: AnchorPair[] = [];
  const rejected: AnchorPair[] = [];
  anchors.forEach((anchor, k) => ((margins[k] ?? 0) > 0 && testable(anchor) ? rejected : kept).push(anchor));
  return { kept, rejected };
}
