/**
 * `npm run bench:web`: server render latency (p50/p95/p99) of the home, story, article and search pages with the
 * dev corpus loaded and the fill of "similar articles" lists on 500 anchors, then an autocannon load test (200
 * connections × 30 s, autocannon in its own worker thread) on the JSON API and on the pages, printing errors,
 * timeouts, non-2xx and p99, and a short run with the default rate limit to show how it refuses one client's flood.
 * Reads ../shared/data/corpus in place; writes only to a temp folder.
 */
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { ThreadBatchPreparer } from "../../src/adapters/threads/thread-batch-preparer.ts";
import { findRelatedArticles } from "../../src/pipeline/find-related-articles.ts";
import { importRecords } from "../../src/pipeline/import-records.ts";
import { searchArticles } from "../../src/pipeline/search-articles.ts";
import { systemClock } from "../../src/ports/clock.ts";
import { createApi } from "../../src/surfaces/api/create-api.ts";
import { readLines } from "../../src/surfaces/cli/read-lines.ts";
import { createWebApp } from "../../src/surfaces/web/create-web-app.ts";
import { BENCH_QUERIES } from "../search-queries.ts";

const CORPUS =
  process.env.AKHBAR_BENCH_CORPUS ??
  join(import.meta.dirname, "../../../shared/data/corpus/saudinewsnet.dev.jsonl.gz");
/** Renders per page kind; percentiles are over all of them. */
const RENDERS = 200;
/** The load-test shape: 200 concurrent connections for 30 s. */
const LOAD_CONNECTIONS = Number(process.env.AKHBAR_BENCH_CONNECTIONS ?? 200);
const LOAD_SECONDS = Number(process.env.AKHBAR_BENCH_SECONDS ?? 30);
/** Articles whose similar lists are built for the fill figures. */
const RELATED_ANCHORS = 500;
/** The default-limit run only shows the limiter's answers (429 at once), so a few seconds suffice. */
const LIMITED_SECONDS = 5;

