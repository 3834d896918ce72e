/**
 * How to turn a pair's stored rows (segments or block beads, one per position) into the rows of a new version with
 * few writes: a correction changes a few beads in the middle, so the rows before it stay as they are and the rows
 * after it only move.
 */

/** The rows to keep: a head untouched, a tail renumbered by `shift`; the rows between are replaced. */
export interface RowRewrite {
  /** Rows at the start, the same in both lists, kept as they are. */
  head: number;
  /** Rows at the end, the same in both lists but for their position, kept and renumbered. */
  tail: number;
  /** How far the tail's positions move: the new list's length less the old one's. */
  shift: number;
}

/**
 * The longest head of rows `sameAtHead` finds equal, then the longest tail `sameAtTail` finds equal in what is
 * left: head + tail never exceeds either list's length.
 */
export function planRowRewrite<T>(
  old: readonly T[],
  next: readonly T[],
  sameAtHead: (before: T, after: T) => boolean,
  sameAtTail: (before: T, after: T) => boolean,
): RowRewrite {
  // Every index below stays under both lengths, so the `as T` reads are defined.
  const limit = Math.min(old.length, next.length);
  let head = 0;
  while (head < limit && sameAtHead(old[head] as T, next[head] as T)) head += 1;
  let tail = 0;
  while (tail < limit - head && sameAtTail(old[old.length - 1 - tail] as T, next[next.length - 1 - tail] as T))
    tail += 1;
  return { head, tail, shift: next.length - old.length };
}

/** Whether `a` and `b` hold the same value in each of `columns`. */
export function sameColumns<T>(a: T, b: T, columns: readonly (keyof T)[]): boolean {
  return columns.every((column) => a[column] === b[column]);
}
