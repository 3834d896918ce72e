/**
 * A fixed pseudo-random sequence for property tests, so that a failure names an input that stays the same: a linear
 * congruential generator modulo 2^31, computed in exact 32-bit integer arithmetic (the same recurrence in floating
 * point loses its low bits past 2^53 and falls into short cycles), read through its high bits (its low bits repeat
 * with short periods).
 */
export function pseudoRandom(seed: number): (bound: number) => number {
  let state = seed & 0x7fffffff;
  return (bound) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) & 0x7fffffff;
    return Math.floor((state / 0x80000000) * bound);
  };
}
