/**
 * `npm run bench:scale`: import + index throughput of the dev corpus on PostgreSQL through the BullMQ queue with
 * 1 to 4 `akhbar worker` processes, next to SQLite in one process on the same records in the same run; then
 * search latency on PostgreSQL next to SQLite, and where each worker configuration's time went (stage sums from
 * the workers' logs, CPU from /proc, lock waits from pg_stat_activity). Needs PostgreSQL and Redis (127.0.0.1);
 * leaves nothing behind. Wall-clock rows are only as steady as the machine: read them with the load column.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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
/** Worker processes per PostgreSQL configuration: the curve up to twice the 2 cores of the dev machine. */
const WORKER_COUNTS = (process.env.AKHBAR_BENCH_SCALE_WORKERS ?? "1,2,3,4").split(",").map(Number);
/** AKHBAR_BENCH_SCALE_SQLITE=0 skips the SQLite rows (and search latency): quicker runs while tuning workers. */
const WITH_SQLITE = process.env.AKHBAR_BENCH_SCALE_SQLITE !== "0";
/** How often pg_stat_activity is sampled for backends waiting on a lock while a configuration runs. */
const LOCK_SAMPLE_MS = 100;
/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on every Linux build this runs on). */
const CLOCK_TICKS_PER_S = 100;
/** Search timing: rounds of the 60 bench queries after one warm-up round, top 10 as a reader's first page. */
const SEARCH_ROUNDS = 5;
const PAGE = 10;

interface Row {
  name: string;
  articles: number;
  seconds: number;
  /** Where a PostgreSQL configuration's time went; absent for SQLite. */
  stages?: Stages;
}

