import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  articlePage,
  type CrawlSite,
  feedReply,
  makeItems,
  startCrawlSite,
} from "../../test/fixtures/crawl-site.ts";
import { openSqliteStorage, type SqliteStorage } from "../adapters/sqlite/open-sqlite-storage.ts";
import { ThreadCrawlPreparer } from "../adapters/threads/thread-crawl-preparer.ts";
import { systemClock } from "../ports/clock.ts";
import type { CrawlPreparer } from "../ports/crawl-preparer.ts";
import type { HttpClient } from "../ports/http-client.ts";
import { silentLogger } from "../ports/logger.ts";
import { parseAllowList } from "../stages/fetch/address-policy.ts";
import { FAILURES_BEFORE_PAUSE } from "../stages/fetch/failure-policy.ts";
import { createTransport } from "../stages/fetch/transport.ts";
import { type CrawlSettings, createCrawlContext } from "./crawl-context.ts";
import { crawlRound } from "./crawl-round.ts";
import { inThreadCrawlPreparer } from "./prepare-crawl-item.ts";

let dir: string;
let site: CrawlSite;
let storage: SqliteStorage;
let http: HttpClient;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "akhbar-crawl-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  site = await startCrawlSite();
  storage = await openSqliteStorage(join(dir, `crawl-${++n}.db`));
  // Virtual host names all resolve to the loopback listener, which only the test allow-list admits.
  http = createTransport({
    allow: parseAllowList(`127.0.0.1:${site.server.port}`),
    resolve: async () => ["127.0.0.1"],
  });
  await storage.sources.upsertSource({
    id: "spa",
    name: "\u0648\u0627\u0633",
    homepage: null,
    country: "SA",
    language: "ar",
  });
});
afterEach(async () => {
  await http.close();
  await storage.close();
  await site.close();
});

function context(settings: CrawlSettings = {}, preparer: CrawlPreparer = inThreadCrawlPreparer) {
  return createCrawlContext(
    { storage, http, preparer, clock: systemClock, log: silentLogger },
    { hostIntervalMs: 5, random: () => 0.5, ...settings },
  );
}

async function addFeed(url: string, sourceId = "spa") {
  return (await storage.feeds.addFeed({ url, sourceId }, Date.now())).feed;
}

async function makeDue(feedId: number) {
  await storage.feeds.rescheduleFeed(feedId, 0);
}

const requested = (path: string) => site.server.requests.filter((r) => r.path === path).length;

