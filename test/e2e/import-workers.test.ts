/**
 * Queued import end to end: `akhbar worker` processes on PostgreSQL (a throwaway database) and Redis take
 * import.batch jobs of synthetic records while (a) the worker placing stories is SIGKILLed, (b) Redis itself is
 * restarted. Every record is stored exactly once, none is left unplaced, no job is parked, and the stories equal a
 * single-process SQLite import of the same records.
 *
 * Redis for (b) is a private redis-server on another loopback port with AOF on, as docker-compose.yml deploys it:
 * import jobs carry their lines only in Redis, so a Redis that keeps nothing on disk would lose them on restart
 * (crawl jobs and stories are recovered from PostgreSQL; a bulk import is not). The shared server at 6379 keeps
 * nothing on disk and other tests use it, so it is never restarted here.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStorage } from "../../src/adapters/postgres/open-postgres-storage.ts";
import { BullMqJobQueue } from "../../src/adapters/queue/bullmq-job-queue.ts";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { isQueueIdle } from "../../src/ports/job-queue.ts";
import { runCli } from "../../src/surfaces/cli/run-cli.ts";
import { waitFor } from "../contract/job-queue-contract.ts";
import {
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
} from "../contract/postgres-test-database.ts";
import { dropTestKeys, newTestPrefix, requireRedis, TEST_REDIS_URL } from "../contract/redis-test-keys.ts";
import { fixtureJsonl, STORY_RECORDS, syntheticRecords } from "../fixtures/arabic-articles.ts";

const ROOT = join(import.meta.dirname, "../..");
/** Records and lines per job: 40 jobs, several seconds of work for two or three workers, time to strike mid-way.
 * The deadlines below are generous: the file shares two cores with the whole suite (and, here, other benchmarks). */
const RECORDS = [...syntheticRecords(400), ...STORY_RECORDS];
const LINES_PER_JOB = 10;
const LINES = fixtureJsonl(RECORDS).trim().split("\n");

const redisUp = await requireRedis("import-workers.test.ts");
const pgUp = await isPostgresReachable();
if (!pgUp && process.env.CI === "true")
  throw new Error("import-workers.test.ts: PostgreSQL is required in CI");
if (!pgUp) console.warn("import-workers.test.ts: PostgreSQL not reachable at 127.0.0.1:5432; skipping");

let dir: string;
let expectedPlacements: unknown[];
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!redisUp || !pgUp) return;
  dir = mkdtempSync(join(tmpdir(), "akhbar-import-workers-"));
  // The reference: one process imports the same records into SQLite (stories placed after the last batch).
  const file = join(dir, "records.jsonl");
  writeFileSync(file, `${LINES.join("\n")}\n`);
  const db = join(dir, "single.db");
  const stderr = new PassThrough();
  let err = "";
  stderr.on("data", (c) => (err += c));
  const code = await runCli(["import", file, "--db", db, "--workers", "0"], {
    stdout: new PassThrough(),
    stderr,
    env: {},
  });
  if (code !== 0) throw new Error(`reference import failed: ${err}`);
  const single = await openSqliteStorage(db);
  expectedPlacements = single.db
    .prepare("SELECT article_id, story_id, duplicate_of FROM article_placements ORDER BY article_id")
    .all();
  await single.close();
});

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

