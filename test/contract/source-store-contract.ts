/**
 * Contract suite for the SourceStore port: every storage adapter runs it unchanged.
 * Test suite factory; `open` must return a fresh, empty Storage each call.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Storage } from "../../src/ports/storage.ts";
import { makeArticleWrite } from "./article-fixtures.ts";

export function describeSourceStoreContract(name: string, open: () => Promise<Storage>): void {
  describe(`SourceStore contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });

    const okaz = {
      id: "okaz",
      name: "\u0639\u0643\u0627\u0638",
      homepage: "https://okaz.com.sa",
      country: "SA",
      language: "ar",
    };

    it("inserts a source and returns it with a creation time", async () => {
      const saved = await storage.sources.upsertSource(okaz);
      expect(saved).toMatchObject(okaz);
      expect(Number.isNaN(Date.parse(saved.createdAt))).toBe(false);
      expect(await storage.sources.getSource("okaz")).toEqual(saved);
    });

    it("updates a source on upsert and keeps its createdAt", async () => {
      const first = await storage.sources.upsertSource(okaz);
      const second = await storage.sources.upsertSource({ ...okaz, name: "Okaz", homepage: null });
      expect(second.name).toBe("Okaz");
      expect(second.homepage).toBeNull();
      expect(second.createdAt).toBe(first.createdAt);
    });

    it("creates missing sources with their id as name and leaves existing ones untouched", async () => {
      await storage.sources.upsertSource(okaz);
      await storage.sources.ensureSources(["okaz", "sabq", "sabq"]);
      expect((await storage.sources.getSource("okaz"))?.name).toBe(okaz.name);
      expect((await storage.sources.getSource("sabq"))?.name).toBe("sabq");
    });

    it("returns null for an unknown source", async () => {
      expect(await storage.sources.getSource("nope")).toBeNull();
    });

    it("creates the source of an article written before its source was registered", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a", { sourceId: "newcomer" })]);
      expect((await storage.sources.getSource("newcomer"))?.name).toBe("newcomer");
    });

    it("lists sources with article counts and the latest published-else-fetched time", async () => {
      await storage.sources.upsertSource(okaz);
      await storage.sources.ensureSources(["empty"]);
      await storage.articles.writeArticles([
        makeArticleWrite("a", { sourceId: "okaz", publishedAt: "2015-07-22T10:00:00" }),
        makeArticleWrite("b", { sourceId: "okaz", publishedAt: null, fetchedAt: "2015-07-25T09:00:00" }),
        makeArticleWrite("c", { sourceId: "okaz", publishedAt: "2015-07-23T10:00:00" }),
        makeArticleWrite("d", { sourceId: "sabq" }),
      ]);
      await storage.articles.deleteArticle("id-c", "x");
      const list = await storage.sources.listSources();
      const byId = new Map(list.map((s) => [s.id, s]));
      expect(byId.get("okaz")).toMatchObject({ articleCount: 2, lastArticleAt: "2015-07-25T09:00:00" });
      expect(byId.get("sabq")).toMatchObject({ articleCount: 1, lastArticleAt: "2015-07-21T02:16:13" });
      expect(byId.get("empty")).toMatchObject({ articleCount: 0, lastArticleAt: null });
    });

    it("moves an article's count when an update changes its source", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a", { sourceId: "one" })]);
      await storage.articles.writeArticles([makeArticleWrite("a", { sourceId: "two" })]);
      const byId = new Map((await storage.sources.listSources()).map((s) => [s.id, s.articleCount]));
      expect(byId.get("one")).toBe(0);
      expect(byId.get("two")).toBe(1);
    });
  });
}
