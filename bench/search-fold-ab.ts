/**
 * Interleaved A/B of the search pipeline (searchArticles: ranked ids, rows, snippets) on one SQLite store with copy
 * groups: A is an older src tree (`git archive <commit> src | tar -x -C bench/.tmp/old`), B the working tree. Each
 * query runs on A then B (order alternating per round) so machine load falls on both alike; per side p50/p95 and the
 * B/A ratio, per page kind, and how many pages held fewer hits than asked while more remained.
 * Benchmark helper, not pure (opens a store read-mostly).
 * Run: node --import tsx bench/search-fold-ab.ts --db PATH [--db-b PATH] [--old bench/.tmp/old/src] [--rounds 5]
 *   PATH: a store with stories, e.g. bench/.tmp/similar-relevance.db as `npm run bench:similar` builds it.
 */
import { resolve } from "node:path";
import type * as OpenSqlite from "../src/adapters/sqlite/open-sqlite-storage.ts";
import type * as SearchPipeline from "../src/pipeline/search-articles.ts";
import type { Storage } from "../src/ports/storage.ts";
import { BENCH_QUERIES } from "./search-queries.ts";

const args = process.argv.slice(2);
const argOf = (name: string, fallback: string) =>
  args.includes(name) ? args[args.indexOf(name) + 1]! : fallback;
const DB = argOf("--db", "");
/** B's store when B's schema is newer than A's (A refuses a newer file): a copy of --db, migrated on open. */
const DB_B = argOf("--db-b", DB);
const OLD = resolve(argOf("--old", "bench/.tmp/old/src"));
const ROUNDS = Number(argOf("--rounds", "5"));
/** The reader's page size (web SEARCH_PAGE_SIZE) and the pages a reader opens: first, third, tenth. */
const LIMIT = 20;
const PAGE_OFFSETS = [0, 40, 180];
/** Also each query narrowed to the three largest sources (a filtered search ranks every match). */
const FILTER_SOURCES = 3;

interface Side {
  name: string;
  storage: Storage;
  search: typeof SearchPipeline.searchArticles;
  ms: Map<string, number[]>;
  /** Process CPU ms per call: SQLite runs on this thread, so machine load barely moves it. */
  cpu: Map<string, number[]>;
  short: number;
}

async function openSide(name: string, root: string, db: string): Promise<Side> {
  const open = (await import(`${root}/adapters/sqlite/open-sqlite-storage.ts`)) as typeof OpenSqlite;
  const pipeline = (await import(`${root}/pipeline/search-articles.ts`)) as typeof SearchPipeline;
  return {
    name,
    storage: await open.openSqliteStorage(db),
    search: pipeline.searchArticles,
    ms: new Map(),
    cpu: new Map(),
    short: 0,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main() {
  if (DB === "") throw new Error("bench: --db PATH is required");
  const a = await openSide("A (old)", OLD, DB);
  const b = await openSide("B (this tree)", resolve("src"), DB_B);
  const sources = (await b.storage.sources.listSources())
    .sort((x, y) => y.articleCount - x.articleCount)
    .slice(0, FILTER_SOURCES)
    .map((s) => s.id);
  const kinds: [string, string[], number][] = [];
  for (const offset of PAGE_OFFSETS) {
    kinds.push([`all sources, offset ${offset}`, [], offset]);
    kinds.push([`${FILTER_SOURCES} sources, offset ${offset}`, sources, offset]);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of BENCH_QUERIES) {
      for (const [kind, filter, offset] of kinds) {
        const options = { sources: filter, from: null, to: null, limit: LIMIT, offset, recency: false };
        for (const side of round % 2 === 0 ? [a, b] : [b, a]) {
          const t = performance.now();
          const c = process.cpuUsage();
          const result = await side.search(side.storage, q, options);
          const cpu = process.cpuUsage(c);
          const ms = performance.now() - t;
          if (!side.ms.has(kind)) side.ms.set(kind, []);
          side.ms.get(kind)!.push(ms);
          if (!side.cpu.has(kind)) side.cpu.set(kind, []);
          side.cpu.get(kind)!.push((cpu.user + cpu.system) / 1000);
          // A short page with more hits after it: what folding after the index used to do.
          if (round === 0 && result.hits.length < LIMIT && offset + result.hits.length < result.total)
            side.short++;
        }
      }
    }
  }
  console.log(`${BENCH_QUERIES.length} queries x ${ROUNDS} rounds, limit ${LIMIT}, store ${DB}`);
  for (const [label, key] of [
    ["wall", "ms"],
    ["cpu", "cpu"],
  ] as const) {
    console.log(`${label} ms: kind | A p50 | A p95 | B p50 | B p95 | B/A p50 | B/A p95`);
    const all = { a: [] as number[], b: [] as number[] };
    const row = (kind: string, sa: number[], sb: number[]) => {
      const [a50, a95, b50, b95] = [
        percentile(sa, 50),
        percentile(sa, 95),
        percentile(sb, 50),
        percentile(sb, 95),
      ];
      console.log(
        `${kind} | ${a50.toFixed(2)} | ${a95.toFixed(2)} | ${b50.toFixed(2)} | ${b95.toFixed(2)} | ${(b50 / a50).toFixed(2)} | ${(b95 / a95).toFixed(2)}`,
      );
    };
    for (const [kind] of kinds) {
      const sa = [...a[key].get(kind)!].sort((x, y) => x - y);
      const sb = [...b[key].get(kind)!].sort((x, y) => x - y);
      all.a.push(...sa);
      all.b.push(...sb);
      row(kind, sa, sb);
    }
    row(
      "all",
      all.a.sort((x, y) => x - y),
      all.b.sort((x, y) => x - y),
    );
  }
  console.log(
    `short pages with more after them (round 1): A ${a.short}, B ${b.short} of ${BENCH_QUERIES.length * kinds.length}`,
  );
  await a.storage.close();
  await b.storage.close();
}

await main();
