/**
 * mulberry32: a small seeded generator for reproducible benchmark samples (the label draws record their seed).
 * Benchmark helper, pure. Example: seededRandom(7)() is the same number on every machine.
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
