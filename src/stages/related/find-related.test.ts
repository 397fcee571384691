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

/** A unit vector over the given term weights (normalized here). */
function weighted(weights: Record<string, number>): SparseVector {
  const terms = Object.keys(weights).sort();
  const norm = Math.sqrt(terms.reduce((s, t) => s + weights[t]! ** 2, 0));
  return { terms, weights: Float64Array.from(terms, (t) => weights[t]! / norm) };
}
function scored(id: string, weights: Record<string, number>): RelatedCandidate {
  return {
    id,
    storyId: `S-${id}`,
    groupId: id,
    duplicateOf: null,
    sourceId: "s",
    timeMs: 0,
    vector: weighted(weights),
  };
}

describe("findRelated ranks the similar list by relevance, one story each", () => {
  // Cosines with the anchor as the dev pools give them (0.1-0.4), not near 1.
  const anchor = scored("a", { قادسيه: 1, نهضه: 1.5 });
  // Four more stories (cosine 0.137 each) so the list takes five: a short pool keeps one back for read-also.
  const filler = ["f1", "f2", "f3", "f4"].map((id) => scored(id, { نهضه: 1, [`كلمه${id}`]: 6 }));
  const rows: { name: string; candidates: RelatedCandidate[]; first: string[]; absent?: string }[] = [
    {
      name: "a second close story (cosine 0.3) stays above a loose one (0.16) though it resembles the first (0.4)",
      candidates: [
        scored("close1", { قادسيه: 1, تعادل: 1 }),
        scored("close2", { قادسيه: 1, هزيمه: 1.2 }),
        scored("loose", { نهضه: 1, عمان: 5 }),
        ...filler,
      ],
      first: ["close1", "close2", "loose"],
    },
    {
      name: "another story that nearly repeats a listed item (cosine 0.99: one event split in two) is left out",
      candidates: [
        scored("close1", { قادسيه: 1, تعادل: 1 }),
        scored("split", { قادسيه: 1, تعادل: 1.1 }),
        scored("loose", { نهضه: 1, عمان: 5 }),
        ...filler,
      ],
      first: ["close1", "loose"],
      absent: "split",
    },
    {
      name: "two close articles of one story (0.45 apart, under the cap) list once, the better one",
      candidates: [
        { ...scored("same1", { قادسيه: 1, تعادل: 1 }), storyId: "S-same" },
        { ...scored("same2", { قادسيه: 1, هزيمه: 1.2 }), storyId: "S-same" },
        scored("loose", { نهضه: 1, عمان: 5 }),
        ...filler,
      ],
      first: ["same1", "loose"],
      absent: "same2",
    },
    {
      name: "a story sharing only a minor word (cosine 0.10, under SIMILAR_MIN_COSINE) is neither listed nor picked",
      candidates: [
        scored("close1", { قادسيه: 1, تعادل: 1 }),
        scored("minor", { نهضه: 1, طقس: 8.26 }),
        ...filler,
      ],
      first: ["close1"],
      absent: "minor",
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const out = findRelated(anchor, [anchor, ...row.candidates]);
      const ids = out.similar.map((c) => c.id);
      expect(ids.slice(0, row.first.length)).toEqual(row.first);
      if (row.absent !== undefined) {
        expect(ids).not.toContain(row.absent);
        expect(out.readAlso?.id).not.toBe(row.absent);
      }
    });
  }
});