interface Worker {
  child: ChildProcess;
  err: () => string;
  ready: Promise<void>;
}

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, [join(ROOT, "bin/akhbar"), "worker"], {
    env: {
      ...process.env,
      AKHBAR_CRAWL_WORKERS: "0",
      AKHBAR_LOG_LEVEL: "info",
      // A killed worker's job is re-run within seconds (production: 30 s).
      AKHBAR_JOB_LOCK_MS: "2000",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  let err = "";
  child.stderr!.on("data", (c) => (err += c));
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", () => {
      if (err.includes("worker ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited early (${code}): ${err}`)));
  });
  return { child, err: () => err, ready };
}

/** Enqueues every line in import.batch jobs with deterministic ids (a second enqueue would collapse). */
async function enqueueAll(queue: BullMqJobQueue): Promise<void> {
  for (let i = 0; i < LINES.length; i += LINES_PER_JOB) {
    await queue.enqueue(
      "import.batch",
      { file: "records", firstLineNo: i + 1, lines: LINES.slice(i, i + LINES_PER_JOB) },
      { jobId: `import-records-${i + 1}` },
    );
  }
}

/** Waits until every record is stored and placed and the queue is idle, then checks nothing is doubled. */
async function expectEverythingOnce(dbUrl: string, queue: BullMqJobQueue, workers: Worker[]): Promise<void> {
  const storage = await openPostgresStorage(dbUrl);
  try {
    const report = async () =>
      `articles ${await storage.articles.countArticles()}, unplaced ${(await storage.stories.listUnplacedIds()).length}, ` +
      `queue ${JSON.stringify(await queue.counts())}\n${workers.map((w) => w.err().slice(-2_000)).join("\n---\n")}`;
    await waitFor(
      async () =>
        (await storage.articles.countArticles()) === RECORDS.length &&
        (await storage.stories.listUnplacedIds()).length === 0 &&
        isQueueIdle(await queue.counts()),
      100_000,
    ).catch(async (e) => {
      throw new Error(`${e}: ${await report()}`);
    });
    expect(await queue.listFailed()).toEqual([]);
    const { rows } = await storage.pool.query<{ id: string }>(
      'SELECT id FROM articles ORDER BY id COLLATE "C"',
    );
    expect(rows.map((r) => r.id)).toEqual(RECORDS.map((r) => r.id).sort());
    const { rows: search } = await storage.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM article_search",
    );
    expect(search[0]?.n).toBe(RECORDS.length);
    // Stories too: the workers took turns (one killed, or cut off from Redis), yet none split or differs.
    const { rows: placements } = await storage.pool.query(
      'SELECT article_id, story_id, duplicate_of FROM article_placements ORDER BY article_id COLLATE "C"',
    );
    expect(placements).toEqual(expectedPlacements);
  } finally {
    await storage.close();
  }
}

