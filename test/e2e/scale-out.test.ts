/**
 * Scale-out end to end: one `akhbar scheduler` and three `akhbar worker` processes on PostgreSQL (a throwaway
 * database) and Redis (a prefix of this file) crawl six fixture feeds on 127.0.0.1; one worker is SIGKILLed
 * mid-way. Every article is stored exactly once, politeness holds across workers, no job is parked, and the
 * articles and their stories equal those of a single-process SQLite `akhbar crawl --once` of the same fixtures.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStorage } from "../../src/adapters/postgres/open-postgres-storage.ts";
import { BullMqJobQueue } from "../../src/adapters/queue/bullmq-job-queue.ts";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import type { Article } from "../../src/domain/article.ts";
import { isQueueIdle } from "../../src/ports/job-queue.ts";
import type { Storage } from "../../src/ports/storage.ts";
import { runCli } from "../../src/surfaces/cli/run-cli.ts";
import { waitFor } from "../contract/job-queue-contract.ts";
import {
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
} from "../contract/postgres-test-database.ts";
import {
  connectTestRedis,
  dropTestKeys,
  newTestPrefix,
  requireRedis,
  TEST_REDIS_URL,
} from "../contract/redis-test-keys.ts";
import {
  type CrawlSite,
  FEED_FORMATS,
  feedReply,
  makeItems,
  startCrawlSite,
} from "../fixtures/crawl-site.ts";

const ROOT = join(import.meta.dirname, "../..");
const FEEDS = 6;
const ITEMS_PER_FEED = 10;
const TOTAL = FEEDS * ITEMS_PER_FEED;
/** Host spacing: 60 articles + 6 feeds + robots.txt at >= 60 ms apart take about 4 s, time to kill a worker. */
const HOST_INTERVAL_MS = 60;

const redisUp = await requireRedis("scale-out.test.ts");
const pgUp = await isPostgresReachable();
if (!pgUp && process.env.CI === "true") throw new Error("scale-out.test.ts: PostgreSQL is required in CI");
if (!pgUp) console.warn("scale-out.test.ts: PostgreSQL not reachable at 127.0.0.1:5432; skipping");

let site: CrawlSite;
let db: TestDatabase;
let dir: string;
const prefix = newTestPrefix();
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!redisUp || !pgUp) return;
  dir = mkdtempSync(join(tmpdir(), "akhbar-scale-"));
  site = await startCrawlSite();
  const formats = Object.keys(FEED_FORMATS) as (keyof typeof FEED_FORMATS)[];
  for (let f = 0; f < FEEDS; f++) {
    site.route(
      `/feed/${f}`,
      feedReply(formats[f % formats.length]!, makeItems(site.base(), `f${f}`, ITEMS_PER_FEED)),
    );
  }
  db = await createTestDatabase();
});

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  if (!redisUp || !pgUp) return;
  await site.close();
  await db.drop();
  await dropTestKeys(prefix);
  rmSync(dir, { recursive: true, force: true });
});

/** The same sources and feeds in any store. */
async function seed(storage: Storage): Promise<void> {
  for (let f = 0; f < FEEDS; f++) {
    await storage.sources.upsertSource({
      id: `src${f}`,
      name: `src${f}`,
      homepage: null,
      country: null,
      language: "ar",
    });
    await storage.feeds.addFeed({ url: `${site.base()}/feed/${f}`, sourceId: `src${f}` }, Date.now() - 1_000);
  }
}

function env(): Record<string, string> {
  return {
    AKHBAR_DATABASE_URL: db.url,
    AKHBAR_REDIS_URL: TEST_REDIS_URL,
    AKHBAR_QUEUE_PREFIX: prefix,
    AKHBAR_FETCH_ALLOW: `127.0.0.1:${site.server.port}`,
    AKHBAR_CRAWL_HOST_INTERVAL_MS: String(HOST_INTERVAL_MS),
    AKHBAR_CRAWL_WORKERS: "0",
    AKHBAR_LOG_LEVEL: "debug",
    // A killed worker's job is re-run within seconds, its host slots freed within 3 s (production: 30 s / 45 s).
    AKHBAR_JOB_LOCK_MS: "2000",
    AKHBAR_HOST_SLOT_LEASE_MS: "3000",
    AKHBAR_WORKER_CONCURRENCY: "4",
  };
}

function start(role: string): { child: ChildProcess; err: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, [join(ROOT, "bin/akhbar"), role], {
    env: { ...process.env, ...env() },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  let err = "";
  child.stderr!.on("data", (c) => (err += c));
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", () => {
      if (/worker ready|scheduler running/.test(err)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`${role} exited early (${code}): ${err}`)));
  });
  return { child, err: () => err, ready };
}

