/**
 * `npm run bench:scale`: import + index throughput of the dev corpus on PostgreSQL through the BullMQ queue with
 * 1, 2 and 4 `akhbar worker` processes, next to SQLite in one process on the same records in the same run; then
 * search latency on PostgreSQL next to SQLite. Needs PostgreSQL and Redis (127.0.0.1); leaves nothing behind.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import pg from "pg";
import { openPostgresStorage } from "../../src/adapters/postgres/open-postgres-storage.ts";
import { BullMqJobQueue } from "../../src/adapters/queue/bullmq-job-queue.ts";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { ThreadBatchPreparer } from "../../src/adapters/threads/thread-batch-preparer.ts";
import { importRecords, inThreadPreparer } from "../../src/pipeline/import-records.ts";
import { systemClock } from "../../src/ports/clock.ts";
import { isQueueIdle } from "../../src/ports/job-queue.ts";
import type { Storage } from "../../src/ports/storage.ts";
import { parseQuery } from "../../src/stages/search/parse-query.ts";
import { readLines } from "../../src/surfaces/cli/read-lines.ts";
import { BENCH_QUERIES } from "../search-queries.ts";

const ROOT = join(import.meta.dirname, "../..");
const CORPUS =
  process.env.AKHBAR_BENCH_CORPUS ?? join(ROOT, "../shared/data/corpus/saudinewsnet.dev.jsonl.gz");
const ADMIN_URL = process.env.AKHBAR_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.AKHBAR_BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
/** Records imported per configuration: the first 10 000 of the dev corpus keep the run near three minutes on a
 * 2-core machine while every configuration still runs for tens of seconds (startup noise below 5 %). */
const RECORDS = Number(process.env.AKHBAR_BENCH_SCALE_RECORDS ?? 10_000);
/** Lines per import.batch job: about 1 MB of JSON in Redis, and one store transaction of akhbar's usual size. */
const LINES_PER_JOB = 250;
const WORKER_COUNTS = [1, 2, 4] as const;
/** Search timing: rounds of the 60 bench queries after one warm-up round, top 10 as a reader's first page. */
const SEARCH_ROUNDS = 5;
const PAGE = 10;

interface Row {
  name: string;
  articles: number;
  seconds: number;
}

