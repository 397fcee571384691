/**
 * Seeded generators for reproducible benchmark samples: the same seed gives the same draw on every machine. Two
 * generators, each kept because samples already drawn and read were drawn with it. Benchmark helper, pure.
 */

/**
 * mulberry32, for the label draws (they record their seed). Example: seededRandom(7)() is the same number on every
 * machine.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The Numerical Recipes LCG, for the samples the stories scripts print for reading (copy-diff.ts, diff-clusterings.ts
 * and others): each call returns the next number in [0, 1). Example: lcg(7)() -> 0.2387... in every run.
 */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
