import { describe, expect, it } from "vitest";
import type { RankMember } from "../../domain/story.ts";
import { RANK_RECENCY_TAU_HOURS, rankStories, scoreCoverage } from "./rank-stories.ts";

const HOUR_MS = 3_600_000;
const NOW = Date.parse("2015-08-11T18:00:00Z");

/** A member of `storyId` from `sourceId`, `hoursAgo` before NOW. */
function member(
  storyId: string,
  sourceId: string,
  hoursAgo: number,
  extra: Partial<RankMember> = {},
): RankMember {
  return { storyId, sourceId, timeMs: NOW - hoursAgo * HOUR_MS, late: false, ...extra };
}

describe("scoreCoverage", () => {
  it.each([
    { why: "a new article alone scores 1", members: [member("s", "a", 0)], score: 1 },
    {
      why: "two new articles from two outlets score 2: outlets add up",
      members: [member("s", "a", 0), member("s", "b", 0)],
      score: 2,
    },
    {
      why: "two new articles from one outlet score log2 3: an outlet's second article adds less",
      members: [member("s", "a", 0), member("s", "a", 0)],
      score: Math.log2(3),
    },
    {
      why: "an article weighs by its own age",
      members: [member("s", "a", RANK_RECENCY_TAU_HOURS)],
      score: Math.log2(1 + Math.exp(-1)),
    },
    {
      why: "a late copy (a republication a week on) weighs nothing",
      members: [member("s", "a", 0), member("s", "b", 0, { late: true })],
      score: 1,
    },
    { why: "an article after the time is not counted", members: [member("s", "a", -1)], score: 0 },
  ])("$why", ({ members, score }) => {
    expect(scoreCoverage(members, NOW)).toBeCloseTo(score, 10);
  });

  it("never falls when a member is added", () => {
    const base = [member("s", "a", 5), member("s", "b", 30), member("s", "a", 50)];
    for (const extra of [member("s", "a", 1), member("s", "c", 60), member("s", "b", 0, {})]) {
      expect(scoreCoverage([...base, extra], NOW)).toBeGreaterThan(scoreCoverage(base, NOW));
    }
  });
});

describe("rankStories", () => {
  it("ranks a big old story that got one new article below a story three outlets cover now", () => {
    // Forty articles from eight outlets two and three days ago, one new one: the old rank's lifetime size put it
    // first; the coverage now is one article.
    const old = Array.from({ length: 40 }, (_, i) => member("old", `o${i % 8}`, 48 + (i % 24)));
    const members = [...old, member("old", "o1", 1), ...["a", "b", "c"].map((s) => member("new", s, 2))];
    expect(rankStories(members, NOW).map((s) => s.id)).toEqual(["new", "old"]);
  });

  it("reads a past time's coverage as it stood: later members do not count, a story with none then is left out", () => {
    const members = [
      member("a", "x", 30),
      member("a", "y", 29),
      member("b", "x", 28),
      // What came after the past time: three more outlets for b, and c.
      ...["y", "z", "w"].map((s) => member("b", s, 2)),
      member("c", "x", 1),
    ];
    const past = NOW - 24 * HOUR_MS;
    expect(rankStories(members, past).map((s) => [s.id, s.recentArticles])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
    expect(rankStories(members, NOW)[0]?.id).toBe("b");
  });

  it("tells each story's last update, and its articles and outlets of the last 24 hours, leaving late copies out", () => {
    const members = [
      member("s", "a", 30),
      member("s", "a", 3),
      member("s", "b", 2, {}),
      member("s", "c", 1, { late: true }),
    ];
    expect(rankStories(members, NOW)).toEqual([
      expect.objectContaining({
        id: "s",
        lastUpdateMs: NOW - 2 * HOUR_MS,
        recentArticles: 2,
        recentSources: 2,
      }),
    ]);
    // A story of late copies alone takes their last update (and ranks at nothing).
    expect(rankStories([member("l", "a", 5, { late: true })], NOW)).toEqual([
      { id: "l", score: 0, lastUpdateMs: NOW - 5 * HOUR_MS, recentArticles: 0, recentSources: 0 },
    ]);
  });

  it("breaks a tie by the smaller id when the updates are as new", () => {
    const members = [member("b", "x", 0), member("a", "x", 0), member("c", "x", 0)];
    expect(rankStories(members, NOW).map((s) => s.id)).toEqual(["a", "b", "c"]);
  });
});
