/**
 * `npm run bench:web`: server render latency (p50/p95/p99) of the home, story, article and search pages with the
 * dev corpus loaded, then an autocannon load test (200 connections × 30 s) on the JSON API and on the pages,
 * printing errors, non-2xx and p99. Reads ../shared/data/corpus in place; writes only to a temp folder.
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

    // The limiter stays in the path (its cost is measured) with a bucket no single client can empty here.
    const app = createWebApp({
      storage,
      adminToken: null,
      api: createApi({ storage, version: "bench", startedAt: new Date() }),
      rateLimit: { burst: 1e9, perSecond: 1e9 },
    });
    const ids = (await storage.articles.listArticlesAfter(0, 5000)).map((a) => a.id);
    const pick = (i: number) => ids[(i * 7919) % ids.length]!;
    // Story pages by their own ids (stories are placed at import); an article id is not a story id.
    const storyIds = (await storage.stories!.listStories({ limit: 5000 })).map((story) => story.id);
    const pickStory = (i: number) => storyIds[(i * 7919) % storyIds.length]!;
    const kinds: [string, (i: number) => string][] = [
      ["home", (i) => (i % 4 === 0 ? "/?offset=20" : "/")],
      ["story", (i) => `/story/${encodeURIComponent(pickStory(i))}`],
      ["article", (i) => `/article/${encodeURIComponent(pick(i))}`],
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
    console.log("page          p50     p95     p99     max   bytes(p50)");
    for (const [name, path] of kinds) {
      for (let i = 0; i < 10; i++) await (await app.request(path(i))).text();
      const times: number[] = [];
      const sizes: number[] = [];
      for (let i = 0; i < RENDERS; i++) {
        const s = performance.now();
        const res = await app.request(path(i));
        const body = await res.text();
        times.push(performance.now() - s);
        sizes.push(body.length);
        if (res.status !== 200) throw new Error(`bench: ${path(i)} answered ${res.status}`);
      }
      console.log(
        `${name.padEnd(12)} ${[50, 95, 99, 100].map((p) => pct(times, p).toFixed(2).padStart(7)).join(" ")}   ${pct(sizes, 50)}`,
      );
    }
    console.log(
      `${"(pipeline)".padEnd(12)} ${[50, 95, 99, 100].map((p) => pct(pipeline, p).toFixed(2).padStart(7)).join(" ")}   searchArticles alone, same queries`,
    );

    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await once(server, "listening");
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    console.log(`\nload test: autocannon ${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s`);
    for (const [name, paths] of targets) {
      const result = await autocannon({
        url: base,
        connections: LOAD_CONNECTIONS,
        duration: LOAD_SECONDS,
        requests: paths.map((path) => ({ method: "GET", path })),
      });
      console.log(
        `${name.padEnd(6)} requests ${result.requests.total}  req/s ${result.requests.average.toFixed(0)}  errors ${result.errors}  timeouts ${result.timeouts}  non-2xx ${result.non2xx}  latency p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms`,
      );
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
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
