/**
 * The dedupe stage's modules loaded from one source tree (the working tree's src/, or an older copy such as
 * bench/.tmp/old/src), so an A/B script runs both side by side in one process. Benchmark helper.
 */
export type DedupeTree = {
  index: typeof import("../../src/stages/dedupe/near-duplicate-index.ts");
  groups: typeof import("../../src/stages/dedupe/duplicate-groups.ts");
  compare: typeof import("../../src/stages/dedupe/compare-shingles.ts");
  minhash: typeof import("../../src/stages/dedupe/minhash-signature.ts");
  text: typeof import("../../src/stages/dedupe/shingle-text.ts");
};

/** The dedupe modules under `root` (a folder holding stages/dedupe/). */
export async function loadDedupeTree(root: string): Promise<DedupeTree> {
  return {
    index: await import(`${root}/stages/dedupe/near-duplicate-index.ts`),
    groups: await import(`${root}/stages/dedupe/duplicate-groups.ts`),
    compare: await import(`${root}/stages/dedupe/compare-shingles.ts`),
    minhash: await import(`${root}/stages/dedupe/minhash-signature.ts`),
    text: await import(`${root}/stages/dedupe/shingle-text.ts`),
  };
}