/** Sums over one configuration's run, from the workers' logs, /proc and pg_stat_activity. */
interface Stages {
  /** Import jobs: CPU half (parse, extract, analyze) and store half (article + search rows), summed over jobs. */
  prepareS: number;
  writeS: number;
  /** Import jobs run, re-runs included (a stalled job runs again: more runs than jobs is wasted work). */
  importRuns: number;
  /** Story jobs that placed something, their total time, and the stored rows replayed to rebuild streams. */
  storyJobs: number;
  storyS: number;
  rebuiltRows: number;
  /** CPU seconds of the worker processes and of this database's PostgreSQL backends during the run. */
  workerCpuS: number;
  /** CPU seconds of the busiest worker: a worker is one thread, so no machine runs the configuration faster. */
  busiestWorkerCpuS: number;
  postgresCpuS: number;
  /** Busy share of the whole machine (every core, every process) during the run, and the load average after. */
  machineBusy: number;
  load: number;
  /** Mean number of this database's backends waiting on a lock (advisory or row), sampled. */
  lockWaiters: number;
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
    if (WITH_SQLITE) {
      sqlite = await openSqliteStorage(join(dir, "akhbar.db"));
      rows.push(await importSqlite(sqlite, lines, "SQLite, 1 process (threads)", new ThreadBatchPreparer()));
      const sqliteSerial = await openSqliteStorage(join(dir, "serial.db"));
      rows.push(await importSqlite(sqliteSerial, lines, "SQLite, 1 process, 1 thread", inThreadPreparer));
      await sqliteSerial.close();
    }
    for (const n of WORKER_COUNTS) {
      const name = `akhbar_scale_${randomBytes(4).toString("hex")}`;
      await adminQuery(`CREATE DATABASE ${name}`);
      databases.push(name);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      rows.push(await importPostgres(url.toString(), lines, n));
    }
    let latency: Record<string, number[]> = {};
    if (sqlite !== null) {
      const lastUrl = new URL(ADMIN_URL);
      lastUrl.pathname = `/${databases.at(-1)}`;
      postgres = await openPostgresStorage(lastUrl.toString());
      // What autovacuum does soon after a bulk load (GIN pending list merged, statistics), as bench:postgres does.
      await (postgres as unknown as { pool: pg.Pool }).pool.query("VACUUM ANALYZE");
      latency = await timeSearch({ SQLite: sqlite, PostgreSQL: postgres });
    }
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
    // info: the workers log each job's stage timings, summed below.
    AKHBAR_LOG_LEVEL: "info",
  };
  // Migrations run once here rather than racing in every worker.
  await (await openPostgresStorage(databaseUrl)).close();
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new BullMqJobQueue(redis, { prefix });
  const workers: ChildProcess[] = [];
  const logs: string[] = [];
  const monitor = new pg.Client({ connectionString: databaseUrl });
  await monitor.connect();
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
            const i = logs.push("") - 1;
            w.stderr?.on("data", (c) => {
              err += c;
              logs[i] += c;
              if (err.includes("worker ready")) resolve();
            });
            w.once("exit", (code) => reject(new Error(`worker exited (${code}): ${err}`)));
          }),
      ),
    );
    const databaseName = new URL(databaseUrl).pathname.slice(1);
    const backendPids = async () =>
      (
        await monitor.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [databaseName],
        )
      ).rows.map((r) => r.pid);
    const cpuBefore = new Map<number, number>();
    for (const pid of [...workers.map((w) => w.pid ?? 0), ...(await backendPids())])
      cpuBefore.set(pid, cpuTicks(pid));
    const cpuLast = new Map<number, number>();
    const machineBefore = machineTicks();
    let samples = 0;
    let waiters = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await monitor.query<{ n: number; pids: number[] }>(
          `SELECT count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS n, array_agg(pid) AS pids
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [databaseName],
        );
        samples++;
        waiters += rows[0]?.n ?? 0;
        // Backends opened during the run count from zero; one that exits keeps its last reading.
        for (const pid of rows[0]?.pids ?? []) {
          if (!cpuBefore.has(pid)) cpuBefore.set(pid, 0);
          cpuLast.set(pid, cpuTicks(pid));
        }
        await new Promise((r) => setTimeout(r, LOCK_SAMPLE_MS));
      }
    })();
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
    sampling = false;
    await sampler;
    const machineAfter = machineTicks();
    const workerPids = new Set(workers.map((w) => w.pid ?? 0));
    let workerTicks = 0;
    let busiestTicks = 0;
    let postgresTicks = 0;
    for (const [pid, before] of cpuBefore) {
      const used = Math.max(0, Math.max(cpuTicks(pid), cpuLast.get(pid) ?? 0) - before);
      if (workerPids.has(pid)) {
        workerTicks += used;
        busiestTicks = Math.max(busiestTicks, used);
      } else postgresTicks += used;
    }
    const failed = await queue.listFailed();
    if (failed.length > 0) throw new Error(`bench: ${failed.length} import jobs failed: ${failed[0]?.error}`);
    const storage = await openPostgresStorage(databaseUrl);
    const articles = await storage.articles.countArticles();
    await storage.close();
    const stages: Stages = {
      ...sumStageLogs(logs.join("")),
      workerCpuS: workerTicks / CLOCK_TICKS_PER_S,
      busiestWorkerCpuS: busiestTicks / CLOCK_TICKS_PER_S,
      postgresCpuS: postgresTicks / CLOCK_TICKS_PER_S,
      machineBusy:
        (machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total),
      load: Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]),
      lockWaiters: waiters / Math.max(1, samples),
    };
    return { name: `PostgreSQL, ${n} worker${n > 1 ? "s" : ""} (BullMQ)`, articles, seconds, stages };
  } finally {
    await monitor.end();
    for (const w of workers) w.kill("SIGTERM");
    await Promise.all(workers.map((w) => (w.exitCode === null ? once(w, "exit") : undefined)));
    await queue.close();
    await dropKeys(redis, prefix);
    await redis.quit();
  }
}

/** utime + stime of a process in clock ticks (0 once it is gone). */
function cpuTicks(pid: number): number {
  try {
    // Fields after the parenthesized command name; utime and stime are the 14th and 15th of the whole line.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Busy and total ticks of every core (the first line of /proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const ticks = values.map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Sums the workers' "import batch stored" and "stories placed" log lines (pino JSON on stderr). */
function sumStageLogs(
  text: string,
): Omit<
  Stages,
  "workerCpuS" | "busiestWorkerCpuS" | "postgresCpuS" | "machineBusy" | "load" | "lockWaiters"
> {
  const sums = { prepareS: 0, writeS: 0, importRuns: 0, storyJobs: 0, storyS: 0, rebuiltRows: 0 };
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as Record<string, number | string>;
    if (entry.stage === "import") {
      sums.importRuns += 1;
      sums.prepareS += Number(entry.prepare_ms ?? 0) / 1000;
      sums.writeS += Number(entry.write_ms ?? 0) / 1000;
    } else if (entry.stage === "stories") {
      sums.storyJobs += 1;
      sums.storyS += Number(entry.duration_ms ?? 0) / 1000;
      sums.rebuiltRows += Number(entry.rebuilt_rows ?? 0);
    }
  }
  return sums;
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
  console.log(
    "where the time went (job sums in s; CPU s of workers and their PostgreSQL backends; machine = all cores):",
  );
  console.log(
    `${"workers".padEnd(8)} ${"prepare".padStart(8)} ${"write".padStart(8)} ${"runs".padStart(5)} ${"stories".padStart(8)} ${"jobs".padStart(5)} ${"rebuilt".padStart(8)} ${"cpu wkr".padStart(8)} ${"busiest".padStart(8)} ${"cpu pg".padStart(8)} ${"machine".padStart(8)} ${"lockwait".padStart(8)} ${"load".padStart(6)}`,
  );
  for (const r of rows) {
    const s = r.stages;
    if (s === undefined) continue;
    console.log(
      `${(r.name.match(/(\d+) worker/)?.[1] ?? "?").padEnd(8)} ${s.prepareS.toFixed(1).padStart(8)} ${s.writeS.toFixed(1).padStart(8)} ${String(s.importRuns).padStart(5)} ${s.storyS.toFixed(1).padStart(8)} ${String(s.storyJobs).padStart(5)} ${String(s.rebuiltRows).padStart(8)} ${s.workerCpuS.toFixed(1).padStart(8)} ${s.busiestWorkerCpuS.toFixed(1).padStart(8)} ${s.postgresCpuS.toFixed(1).padStart(8)} ${`${(s.machineBusy * 100).toFixed(0)}%`.padStart(8)} ${s.lockWaiters.toFixed(2).padStart(8)} ${s.load.toFixed(1).padStart(6)}`,
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
