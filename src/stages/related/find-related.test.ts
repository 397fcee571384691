import { describe, expect, it } from "vitest";
import type { SparseVector } from "../stories/story-vector.ts";
import { findRelated, type RelatedCandidate } from "./find-related.ts";

function vec(terms: string[]): SparseVector {
  const sorted = [...terms].sort();
  return { terms: sorted, weights: Float64Array.from(sorted, () => 1 / Math.sqrt(sorted.length)) };
}
function item(
  id: string,
  storyId: string,
  groupId: string,
  terms: string[],
  timeMs = 0,
  duplicateOf: string | null = null,
): RelatedCandidate {
  return { id, storyId, groupId, duplicateOf, sourceId: "s", timeMs, vector: vec(terms) };
}

describe("findRelated", () => {
  const anchor = item("a", "S1", "a", ["نفط", "سعر", "اوبك"]);
  const candidates = [
    anchor,
    item("a-copy", "S1", "a", ["نفط", "سعر", "اوبك"], 1, "a"),
    item("b", "S1", "b", ["نفط", "سعر"], 2),
    item("c1", "S2", "c1", ["نفط", "انتاج"], 3),
    item("c2", "S2", "c2", ["نفط", "انتاج", "سعر"], 4),
    item("d", "S3", "d", ["سعر", "ذهب"], 5),
    item("d-copy", "S3", "d", ["سعر", "ذهب"], 6, "d"),
    item("z", "S4", "z", ["كره", "هلال"], 7),
  ];
  const out = findRelated(anchor, candidates);
  it("lists other coverage of the story without the anchor's copies", () => {
    expect(out.sameStory.map((c) => c.id)).toEqual(["b"]);
  });
  it("never shows two items of one story or copy group, nor the anchor's story", () => {
    const ids = out.similar.map((c) => c.id);
    expect(new Set(out.similar.map((c) => c.storyId)).size).toBe(ids.length);
    expect(ids).not.toContain("a-copy");
    expect(out.similar.every((c) => c.storyId !== "S1")).toBe(true);
    expect(ids).not.toContain("d-copy");
  });
  it("drops unrelated candidates", () => {
    expect(out.similar.map((c) => c.id)).not.toContain("z");
  });
  it("keeps a story for the read-also pick when the pool is short, and never repeats a similar item", () => {
    expect(out.similar.map((c) => c.storyId)).toHaveLength(1);
    expect(out.readAlso).not.toBeNull();
    expect(out.similar.map((c) => c.storyId)).not.toContain(out.readAlso!.storyId);
  });
  it("gives a single related story to the similar list, not to read-also", () => {
    const two = findRelated(anchor, [anchor, item("c1", "S2", "c1", ["نفط", "انتاج"], 3)]);
    expect(two.similar.map((c) => c.id)).toEqual(["c1"]);
    expect(two.readAlso).toBeNull();
  });
});
