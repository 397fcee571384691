/**
 * End-to-end crawling through the CLI and the HTTP API against a fake news site on 127.0.0.1: sources add
 * (autodiscovery, common paths), list with health, OPML, crawl --once, `serve --crawl` with no reachable
 * source, and a crawl killed with SIGKILL mid-run then re-run (every item stored exactly once).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { createApi } from "../../src/surfaces/api/create-api.ts";
import { type CrawlSite, feedReply, makeItems, startCrawlSite } from "../fixtures/crawl-site.ts";
import { runCliCaptured } from "../fixtures/run-cli-captured.ts";

const ROOT = join(import.meta.dirname, "../..");
let dir: string;
let site: CrawlSite;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "akhbar-crawl-cli-"));
  site = await startCrawlSite();
  env = {
    AKHBAR_FETCH_ALLOW: `127.0.0.1:${site.server.port}`,
    AKHBAR_CRAWL_HOST_INTERVAL_MS: "2",
    AKHBAR_CRAWL_WORKERS: "0",
    AKHBAR_LOG_LEVEL: "silent",
  };
  site.route("/home", {
    headers: { "content-type": "text/html; charset=utf-8" },
    body: `<html><head><link rel="alternate" type="application/rss+xml" title="\u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629" href="/rss/main"></head><body></body></html>`,
  });
  site.route("/rss/main", feedReply("rss2", makeItems(site.base(), "main", 4)));
  site.route("/bare/", {
    headers: { "content-type": "text/html" },
    body: "<html><head></head><body>x</body></html>",
  });
  site.route("/rss.xml", feedReply("atom", makeItems(site.base(), "bare", 2)));
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[], extraEnv: Record<string, string> = {}) {
  return runCliCaptured(args, { ...env, ...extraEnv });
}

function startChild(args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [join(ROOT, "bin/akhbar"), ...args], {
    env: { ...process.env, ...env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("akhbar sources and crawl", () => {
  it("adds a source from a homepage's advertised feed and from a common feed path, then crawls them", async () => {
    const db = join(dir, "add.db");
    const viaLink = await cli([
      "sources",
      "add",
      `${site.base()}/home`,
      "--name",
      "\u0648\u0627\u0633",
      "--country",
      "sa",
      "--id",
      "spa",
      "--db",
      db,
      "--json",
    ]);
    expect(viaLink.code).toBe(0);
    expect(JSON.parse(viaLink.out)).toMatchObject({
      source: "spa",
      via: "autodiscovery",
      feeds: [{ url: `${site.base()}/rss/main`, kind: "rss" }],
    });
    const viaPath = await cli([
      "sources",
      "add",
      `${site.base()}/bare/`,
      "--id",
      "bare",
      "--db",
      db,
      "--json",
    ]);
    expect(JSON.parse(viaPath.out)).toMatchObject({
      via: "common-path",
      feeds: [{ url: `${site.base()}/rss.xml` }],
    });
    const notFeed = await cli(["sources", "add", `${site.base()}/nothing`, "--db", db]);
    expect(notFeed.code).toBe(2);

    const before = JSON.parse((await cli(["sources", "list", "--json", "--db", db])).out);
    expect(before.sources.find((s: { id: string }) => s.id === "spa")).toMatchObject({
      name: "\u0648\u0627\u0633",
      country: "SA",
      health: { status: "pending", last_fetch_at: null },
    });

    const crawl = await cli(["crawl", "--once", "--json", "--db", db]);
    expect(crawl.code).toBe(0);
    expect(JSON.parse(crawl.out).items).toMatchObject({ inserted: 6, failed: 0 });

    const after = JSON.parse((await cli(["sources", "list", "--json", "--db", db])).out);
    const spa = after.sources.find((s: { id: string }) => s.id === "spa");
    expect(spa).toMatchObject({ article_count: 4, health: { status: "ok", new_items: 4, error: null } });
    expect(Date.parse(spa.health.next_poll_at)).toBeGreaterThan(Date.now());
    expect(spa.feeds[0]).toMatchObject({
      status: "ok",
      http_status: 200,
      kind: "rss",
      consecutive_failures: 0,
    });
    const table = await cli(["sources", "list", "--db", db]);
    expect(table.out).toMatch(/^spa\s+ok\s+4\s+4\s/m);

    const storage = await openSqliteStorage(db);
    const api = createApi({ storage, version: "test", startedAt: new Date() });
    const body = (await (await api.request("/api/sources")).json()) as {
      sources: { id: string; health: unknown }[];
    };
    await storage.close();
    expect(body.sources.find((s) => s.id === "bare")?.health).toMatchObject({ status: "ok", new_items: 2 });
  });

  it("exports, removes and re-imports sources as OPML", async () => {
    const db = join(dir, "opml.db");
    await cli(["sources", "add", `${site.base()}/rss/main`, "--id", "spa", "--db", db]);
    const exported = await cli(["sources", "export-opml", "--db", db]);
    expect(exported.out).toContain(`xmlUrl="${site.base()}/rss/main"`);
    const file = join(dir, "subs.opml");
    writeFileSync(file, exported.out);
    expect((await cli(["sources", "remove", "spa", "--db", db])).code).toBe(0);
    expect(JSON.parse((await cli(["sources", "list", "--json", "--db", db])).out).sources).toEqual([]);
    const imported = await cli(["sources", "import-opml", file, "--json", "--db", db]);
    expect(JSON.parse(imported.out)).toMatchObject({ added: 1, known: 0 });
    const again = await cli(["sources", "import-opml", file, "--json", "--db", db]);
    expect(JSON.parse(again.out)).toMatchObject({ added: 0, known: 1 });
    expect((await cli(["sources", "remove", "nope", "--db", db])).code).toBe(1);
  });

  it("`serve --crawl` with no reachable source keeps serving and reports each source's error", async () => {
    const db = join(dir, "offline.db");
    const defaults = join(dir, "offline-sources.json");
    // The .invalid TLD never resolves (RFC 2606), so this behaves like a machine without network, even in CI.
    const sources = ["one", "two", "three", "four"].map((id) => ({
      id,
      name: `\u0645\u0635\u062f\u0631 ${id}`,
      country: null,
      homepage: `https://${id}.invalid/`,
      feeds: [`https://${id}.invalid/rss`],
    }));
    writeFileSync(defaults, JSON.stringify({ sources }));
    const child = startChild(["serve", "--crawl", "--port", "0", "--db", db], {
      AKHBAR_DEFAULT_SOURCES: defaults,
    });
    let err = "";
    child.stderr!.on("data", (c) => (err += c));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const onData = () => {
          const m = /on http:\/\/[^:]+:(\d+)/.exec(err);
          if (m) resolve(Number(m[1]));
        };
        child.stderr!.on("data", onData);
        child.once("exit", () => reject(new Error(`serve exited early: ${err}`)));
      });
      let health: { id: string; health: { status: string; error: string | null; next_poll_at: string } }[] =
        [];
      for (let i = 0; i < 100; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/api/sources`);
        health = ((await res.json()) as { sources: typeof health }).sources;
        if (health.length === 4 && health.every((s) => s.health.status !== "pending")) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(health.map((s) => s.id).sort()).toEqual(["four", "one", "three", "two"]);
      for (const s of health) {
        expect(["error", "offline"]).toContain(s.health.status);
        expect(s.health.error).toMatch(/^fetch\.(dns|network): /);
        expect(Date.parse(s.health.next_poll_at)).toBeGreaterThan(Date.now());
      }
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      expect(err).toContain("loaded 4 default sources");
    } finally {
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    }
    // The defaults are loaded once: a second start adds nothing even after one was removed.
    await cli(["sources", "remove", "one", "--db", db]);
    const again = startChild(["serve", "--crawl", "--port", "0", "--db", db], {
      AKHBAR_DEFAULT_SOURCES: defaults,
    });
    let err2 = "";
    again.stderr!.on("data", (c) => (err2 += c));
    await new Promise<void>((resolve) => {
      again.stderr!.on("data", () => /crawling on a schedule/.test(err2) && resolve());
    });
    again.kill("SIGTERM");
    await once(again, "exit");
    expect(err2).not.toContain("loaded");
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT count(*) AS n FROM feeds").get()).toEqual({ n: 3 });
    conn.close();
  });

  it("stores every item exactly once across crawls killed with SIGKILL and a re-run", async () => {
    const db = join(dir, "kill.db");
    const feeds = ["k1", "k2", "k3"];
    for (const f of feeds) {
      site.route(
        `/kill/${f}`,
        feedReply(feeds.indexOf(f) % 2 === 0 ? "rss2" : "atom", makeItems(site.base(), f, 30)),
      );
      await cli(["sources", "add", `${site.base()}/kill/${f}`, "--id", `kill-${f}`, "--db", db]);
    }
    const articleRequests = () => site.server.requests.filter((r) => /^\/a\/k\d-/.test(r.path)).length;
    for (const killAt of [15, 50]) {
      const child = startChild(["crawl", "--once", "--db", db]);
      const exited = once(child, "exit");
      const timer = setInterval(() => {
        if (articleRequests() >= killAt) child.kill("SIGKILL");
      }, 1);
      const [code, signal] = await exited;
      clearInterval(timer);
      expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
    }
    const finish = await cli(["crawl", "--once", "--json", "--db", db]);
    expect(finish.code).toBe(0);

    const conn = new Database(db, { readonly: true });
    expect(conn.pragma("integrity_check", { simple: true })).toBe("ok");
    const urls = conn.prepare("SELECT url FROM articles WHERE source_id LIKE 'kill-%'").all() as {
      url: string;
    }[];
    const expected = feeds.flatMap((f) => makeItems(site.base(), f, 30).map((i) => i.url)).sort();
    expect(urls.map((u) => u.url).sort()).toEqual(expected);
    expect(conn.prepare("SELECT count(*) AS n FROM feed_items WHERE state <> 'done'").get()).toEqual({
      n: 0,
    });
    expect(conn.prepare("SELECT count(*) AS n FROM feed_items").get()).toEqual({ n: 90 });
    conn.close();
    // A page fetched by a killed run may be fetched once more; nothing is fetched a third time.
    const perPage = new Map<string, number>();
    for (const r of site.server.requests)
      if (/^\/a\/k\d-/.test(r.path)) perPage.set(r.path, (perPage.get(r.path) ?? 0) + 1);
    expect(Math.max(...perPage.values())).toBeLessThanOrEqual(2);
    expect(readFileSync(db).length).toBeGreaterThan(0);
  });
});
