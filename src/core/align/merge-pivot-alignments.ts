/**
 * Merges the pairwise alignments of several versions with one pivot version into n-way units. Each version's beads
 * group pivot segments; a unit is the union of every version's groups that share a pivot segment, so that all
 * languages agree on where a unit starts and ends. Segments with no pivot counterpart (1-0 beads) stay units of
 * their own, unless they fall inside a unit that another version widened, or other versions' segments at the same
 * place carry the same label.
 */
import type {
  Alignment,
  BlockBead,
  LanguageCode,
  LinkMethod,
  MultiAlignment,
  MultiBlockUnit,
  MultiUnit,
  ScoredBead,
  SegmentedDocument,
} from '../model.js';

/** The pivot of a merge: its language and how many segments (sentences or blocks) it has. */
export interface PivotSide {
  /** ISO 639-1 code of the pivot version. */
  language: LanguageCode;
  /** Number of pivot segments; bead `target` indices are in [0, count). */
  count: number;
}

/** One version's beads against the pivot: `source` indices are the version's own, `target` the pivot's. */
export interface VersionBeads<B extends ScoredBead> {
  /** ISO 639-1 code of the version; distinct from the pivot's and the other versions'. */
  language: LanguageCode;
  /** Beads covering both sides in order, as the aligner returns them. */
  beads: readonly B[];
  /**
   * A language-neutral key of a bead's version segments (their label path), or null. Beads of different versions
   * that have no pivot counterpart, stand at the same place and share a key are one unit: "Article 17" in five
   * versions whose pivot lacks the heading.
   */
  keyOf?: (bead: B) => string | null;
}

/** A merged unit with the beads it was made of. */
interface MergedUnit<B extends ScoredBead> extends MultiUnit {
  beads: B[];
  /** For a unit without pivot segments: the label key its beads share, or null. */
  key?: string | null;
}

// Where each bead of a version goes: the unit holding its pivot segments, or (1-0 beads) the position after pivot
// segment `after` (-1 before the first).
type Placement = { unit: number } | { after: number };

/**
 * Merges `versions` into units over pivot segments, in pivot order; units of version segments with no pivot
 * counterpart come right after the unit they follow, version by version. Every segment of every side is in exactly
 * one unit. With one version, the units are its beads.
 */
function mergeBeads<B extends ScoredBead>(pivot: PivotSide, versions: readonly VersionBeads<B>[]): MergedUnit<B>[] {
  // joined[k]: pivot segments k and k + 1 share a unit because some bead holds both.
  const joined = new Uint8Array(Math.max(pivot.count - 1, 0));
  for (const { beads } of versions) {
    for (const bead of beads) for (const k of bead.target.slice(0, -1)) joined[k] = 1;
  }
  const unitOf = new Int32Array(pivot.count);
  const units: MergedUnit<B>[] = [];
  for (let k = 0; k < pivot.count; k++) {
    if (k === 0 || joined[k - 1] === 0) units.push(emptyUnit(pivot, versions));
    unitOf[k] = units.length - 1;
    (units.at(-1) as MergedUnit<B>).segments[pivot.language]?.push(k);
  }
  // One-sided units waiting after pivot segment k, keyed k + 1 (0 is before the first unit).
  const loose = new Map<number, MergedUnit<B>[]>();
  for (const version of versions) {
    let after = -1;
    // Where this version's last loose unit stands in its place's list: its next ones come after it, so that the
    // version's segments stay in order.
    let lastPlace = -1;
    let lastIndex = -1;
    for (const bead of version.beads) {
      const place = placeBead(bead, after, joined, unitOf);
      if (bead.target.length > 0) after = bead.target.at(-1) as number;
      if ('unit' in place) {
        addBead(units[place.unit] as MergedUnit<B>, version.language, bead);
        continue;
      }
      const list = loose.get(place.after + 1) ?? [];
      if (lastPlace !== place.after + 1) lastIndex = -1;
      const key = version.keyOf?.(bead) ?? null;
      // Nothing but the label ties segments the pivot lacks together; without one, each stays a unit of its own.
      const same =
        key === null
          ? -1
          : list.findIndex(
              (unit, k) => k > lastIndex && unit.key === key && (unit.segments[version.language] ?? []).length === 0,
            );
      const unit = list[same] ?? { ...emptyUnit(pivot, versions), key };
      addBead(unit, version.language, bead);
      if (same < 0) list.push(unit);
      lastPlace = place.after + 1;
      lastIndex = same < 0 ? list.length - 1 : same;
      loose.set(lastPlace, list);
    }
  }
  const ordered: MergedUnit<B>[] = [...(loose.get(0) ?? [])];
  for (const unit of units) {
    ordered.push(unit);
    const last = unit.segments[pivot.language]?.at(-1) as number;
    ordered.push(...(loose.get(last + 1) ?? []));
  }
  return ordered;
}

