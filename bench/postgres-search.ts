/**
 * `npm run bench:postgres`: the dev corpus imported into PostgreSQL and SQLite through the same pipeline
 * (importRecords + ThreadBatchPreparer), then search latency p50/p95/p99 of both, side by side, in one run.
 * Reads ../shared/data/corpus/saudinewsnet.dev.jsonl.gz in place; writes a throwaway database and a temp folder.
 */

import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openPostgresStorage } from "../src/adapters/postgres/open-postgres-storage.ts";
import { openSqliteStorage } from "../src/adapters/sqlite/open-sqlite-storage.ts";
import { ThreadBatchPreparer } from "../src/adapters/threads/thread-batch-preparer.ts";
import { importRecords } from "../src/pipeline/import-records.ts";
import { searchArticles } from "../src/pipeline/search-articles.ts";
import { systemClock } from "../src/ports/clock.ts";
import type { Storage } from "../src/ports/storage.ts";
import { parseQuery } from "../src/stages/search/parse-query.ts";
import { readLines } from "../src/surfaces/cli/read-lines.ts";
import { BENCH_QUERIES } from "./search-queries.ts";

const CORPUS =
  process.env.AKHBAR_BENCH_CORPUS ??
  join(import.meta.dirname, "../../shared/data/corpus/saudinewsnet.dev.jsonl.gz");
/** Server to create the throwaway benchmark database on (trust auth on this machine and in CI). */
const ADMIN_URL = process.env.AKHBAR_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Each query runs this many times per engine; rounds alternate engines so machine noise hits both alike. */
const ROUNDS = 5;
/** Results per query, as a reader's first page (the same as `npm run bench`). */
const PAGE = 10;
/** Untimed passes first: both engines start with warm caches, as a running server has. */
const WARMUP_ROUNDS = 1;

interface Engine {
  name: string;
  storage: Storage;
  importPerSec: number;
  articles: number;
  index: number[];
  pipeline: number[];
}

async function main() {
  if (!existsSync(CORPUS)) throw new Error(`bench: corpus not found at ${CORPUS}`);
  const dir = mkdtempSync(join(tmpdir(), "akhbar-pg-bench-"));
  const dbName = `akhbar_bench_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const engines: Engine[] = [];
  try {
    engines.push(await importInto("SQLite FTS5 (default)", await openSqliteStorage(join(dir, "akhbar.db"))));
    const postgres = await openPostgresStorage(url.toString());
    engines.push(await importInto("PostgreSQL tsvector + GIN", postgres));
    // What autovacuum does soon after a bulk load: merges the GIN pending list, sets the visibility map, and
    // gives the planner statistics. Done here so the run does not depend on autovacuum's timing.
    await postgres.pool.query("VACUUM ANALYZE");
    const [sqlite] = engines as [Engine, Engine];
    await sqlite.storage.close();
    engines[0] = { ...sqlite, storage: await openSqliteStorage(join(dir, "akhbar.db")) };

    const mismatches = await compareTotals(engines);
    for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      for (const engine of round % 2 === 0 ? engines : [...engines].reverse()) {
        await timeQueries(engine, round >= WARMUP_ROUNDS);
      }
    }
    printReport(engines, mismatches);
  } finally {
    for (const e of engines) await e.storage.close();
    rmSync(dir, { recursive: true, force: true });
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

async function importInto(name: string, storage: Storage): Promise<Engine> {
  const source = await readLines(CORPUS);
  const t0 = performance.now();
  // As `akhbar import` does: parsing and analysis in worker threads, store writes in this thread.
  const preparer = new ThreadBatchPreparer();
  const summary = await importRecords(source.lines, { storage, clock: systemClock }, { preparer });
  const importMs = performance.now() - t0;
  await preparer.close();
  return {
    name,
    storage,
    importPerSec: (summary.imported / importMs) * 1000,
    articles: summary.imported,
    index: [],
    pipeline: [],
  };
}

/** Times every query twice: the SearchIndex alone, and the search pipeline (index + display rows + snippets). */
async function timeQueries(engine: Engine, record: boolean) {
  for (const q of BENCH_QUERIES) {
    const query = parseQuery(q, { limit: PAGE, offset: 0 });
    let s = performance.now();
    await engine.storage.search.search(query);
    const indexMs = performance.now() - s;
    s = performance.now();
    await searchArticles(engine.storage, q, {
      limit: PAGE,
      offset: 0,
      sources: [],
      from: null,
      to: null,
      recency: false,
    });
    const pipelineMs = performance.now() - s;
    if (record) {
      engine.index.push(indexMs);
      engine.pipeline.push(pipelineMs);
    }
  }
}

/** Queries whose match counts differ between the engines (both adapters promise the same matching rules). */
async function compareTotals(engines: Engine[]): Promise<string[]> {
  const [a, b] = engines as [Engine, Engine];
  const out: string[] = [];
  for (const q of BENCH_QUERIES) {
    const query = parseQuery(q, { limit: PAGE, offset: 0 });
    const [x, y] = [await a.storage.search.search(query), await b.storage.search.search(query)];
    if (x.total !== y.total) out.push(`${q}: ${x.total} vs ${y.total}`);
  }
  return out;
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function printReport(engines: Engine[], mismatches: string[]) {
  const fmt = (n: number, d = 2) => n.toFixed(d);
  console.log(`corpus: ${CORPUS}`);
  console.log(
    `${BENCH_QUERIES.length} queries × ${ROUNDS} rounds (after ${WARMUP_ROUNDS} warm-up), top ${PAGE}; engines alternate per round`,
  );
  console.log("");
  const header = ["engine".padEnd(28), "articles".padStart(8), "import/s".padStart(9)];
  for (const what of ["index", "pipeline"]) {
    for (const p of ["p50", "p95", "p99"]) header.push(`${what} ${p}`.padStart(13));
  }
  console.log(header.join(" "));
  for (const e of engines) {
    const row = [e.name.padEnd(28), String(e.articles).padStart(8), fmt(e.importPerSec, 0).padStart(9)];
    for (const samples of [e.index, e.pipeline]) {
      const p = percentiles(samples);
      row.push(...[p.p50, p.p95, p.p99].map((v) => `${fmt(v, 3)} ms`.padStart(13)));
    }
    console.log(row.join(" "));
  }
  const [sqlite, postgres] = engines as [Engine, Engine];
  const s = percentiles(sqlite.index);
  const p = percentiles(postgres.index);
  console.log("");
  console.log(
    `ratios PostgreSQL/SQLite (index): p50 ${fmt(p.p50 / s.p50)}×, p95 ${fmt(p.p95 / s.p95)}×, p99 ${fmt(p.p99 / s.p99)}×; import rate ${fmt(postgres.importPerSec / sqlite.importPerSec)}×`,
  );
  console.log("target: PostgreSQL search p50 ≤ 5 ms, p99 ≤ 50 ms");
  console.log(
    mismatches.length === 0
      ? `match totals: identical on all ${BENCH_QUERIES.length} queries`
      : `match totals differ on ${mismatches.length} queries: ${mismatches.join("; ")}`,
  );
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
