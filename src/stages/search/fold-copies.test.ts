import { describe, expect, it } from "vitest";
import { foldCopies } from "./fold-copies.ts";

const groups: Record<string, string | null> = { a: "g1", b: "g2", c: "g1", d: null, e: "g1", f: "g2" };
const fold = (ids: string[]) =>
  foldCopies(
    ids.map((id) => ({ id })),
    (id) => groups[id] ?? null,
  ).map((f) => [f.item.id, f.copies.map((c) => c.id)]);

describe("foldCopies", () => {
  it.each([
    {
      why: "a later hit of a listed hit's group goes under it",
      ids: ["a", "b", "c"],
      out: [
        ["a", ["c"]],
        ["b", []],
      ],
    },
    { why: "copies keep rank order", ids: ["e", "a", "c"], out: [["e", ["a", "c"]]] },
    {
      why: "articles in no group are never folded",
      ids: ["d", "d"],
      out: [
        ["d", []],
        ["d", []],
      ],
    },
    {
      why: "two groups fold apart",
      ids: ["b", "a", "f", "c"],
      out: [
        ["b", ["f"]],
        ["a", ["c"]],
      ],
    },
    { why: "an empty page stays empty", ids: [], out: [] },
  ])("$why", ({ ids, out }) => {
    expect(fold(ids)).toEqual(out);
  });

  it("keeps every item exactly once, listed or as a copy", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    const folded = fold(ids);
    expect(folded.flatMap(([id, copies]) => [id as string, ...(copies as string[])]).sort()).toEqual(ids);
  });
});