/** What must match between runs: identity and content, not times. */
function comparable(articles: Article[]) {
  return articles
    .map((a) => ({
      id: a.id,
      url: a.canonicalUrl,
      source: a.sourceId,
      title: a.title,
      text: a.text,
      hash: a.contentHash,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe.runIf(redisUp && pgUp)("scheduler + three workers on PostgreSQL and Redis", () => {
  it("stores every article exactly once when a worker is killed mid-crawl, like a single-process crawl", {
    timeout: 80_000,
  }, async () => {
    const pgStorage = await openPostgresStorage(db.url);
    await seed(pgStorage);
    const redis = connectTestRedis();
    const queue = new BullMqJobQueue(redis, { prefix });
    try {
      const workers = [start("worker"), start("worker"), start("worker")];
      await Promise.all(workers.map((w) => w.ready));
      const scheduler = start("scheduler");
      await scheduler.ready;

      const report = async () =>
        `articles ${await pgStorage.articles.countArticles()}, pending ${await pgStorage.feeds.countPendingItems()}, ` +
        `queue ${JSON.stringify(await queue.counts())}, requests ${site.server.requests.length}\n` +
        [...workers, scheduler].map((p) => p.err().slice(-2_000)).join("\n---\n");
      await waitFor(async () => (await pgStorage.articles.countArticles()) >= 15, 30_000).catch(async (e) => {
        throw new Error(`${e}: ${await report()}`);
      });
      const victim = workers[0]!;
      victim.child.kill("SIGKILL");
      const killedAt = await pgStorage.articles.countArticles();
      expect(killedAt).toBeLessThan(TOTAL);

      await waitFor(
        async () =>
          (await pgStorage.articles.countArticles()) === TOTAL &&
          (await pgStorage.feeds.countPendingItems()) === 0 &&
          isQueueIdle(await queue.counts()),
        45_000,
      ).catch(async (e) => {
        throw new Error(`${e}: ${await report()}`);
      });
      expect(await queue.listFailed()).toEqual([]);

      const stored = await pgStorage.articles.listArticlesAfter(0, 1_000);
      expect(stored).toHaveLength(TOTAL);
      expect(new Set(stored.map((a) => a.canonicalUrl)).size).toBe(TOTAL);
      // Politeness across processes: never more than 2 requests in flight on the one host.
      expect(Math.max(...site.maxInFlight.values())).toBeLessThanOrEqual(2);
      // Each article page fetched once, plus at most the few a killed worker was holding when it died.
      const pageHits = site.server.requests.filter((r) => r.path.startsWith("/a/")).length;
      expect(pageHits).toBeGreaterThanOrEqual(TOTAL);
      expect(pageHits).toBeLessThanOrEqual(TOTAL + 8);

      // Graceful stop: the survivors and the scheduler exit 0 on SIGTERM.
      // Exit listeners go on before the signals: a process that exits while we wait for another must still count.
      const survivors = [scheduler, workers[1]!, workers[2]!].map((p) => ({
        p,
        exited: once(p.child, "exit"),
      }));
      for (const { p } of survivors) p.child.kill("SIGTERM");
      for (const { p, exited } of survivors) {
        const late = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no exit 10 s after SIGTERM: ${p.err().slice(-2_000)}`)), 10_000),
        );
        const [code] = await Promise.race([exited, late]);
        expect(code, p.err()).toBe(0);
      }

      // The same fixtures crawled by one process into SQLite give the same articles.
      const file = join(dir, "single.db");
      const sqlite = await openSqliteStorage(file);
      await seed(sqlite);
      await sqlite.close();
      const out = new PassThrough();
      const errOut = new PassThrough();
      let errText = "";
      errOut.on("data", (c) => (errText += c));
      const code = await runCli(["crawl", "--once", "--db", file], {
        stdout: out,
        stderr: errOut,
        env: { ...env(), AKHBAR_DATABASE_URL: "", AKHBAR_REDIS_URL: "", AKHBAR_CRAWL_HOST_INTERVAL_MS: "1" },
      });
      expect(code, errText).toBe(0);
      const single = await openSqliteStorage(file);
      const singleArticles = await single.articles.listArticlesAfter(0, 1_000);
      const singlePlacements = single.db
        .prepare("SELECT article_id, story_id, duplicate_of FROM article_placements ORDER BY article_id")
        .all();
      await single.close();
      expect(comparable(stored)).toEqual(comparable(singleArticles));
      // Stories too: three workers took turns placing them (one killed), yet none split or differs.
      const { rows: placements } = await pgStorage.pool.query(
        'SELECT article_id, story_id, duplicate_of FROM article_placements ORDER BY article_id COLLATE "C"',
      );
      expect(placements).toHaveLength(TOTAL);
      expect(placements).toEqual(singlePlacements);
    } finally {
      await queue.close();
      await redis.quit();
      await pgStorage.close();
    }
  });
});