async function main() {
  if (!existsSync(CORPUS)) throw new Error(`bench: corpus not found at ${CORPUS}`);
  const lines: string[] = [];
  for await (const line of (await readLines(CORPUS)).lines) {
    if (line.text.trim() === "") continue;
    lines.push(line.text);
    if (lines.length >= RECORDS) break;
  }
  const dir = mkdtempSync(join(tmpdir(), "akhbar-scale-bench-"));
  const databases: string[] = [];
  const rows: Row[] = [];
  let sqlite: Storage | null = null;
  let postgres: Storage | null = null;
  try {
    sqlite = await openSqliteStorage(join(dir, "akhbar.db"));
    rows.push(await importSqlite(sqlite, lines, "SQLite, 1 process (threads)", new ThreadBatchPreparer()));
    const sqliteSerial = await openSqliteStorage(join(dir, "serial.db"));
    rows.push(await importSqlite(sqliteSerial, lines, "SQLite, 1 process, 1 thread", inThreadPreparer));
    await sqliteSerial.close();
    for (const n of WORKER_COUNTS) {
      const name = `akhbar_scale_${randomBytes(4).toString("hex")}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      databases.push(name);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      rows.push(await importPostgres(url.toString(), lines, n));
    }
    const lastUrl = new URL(ADMIN_URL);
    lastUrl.pathname = `/${databases.at(-1)}`;
    postgres = await openPostgresStorage(lastUrl.toString());
    // What autovacuum does soon after a bulk load (GIN pending list merged, statistics), as bench:postgres does.
    await (postgres as unknown as { pool: pg.Pool }).pool.query("VACUUM ANALYZE");
    const latency = await timeSearch({ SQLite: sqlite, PostgreSQL: postgres });
    print(rows, latency);
  } finally {
    await sqlite?.close();
    await postgres?.close();
    for (const name of databases) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function importSqlite(
  storage: Storage,
  lines: string[],
  name: string,
  preparer: typeof inThreadPreparer,
): Promise<Row> {
  async function* read() {
    for (let i = 0; i < lines.length; i++) yield { file: "corpus", lineNo: i + 1, text: lines[i] ?? "" };
  }
  const t0 = performance.now();
  const summary = await importRecords(read(), { storage, clock: systemClock }, { preparer });
  const seconds = (performance.now() - t0) / 1000;
  await preparer.close();
  return { name, articles: summary.imported, seconds };
}

/** Starts `n` workers, waits until each is ready, then times enqueue-all to queue-drained. */
async function importPostgres(databaseUrl: string, lines: string[], n: number): Promise<Row> {
  const prefix = `akhbar-bench-${randomBytes(4).toString("hex")}`;
  const env = {
    ...process.env,
    AKHBAR_DATABASE_URL: databaseUrl,
    AKHBAR_REDIS_URL: REDIS_URL,
    AKHBAR_QUEUE_PREFIX: prefix,
    AKHBAR_CRAWL_WORKERS: "0",
    AKHBAR_LOG_LEVEL: "warn",
  };
  // Migrations run once here rather than racing in every worker.
  await (await openPostgresStorage(databaseUrl)).close();
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new BullMqJobQueue(redis, { prefix });
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < n; i++) {
      workers.push(
        spawn(process.execPath, [join(ROOT, "bin/akhbar"), "worker"], {
          env,
          stdio: ["ignore", "ignore", "pipe"],
        }),
      );
    }
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let err = "";
            w.stderr?.on("data", (c) => {
              err += c;
              if (err.includes("worker ready")) resolve();
            });
            w.once("exit", (code) => reject(new Error(`worker exited (${code}): ${err}`)));
          }),
      ),
    );
    const t0 = performance.now();
    for (let i = 0; i < lines.length; i += LINES_PER_JOB) {
      await queue.enqueue("import.batch", {
        file: "corpus",
        firstLineNo: i + 1,
        lines: lines.slice(i, i + LINES_PER_JOB),
      });
    }
    for (;;) {
      const counts = await queue.counts();
      if (isQueueIdle(counts)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - t0) / 1000;
    const failed = await queue.listFailed();
    if (failed.length > 0) throw new Error(`bench: ${failed.length} import jobs failed: ${failed[0]?.error}`);
    const storage = await openPostgresStorage(databaseUrl);
    const articles = await storage.articles.countArticles();
    await storage.close();
    return { name: `PostgreSQL, ${n} worker${n > 1 ? "s" : ""} (BullMQ)`, articles, seconds };
  } finally {
    for (const w of workers) w.kill("SIGTERM");
    await Promise.all(workers.map((w) => (w.exitCode === null ? once(w, "exit") : undefined)));
    await queue.close();
    await dropKeys(redis, prefix);
    await redis.quit();
  }
}

async function timeSearch(engines: Record<string, Storage>): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(engines).map((k) => [k, []]));
  const names = Object.keys(engines);
  for (let round = 0; round <= SEARCH_ROUNDS; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      for (const q of BENCH_QUERIES) {
        const query = parseQuery(q, { limit: PAGE, offset: 0 });
        const t = performance.now();
        await engines[name]?.search.search(query);
        if (round > 0) samples[name]?.push(performance.now() - t);
      }
    }
  }
  return samples;
}

function pct(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function print(rows: Row[], latency: Record<string, number[]>) {
  console.log(`corpus: ${CORPUS} (first ${RECORDS} records), ${LINES_PER_JOB} lines per import job`);
  console.log("");
  console.log(
    `${"configuration".padEnd(34)} ${"articles".padStart(8)} ${"seconds".padStart(8)} ${"articles/s".padStart(11)}`,
  );
  const base = rows.find((r) => r.name.startsWith("PostgreSQL, 1 "));
  for (const r of rows) {
    const rate = r.articles / r.seconds;
    const vs =
      base && r.name.startsWith("PostgreSQL")
        ? `  ${(rate / (base.articles / base.seconds)).toFixed(2)}× of 1 worker`
        : "";
    console.log(
      `${r.name.padEnd(34)} ${String(r.articles).padStart(8)} ${r.seconds.toFixed(1).padStart(8)} ${rate.toFixed(0).padStart(11)}${vs}`,
    );
  }
  console.log("");
  console.log(`search, ${BENCH_QUERIES.length} queries × ${SEARCH_ROUNDS} rounds, top ${PAGE} (index only):`);
  for (const [name, s] of Object.entries(latency)) {
    console.log(
      `${name.padEnd(12)} p50 ${pct(s, 0.5).toFixed(2)} ms  p95 ${pct(s, 0.95).toFixed(2)} ms  p99 ${pct(s, 0.99).toFixed(2)} ms`,
    );
  }
  console.log("target: PostgreSQL search p50 ≤ 5 ms, p99 ≤ 50 ms");
}

async function dropKeys(redis: Redis, prefix: string) {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await main();
