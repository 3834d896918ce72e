/** A growable Int32Array: builds large index arrays without a JS array of boxed numbers in between. */
export class IntBuffer {
  private data: Int32Array;
  /** Number of values pushed. */
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  /** Appends one value, doubling the storage when full. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The value at `index` (which must be below `length`). */
  at(index: number): number {
    return this.data[index] as number;
  }

  /** Replaces the value at `index` (which must be below `length`). */
  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** The values pushed, as an exactly sized array (a copy, so the buffer's slack is freed). */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
