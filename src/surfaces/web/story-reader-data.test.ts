import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeArticleWrite } from "../../../test/contract/article-fixtures.ts";
import { openSqliteStorage } from "../../adapters/sqlite/open-sqlite-storage.ts";
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
