/**
 * ShingleFrequency: how many texts in the near-duplicate window contain each shingle, so verification can tell
 * stock phrases (weather reports, royal cables, execution statements, house formulas) from the passages a copy
 * shares with its original. Dedupe stage, in-memory and deterministic (a hashed counter table, exact removal).
 */

/**
 * Counters, as a power of two: 2^21 × 2 bytes = 4 MB. A 14-day window of the dev corpus holds about 3 million
 * distinct shingles, so a counter is shared by about 1.5 shingles, almost all seen once; a rare shingle reads as a
 * stock phrase only when it shares a counter with one, and then it drops out of both texts of a pair alike, so
 * containment moves little. A second table (count-min) gave the same labelled figures (bench/stories/run.ts) for
 * a second cache miss per shingle.
 */
const TABLE_BITS = 21;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const COUNT_MAX = 0xffff;

/**
 * A shingle found in more than this many texts of the window is a stock phrase, not evidence of copying.
 * Measured on testdata/labels/pairs.jsonl with bench/stories/run.ts: the template pairs labelled `different`
 * (national-day cables to different heads of state, daily weather reports) share shingles that dozens of texts
 * contain, true copies mostly shingles that only their own copy group contains. Copies count too (a template is
 * itself republished by every outlet, so counting only first texts would never see it), which makes this a bound
 * on copy-group size as well: with the dev corpus's 14 sources a text cannot reach it by republication alone; a
 * deployment with many more outlets should raise it with the number of sources.
 */
export const STOCK_PHRASE_MIN_TEXTS = 32;

export class ShingleFrequency {
  private readonly counts = new Uint16Array(1 << TABLE_BITS);

  /** Counts one more text containing each of `shingles` (sorted distinct hashes, already avalanche-mixed). */
  addText(shingles: Uint32Array): void {
    for (let i = 0; i < shingles.length; i++) {
      const at = shingles[i]! & TABLE_MASK;
      if (this.counts[at]! < COUNT_MAX) this.counts[at]!++;
    }
  }

  /** Undoes `addText` for the same array (eviction). */
  removeText(shingles: Uint32Array): void {
    for (let i = 0; i < shingles.length; i++) {
      const at = shingles[i]! & TABLE_MASK;
      if (this.counts[at]! > 0) this.counts[at]!--;
    }
  }

  /** Texts containing the shingle (an upper bound: never less than the true count). */
  textsWith(shingle: number): number {
    return this.counts[shingle & TABLE_MASK]!;
  }

  /** The shingles of a set that are not stock phrases, in order. */
  distinctiveOf(shingles: Uint32Array, maxTexts: number = STOCK_PHRASE_MIN_TEXTS): Uint32Array {
    const out = new Uint32Array(shingles.length);
    let n = 0;
    for (let i = 0; i < shingles.length; i++) {
      const x = shingles[i]!;
      if (this.counts[x & TABLE_MASK]! <= maxTexts) out[n++] = x;
    }
    return out.subarray(0, n);
  }
}