function placeBead(bead: ScoredBead, after: number, joined: Uint8Array, unitOf: Int32Array): Placement {
  const first = bead.target[0];
  if (first !== undefined) return { unit: unitOf[first] as number };
  // A 1-0 bead between two pivot segments that share a unit lies inside that unit: the version's segments stay
  // contiguous there, and splitting them out would put them out of order.
  return after >= 0 && joined[after] === 1 ? { unit: unitOf[after] as number } : { after };
}

function emptyUnit<B extends ScoredBead>(pivot: PivotSide, versions: readonly VersionBeads<B>[]): MergedUnit<B> {
  const segments: Record<LanguageCode, number[]> = { [pivot.language]: [] };
  for (const { language } of versions) segments[language] = [];
  return { segments, confidence: 1, beads: [] };
}

function addBead<B extends ScoredBead>(unit: MergedUnit<B>, language: LanguageCode, bead: B): void {
  unit.segments[language]?.push(...bead.source);
  unit.confidence = Math.min(unit.confidence, bead.confidence);
  unit.beads.push(bead);
}

function withoutBeads<B extends ScoredBead>(unit: MergedUnit<B>): MultiUnit {
  return { segments: unit.segments, confidence: unit.confidence };
}

/** Merges sentence beads of every version against the pivot into n-way sentence units. */
export function mergePivotSentences(pivot: PivotSide, versions: readonly VersionBeads<ScoredBead>[]): MultiUnit[] {
  return mergeBeads(pivot, versions).map(withoutBeads);
}

/** Merges block beads of every version against the pivot into n-way block units, each with how it was found. */
export function mergePivotBlocks(pivot: PivotSide, versions: readonly VersionBeads<BlockBead>[]): MultiBlockUnit[] {
  return mergeBeads(pivot, versions).map((unit) => ({ ...withoutBeads(unit), method: methodOf(unit.beads) }));
}

// A unit is anchored on labels only when every bead pairing text on both sides was; one-sided beads say nothing.
function methodOf(beads: readonly BlockBead[]): LinkMethod {
  const paired = beads.filter((bead) => bead.source.length > 0 && bead.target.length > 0);
  const sole = beads.length === 1 ? beads[0] : undefined;
  if (sole !== undefined) return sole.method;
  return paired.length > 0 && paired.every((bead) => bead.method === 'label') ? 'label' : 'content';
}

/**
 * Builds the n-way alignment of `documents` (the pivot among them, languages distinct) from `pairs`, each other
 * version (source) aligned with the pivot (target).
 */
export function mergePivotAlignments(
  documents: readonly SegmentedDocument[],
  pivot: LanguageCode,
  pairs: readonly Alignment[],
): MultiAlignment {
  const pivotDocument = documents.find((document) => document.language === pivot);
  if (pivotDocument === undefined) throw new RangeError(`No version is in the pivot language ${pivot}`);
  // Each pair's target is the pivot: the same document, or a copy of it read back from a store.
  for (const pair of pairs) {
    const { target } = pair;
    const same =
      target.language === pivot &&
      target.blocks.length === pivotDocument.blocks.length &&
      target.sentences.length === pivotDocument.sentences.length;
    if (!same) throw new RangeError(`The ${pair.source.language} pair is not with the pivot`);
  }
  return {
    pivot,
    documents: [...documents],
    pairs: [...pairs],
    blocks: mergePivotBlocks(
      { language: pivot, count: pivotDocument.blocks.length },
      pairs.map((pair) => ({ language: pair.source.language, beads: pair.blocks, keyOf: blockKey(pair.source) })),
    ),
    sentences: mergePivotSentences(
      { language: pivot, count: pivotDocument.sentences.length },
      pairs.map((pair) => ({ language: pair.source.language, beads: pair.sentences, keyOf: sentenceKey(pair.source) })),
    ),
  };
}

/** The label path of a bead's only block, or null: what ties the blocks of versions the pivot lacks together. */
export function blockKey(document: SegmentedDocument): (bead: ScoredBead) => string | null {
  return (bead) => (bead.source.length === 1 ? (document.blocks[bead.source[0] as number]?.path ?? null) : null);
}

/** The label path of the block holding a bead's sentences, when it is one labelled block holding only them. */
export function sentenceKey(document: SegmentedDocument): (bead: ScoredBead) => string | null {
  return (bead) => {
    const blocks = new Set(bead.source.map((i) => document.sentences[i]?.block));
    const [block] = [...blocks];
    if (blocks.size !== 1 || block === undefined) return null;
    const count = document.sentences.filter((sentence) => sentence.block === block).length;
    return count === bead.source.length ? (document.blocks[block]?.path ?? null) : null;
  };
}