/** Stops workers with SIGTERM and expects each to exit 0 within 10 s (graceful shutdown). */
async function stopWorkers(workers: Worker[]): Promise<void> {
  const exits = workers.map((w) => ({ w, exited: once(w.child, "exit") }));
  for (const { w } of exits) w.child.kill("SIGTERM");
  for (const { w, exited } of exits) {
    const late = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no exit 10 s after SIGTERM: ${w.err().slice(-2_000)}`)), 10_000),
    );
    const [code] = await Promise.race([exited, late]);
    expect(code, w.err()).toBe(0);
  }
}

async function countStored(dbUrl: string): Promise<number> {
  const storage = await openPostgresStorage(dbUrl);
  try {
    return await storage.articles.countArticles();
  } finally {
    await storage.close();
  }
}

describe.runIf(redisUp && pgUp)("import.batch jobs on PostgreSQL through BullMQ", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("stores and places every record exactly once when the worker placing stories is SIGKILLed mid-import", {
    timeout: 180_000,
  }, async () => {
    const prefix = newTestPrefix();
    // Migrations once, before three workers race to open the database.
    await (await openPostgresStorage(db.url)).close();
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    redis.on("error", () => {});
    const queue = new BullMqJobQueue(redis, { prefix });
    const env = {
      AKHBAR_DATABASE_URL: db.url,
      AKHBAR_REDIS_URL: TEST_REDIS_URL,
      AKHBAR_QUEUE_PREFIX: prefix,
    };
    try {
      const workers = [startWorker(env), startWorker(env), startWorker(env)];
      await Promise.all(workers.map((w) => w.ready));
      await enqueueAll(queue);
      await waitFor(async () => (await countStored(db.url)) >= LINES.length / 4, 60_000);
      // The worker holding the story turn is the one whose loss costs most: another must take the turn over.
      const leader = workers.find((w) => w.err().includes("this worker places stories"));
      expect(leader, workers.map((w) => w.err().slice(-1_000)).join("\n---\n")).toBeDefined();
      leader!.child.kill("SIGKILL");
      expect(await countStored(db.url)).toBeLessThan(RECORDS.length);

      const survivors = workers.filter((w) => w !== leader);
      await expectEverythingOnce(db.url, queue, survivors);
      expect(survivors.some((w) => w.err().includes("this worker places stories"))).toBe(true);
      await stopWorkers(survivors);
    } finally {
      await queue.close();
      await redis.quit();
      await dropTestKeys(prefix);
    }
  });
});

/** A redis-server of this file's own on a free loopback port, AOF on, restartable. */
interface OwnRedis {
  url: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  server.close();
  await once(server, "close");
  return port;
}

async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "akhbar-redis-"));
  let server: ChildProcess | null = null;
  const start = async () => {
    // The deployment's settings (docker-compose.yml): noeviction, AOF fsynced every second, no RDB snapshots.
    const child = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dataDir,
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
        "--save",
        "",
        "--maxmemory-policy",
        "noeviction",
      ],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    children.push(child);
    let out = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (c) => {
        out += c;
        if (out.includes("Ready to accept connections")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
    });
    server = child;
  };
  const stop = async () => {
    const child = server;
    server = null;
    if (child === null || child.exitCode !== null) return;
    const exited = once(child, "exit");
    // SIGTERM: Redis fsyncs its AOF and exits, as `docker compose restart redis` stops it.
    child.kill("SIGTERM");
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    restart: async () => {
      await stop();
      await start();
    },
    stop: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const hasRedisServer = await new Promise<boolean>((resolve) => {
  const probe = spawn("redis-server", ["--version"], { stdio: "ignore" });
  probe.once("error", () => resolve(false));
  probe.once("exit", (code) => resolve(code === 0));
});
if (!hasRedisServer && process.env.CI === "true")
  throw new Error("import-workers.test.ts: redis-server is required in CI");

describe.runIf(pgUp && hasRedisServer)("import.batch jobs across a Redis restart", () => {
  let db: TestDatabase;
  let redisServer: OwnRedis;
  beforeAll(async () => {
    db = await createTestDatabase();
    redisServer = await startOwnRedis();
  });
  afterAll(async () => {
    await redisServer?.stop();
    await db?.drop();
  });

  it("stores and places every record exactly once when Redis restarts mid-import", {
    timeout: 180_000,
  }, async () => {
    const prefix = newTestPrefix();
    await (await openPostgresStorage(db.url)).close();
    const env = {
      AKHBAR_DATABASE_URL: db.url,
      AKHBAR_REDIS_URL: redisServer.url,
      AKHBAR_QUEUE_PREFIX: prefix,
    };
    const workers = [startWorker(env), startWorker(env)];
    await Promise.all(workers.map((w) => w.ready));
    const producer = new Redis(redisServer.url, { maxRetriesPerRequest: null });
    producer.on("error", () => {});
    const producerQueue = new BullMqJobQueue(producer, { prefix });
    try {
      await enqueueAll(producerQueue);
    } finally {
      await producerQueue.close();
      producer.disconnect();
    }
    await waitFor(async () => (await countStored(db.url)) >= LINES.length / 4, 60_000);
    await redisServer.restart();
    const storedAtRestart = await countStored(db.url);
    expect(storedAtRestart).toBeLessThan(RECORDS.length);

    const redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
    redis.on("error", () => {});
    const queue = new BullMqJobQueue(redis, { prefix });
    try {
      await expectEverythingOnce(db.url, queue, workers);
      await stopWorkers(workers);
    } finally {
      await queue.close();
      await redis.quit();
    }
  });
});