describe("crawlRound", () => {
  it("stores every item of RSS 2.0, RSS 1.0, Atom, JSON Feed and news sitemap feeds, with the page's text", async () => {
    const formats = ["rss2", "rdf", "atom", "json", "sitemap"] as const;
    for (const format of formats) {
      site.route(`/feeds/${format}`, feedReply(format, makeItems(site.base(), format, 3)));
      await addFeed(`${site.base()}/feeds/${format}`);
    }
    const summary = await crawlRound(context());
    expect(summary.feeds.map((f) => [f.status, f.newItems])).toEqual(formats.map(() => ["ok", 3]));
    expect(summary.items).toMatchObject({ inserted: 15, feedContentOnly: 0, failed: 0 });
    const articles = await storage.articles.listArticlesAfter(0, 100);
    expect(articles).toHaveLength(15);
    const atom1 = articles.find((a) => a.url.endsWith("/a/atom-1"));
    expect(atom1).toMatchObject({ sourceId: "spa", title: "\u062e\u0628\u0631 atom \u0631\u0642\u0645 1" });
    expect(atom1?.text).toContain("\u0627\u0644\u0645\u0631\u062c\u0639 atom-1");
    expect(atom1?.extra).toMatchObject({ feed: `${site.base()}/feeds/atom` });
    const kinds = (await storage.feeds.listFeeds()).map((f) => f.kind).sort();
    expect(kinds).toEqual(["atom", "json", "rdf", "rss", "sitemap"]);
  });

  it("detects only the new items on the next poll and never stores one twice", async () => {
    const base = site.base();
    site.route("/feed", feedReply("rss2", makeItems(base, "f", 3)));
    const feed = await addFeed(`${base}/feed`);
    expect((await crawlRound(context())).items.inserted).toBe(3);
    site.route("/feed", feedReply("rss2", makeItems(base, "f", 5)));
    await makeDue(feed.id);
    const second = await crawlRound(context());
    expect(second.feeds[0]).toMatchObject({ entries: 5, newItems: 2 });
    expect(second.items.inserted).toBe(2);
    await makeDue(feed.id);
    const third = await crawlRound(context());
    expect(third.feeds[0]?.newItems).toBe(0);
    expect(await storage.articles.countArticles()).toBe(5);
    expect(requested("/a/f-0")).toBe(1);
    expect((await storage.feeds.getFeed(feed.id))?.newItemsLastRun).toBe(0);
  });

  it("moves a feed to its new address on a 301 and keeps its address on a 302", async () => {
    const base = site.base();
    site.route("/new-feed", feedReply("rss2", makeItems(base, "m", 1)));
    site.route("/old-feed", { status: 301, headers: { location: `${base}/new-feed` } });
    site.route("/temp-feed", { status: 302, headers: { location: `${base}/new-feed` } });
    const moved = await addFeed(`${base}/old-feed`);
    const temporary = await addFeed(`${base}/temp-feed`);
    const first = await crawlRound(context());
    expect(first.feeds.map((f) => f.status)).toEqual(["ok", "ok"]);
    expect((await storage.feeds.getFeed(moved.id))?.url).toBe(`${base}/new-feed`);
    expect((await storage.feeds.getFeed(temporary.id))?.url).toBe(`${base}/temp-feed`);
    const oldHits = requested("/old-feed");
    await makeDue(moved.id);
    await crawlRound(context());
    expect(requested("/old-feed")).toBe(oldHits);
    expect(await storage.articles.countArticles()).toBe(1);
  });

  it("sends the validators back exactly and writes nothing but the schedule on a 304", async () => {
    const base = site.base();
    const full = feedReply("rss2", makeItems(base, "v", 2), {
      etag: '"abc"',
      "last-modified": "Thu, 01 Jan 2026 00:00:00 GMT",
    });
    site.route("/feed", (req) => (req.headers["if-none-match"] === '"abc"' ? { status: 304 } : full));
    const feed = await addFeed(`${base}/feed`);
    await crawlRound(context());
    await makeDue(feed.id);
    const second = await crawlRound(context());
    expect(second.feeds[0]).toMatchObject({ status: "not_modified", httpStatus: 304, newItems: 0 });
    const conditional = site.server.requests.filter((r) => r.path === "/feed")[1];
    expect(conditional?.headers["if-none-match"]).toBe('"abc"');
    expect(conditional?.headers["if-modified-since"]).toBe("Thu, 01 Jan 2026 00:00:00 GMT");
    const saved = await storage.feeds.getFeed(feed.id);
    expect(saved).toMatchObject({ status: "not_modified", errorCode: null });
    expect(saved!.nextPollMs).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(await storage.articles.countArticles()).toBe(2);
  });

  it("on 429 with Retry-After: 120 holds every feed on that host for at least 120 s", async () => {
    const base = site.base("busy.test");
    site.route("/first", { status: 429, headers: { "retry-after": "120" } });
    site.route("/second", feedReply("rss2", makeItems(base, "s", 2)));
    const first = (await storage.feeds.addFeed({ url: `${base}/first`, sourceId: "spa" }, Date.now() - 1000))
      .feed;
    const second = await addFeed(`${base}/second`);
    const before = Date.now();
    const summary = await crawlRound(context({ feedConcurrency: 1 }));
    expect(summary.feeds.map((f) => f.feedId)).toEqual([first.id]);
    expect(summary.feeds[0]).toMatchObject({ status: "error", httpStatus: 429 });
    expect((await storage.feeds.getFeed(first.id))!.nextPollMs).toBeGreaterThanOrEqual(before + 120_000);
    expect((await storage.feeds.getFeed(second.id))!.nextPollMs).toBeGreaterThanOrEqual(before + 119_000);
    expect(requested("/second")).toBe(0);
    const pauses = await storage.feeds.listHostPauses(Date.now());
    expect(pauses).toEqual([expect.objectContaining({ hostKey: `busy.test:${site.server.port}` })]);
  });

  it("does not fetch a page robots.txt disallows and keeps the feed's own content", async () => {
    const base = site.base();
    const items = makeItems(base, "r", 2).map((i) => ({ ...i, url: i.url.replace("/a/", "/private/") }));
    site.route("/feed", feedReply("rss2", items));
    await addFeed(`${base}/feed`);
    const summary = await crawlRound(context());
    expect(summary.items).toMatchObject({ inserted: 2, feedContentOnly: 2 });
    expect(site.server.requests.some((r) => r.path.startsWith("/private/"))).toBe(false);
    expect(requested("/robots.txt")).toBe(1);
    const [article] = await storage.articles.listArticlesAfter(0, 1);
    expect(article?.text).toBe("\u0645\u0644\u062e\u0635 \u0627\u0644\u062e\u0628\u0631 r 1");
    const row = storage.db.prepare("SELECT error FROM feed_items LIMIT 1").get() as { error: string };
    expect(row.error).toMatch(/^robots\.disallowed/);
  });

  it("checks robots.txt of every redirect target: a disallowed one is not fetched, an allowed one after its robots.txt", async () => {
    const base = site.base();
    const other = site.base("mirror.test");
    const items = makeItems(base, "h", 2).map((i) => ({ ...i, url: i.url.replace("/a/", "/go/") }));
    site.route("/go/h-0", { status: 302, headers: { location: `${other}/private/h-0` } });
    site.route("/go/h-1", { status: 301, headers: { location: `${other}/a/h-1` } });
    site.route("/feed", feedReply("rss2", items));
    await addFeed(`${base}/feed`);
    const summary = await crawlRound(context({ feedConcurrency: 1, maxInFlightPerHost: 1 }));
    expect(summary.items).toMatchObject({ inserted: 2, feedContentOnly: 1, failed: 0 });
    const log = site.server.requests.map((r) => `${String(r.headers.host).split(":")[0]}${r.path}`);
    expect(log.some((r) => r.includes("/private/"))).toBe(false);
    // Each origin's robots.txt once; the allowed target's before its page, and the redirect not asked twice.
    expect(log.filter((r) => r.endsWith("/robots.txt"))).toEqual([
      "127.0.0.1/robots.txt",
      "mirror.test/robots.txt",
    ]);
    expect(log.indexOf("mirror.test/robots.txt")).toBeLessThan(log.indexOf("mirror.test/a/h-1"));
    expect(log.filter((r) => r === "127.0.0.1/go/h-1")).toHaveLength(1);
    const rows = storage.db.prepare("SELECT url_key, error FROM feed_items ORDER BY seq").all() as {
      url_key: string;
      error: string | null;
    }[];
    const errorOf = (name: string) =>
      rows.find((r) => r.url_key.endsWith(name))?.error?.split(":")[0] ?? null;
    expect([errorOf("/go/h-0"), errorOf("/go/h-1")]).toEqual(["robots.disallowed", null]);
    const fetched = (await storage.articles.listArticlesAfter(0, 10)).find((a) => a.url.endsWith("h-1"));
    expect(fetched?.text).toContain("\u0627\u0644\u0645\u0631\u062c\u0639 h-1");
  });

  it("stores an item from the feed's content when its page fails, and the rest of the batch normally", async () => {
    const base = site.base();
    const items = makeItems(base, "p", 3);
    items[1] = { ...items[1]!, url: `${base}/broken/1` };
    site.route("/feed", feedReply("rss2", items));
    await addFeed(`${base}/feed`);
    const summary = await crawlRound(context());
    expect(summary.items).toMatchObject({ inserted: 3, feedContentOnly: 1, failed: 0 });
    const broken = (await storage.articles.listArticlesAfter(0, 10)).find((a) => a.url.endsWith("/broken/1"));
    expect(broken?.text).toBe("\u0645\u0644\u062e\u0635 \u0627\u0644\u062e\u0628\u0631 p 1");
    const row = storage.db.prepare("SELECT error FROM feed_items WHERE url_key LIKE '%broken%'").get() as {
      error: string;
    };
    expect(row.error).toBe("http.500: the server answered HTTP 500");
  });

  it("disables a feed that keeps failing, with a visible reason, and stops polling it", async () => {
    site.route("/feed", { headers: { "content-type": "text/html" }, body: articlePage("x", "not a feed") });
    const feed = await addFeed(`${site.base()}/feed`);
    const ctx = context();
    for (let i = 0; i < FAILURES_BEFORE_PAUSE; i++) {
      await crawlRound(ctx);
      await makeDue(feed.id);
    }
    const saved = await storage.feeds.getFeed(feed.id);
    expect(saved).toMatchObject({ status: "error", errorCode: "feed.not_a_feed", consecutiveFailures: 10 });
    expect(saved?.disabledReason).toMatch(/^paused after 10 consecutive failures; last: feed\.not_a_feed/);
    await crawlRound(ctx);
    expect(requested("/feed")).toBe(FAILURES_BEFORE_PAUSE);
  });

  it("keeps each host's spacing and concurrency, measured from the server's request log", async () => {
    const interval = 100;
    for (const host of ["one.test", "two.test"]) {
      for (const f of ["x", "y"]) {
        site.route(`/${host}-${f}`, feedReply("rss2", makeItems(site.base(host), `${host}-${f}`, 6)));
        await addFeed(`${site.base(host)}/${host}-${f}`);
      }
    }
    const summary = await crawlRound(context({ hostIntervalMs: interval }));
    expect(summary.items.inserted).toBe(24);
    const starts = site.startsByHost();
    expect([...starts.keys()].sort()).toEqual([
      `one.test:${site.server.port}`,
      `two.test:${site.server.port}`,
    ]);
    for (const [host, times] of starts) {
      expect(times.length).toBe(1 + 2 + 12);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      // The client spaces request starts; the server sees a start late when its connection was still being set
      // up, which shortens the next gap by that delay (a few ms), never the spacing over the run.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval * 0.9);
      expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(interval * (times.length - 1) - 5);
      expect(site.maxInFlight.get(host)).toBeLessThanOrEqual(2);
    }
  });

  it("keeps a host's spacing when a request waits for DNS and connect while another reuses a connection", async () => {
    const interval = 200;
    // Every new connection waits 400 ms for its DNS answer and every page takes 400 ms to answer. Two pages are
    // fetched at once: the second opens a connection of its own and is written 400 ms after the limiter let it
    // go, just when the third, on the first connection (free again), would be let go if the spacing counted from
    // when requests were let go rather than from when they were written.
    const slowDns = createTransport({
      allow: parseAllowList(`127.0.0.1:${site.server.port}`),
      resolve: async () => {
        await new Promise((r) => setTimeout(r, 400));
        return ["127.0.0.1"];
      },
    });
    try {
      const items = makeItems(site.base("slow.test"), "s", 5);
      for (const item of items) {
        site.route(`/a/${item.id}`, {
          headers: { "content-type": "text/html; charset=utf-8" },
          body: articlePage(item.id, item.title),
          delayMs: 400,
        });
      }
      site.route("/slow-feed", feedReply("rss2", items));
      await addFeed(`${site.base("slow.test")}/slow-feed`);
      const ctx = createCrawlContext(
        { storage, http: slowDns, preparer: inThreadCrawlPreparer, clock: systemClock, log: silentLogger },
        { hostIntervalMs: interval, random: () => 0.5 },
      );
      const summary = await crawlRound(ctx);
      expect(summary.items.inserted).toBe(5);
      const times = site.startsByHost().get(`slow.test:${site.server.port}`) ?? [];
      expect(times.length).toBe(1 + 1 + 5);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      // With the spacing counted from when requests were let go, two page requests reached the host 1-10 ms apart.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval * 0.9);
    } finally {
      await slowDns.close();
    }
  });

  it("keeps a host's spacing across a restart: a new crawler waits one interval before its first request", async () => {
    const interval = 400;
    site.route("/before", feedReply("rss2", makeItems(site.base("r.test"), "before", 2)));
    site.route("/after", feedReply("rss2", makeItems(site.base("r.test"), "after", 2)));
    await addFeed(`${site.base("r.test")}/before`);
    await crawlRound(context({ hostIntervalMs: interval }));
    const lastBefore = site.server.requests.at(-1)!.at;
    // The next crawler process starts at once (kill -9 and restart) and finds a feed due on the same host.
    await addFeed(`${site.base("r.test")}/after`);
    const summary = await crawlRound(context({ hostIntervalMs: interval }));
    expect(summary.items.inserted).toBe(2);
    const firstAfter = site.server.requests.find((r) => r.path === "/after")!.at;
    expect(firstAfter - lastBefore).toBeGreaterThanOrEqual(interval * 0.9);
  });

  it("parses feeds and extracts pages in a worker thread", async () => {
    const preparer = new ThreadCrawlPreparer(1);
    try {
      site.route("/feed", feedReply("atom", makeItems(site.base(), "w", 3)));
      site.route("/bomb", {
        headers: { "content-type": "application/xml" },
        body: '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>',
      });
      await addFeed(`${site.base()}/feed`);
      await addFeed(`${site.base()}/bomb`);
      const summary = await crawlRound(context({}, preparer));
      expect(summary.items.inserted).toBe(3);
      const bomb = summary.feeds.find((f) => f.url.endsWith("/bomb"));
      expect(bomb?.status).toBe("error");
      expect(bomb?.error).toMatch(/^feed\./);
    } finally {
      await preparer.close();
    }
  });
});
