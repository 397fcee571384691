import { describe, expect, it } from "vitest";
import { chooseOriginal, DuplicateGroups, REWRITE_MERGE_MAX_GROUP_SIZE } from "./duplicate-groups.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WINDOW = 14 * DAY;
type Copy = { id: string; jaccard: number; containment: number; test: "overlap" | "rewrite" };
const overlap = (id: string): Copy => ({ id, jaccard: 0.9, containment: 0.9, test: "overlap" });
const rewrite = (id: string): Copy => ({ id, jaccard: 0.3, containment: 0.4, test: "rewrite" });
const member = (id: string, timeMs: number) => ({ id, sourceId: `s-${id}`, citedSource: null, timeMs });

/** One article into the groups as StoryStream.add does it: evict, then join the copies' groups and merge some. */
function feed(groups: DuplicateGroups, id: string, timeMs: number, copies: Copy[]) {
  groups.evictBefore(timeMs - WINDOW);
  return groups.add(
    member(id, timeMs),
    copies.map((c) => c.id),
    groups.mergeIdsOf(copies, timeMs),
  );
}

describe("DuplicateGroups: a lone rewrite copy merges into a small joined group", () => {
  /** `joined` copies of one release an hour apart, a lone rewrite of it, then an article copying both. */
  function mergesLoneRewrite(joined: number): boolean {
    const groups = new DuplicateGroups();
    for (let i = 0; i < joined; i++) feed(groups, `a${i}`, i * HOUR, i === 0 ? [] : [overlap(`a${i - 1}`)]);
    feed(groups, "r", joined * HOUR, []);
    const placed = feed(groups, "n", (joined + 1) * HOUR, [overlap(`a${joined - 1}`), rewrite("r")]);
    return placed.mergedGroups?.includes("r") ?? false;
  }
  it.each([
    [1, true],
    [REWRITE_MERGE_MAX_GROUP_SIZE, true],
    [REWRITE_MERGE_MAX_GROUP_SIZE + 1, false],
  ])("joined group of %i: merged %s", (joined, merged) => {
    expect(mergesLoneRewrite(joined)).toBe(merged);
  });

  it("counts the joined group's members still in the window, so a replay decides as one fold", () => {
    // A chain of copies on days 0-3 and 15 (the first four evicted by day 15), a lone rewrite, then an article that
    // copies the chain's last member and the rewrite. A replay from day 15 - 14 sees only the last member and
    // rebases its group to the stored one (assign-stories #rebuild); one fold had counted five articles ever joined.
    const chain: [string, number][] = [
      ["a0", 0],
      ["a1", DAY],
      ["a2", 2 * DAY],
      ["a3", 3 * DAY],
      ["a4", 15 * DAY],
    ];
    const nMs = 15 * DAY + 2 * HOUR;
    const oneFold = new DuplicateGroups();
    for (const [i, [id, t]] of chain.entries())
      feed(oneFold, id, t, i === 0 ? [] : [overlap(chain[i - 1]![0])]);
    feed(oneFold, "r", 15 * DAY + HOUR, []);
    const folded = feed(oneFold, "n", nMs, [overlap("a4"), rewrite("r")]);

    const replay = new DuplicateGroups();
    feed(replay, "a4", 15 * DAY, []);
    expect(replay.rebase("a4", { id: "a0", openedMs: 0, original: member("a0", 0) })).toBe(true);
    feed(replay, "r", 15 * DAY + HOUR, []);
    const replayed = feed(replay, "n", nMs, [overlap("a4"), rewrite("r")]);

    expect(replayed).toEqual(folded);
    expect(folded.mergedGroups).toEqual(["r"]);
  });
});

describe("DuplicateGroups.membersOf", () => {
  it("lists a group's members still in the window, a merged group's included", () => {
    const groups = new DuplicateGroups();
    feed(groups, "a", 0, []);
    feed(groups, "b", HOUR, [overlap("a")]);
    feed(groups, "c", 2 * HOUR, []);
    feed(groups, "d", 3 * HOUR, [overlap("b"), overlap("c")]);
    expect(groups.membersOf("c")).toEqual(["a", "b", "c", "d"]);
    feed(groups, "e", HOUR + WINDOW + 1, [overlap("d")]);
    expect(groups.membersOf("e")).toEqual(["c", "d", "e"]);
    expect(groups.membersOf("a")).toEqual([]);
  });
});

describe("chooseOriginal", () => {
  const at = (id: string, sourceId: string, hour: number, citedSource: string | null = null) => ({
    id,
    sourceId,
    citedSource,
    timeMs: hour * HOUR,
  });
  const rows: { why: string; group: ReturnType<typeof at>[]; original: string }[] = [
    {
      why: "without wire or citation the earliest member",
      group: [at("b", "okaz", 2), at("a", "sabq", 1)],
      original: "a",
    },
    {
      why: "the same time: the smallest id",
      group: [at("b", "okaz", 1), at("a", "sabq", 1)],
      original: "a",
    },
    {
      why: "a wire agency's version before an earlier copy",
      group: [at("a", "sabq", 1, "واس"), at("b", "was", 3)],
      original: "b",
    },
    {
      why: "the outlet an earlier copy cites by its Arabic name",
      group: [at("a", "sabq", 1, "الشرق الأوسط"), at("b", "aawsat", 3)],
      original: "b",
    },
    {
      why: "the source a record's cited_source gives by id",
      group: [at("a", "alyaum", 1, "okaz"), at("b", "okaz", 3)],
      original: "b",
    },
    {
      why: "a citation read from an agency's alias",
      group: [at("a", "sabq", 1, "العربية نت"), at("b", "alarabiya", 3)],
      original: "b",
    },
    {
      why: "the Saudi paper a reprint credits by the name it shares with the channel",
      group: [at("a", "alweeam", 1, "الجزيرة"), at("b", "aljazirah", 3)],
      original: "b",
    },
    {
      why: "the Saudi paper is not cited by its country",
      group: [at("a", "alweeam", 1, "السعودية"), at("b", "aljazirah", 3)],
      original: "a",
    },
    {
      why: '"agencies" cites no member',
      group: [at("a", "sabq", 1, "وكالات"), at("b", "okaz", 3)],
      original: "a",
    },
    {
      why: "an outlet crediting itself is not cited",
      group: [at("a", "okaz", 1), at("b", "aawsat", 3, "الشرق الأوسط")],
      original: "a",
    },
    {
      why: "two cited outlets: the earlier of them",
      group: [at("a", "okaz", 1, "الشرق الأوسط"), at("b", "aawsat", 4, "العربية"), at("c", "alarabiya", 3)],
      original: "c",
    },
  ];
  for (const { why, group, original } of rows)
    it(`picks ${why}`, () => {
      expect(chooseOriginal(group).id).toBe(original);
      expect(chooseOriginal([...group].reverse()).id).toBe(original);
    });
});
