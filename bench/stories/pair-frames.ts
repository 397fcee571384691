/**
 * The sampling frames testdata/labels/pairs.jsonl was drawn from (bench/stories/sample-pairs.ts): candidate pairs
 * sharing sampled 2-word stem shingles, stratified by 5-word surface Jaccard, and the hard negatives' frame (nearby
 * articles whose titles share content stems but whose texts do not). copy-population.ts reads the same frames to
 * weight the labels by how many pairs each drawn pair stands for. Benchmark helper, pure.
 */
import { toMatchKeys } from "../../src/stages/arabic/analyze-text.ts";
import { isStopWord } from "../../src/stages/arabic/stop-words.ts";
import { tokenize } from "../../src/stages/arabic/tokenize.ts";
import type { ShingleOptions } from "../../src/stages/dedupe/shingle-text.ts";

/** A Jaccard stratum of the candidate pairs: [lo, hi) on 5-word surface shingles, and how many pairs were drawn. */
export interface Stratum {
  lo: number;
  hi: number;
  drawn: number;
  /** As pairs.jsonl's `stratum` field spells it. */
  name: string;
}

/** Pairs drawn per Jaccard stratum (5-word surface shingles, PROFILE_SHINGLES), as in pairs.jsonl. */
export const STRATA: readonly Stratum[] = (
  [
    [0.0, 0.1, 50],
    [0.1, 0.3, 60],
    [0.3, 0.45, 50],
    [0.45, 0.6, 50],
    [0.6, 0.8, 40],
    [0.8, 1.01, 30],
  ] as const
).map(([lo, hi, drawn]) => ({ lo, hi, drawn, name: `j5:${lo}-${hi}` }));

/** Hard negatives drawn, and their `stratum` name in pairs.jsonl. */
export const HARD_NEGATIVES = 40;
export const HARD_NEGATIVE_STRATUM = "hard-negative";
/** A hard negative's second article is at most this many positions after the first in corpus file order. */
export const HARD_NEGATIVE_MAX_GAP = 300;
/** Content stems two titles share for a hard negative; its texts' 5-word Jaccard stays below HARD_NEGATIVE_MAX_J5. */
export const HARD_NEGATIVE_MIN_TITLE_STEMS = 3;
export const HARD_NEGATIVE_MAX_J5 = 0.1;

/** The candidates' join key: 2-word stems, stop words out, marks stripped, edit words kept (as at the draw). */
export const LOOSE_SHINGLES: ShingleOptions = {
  words: 2,
  form: "stem",
  dropStopWords: true,
  dropEditWords: false,
  stripMarks: true,
};
/** A candidate shares at least this many sampled loose shingles (one hash in eight, `h & 7 === 0`). */
const CANDIDATE_MIN_SHARED = 3;
/** A shingle's postings stop growing at this many articles, so boilerplate makes no pairs. */
const CANDIDATE_MAX_POSTINGS = 40;

/**
 * Candidate pairs [earlier, later] (positions in the article list) sharing at least three sampled loose shingles:
 * every copy and most same-story pairs. Example: two texts of one release -> one pair; unrelated texts -> none.
 */
export function candidatePairs(loose: readonly Uint32Array[]): [number, number][] {
  const postings = new Map<number, number[]>();
  const pairs = new Map<string, [number, number]>();
  for (let d = 0; d < loose.length; d++) {
    const count = new Map<number, number>();
    for (const h of loose[d]!) {
      if ((h & 7) !== 0) continue;
      const list = postings.get(h) ?? [];
      if (list.length < CANDIDATE_MAX_POSTINGS) for (const o of list) count.set(o, (count.get(o) ?? 0) + 1);
      list.push(d);
      postings.set(h, list);
    }
    for (const [o, c] of count) if (c >= CANDIDATE_MIN_SHARED) pairs.set(`${o}:${d}`, [o, d]);
  }
  return [...pairs.values()];
}

/** The stratum index of a 5-word surface Jaccard, or -1. Example: 0.5 -> 3 ([0.45, 0.6)). */
export function stratumOf(j5: number): number {
  return STRATA.findIndex(({ lo, hi }) => j5 >= lo && j5 < hi);
}

/** A title's content stems (stop words out), as the hard negatives compare them. */
export function titleKeysOf(title: string): Set<string> {
  return new Set(
    toMatchKeys(
      tokenize(title)
        .map((t) => t.norm)
        .filter((w) => !isStopWord(w))
        .join(" "),
    ),
  );
}

/** Content stems two titles' key sets share. Example: {a, b, c} and {b, c, d} -> 2. */
export function sharedKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  return shared;
}
