import type { Bead } from '../model.js';

/** Precision, recall and F1 of one measure. */
export interface PrecisionRecall {
  /** Correct test units over all test units. */
  precision: number;
  /** Correct gold units over all gold units. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
}

/** Raw counts behind the three measures, summed over documents (micro-average). */
export interface AlignmentCounts {
  /** Strict true positives / false positives on the test side. */
  strictPrecisionHits: number;
  strictPrecisionTotal: number;
  /** Strict hits / total over gold beads with both sides non-empty. */
  strictRecallHits: number;
  strictRecallTotal: number;
  laxPrecisionHits: number;
  laxPrecisionTotal: number;
  laxRecallHits: number;
  laxRecallTotal: number;
  /** Shared (source, target) links, links in test, links in gold. */
  linkHits: number;
  linkTest: number;
  linkGold: number;
}

/** Strict, lax and link scores as defined in ../shared/ALIGNMENT.md (Vecalign's scorer). */
export interface AlignmentScores {
  strict: PrecisionRecall;
  lax: PrecisionRecall;
  link: PrecisionRecall;
  counts: AlignmentCounts;
}

type Key = string;

function beadKey(bead: Bead): Key {
  return `${[...bead.source].sort((a, b) => a - b).join(',')}:${[...bead.target].sort((a, b) => a - b).join(',')}`;
}

function isEmpty(bead: Bead): boolean {
  return bead.source.length === 0 && bead.target.length === 0;
}

function isLinking(bead: Bead): boolean {
  return bead.source.length > 0 && bead.target.length > 0;
}

/** Counts one document's test beads against its gold beads; add counts across documents with {@link addCounts}. */
export function countAlignment(gold: readonly Bead[], test: readonly Bead[]): AlignmentCounts {
  const goldBeads = gold.filter((b) => !isEmpty(b));
  const testBeads = test.filter((b) => !isEmpty(b));
  const goldKeys = new Set(goldBeads.map(beadKey));
  const testKeys = new Set(testBeads.map(beadKey));

  // "Shares a link" = intersects some bead of the other side on both sides (vecalign score.py).
  const linkSet = (beads: readonly Bead[]): Set<string> => {
    const links = new Set<string>();
    for (const b of beads) for (const s of b.source) for (const t of b.target) links.add(`${s}:${t}`);
    return links;
  };
  const goldLinks = linkSet(goldBeads);
  const testLinks = linkSet(testBeads);
  const sharesLink = (bead: Bead, links: Set<string>): boolean =>
    bead.source.some((s) => bead.target.some((t) => links.has(`${s}:${t}`)));

  let strictP = 0;
  let laxP = 0;
  for (const b of testBeads) {
    if (goldKeys.has(beadKey(b))) {
      strictP += 1;
      laxP += 1;
    } else if (sharesLink(b, goldLinks)) {
      laxP += 1;
    }
  }
  const goldPlus = goldBeads.filter(isLinking);
  let strictR = 0;
  let laxR = 0;
  for (const b of goldPlus) {
    if (testKeys.has(beadKey(b))) {
      strictR += 1;
      laxR += 1;
    } else if (sharesLink(b, testLinks)) {
      laxR += 1;
    }
  }
  let linkHits = 0;
  for (const l of testLinks) if (goldLinks.has(l)) linkHits += 1;

  return {
    strictPrecisionHits: strictP,
    strictPrecisionTotal: testBeads.length,
    strictRecallHits: strictR,
    strictRecallTotal: goldPlus.length,
    laxPrecisionHits: laxP,
    laxPrecisionTotal: testBeads.length,
    laxRecallHits: laxR,
    laxRecallTotal: goldPlus.length,
    linkHits,
    linkTest: testLinks.size,
    linkGold: goldLinks.size,
  };
}

/** Sums counts field by field (micro-averaging over documents). */
export function addCounts(a: AlignmentCounts, b: AlignmentCounts): AlignmentCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof AlignmentCounts)[]) sum[key] = a[key] + b[key];
  return sum;
}

function precisionRecall(hitsP: number, totalP: number, hitsR: number, totalR: number): PrecisionRecall {
  const precision = totalP === 0 ? 0 : hitsP / totalP;
  const recall = totalR === 0 ? 0 : hitsR / totalR;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Turns summed counts into strict, lax and link precision/recall/F1. */
export function scoresFromCounts(c: AlignmentCounts): AlignmentScores {
  return {
    strict: precisionRecall(c.strictPrecisionHits, c.strictPrecisionTotal, c.strictRecallHits, c.strictRecallTotal),
    lax: precisionRecall(c.laxPrecisionHits, c.laxPrecisionTotal, c.laxRecallHits, c.laxRecallTotal),
    link: precisionRecall(c.linkHits, c.linkTest, c.linkHits, c.linkGold),
    counts: c,
  };
}

/** Scores one or more documents at once: `pairs` holds each document's gold and test beads. */
export function scoreAlignments(pairs: readonly { gold: readonly Bead[]; test: readonly Bead[] }[]): AlignmentScores {
  const zero: AlignmentCounts = countAlignment([], []);
  return scoresFromCounts(pairs.reduce((acc, p) => addCounts(acc, countAlignment(p.gold, p.test)), zero));
}