async function main() {
  if (!existsSync(CORPUS)) throw new Error(`bench: corpus not found at ${CORPUS}`);
  const dir = mkdtempSync(join(tmpdir(), "akhbar-web-bench-"));
  const storage = await openSqliteStorage(join(dir, "web.db"));
  try {
    const t0 = performance.now();
    const preparer = new ThreadBatchPreparer();
    const source = await readLines(CORPUS);
    const summary = await importRecords(source.lines, { storage, clock: systemClock }, { preparer });
    await preparer.close();
    console.log(`imported ${summary.imported} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // All 200 connections come from one address, which the per-client limiter rightly treats as one client (60
    // requests, then 10/s). To load the server rather than the limiter, the limiter stays in the path (its cost is
    // measured) with a bucket this client cannot empty; the last run below uses the default limit instead.
    const api = createApi({ storage, version: "bench", startedAt: new Date() });
    const app = createWebApp({
      storage,
      adminToken: null,
      api,
      rateLimit: { burst: 1e9, perSecond: 1e9 },
    });
    const ids = (await storage.articles.listArticlesAfter(0, 5000)).map((a) => a.id);
    const pick = (i: number) => ids[(i * 7919) % ids.length]!;
    // Story pages by their own ids (stories are placed at import); an article id is not a story id.
    const storyIds = (await storage.stories!.listStories({ limit: 5000 })).map((story) => story.id);
    const pickStory = (i: number) => storyIds[(i * 7919) % storyIds.length]!;
    // A write before each render moves the store's change mark: the first view after an article arrives.
    const [touched] = await storage.sources.listSources();
    const write = async () => {
      if (touched !== undefined) await storage.sources.upsertSource(touched);
    };
    // Story and article renders are each a different page, so they measure first views (nothing cached for them);
    // "-again" rows repeat ten pages, as readers do with popular ones. Warm-up renders use other pages (i ≥ RENDERS).
    const kinds: [string, (i: number) => string, (() => Promise<void>)?][] = [
      ["home", (i) => (i % 4 === 0 ? "/?offset=20" : "/")],
      ["home-write", (i) => (i % 4 === 0 ? "/?offset=20" : "/"), write],
      ["story", (i) => `/story/${encodeURIComponent(pickStory(i))}`],
      ["article", (i) => `/article/${encodeURIComponent(pick(i))}`],
      ["article-again", (i) => `/article/${encodeURIComponent(pick(i % 10))}`],
      ["search", (i) => `/search?q=${encodeURIComponent(BENCH_QUERIES[i % BENCH_QUERIES.length]!)}`],
      [
        "search-cold",
        (i) =>
          `/search?q=${encodeURIComponent(BENCH_QUERIES[i % BENCH_QUERIES.length]!)}&from=2015-0${1 + (i % 9)}-01`,
      ],
    ];
    // The search pipeline alone (no page), so the page's own share of a search render is visible.
    const pipeline: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      const s = performance.now();
      await searchArticles(storage, BENCH_QUERIES[i % BENCH_QUERIES.length]!, {
        sources: [],
        from: null,
        to: null,
        limit: 10,
        offset: 0,
        recency: false,
      });
      pipeline.push(performance.now() - s);
    }
    console.log("\nserver render (app.request, no socket), ms:");
    console.log("page            p50     p95     p99     max   bytes(p50)  bytes(max)   (UTF-8 HTML)");
    for (const [name, path, before] of kinds) {
      for (let i = 0; i < 10; i++)
        await (await app.request(path(name.endsWith("-again") ? i : RENDERS + i))).text();
      const times: number[] = [];
      const sizes: number[] = [];
      for (let i = 0; i < RENDERS; i++) {
        await before?.();
        const s = performance.now();
        const res = await app.request(path(i));
        const body = await res.text();
        times.push(performance.now() - s);
        sizes.push(Buffer.byteLength(body));
        if (res.status !== 200) throw new Error(`bench: ${path(i)} answered ${res.status}`);
      }
      console.log(
        `${name.padEnd(14)} ${[50, 95, 99, 100].map((p) => pct(times, p).toFixed(2).padStart(7)).join(" ")}   ${String(pct(sizes, 50)).padStart(9)}  ${String(pct(sizes, 100)).padStart(10)}`,
      );
    }
    console.log(
      `${"(pipeline)".padEnd(14)} ${[50, 95, 99, 100].map((p) => pct(pipeline, p).toFixed(2).padStart(7)).join(" ")}   searchArticles alone, same queries`,
    );
    console.log(
      "home-write: a write just before each render (first view after new articles); article-again: ten articles repeated",
    );
    // The page budget (100 KB before images) is tightest on the story with the most coverage.
    const [biggest] = (await storage.stories!.listStories({ limit: 100_000 })).sort(
      (a, b) => b.articleCount - a.articleCount,
    );
    if (biggest !== undefined) {
      const body = await (await app.request(`/story/${encodeURIComponent(biggest.id)}`)).text();
      console.log(
        `largest story (${biggest.articleCount} articles): first page ${Buffer.byteLength(body)} bytes of HTML`,
      );
    }

    // "مقالات مشابهة" fill (issue #5/#6): anchors spread over the whole corpus, as the article page asks for them.
    const allIds = storage.db.prepare("SELECT id FROM articles ORDER BY seq").pluck().all() as string[];
    const fill: number[] = [];
    const listCpu: number[] = [];
    for (let i = 0; i < RELATED_ANCHORS; i++) {
      const id = allIds[Math.floor((i * allIds.length) / RELATED_ANCHORS)]!;
      const c0 = process.cpuUsage();
      const lists = await findRelatedArticles(storage, id, { coverage: false });
      const c = process.cpuUsage(c0);
      listCpu.push((c.user + c.system) / 1000);
      fill.push(lists?.similar.length ?? 0);
    }
    console.log(
      `similar lists (${RELATED_ANCHORS} anchors): mean items ${(fill.reduce((a, b) => a + b, 0) / fill.length).toFixed(2)}, ` +
        `>= 3 items ${((100 * fill.filter((n) => n >= 3).length) / fill.length).toFixed(1)}%, empty ${((100 * fill.filter((n) => n === 0).length) / fill.length).toFixed(1)}%; ` +
        `CPU per list p50 ${pct(listCpu, 50).toFixed(2)} ms, p95 ${pct(listCpu, 95).toFixed(2)} ms`,
    );

    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await once(server, "listening");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The default limiter on a second server over the same store, for the last run.
    const limitedApp = createWebApp({ storage, adminToken: null, api });
    const limitedServer = serve({ fetch: limitedApp.fetch, port: 0, hostname: "127.0.0.1" });
    await once(limitedServer, "listening");
    const limitedBase = `http://127.0.0.1:${(limitedServer.address() as AddressInfo).port}`;
    const q = (i: number) => encodeURIComponent(BENCH_QUERIES[i % BENCH_QUERIES.length]!);
    const targets: [string, string[]][] = [
      [
        "api",
        [
          ...Array.from({ length: 8 }, (_, i) => `/api/search?q=${q(i)}`),
          "/api/stories",
          `/api/articles/${pick(1)}`,
        ],
      ],
      [
        "pages",
        [
          "/",
          `/story/${pickStory(2)}`,
          `/article/${pick(3)}`,
          ...Array.from({ length: 4 }, (_, i) => `/search?q=${q(i)}`),
        ],
      ],
    ];
    console.log(
      `\nload test: autocannon ${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s from one worker thread (timeout 10 s);` +
        "\nrate limit raised for this one client (the bucket is per client address; see the last line for the default)",
    );
    const load = async (name: string, url: string, paths: string[], seconds: number) => {
      const result = await autocannon({
        url,
        connections: LOAD_CONNECTIONS,
        duration: seconds,
        // Its own event loop: in the server's thread the load generator delays the server it measures.
        workers: 1,
        requests: paths.map((path) => ({ method: "GET", path })),
      });
      console.log(
        `${name.padEnd(6)} requests ${result.requests.total}  req/s ${result.requests.average.toFixed(0)}  errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}  latency p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms`,
      );
      return result;
    };
    for (const [name, paths] of targets) await load(name, base, paths, LOAD_SECONDS);
    const [, apiPaths] = targets[0]!;
    const limited = await load("api, default rate limit", limitedBase, apiPaths, LIMITED_SECONDS);
    console.log(
      `       (one client at the default limit: ${limited["2xx"]} answered, ${limited.non2xx} refused with 429 — refusals by design, not errors of the server)`,
    );
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => limitedServer.close(() => resolve()));
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

await main();
