/**
 * `node --import tsx bench/search-compaction-stall.ts --db PATH [--steps 50,200,1000]`: how long the SQLite search
 * index's compaction after a full re-index holds the event loop (what a request to `serve` waits), FTS5 'optimize' in
 * one statement against optimize's 'merge' steps of N pages. The store is copied, its index re-indexed with the
 * current analyzer without compaction (as `serve`'s background re-index leaves it), then each variant runs on its own
 * copy of that: wall time, the longest event-loop stall (the longest gap between runs of a 1 ms timer), segments
 * after, and a check that search answers are unchanged. Benchmark helper: writes only under a temp folder.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { openSqliteStorage } from "../src/adapters/sqlite/open-sqlite-storage.ts";
import { reindexArticles } from "../src/pipeline/reindex-articles.ts";
import { searchArticles } from "../src/pipeline/search-articles.ts";
import { silentLogger } from "../src/ports/logger.ts";
import { ANALYZER_VERSION } from "../src/stages/arabic/analyze-text.ts";

const QUERIES = ["السعودية", "أسعار النفط", "الهلال", "مجلس الوزراء", "اليمن"];

function segments(db: Database.Database): number {
  return (
    db.prepare("SELECT count(DISTINCT id >> 37) AS n FROM articles_fts_data WHERE (id >> 37) > 0").get() as {
      n: number;
    }
  ).n;
}

async function answers(path: string): Promise<string> {
  const storage = await openSqliteStorage(path);
  try {
    const out: unknown[] = [];
    for (const q of QUERIES)
      out.push(
        (
          await searchArticles(storage, q, {
            limit: 20,
            offset: 0,
            sources: [],
            from: null,
            to: null,
            recency: false,
            sort: "relevance",
          })
        ).hits.map((h) => h.id),
      );
    return JSON.stringify(out);
  } finally {
    await storage.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const src = args[args.indexOf("--db") + 1];
  if (!args.includes("--db") || src === undefined) throw new Error("bench: --db PATH is required");
  const stepsArg = args.includes("--steps") ? args[args.indexOf("--steps") + 1] : undefined;
  const steps = (stepsArg ?? "50,200,1000").split(",").map(Number);
  const dir = mkdtempSync(join(tmpdir(), "akhbar-compaction-"));
  try {
    const base = join(dir, "base.db");
    const raw = new Database(src, { readonly: true });
    await raw.backup(base);
    raw.close();
    const prep = new Database(base);
    prep.prepare("UPDATE search_analyzer SET version = ?").run(ANALYZER_VERSION - 1);
    prep.close();
    const reindexStart = performance.now();
    const storage = await openSqliteStorage(base);
    const n = await reindexArticles(storage.articles, silentLogger);
    await storage.close();
    const check = new Database(base);
    check.pragma("wal_checkpoint(TRUNCATE)");
    console.log(
      `re-indexed ${n} articles in ${Math.round(performance.now() - reindexStart)} ms: ${segments(check)} segments`,
    );
    check.close();
    const expected = await answers(base);
    const variants: {
      name: string;
      run: (s: Awaited<ReturnType<typeof openSqliteStorage>>) => Promise<void>;
    }[] = [
      {
        name: "optimize (one statement)",
        run: async (s) => {
          s.db.prepare("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')").run();
        },
      },
      ...steps.map((pages) => ({
        name: `merge steps of ${pages} pages`,
        run: (s: Awaited<ReturnType<typeof openSqliteStorage>>) => s.search.optimize(pages),
      })),
    ];
    for (const v of variants) {
      const path = join(dir, "run.db");
      for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
      copyFileSync(base, path);
      const s = await openSqliteStorage(path);
      // A 1 ms timer: the longest gap between its runs (from the start, to the end) is the longest time a request
      // arriving then would have waited for the event loop.
      const times: number[] = [];
      const interval = setInterval(() => times.push(performance.now()), 1);
      const start = performance.now();
      await v.run(s);
      const end = performance.now();
      clearInterval(interval);
      const marks = [start, ...times, end];
      let stall = 0;
      for (let i = 1; i < marks.length; i++) stall = Math.max(stall, marks[i]! - marks[i - 1]!);
      const after = segments(s.db);
      await s.close();
      const same = (await answers(path)) === expected;
      console.log(
        `${v.name}: ${Math.round(end - start)} ms, longest event-loop stall ${Math.round(stall)} ms, ${times.length} timer runs meanwhile, ${after} segment(s) after, answers ${same ? "unchanged" : "CHANGED"}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
