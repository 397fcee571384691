/**
 * Exact resemblance and containment of two shingle sets (sorted distinct uint32 arrays), and the copy rule.
 * Dedupe stage, pure. Verification is exact, so near-duplicate precision depends only on this rule.
 */

export interface ShingleOverlap {
  /** |A ∩ B| / |A ∪ B| (Broder's resemblance). */
  jaccard: number;
  /** |A ∩ B| / min(|A|, |B|): how much of the shorter text is inside the longer one. */
  containment: number;
  /** Shingles of the shorter text. */
  smaller: number;
}

/** Merges two sorted distinct arrays. Example: [1,2,3] vs [2,3,4] -> jaccard 0.5, containment 2/3. */
export function compareShingles(a: Uint32Array, b: Uint32Array): ShingleOverlap {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const smaller = Math.min(a.length, b.length);
  const union = a.length + b.length - common;
  return {
    jaccard: union === 0 ? 0 : common / union,
    containment: smaller === 0 ? 0 : common / smaller,
    smaller,
  };
}

/**
 * Resemblance at or above which two texts are copies whatever their length. Chosen with COPY_MIN_CONTAINMENT on
 * the labelled pairs (testdata/labels/pairs.jsonl, bench "copy-rule grid", 4-word stem shingles): the best
 * recall (0.855) at precision ≥ 0.98; 0.6/0.9 gives precision 1.0 but recall 0.69.
 */
export const COPY_MIN_JACCARD = 0.5;

/**
 * Containment of the shorter text at or above which it is a copy (a truncated or trimmed republication).
 * Chosen on the labelled pairs with COPY_MIN_JACCARD; see the bench's copy-rule grid.
 */
export const COPY_MIN_CONTAINMENT = 0.7;

/**
 * Shingles the shorter text needs before containment alone can call it a copy: a two-line brief is
 * contained in many long reports of the same event (labelled same_story), so tiny texts need resemblance.
 */
export const CONTAINMENT_MIN_SHINGLES = 12;

export interface CopyRule {
  minJaccard: number;
  minContainment: number;
  containmentMinShingles: number;
}

export const DEFAULT_COPY_RULE: CopyRule = {
  minJaccard: COPY_MIN_JACCARD,
  minContainment: COPY_MIN_CONTAINMENT,
  containmentMinShingles: CONTAINMENT_MIN_SHINGLES,
};

/** True when an overlap means "the same article republished" under the rule. */
export function isCopy(overlap: ShingleOverlap, rule: CopyRule = DEFAULT_COPY_RULE): boolean {
  if (overlap.jaccard >= rule.minJaccard) return true;
  return overlap.smaller >= rule.containmentMinShingles && overlap.containment >= rule.minContainment;
}
