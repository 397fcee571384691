/**
 * `node --import tsx bench/search-sort.ts [--db PATH | --url postgres://…]`: first-page search latency of the 60 bench
 * queries best first (sort relevance) against newest first (sort date), on a store already filled (akhbar import),
 * the two orders alternating query by query so machine noise hits both alike. Prints p50/p95/p99 of the whole search
 * (index, rows, snippets) per order, the same for the five broadest queries alone, and the CPU time per search: this
 * process's (all of a search's work on SQLite), and on PostgreSQL also the server's, read from /proc for the backends
 * of the benchmark's database (10 ms ticks, so a mean over every search rather than percentiles).
 */

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { openPostgresStorage } from "../src/adapters/postgres/open-postgres-storage.ts";
import { openSqliteStorage } from "../src/adapters/sqlite/open-sqlite-storage.ts";
import type { SearchSort } from "../src/domain/search.ts";
import { searchArticles } from "../src/pipeline/search-articles.ts";
import type { Storage } from "../src/ports/storage.ts";
import { BENCH_QUERIES } from "./search-queries.ts";

/** Timed rounds over every query and order, after one untimed warm-up round (warm caches, as a running server). */
const ROUNDS = 5;
/** Results per query, as a reader's first page. */
const PAGE = 10;
/** How many of the queries with the most matches are reported apart: the words newest-first sorting walks the most. */
const BROAD_QUERIES = 5;
const SORTS: readonly SearchSort[] = process.argv.includes("--relevance-only")
  ? ["relevance"]
  : ["relevance", "date"];

async function main() {
  const args = process.argv.slice(2);
  const at = (flag: string) => {
    const i = args.indexOf(flag);
    return i < 0 ? undefined : args[i + 1];
  };
  const url = at("--url");
  const postgres = url === undefined ? null : await openPostgresStorage(url);
  const storage: Storage = postgres ?? (await openSqliteStorage(at("--db") ?? "akhbar.db"));
  // The server's CPU ticks so far, summed over the backends serving this database (the pool's connections).
  const serverTicks = async () => {
    if (postgres === null) return 0;
    const { rows } = await postgres.pool.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database()",
    );
    let ticks = 0;
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // A backend that ended between the two reads: its ticks are gone either way.
      }
    }
    return ticks;
  };
  const serverCpu = new Map<string, { ticks: number; n: number }>();
  try {
    const run = (q: string, sort: SearchSort) =>
      searchArticles(storage, q, {
        limit: PAGE,
        offset: 0,
        sources: [],
        from: null,
        to: null,
        recency: false,
        sort,
      });
    const totals = new Map<string, number>();
    for (const q of BENCH_QUERIES) totals.set(q, (await run(q, "relevance")).total);
    const broad = [...BENCH_QUERIES].sort((a, b) => totals.get(b)! - totals.get(a)!).slice(0, BROAD_QUERIES);
    const samples = new Map<string, number[]>();
    const add = (key: string, ms: number) => samples.set(key, [...(samples.get(key) ?? []), ms]);
    for (let round = 0; round <= ROUNDS; round++) {
      for (const [i, q] of BENCH_QUERIES.entries()) {
        for (const sort of (round + i) % 2 === 0 ? SORTS : [...SORTS].reverse()) {
          const ticks0 = await serverTicks();
          const t0 = performance.now();
          const cpu0 = process.cpuUsage();
          await run(q, sort);
          const ms = performance.now() - t0;
          const cpu = process.cpuUsage(cpu0);
          const ticks = (await serverTicks()) - ticks0;
          if (round === 0) continue;
          const server = serverCpu.get(sort) ?? { ticks: 0, n: 0 };
          serverCpu.set(sort, { ticks: server.ticks + ticks, n: server.n + 1 });
          add(sort, ms);
          if (broad.includes(q)) add(`${sort} broad`, ms);
          // This process's CPU: the whole search on SQLite (in process), only the client's share on PostgreSQL.
          add(`${sort} cpu`, (cpu.user + cpu.system) / 1000);
        }
      }
    }
    console.log(`store: ${url === undefined ? "SQLite" : "PostgreSQL"}; ${ROUNDS} rounds, page ${PAGE}`);
    console.log(`broadest queries: ${broad.map((q) => `${q} (${totals.get(q)})`).join(", ")}`);
    for (const [key, list] of samples) {
      const sorted = [...list].sort((a, b) => a - b);
      const p = (x: number) => sorted[Math.min(sorted.length - 1, Math.floor(x * sorted.length))]!.toFixed(2);
      console.log(
        `${key.padEnd(16)} p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  p99 ${p(0.99)} ms  (n=${list.length})`,
      );
    }
    // /proc counts in clock ticks; Linux's USER_HZ is 100 on every common build.
    if (postgres !== null)
      for (const [sort, { ticks, n }] of serverCpu)
        console.log(
          `${`${sort} server`.padEnd(16)} mean ${((ticks * 10) / n).toFixed(2)} ms CPU per search (n=${n})`,
        );
  } finally {
    await storage.close();
  }
}

await main();
