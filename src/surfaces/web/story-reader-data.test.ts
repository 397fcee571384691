import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeArticleWrite } from "../../../test/contract/article-fixtures.ts";
import { openSqliteStorage } from "../../adapters/sqlite/open-sqlite-storage.ts";
import { renderStoryPage } from "./pages/story-page.ts";
import { StoryReaderData } from "./story-reader-data.ts";

describe("StoryReaderData story summaries", () => {
  it("shows the lead of the article the headline is the title of, not the earliest original's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "akhbar-reader-lead-"));
    const storage = await openSqliteStorage(join(dir, "reader.db"));
    try {
      await storage.articles.writeArticles([
        makeArticleWrite("a", {
          id: "a",
          title: "الهلال يختتم معسكره",
          text: "اختتم الهلال معسكره في النمسا.",
          publishedAt: "2015-08-09T08:00:00Z",
        }),
        makeArticleWrite("b", {
          id: "b",
          sourceId: "okaz",
          title: "النصر يغادر إلى لندن للسوبر",
          text: "غادرت بعثة النصر إلى لندن استعدادا للسوبر.",
          publishedAt: "2015-08-09T09:00:00Z",
        }),
      ]);
      const fingerprints = { shingles: Uint32Array.from([1]), signature: new Uint32Array(128) };
      const placements = [
        { articleId: "a", storyId: "a", groupId: "a", duplicateOf: null, ...fingerprints },
        { articleId: "b", storyId: "a", groupId: "b", duplicateOf: null, ...fingerprints },
      ];
      const batch = { placements, groupMerges: [], groupOriginals: [], merges: [] };
      const reader = new StoryReaderData(storage);
      // Never described (a store from before the headline's article was kept): the earliest original's lead.
      await storage.stories!.writePlacements({ ...batch, headlines: [] });
      expect(await reader.story("a")).toMatchObject({
        lead: "اختتم الهلال معسكره في النمسا.",
        leadArticleId: "a",
      });

      await storage.stories!.writePlacements({
        ...batch,
        headlines: [{ storyId: "a", headline: "النصر يغادر إلى لندن للسوبر", articleId: "b" }],
      });
      const expected = {
        headline: "النصر يغادر إلى لندن للسوبر",
        lead: "غادرت بعثة النصر إلى لندن استعدادا للسوبر.",
        leadArticleId: "b",
      };
      expect(await reader.story("a")).toMatchObject(expected);
      expect((await reader.topStories({ sources: [], limit: 10, offset: 0 })).stories).toMatchObject([
        expected,
      ]);

      // A headline article without text (a photo item): the earliest original's lead rather than none.
      await storage.articles.writeArticles([
        makeArticleWrite("b", { id: "b", sourceId: "okaz", title: "النصر يغادر إلى لندن للسوبر", text: "" }),
      ]);
      expect(await reader.story("a")).toMatchObject({
        lead: "اختتم الهلال معسكره في النمسا.",
        leadArticleId: "b",
      });
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("StoryReaderData top stories filtered by outlet", () => {
  it("heads each card with that outlet's own article: its headline, lead and id", async () => {
    const dir = mkdtempSync(join(tmpdir(), "akhbar-reader-outlet-"));
    const storage = await openSqliteStorage(join(dir, "reader.db"));
    try {
      const at = (hour: number) => `2015-08-09T${String(hour).padStart(2, "0")}:00:00Z`;
      // One story: was's report heads it; okaz's own report; sabq only republished was's (a copy); a wire
      // desk's section on okaz's title is left out as the story's headline leaves it out.
      await storage.articles.writeArticles([
        makeArticleWrite("a", {
          id: "a",
          sourceId: "was",
          title: "الهلال يختتم معسكره",
          text: "اختتم الهلال معسكره في النمسا.",
          publishedAt: at(8),
        }),
        makeArticleWrite("b", {
          id: "b",
          sourceId: "okaz",
          title: "عام / الهلال ينهي معسكر النمسا",
          text: "أنهى فريق الهلال معسكره الإعدادي.",
          publishedAt: at(9),
        }),
        makeArticleWrite("c", {
          id: "c",
          sourceId: "sabq",
          title: "الهلال يختتم معسكره في النمسا",
          text: "اختتم الهلال معسكره في النمسا اليوم.",
          publishedAt: at(10),
        }),
      ]);
      const fingerprints = { shingles: Uint32Array.from([1]), signature: new Uint32Array(128) };
      await storage.stories!.writePlacements({
        placements: [
          { articleId: "a", storyId: "a", groupId: "a", duplicateOf: null, ...fingerprints },
          { articleId: "b", storyId: "a", groupId: "b", duplicateOf: null, ...fingerprints },
          { articleId: "c", storyId: "a", groupId: "a", duplicateOf: "a", ...fingerprints },
        ],
        groupMerges: [],
        groupOriginals: [],
        merges: [],
        headlines: [{ storyId: "a", headline: "الهلال يختتم معسكره", articleId: "a" }],
      });
      const reader = new StoryReaderData(storage);
      const card = async (sources: string[]) => {
        const [story] = (await reader.topStories({ sources, limit: 10, offset: 0 })).stories;
        return { headline: story?.headline, lead: story?.lead, leadArticleId: story?.leadArticleId };
      };
      const rows = [
        {
          name: "unfiltered: the story's own headline article",
          sources: [],
          expected: {
            headline: "الهلال يختتم معسكره",
            lead: "اختتم الهلال معسكره في النمسا.",
            leadArticleId: "a",
          },
        },
        {
          name: "the headline's own outlet: the same article",
          sources: ["was"],
          expected: {
            headline: "الهلال يختتم معسكره",
            lead: "اختتم الهلال معسكره في النمسا.",
            leadArticleId: "a",
          },
        },
        {
          name: "another outlet with its own report: that report, without the desk's section",
          sources: ["okaz"],
          expected: {
            headline: "الهلال ينهي معسكر النمسا",
            lead: "أنهى فريق الهلال معسكره الإعدادي.",
            leadArticleId: "b",
          },
        },
        {
          name: "an outlet that only republished: its copy",
          sources: ["sabq"],
          expected: {
            headline: "الهلال يختتم معسكره في النمسا",
            lead: "اختتم الهلال معسكره في النمسا اليوم.",
            leadArticleId: "c",
          },
        },
        {
          name: "two outlets: their earliest original",
          sources: ["sabq", "okaz"],
          expected: {
            headline: "الهلال ينهي معسكر النمسا",
            lead: "أنهى فريق الهلال معسكره الإعدادي.",
            leadArticleId: "b",
          },
        },
      ];
      for (const row of rows) expect(await card(row.sources), row.name).toEqual(row.expected);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("StoryReaderData story coverage", () => {
  it("lists copies whose original sits in another story, and the page draws every member", async () => {
    const dir = mkdtempSync(join(tmpdir(), "akhbar-reader-away-"));
    const storage = await openSqliteStorage(join(dir, "reader.db"));
    try {
      const at = (hour: number) => `2015-08-06T${String(hour).padStart(2, "0")}:00:00Z`;
      await storage.articles.writeArticles([
        makeArticleWrite("w", {
          id: "w",
          sourceId: "spa",
          title: "وصول الطائرة الرابعة",
          publishedAt: at(1),
        }),
        makeArticleWrite("c1", {
          id: "c1",
          sourceId: "okaz",
          title: "وصول الطائرة الخامسة",
          publishedAt: at(5),
        }),
        makeArticleWrite("c2", { id: "c2", sourceId: "sabq", title: "الطائرة الخامسة", publishedAt: at(6) }),
        makeArticleWrite("o", { id: "o", sourceId: "alyaum", title: "مساعدات إلى عدن", publishedAt: at(7) }),
      ]);
      const fingerprints = { shingles: Uint32Array.from([1]), signature: new Uint32Array(128) };
      // The clusterer placed the copies c1, c2 of w by their own words, in the story of o.
      const placements = [
        { articleId: "w", storyId: "w", groupId: "w", duplicateOf: null, ...fingerprints },
        { articleId: "c1", storyId: "o", groupId: "w", duplicateOf: "w", ...fingerprints },
        { articleId: "c2", storyId: "o", groupId: "w", duplicateOf: "w", ...fingerprints },
        { articleId: "o", storyId: "o", groupId: "o", duplicateOf: null, ...fingerprints },
      ];
      await storage.stories!.writePlacements({
        placements,
        groupMerges: [],
        groupOriginals: [],
        merges: [],
        headlines: [],
      });
      const story = await new StoryReaderData(storage).story("o");
      expect(story?.articles.map((a) => [a.id, a.duplicateOf])).toEqual([
        ["c1", "w"],
        ["c2", "w"],
        ["o", null],
      ]);
      const ctx = { sources: new Map(), nowMs: Date.parse("2015-08-07T00:00:00Z") };
      const body = renderStoryPage(story!, { clusteredStories: true, similarMethod: "test" }, ctx).value;
      // Every member drawn: the cards and the copies inside them add up to the story's article count.
      const drawn = [...body.matchAll(/href="\/article\/(c1|c2|o)"/g)].map((m) => m[1]);
      expect(drawn.sort()).toEqual(["c1", "c2", "o"]);
      expect(drawn).toHaveLength(story!.articleCount);
      // A cross-story copy pair is too often a wrong one to name: no "منقول عن" (story-page.ts coverageCard).
      expect(body).not.toContain("منقول عن <a");
      expect(body).not.toContain('href="/article/w"');

      // The article page's view: its story, no original from another story, at most N other reports.
      const reader = new StoryReaderData(storage);
      const related = await reader.related("c1");
      expect(related).toMatchObject({ storyId: "o", original: null });
      expect(related.sameStory?.map((a) => a.id)).toEqual(["o"]);
      expect((await reader.related("o")).original).toBeNull();
      expect((await reader.related("c1", { sameStoryMax: 0 })).sameStory).toEqual([]);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("StoryReaderData top stories", () => {
  it("counts as total only the stories paging can reach when the window holds more than it ranks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "akhbar-reader-top-"));
    const storage = await openSqliteStorage(join(dir, "reader.db"));
    try {
      const ids = ["a", "b", "c"];
      await storage.articles.writeArticles(
        ids.map((id, i) =>
          makeArticleWrite(id, {
            id,
            title: `خبر ${id}`,
            text: `نص الخبر ${id}.`,
            publishedAt: `2015-08-09T0${i}:00:00Z`,
          }),
        ),
      );
      const fingerprints = { shingles: Uint32Array.from([1]), signature: new Uint32Array(128) };
      await storage.stories!.writePlacements({
        placements: ids.map((id) => ({
          articleId: id,
          storyId: id,
          groupId: id,
          duplicateOf: null,
          ...fingerprints,
        })),
        groupMerges: [],
        groupOriginals: [],
        merges: [],
        headlines: [],
      });
      const reader = new StoryReaderData(storage, { topCandidates: 2 });
      const first = await reader.topStories({ sources: [], limit: 2, offset: 0 });
      expect(first.total).toBe(2);
      expect(first.stories.map((s) => s.id)).toHaveLength(2);
      // How many the window holds is said apart, for a surface to word ("3 stories; the 2 newest ranked").
      expect(await reader.topStories({ sources: [], limit: 2, offset: 2 })).toEqual({
        total: 2,
        windowTotal: 3,
        stories: [],
      });
      const whole = await new StoryReaderData(storage).topStories({ sources: [], limit: 2, offset: 2 });
      expect(whole.total).toBe(3);
      expect(whole).not.toHaveProperty("windowTotal");
      // The top stories as they stood at 01:30: the two first seen by then, ranked as of then (b, the newer, first).
      const past = await new StoryReaderData(storage).topStories({
        sources: [],
        limit: 5,
        offset: 0,
        untilMs: Date.parse("2015-08-09T01:30:00Z"),
      });
      expect(past.stories.map((s) => s.id)).toEqual(["b", "a"]);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("ranks by the coverage of the last day, and a past day's cards count what each story held by its end", async () => {
    const dir = mkdtempSync(join(tmpdir(), "akhbar-reader-rank-"));
    const storage = await openSqliteStorage(join(dir, "reader.db"));
    try {
      // "old": six articles from three outlets on Aug 6, one more on Aug 9; "now": three outlets on Aug 9.
      const rows = [
        ...["was", "okaz", "sabq", "was", "okaz", "sabq"].map((source, i) => ({
          id: `old-${i}`,
          story: "old",
          source,
          at: `2015-08-06T0${i}:00:00Z`,
        })),
        { id: "old-6", story: "old", source: "was", at: "2015-08-09T09:00:00Z" },
        ...["was", "okaz", "sabq"].map((source, i) => ({
          id: `now-${i}`,
          story: "now",
          source,
          at: `2015-08-09T0${6 + i}:00:00Z`,
        })),
      ];
      await storage.articles.writeArticles(
        rows.map((r) =>
          makeArticleWrite(r.id, {
            id: r.id,
            sourceId: r.source,
            title: `خبر ${r.id}`,
            text: `نص الخبر ${r.id}.`,
            publishedAt: r.at,
          }),
        ),
      );
      const fingerprints = { shingles: Uint32Array.from([1]), signature: new Uint32Array(128) };
      await storage.stories!.writePlacements({
        placements: rows.map((r) => ({
          articleId: r.id,
          storyId: r.story === "old" ? "old-0" : "now-0",
          groupId: r.id,
          duplicateOf: null,
          ...fingerprints,
        })),
        groupMerges: [],
        groupOriginals: [],
        merges: [],
        headlines: [],
      });
      const reader = new StoryReaderData(storage);
      // The old rank's lifetime size put "old" first: seven originals, three outlets, updated last.
      const now = await reader.topStories({ sources: [], limit: 5, offset: 0 });
      expect(now.stories.map((s) => [s.id, s.articleCount, s.recentArticleCount])).toEqual([
        ["now-0", 3, 3],
        ["old-0", 7, 1],
      ]);
      // At the end of Aug 6, "now" had not begun, and "old" had its first six articles.
      const past = await reader.topStories({
        sources: [],
        limit: 5,
        offset: 0,
        untilMs: Date.parse("2015-08-06T20:59:59Z"),
      });
      expect(past.stories).toMatchObject([
        { id: "old-0", articleCount: 6, recentArticleCount: 6, lastUpdate: "2015-08-06T05:00:00.000Z" },
      ]);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("StoryReaderData story entities", () => {
  it("gives a story's entities as its page does, and a rewritten article's new ones on the next read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "akhbar-reader-entities-"));
    const storage = await openSqliteStorage(join(dir, "reader.db"));
    try {
      await storage.articles.writeArticles([
        makeArticleWrite("a", {
          id: "a",
          title: "أمطار على الرياض",
          text: "هطلت أمطار غزيرة على الرياض صباح اليوم.",
          publishedAt: "2015-08-09T08:00:00Z",
        }),
        makeArticleWrite("b", {
          id: "b",
          sourceId: "okaz",
          title: "أمطار على جدة",
          text: "وهطلت الأمطار كذلك على جدة.",
          publishedAt: "2015-08-09T09:00:00Z",
        }),
      ]);
      const fingerprints = { shingles: Uint32Array.from([1]), signature: new Uint32Array(128) };
      await storage.stories!.writePlacements({
        placements: [
          { articleId: "a", storyId: "a", groupId: "a", duplicateOf: null, ...fingerprints },
          { articleId: "b", storyId: "a", groupId: "b", duplicateOf: null, ...fingerprints },
        ],
        groupMerges: [],
        groupOriginals: [],
        merges: [],
        headlines: [{ storyId: "a", headline: "أمطار على الرياض", articleId: "a" }],
      });
      const reader = new StoryReaderData(storage);
      const places = async () =>
        (await reader.storyEntities("a"))!.entities.filter((e) => e.kind === "place").map((e) => e.name);
      const story = await reader.story("a");
      expect(await reader.storyEntities("a")).toEqual({
        id: "a",
        headline: "أمطار على الرياض",
        entities: story!.entities,
      });
      expect(await places()).toEqual(expect.arrayContaining(["الرياض", "جدة"]));
      // The article's entities were kept from the reads above; its new text must not be answered with them.
      await storage.articles.writeArticles([
        makeArticleWrite("b", {
          id: "b",
          sourceId: "okaz",
          title: "أمطار على مكة",
          text: "وهطلت الأمطار كذلك على مكة.",
          publishedAt: "2015-08-09T09:00:00Z",
        }),
      ]);
      expect(await places()).toEqual(expect.arrayContaining(["الرياض", "مكة"]));
      expect(await places()).not.toContain("جدة");
      expect(await reader.storyEntities("nope")).toBeNull();
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
