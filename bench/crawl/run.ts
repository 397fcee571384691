/**
 * Crawl benchmark: 200 fixture feeds x 50 items on a local site (40 virtual hosts on 127.0.0.1), crawled by a
 * child process that is killed with SIGKILL part-way and restarted. Prints throughput, per-host politeness
 * measured from the server's request log, and lost/duplicated items. Usage: npm run bench:crawl
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { feedReply, makeItems, startCrawlSite } from "../../test/fixtures/crawl-site.ts";

/** The target: 200 feeds x 50 items. */
const FEEDS = 200;
const ITEMS_PER_FEED = 50;
/** 5 feeds per host: enough sharing that per-host limits bind, enough hosts that the crawl runs in parallel. */
const HOSTS = 40;
/** Per-host spacing for the run: the production 5 s would make this a 20-minute wait, not a measurement. */
const HOST_INTERVAL_MS = 20;
const FEED_CONCURRENCY = 40;
/** Fraction of article fetches after which the first crawler is killed. */
const KILL_AT_RATIO = 0.4;

const dir = mkdtempSync(join(tmpdir(), "akhbar-bench-crawl-"));
const db = join(dir, "bench.db");
const site = await startCrawlSite();
const hostName = (h: number) => `host${h}.bench.test`;
const expected = new Set<string>();
{
  const storage = await openSqliteStorage(db);
  for (let f = 0; f < FEEDS; f++) {
    const host = hostName(f % HOSTS);
    const formats = ["rss2", "atom", "rdf", "json", "sitemap"] as const;
    const items = makeItems(site.base(host), `f${f}`, ITEMS_PER_FEED);
    for (const i of items) expected.add(i.url);
    site.route(`/feed/${f}`, feedReply(formats[f % formats.length]!, items));
    await storage.sources.ensureSources([`s${f % HOSTS}`]);
    await storage.feeds.addFeed(
      { url: `${site.base(host)}/feed/${f}`, sourceId: `s${f % HOSTS}` },
      Date.now(),
    );
  }
  await storage.close();
}

// Incremental, so watching for the kill point costs the server's event loop almost nothing (a full scan of the
// log every 2 ms delayed request handling and bunched the arrival times the politeness figures come from).
let scanned = 0;
let articleCount = 0;
const articleRequests = () => {
  const log = site.server.requests;
  for (; scanned < log.length; scanned++) if (log[scanned]!.path.startsWith("/a/")) articleCount++;
  return articleCount;
};
const runChild = async (killAt: number | null) => {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(import.meta.dirname, "crawl-child.ts"),
      db,
      String(site.server.port),
      String(HOST_INTERVAL_MS),
      String(FEED_CONCURRENCY),
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const exited = once(child, "exit");
  const timer =
    killAt === null
      ? null
      : setInterval(() => {
          if (articleRequests() >= killAt) child.kill("SIGKILL");
        }, 5);
  const [code, signal] = await exited;
  if (timer) clearInterval(timer);
  return { code, signal, seconds: (performance.now() - started) / 1000 };
};

const first = await runChild(Math.round(FEEDS * ITEMS_PER_FEED * KILL_AT_RATIO));
const fetchedBeforeKill = articleRequests();
const boundaryAt = performance.now();
const second = await runChild(null);

const conn = new Database(db, { readonly: true });
const rows = conn.prepare("SELECT url FROM articles").all() as { url: string }[];
const integrity = conn.pragma("integrity_check", { simple: true });
const pending = (
  conn.prepare("SELECT count(*) AS n FROM feed_items WHERE state <> 'done'").get() as { n: number }
).n;
conn.close();
const stored = new Set(rows.map((r) => r.url));
const lost = [...expected].filter((u) => !stored.has(u)).length;
const duplicated = rows.length - stored.size;
const extra = [...stored].filter((u) => !expected.has(u)).length;

let minGap = Number.POSITIVE_INFINITY;
let shortGaps = 0;
let restartGaps = 0;
let shortInRun1 = 0;
const shortSamples: string[] = [];
let maxInFlight = 0;
const starts = site.startsByHost();
for (const [host, times] of starts) {
  for (let i = 1; i < times.length; i++) {
    const gap = times[i]! - times[i - 1]!;
    minGap = Math.min(minGap, gap);
    if (gap < HOST_INTERVAL_MS * 0.9) {
      if (times[i - 1]! < boundaryAt && times[i]! > boundaryAt) restartGaps++;
      else {
        shortGaps++;
        if (times[i]! < boundaryAt) shortInRun1++;
        if (shortSamples.length < 5) {
          const reqs = site.server.requests.filter((r) => String(r.headers.host) === host);
          shortSamples.push(`${host} ${gap.toFixed(1)} ms (${reqs[i - 1]?.path} -> ${reqs[i]?.path})`);
        }
      }
    }
  }
  maxInFlight = Math.max(maxInFlight, site.maxInFlight.get(host) ?? 0);
}
const refetched = fetchedBeforeKill + 0;
await site.close();
rmSync(dir, { recursive: true, force: true });

const total = FEEDS * ITEMS_PER_FEED;
console.log(
  `crawl bench: ${FEEDS} feeds x ${ITEMS_PER_FEED} items on ${HOSTS} hosts (127.0.0.1), per-host spacing ${HOST_INTERVAL_MS} ms, <= 2 in flight`,
);
console.log(
  `  run 1: killed with ${first.signal} after ${first.seconds.toFixed(1)} s (${refetched} article pages fetched)`,
);
console.log(`  run 2: exit ${second.code} after ${second.seconds.toFixed(1)} s`);
console.log(
  `  total ${(first.seconds + second.seconds).toFixed(1)} s, ${(total / (first.seconds + second.seconds)).toFixed(0)} items/s; requests served ${site.server.requests.length}`,
);
console.log(
  `  items: expected ${total}, stored ${stored.size}, lost ${lost}, duplicated ${duplicated}, unexpected ${extra}, pending ${pending}, integrity ${integrity}`,
);
console.log(
  `  politeness: max in flight per host ${maxInFlight} (limit 2); min gap between request starts on one host ${minGap.toFixed(1)} ms (limit ${HOST_INTERVAL_MS}); gaps under 90% of the limit: ${shortGaps} within a run (${shortInRun1} in run 1), ${restartGaps} across the restart`,
);
if (shortSamples.length > 0) console.log(`  short gaps: ${shortSamples.join("; ")}`);
process.exitCode = lost === 0 && duplicated === 0 && maxInFlight <= 2 && integrity === "ok" ? 0 : 1;
