/**
 * MinHash: a fixed-size signature of a shingle set whose per-slot agreement estimates Jaccard resemblance.
 * Dedupe stage, pure. Pure-JS 32-bit hashing (Math.imul); 128 slots = 512 bytes per article.
 */
import { mix32 } from "./shingle-text.ts";

/** Slots per signature; 128 is the notes' §1.2 choice (16 × 8 or 32 × 4 bands), standard error ≈ 0.044 at J = 0.5. */
export const MINHASH_PERMUTATIONS = 128;

/**
 * Per-slot multipliers (odd) and offsets from a fixed seed, so signatures are stable across runs and
 * processes: stored signatures stay comparable with new ones.
 */
const MULTIPLIERS = new Uint32Array(MINHASH_PERMUTATIONS);
const OFFSETS = new Uint32Array(MINHASH_PERMUTATIONS);
{
  let state = 0x2545f491;
  for (let i = 0; i < MINHASH_PERMUTATIONS; i++) {
    state = mix32(state + 0x9e3779b9);
    MULTIPLIERS[i] = (state | 1) >>> 0;
    state = mix32(state + 0x9e3779b9);
    OFFSETS[i] = state;
  }
}

/**
 * The MinHash signature of a shingle set: slot i is the minimum of (a_i·x + b_i) mod 2^32 over the set (the
 * shingle hashes are already avalanche-mixed). An empty set gives all-0xffffffff, which matches nothing real.
 */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(MINHASH_PERMUTATIONS);
  const n = shingles.length;
  // Four slots per pass over the shingles, with the running minima in registers rather than a load and store per
  // shingle and slot (MINHASH_PERMUTATIONS is a multiple of 4).
  for (let i = 0; i < MINHASH_PERMUTATIONS; i += 4) {
    const a0 = MULTIPLIERS[i]!;
    const a1 = MULTIPLIERS[i + 1]!;
    const a2 = MULTIPLIERS[i + 2]!;
    const a3 = MULTIPLIERS[i + 3]!;
    const b0 = OFFSETS[i]!;
    const b1 = OFFSETS[i + 1]!;
    const b2 = OFFSETS[i + 2]!;
    const b3 = OFFSETS[i + 3]!;
    let m0 = 0xffffffff;
    let m1 = 0xffffffff;
    let m2 = 0xffffffff;
    let m3 = 0xffffffff;
    for (let s = 0; s < n; s++) {
      const x = shingles[s]!;
      const v0 = (Math.imul(a0, x) + b0) >>> 0;
      const v1 = (Math.imul(a1, x) + b1) >>> 0;
      const v2 = (Math.imul(a2, x) + b2) >>> 0;
      const v3 = (Math.imul(a3, x) + b3) >>> 0;
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    sig[i] = m0;
    sig[i + 1] = m1;
    sig[i + 2] = m2;
    sig[i + 3] = m3;
  }
  return sig;
}

/** Share of equal slots: an unbiased estimate of Jaccard resemblance. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return n === 0 ? 0 : same / n;
}
