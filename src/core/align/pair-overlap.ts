/**
 * Word overlap of beads from cached sentence pairs. The DP scores every bead shape ending at every cell, so the
 * same source and target sentences meet in dozens of beads; matching their words once per sentence pair, as
 * bitmasks of matched word positions, turns each bead's measure into a few ORs and bit counts.
 */
import type { KeyStamps, SideFeatures } from './features.js';

/** A mask is two 32-bit words per sentence and pair (the code below ORs and counts exactly two). */
const CHUNKS = 2;
/** Sentences with more content words than this are measured word by word (SimilarityMeter.measureBead). */
export const MAX_MASKED_WORDS = 32 * CHUNKS;
/** Per pair: CHUNKS words for the source sentence's mask, then CHUNKS for the target sentence's. */
const STRIDE = 2 * CHUNKS;
/** A row's window of target sentences grows by at least this much at a time. */
const GROWTH = 16;
/**
 * Rows kept, source sentence i in slot i % ROW_SLOTS (a power of two): the DP moves through the source sentences in
 * order, so a row pushed out by one 64 sentences away is not asked for again, and the few rows of one bead never
 * share a slot.
 */
const ROW_SLOTS = 64;

interface Row {
  /** Target sentences [start, end) have a slot (the arrays may hold more); `known` says which slots are filled. */
  start: number;
  end: number;
  masks: Uint32Array;
  known: Uint8Array;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Matched content words of a bead, the same count as matching word by word over the bead's union of keys. */
export class PairOverlap {
  private readonly rows: (Row | undefined)[] = new Array<Row | undefined>(ROW_SLOTS).fill(undefined);
  /** The source sentence whose row each slot holds, -1 for none. */
  private readonly rowSentence = new Int32Array(ROW_SLOTS).fill(-1);
  /** Arrays of forgotten or outgrown rows, for reuse. */
  private readonly spare: Row[] = [];
  /** The rows of the bead being measured (reused: no allocation per bead). */
  private readonly beadRows: Row[] = [];
  constructor(
    private readonly source: SideFeatures,
    private readonly target: SideFeatures,
    private readonly stamps: KeyStamps,
  ) {}

  /** Whether every sentence of the bead is short enough for masks (absolute indices). */
  fits(i0: number, i1: number, j0: number, j1: number): boolean {
    for (let i = i0; i < i1; i++)
      if ((this.source.wordStart[i + 1] as number) - (this.source.wordStart[i] as number) > MAX_MASKED_WORDS)
        return false;
    for (let j = j0; j < j1; j++)
      if ((this.target.wordStart[j + 1] as number) - (this.target.wordStart[j] as number) > MAX_MASKED_WORDS)
        return false;
    return true;
  }

  /** Content words of the bead that find a counterpart on the other side; the bead must fit(). */
  matched(i0: number, i1: number, j0: number, j1: number): number {
    const rows = this.beadRows;
    for (let i = i0; i < i1; i++) rows[i - i0] = this.row(i, j0, j1);
    let matched = 0;
    for (let i = i0; i < i1; i++) {
      const row = rows[i - i0] as Row;
      let low = 0;
      let high = 0;
      for (let j = j0; j < j1; j++) {
        const at = (j - row.start) * STRIDE;
        low |= row.masks[at] as number;
        high |= row.masks[at + 1] as number;
      }
      matched += bitCount(low) + bitCount(high);
    }
    for (let j = j0; j < j1; j++) {
      let low = 0;
      let high = 0;
      for (let i = i0; i < i1; i++) {
        const row = rows[i - i0] as Row;
        const at = (j - row.start) * STRIDE + CHUNKS;
        low |= row.masks[at] as number;
        high |= row.masks[at + 1] as number;
      }
      matched += bitCount(low) + bitCount(high);
    }
    return matched;
  }

  /** Source sentence i's row, with the pairs (i, j0) .. (i, j1 - 1) filled. */
  private row(i: number, j0: number, j1: number): Row {
    const slot = i & (ROW_SLOTS - 1);
    let row = this.rows[slot];
    if (row && this.rowSentence[slot] !== i) {
      // The slot holds a row far behind (or ahead): its arrays are reused.
      this.spare.push(row);
      row = undefined;
    }
    if (!row || j0 < row.start || j1 > row.end) row = this.widen(i, slot, row, j0, j1);
    for (let j = j0; j < j1; j++) {
      if (row.known[j - row.start] === 1) continue;
      this.fill(i, j, row.masks, (j - row.start) * STRIDE);
      row.known[j - row.start] = 1;
    }
    return row;
  }

  private widen(i: number, slot: number, old: Row | undefined, j0: number, j1: number): Row {
    const start = Math.max(0, Math.min(old?.start ?? j0, j0 - GROWTH));
    const end = Math.min(this.target.count, Math.max(old?.end ?? j1, j1 + GROWTH));
    const row = this.take(start, end);
    if (old) {
      row.masks.set(old.masks.subarray(0, (old.end - old.start) * STRIDE), (old.start - start) * STRIDE);
      row.known.set(old.known.subarray(0, old.end - old.start), old.start - start);
      this.spare.push(old);
    }
    this.rows[slot] = row;
    this.rowSentence[slot] = i;
    return row;
  }

  // Rows' arrays are reused: a long alignment widens rows millions of times, and fresh typed arrays for each
  // would leave the process holding hundreds of megabytes of garbage between collections.
  private take(start: number, end: number): Row {
    const width = end - start;
    let row = this.spare.pop();
    if (!row || row.known.length < width) {
      // Too small spares are dropped: the pool comes to hold arrays as wide as the band.
      const capacity = Math.max(width, 2 * GROWTH) * 2;
      row = { start, end, masks: new Uint32Array(capacity * STRIDE), known: new Uint8Array(capacity) };
    }
    row.start = start;
    row.end = end;
    row.masks.fill(0, 0, width * STRIDE);
    row.known.fill(0, 0, width);
    return row;
  }

  // Bit q of the source mask: the q-th content word of sentence i has a key in sentence j; and the reverse.
  private fill(i: number, j: number, masks: Uint32Array, at: number): void {
    const epoch = this.stamps.next();
    stampKeys(this.target, j, this.stamps.target, epoch);
    markMatched(this.source, i, this.stamps.target, epoch, masks, at);
    stampKeys(this.source, i, this.stamps.source, epoch);
    markMatched(this.target, j, this.stamps.source, epoch, masks, at + CHUNKS);
  }
}

function stampKeys(side: SideFeatures, sentence: number, stamps: Int32Array, epoch: number): void {
  const { keySet } = side;
  for (let k = side.setStart[sentence] as number, end = side.setStart[sentence + 1] as number; k < end; k++)
    stamps[keySet[k] as number] = epoch;
}

function markMatched(
  side: SideFeatures,
  sentence: number,
  stamps: Int32Array,
  epoch: number,
  masks: Uint32Array,
  at: number,
): void {
  const { words, wordKeys, keyStart } = side;
  const first = side.wordStart[sentence] as number;
  for (let w = first, end = side.wordStart[sentence + 1] as number; w < end; w++) {
    const word = words[w] as number;
    for (let k = keyStart[word] as number, stop = keyStart[word + 1] as number; k < stop; k++) {
      if (stamps[wordKeys[k] as number] === epoch) {
        const q = w - first;
        masks[at + (q >>> 5)] = (masks[at + (q >>> 5)] as number) | (1 << (q & 31));
        break;
      }
    }
  }
}
