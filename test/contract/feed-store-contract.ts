/**
 * Contract suite for the FeedStore port: every storage adapter runs it unchanged.
 * Test suite factory; `open` must return a fresh, empty Storage each call.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FeedRunRecord, PendingItemDraft } from "../../src/domain/feed.ts";
import type { Storage } from "../../src/ports/storage.ts";
import { emptyEntry } from "../../src/stages/feeds/feed-document.ts";
import { makeArticleWrite } from "./article-fixtures.ts";

const T0 = Date.parse("2026-01-01T00:00:00Z");

function candidate(key: string, url = `news.example/${key}`): PendingItemDraft {
  return {
    itemKey: `g:${key}`,
    urlKey: url,
    entry: { ...emptyEntry(), guid: key, url: `https://${url}`, title: key },
  };
}

function okRun(overrides: Partial<FeedRunRecord> = {}): FeedRunRecord {
  return {
    etag: '"v1"',
    lastModified: "Thu, 01 Jan 2026 00:00:00 GMT",
    bodyHash: "abc",
    ignoreValidators: false,
    lastFullFetchMs: T0,
    lastFetchAt: new Date(T0).toISOString(),
    status: "ok",
    httpStatus: 200,
    errorCode: null,
    error: null,
    failureScore: 0,
    consecutiveFailures: 0,
    disabledReason: null,
    nextPollMs: T0 + 3_600_000,
    pollIntervalMs: 3_600_000,
    ...overrides,
  };
}

export function describeFeedStoreContract(name: string, open: () => Promise<Storage>): void {
  describe(`FeedStore contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
      await storage.sources.ensureSources(["spa", "wam"]);
    });
    afterEach(async () => {
      await storage.close();
    });

    it("adds a feed due at once and returns the same feed when the URL is added again", async () => {
      const first = await storage.feeds.addFeed({ url: "https://spa.example/rss", sourceId: "spa" }, T0);
      expect(first.created).toBe(true);
      expect(first.feed).toMatchObject({
        sourceId: "spa",
        status: "pending",
        nextPollMs: T0,
        disabledReason: null,
      });
      const again = await storage.feeds.addFeed({ url: "https://spa.example/rss", sourceId: "wam" }, T0 + 5);
      expect(again.created).toBe(false);
      expect(again.feed).toEqual(first.feed);
      expect(await storage.feeds.getFeedByUrl("https://spa.example/rss")).toEqual(first.feed);
      expect(await storage.feeds.listFeeds()).toHaveLength(1);
    });

    it("moves a feed to the URL it permanently redirected to, unless another feed has that URL", async () => {
      const { feed } = await storage.feeds.addFeed({ url: "http://spa.example/rss", sourceId: "spa" }, T0);
      const { feed: other } = await storage.feeds.addFeed(
        { url: "https://wam.example/rss", sourceId: "wam" },
        T0,
      );
      await storage.feeds.recordFeedRun(feed.id, okRun({ movedTo: "https://spa.example/rss" }), [], 0);
      expect((await storage.feeds.getFeed(feed.id))?.url).toBe("https://spa.example/rss");
      expect(await storage.feeds.getFeedByUrl("http://spa.example/rss")).toBeNull();
      await storage.feeds.recordFeedRun(other.id, okRun({ movedTo: "https://spa.example/rss" }), [], 0);
      expect((await storage.feeds.getFeed(other.id))?.url).toBe("https://wam.example/rss");
      await storage.feeds.recordFeedRun(feed.id, okRun({ movedTo: null }), [], 0);
      expect((await storage.feeds.getFeed(feed.id))?.url).toBe("https://spa.example/rss");
    });

    it("commits a run's state and only its new items, by key or URL, capped, in order", async () => {
      const { feed } = await storage.feeds.addFeed({ url: "https://spa.example/rss", sourceId: "spa" }, T0);
      const accepted = await storage.feeds.recordFeedRun(
        feed.id,
        { ...okRun(), kind: "rss", title: "SPA" },
        [candidate("a"), candidate("b"), candidate("a"), candidate("c")],
        2,
      );
      expect(accepted).toBe(2);
      const saved = await storage.feeds.getFeed(feed.id);
      expect(saved).toMatchObject({
        etag: '"v1"',
        status: "ok",
        newItemsLastRun: 2,
        kind: "rss",
        title: "SPA",
      });
      const pending = await storage.feeds.claimPendingItems(10);
      expect(pending.map((p) => p.itemKey)).toEqual(["g:a", "g:b"]);
      expect(pending[0]).toMatchObject({ feedId: feed.id, sourceId: "spa", feedUrl: feed.url, attempts: 1 });
      expect(pending[0]?.entry.title).toBe("a");
      // Next run: a and b are known by key; d carries b's URL under another GUID; c was over the cap, so new now.
      const next = await storage.feeds.recordFeedRun(
        feed.id,
        okRun(),
        [candidate("a"), candidate("d", "news.example/b"), candidate("c")],
        10,
      );
      expect(next).toBe(1);
      expect((await storage.feeds.getFeed(feed.id))?.newItemsLastRun).toBe(1);
    });

    it("treats a URL stored as an article or listed by another feed as known", async () => {
      const spa = (await storage.feeds.addFeed({ url: "https://spa.example/rss", sourceId: "spa" }, T0)).feed;
      const wam = (await storage.feeds.addFeed({ url: "https://wam.example/rss", sourceId: "wam" }, T0)).feed;
      await storage.articles.writeArticles([makeArticleWrite("stored")]);
      expect(
        await storage.feeds.recordFeedRun(spa.id, okRun(), [candidate("x", "news.example/shared")], 10),
      ).toBe(1);
      const accepted = await storage.feeds.recordFeedRun(
        wam.id,
        okRun(),
        [candidate("y", "news.example/shared"), candidate("z", "news.example/stored")],
        10,
      );
      expect(accepted).toBe(0);
    });

    it("completes, releases and counts pending items", async () => {
      const { feed } = await storage.feeds.addFeed({ url: "https://spa.example/rss", sourceId: "spa" }, T0);
      await storage.feeds.recordFeedRun(feed.id, okRun(), [candidate("a"), candidate("b")], 10);
      const [a, b] = await storage.feeds.claimPendingItems(10);
      await storage.feeds.completeItem(
        a!.seq,
        { articleId: "id-a", outcome: "inserted", error: null },
        "2026-01-01T00:01:00Z",
      );
      await storage.feeds.releaseItem(b!.seq);
      expect(await storage.feeds.countPendingItems()).toBe(1);
      const again = await storage.feeds.claimPendingItems(10, feed.id);
      expect(again.map((p) => [p.itemKey, p.attempts])).toEqual([["g:b", 1]]);
      expect(await storage.feeds.claimPendingItems(10, feed.id + 1)).toEqual([]);
    });

    it("claims due feeds once until their lease ends or is released", async () => {
      const a = (await storage.feeds.addFeed({ url: "https://spa.example/a", sourceId: "spa" }, T0)).feed;
      await storage.feeds.addFeed({ url: "https://spa.example/later", sourceId: "spa" }, T0 + 10_000);
      expect((await storage.feeds.claimDueFeeds(T0, 10, 60_000)).map((f) => f.id)).toEqual([a.id]);
      expect(await storage.feeds.claimDueFeeds(T0 + 1, 10, 60_000)).toEqual([]);
      expect(await storage.feeds.releaseLeases()).toBe(1);
      expect((await storage.feeds.claimDueFeeds(T0 + 1, 10, 60_000)).map((f) => f.id)).toEqual([a.id]);
      expect((await storage.feeds.claimDueFeeds(T0 + 70_000, 10, 60_000)).length).toBe(2);
      expect(await storage.feeds.nextDueAt()).toBe(T0);
    });

    it("never claims a disabled feed, and shows it again once enabled", async () => {
      const { feed } = await storage.feeds.addFeed({ url: "https://spa.example/rss", sourceId: "spa" }, T0);
      await storage.feeds.recordFeedRun(
        feed.id,
        okRun({
          status: "error",
          errorCode: "http.410",
          error: "gone",
          disabledReason: "paused: gone",
          nextPollMs: T0,
        }),
        [],
        0,
      );
      expect(await storage.feeds.claimDueFeeds(T0 + 1, 10, 1_000)).toEqual([]);
      expect(await storage.feeds.nextDueAt()).toBeNull();
      expect((await storage.feeds.getFeed(feed.id))?.disabledReason).toBe("paused: gone");
      expect(await storage.feeds.enableFeed(feed.id, T0 + 2)).toBe(true);
      expect((await storage.feeds.claimDueFeeds(T0 + 2, 10, 1_000)).map((f) => f.id)).toEqual([feed.id]);
    });

    it("disables a feed by hand with a visible reason until it is enabled again", async () => {
      const { feed } = await storage.feeds.addFeed(
        { url: "https://spa.example/manual", sourceId: "spa" },
        T0,
      );
      expect(await storage.feeds.disableFeed(feed.id, "admin: disabled")).toBe(true);
      expect((await storage.feeds.getFeed(feed.id))?.disabledReason).toBe("admin: disabled");
      expect(await storage.feeds.claimDueFeeds(T0 + 1, 10, 1_000)).toEqual([]);
      expect(await storage.feeds.disableFeed(feed.id + 999, "x")).toBe(false);
      expect(await storage.feeds.enableFeed(feed.id, T0 + 2)).toBe(true);
      expect((await storage.feeds.claimDueFeeds(T0 + 2, 10, 1_000)).map((f) => f.id)).toEqual([feed.id]);
    });

    it("reschedules a feed and drops its lease", async () => {
      const { feed } = await storage.feeds.addFeed({ url: "https://spa.example/rss", sourceId: "spa" }, T0);
      await storage.feeds.claimDueFeeds(T0, 10, 60_000);
      expect(await storage.feeds.rescheduleFeed(feed.id, T0 + 500, 900_000)).toBe(true);
      expect(await storage.feeds.getFeed(feed.id)).toMatchObject({
        nextPollMs: T0 + 500,
        pollIntervalMs: 900_000,
      });
      expect((await storage.feeds.claimDueFeeds(T0 + 500, 10, 60_000)).length).toBe(1);
    });

    it("keeps the longest host pause and forgets it once over", async () => {
      await storage.feeds.pauseHost("spa.example:443", T0 + 120_000, "HTTP 429");
      await storage.feeds.pauseHost("spa.example:443", T0 + 60_000, "HTTP 503");
      expect(await storage.feeds.listHostPauses(T0)).toEqual([
        { hostKey: "spa.example:443", untilMs: T0 + 120_000, reason: "HTTP 429" },
      ]);
      expect(await storage.feeds.listHostPauses(T0 + 120_000)).toEqual([]);
    });

    it("removes a source's feeds, keeping the source while articles name it", async () => {
      await storage.feeds.addFeed({ url: "https://spa.example/rss", sourceId: "spa" }, T0);
      await storage.feeds.addFeed({ url: "https://wam.example/rss", sourceId: "wam" }, T0);
      await storage.articles.writeArticles([makeArticleWrite("w", { sourceId: "wam" })]);
      expect(await storage.feeds.removeSource("spa")).toEqual({ feedsRemoved: 1, sourceDeleted: true });
      expect(await storage.feeds.removeSource("wam")).toEqual({ feedsRemoved: 1, sourceDeleted: false });
      expect(await storage.feeds.removeSource("nope")).toBeNull();
      expect(await storage.sources.getSource("spa")).toBeNull();
      expect(await storage.sources.getSource("wam")).not.toBeNull();
      expect(await storage.feeds.listFeeds()).toEqual([]);
    });

    it("sets a flag once", async () => {
      expect(await storage.feeds.hasFlag("seeded")).toBe(false);
      expect(await storage.feeds.setFlagOnce("seeded", "2026-01-01T00:00:00Z")).toBe(true);
      expect(await storage.feeds.setFlagOnce("seeded", "2026-01-02T00:00:00Z")).toBe(false);
      expect(await storage.feeds.hasFlag("seeded")).toBe(true);
    });
  });
}
