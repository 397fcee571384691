/**
 * `npm run bench`: import rate, search latency and Arabic probe answers for akhbar vs a peer measured in the
 * same run — SQLite FTS5 with the `unicode61` tokenizer on the same raw texts (what a naive FTS setup does).
 * Reads ../shared/data/corpus/saudinewsnet.dev.jsonl.gz in place; writes only to a temp folder.
 */

import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { openSqliteStorage } from "../src/adapters/sqlite/open-sqlite-storage.ts";
import { ThreadBatchPreparer } from "../src/adapters/threads/thread-batch-preparer.ts";
import { importRecords } from "../src/pipeline/import-records.ts";
import { searchArticles } from "../src/pipeline/search-articles.ts";
import { systemClock } from "../src/ports/clock.ts";
import { normalizeArabic } from "../src/stages/arabic/normalize-arabic.ts";
import { tokenizeNormalized } from "../src/stages/arabic/tokenize.ts";
import { parseQuery } from "../src/stages/search/parse-query.ts";
import { readLines } from "../src/surfaces/cli/read-lines.ts";
import { BENCH_QUERIES, EQUIVALENCE_PROBES, MORPHOLOGY_PROBES, NEGATIVE_PROBES } from "./search-queries.ts";

const CORPUS =
  process.env.AKHBAR_BENCH_CORPUS ??
  join(import.meta.dirname, "../../shared/data/corpus/saudinewsnet.dev.jsonl.gz");
/** Each query is run this many times per engine; latency percentiles are over all runs. */
const ROUNDS = 5;
/** Results per query, as a reader's first page. */
const PAGE = 10;
/** Page size when a probe walks an engine's whole result set. */
const PROBE_PAGE = 1000;

interface EngineReport {
  name: string;
  importPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  probesOk: number;
  probesTotal: number;
  failed: string[];
}

async function main() {
  if (!existsSync(CORPUS)) throw new Error(`bench: corpus not found at ${CORPUS}`);
  const dir = mkdtempSync(join(tmpdir(), "akhbar-bench-"));
  try {
    const corpus = await readCorpus();
    const ours = await benchAkhbar(join(dir, "akhbar.db"), corpus);
    const peer = await benchPeer(join(dir, "peer.db"), corpus);
    const rss = await measureServeRss(join(dir, "akhbar.db"));
    printReport([ours.report, peer], rss, ours.articles);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchAkhbar(dbPath: string, corpus: Corpus) {
  const storage = await openSqliteStorage(dbPath);
  const source = await readLines(CORPUS);
  const t0 = performance.now();
  // As `akhbar import` does: parsing and analysis in worker threads, store writes in this thread.
  const preparer = new ThreadBatchPreparer();
  // The core import (analysis + store + index) is what this compares with the peer; story placement is
  // measured by bench:stories.
  const summary = await importRecords(
    source.lines,
    { storage, clock: systemClock },
    { preparer, assignStories: false },
  );
  const importMs = performance.now() - t0;
  await preparer.close();
  const articles = summary.imported;

  const search = (q: string, limit: number) =>
    searchArticles(storage, q, { limit, offset: 0, sources: [], from: null, to: null, recency: false });
  const latencies: number[] = [];
  const rankingOnly: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of BENCH_QUERIES) {
      const s = performance.now();
      await search(q, PAGE);
      latencies.push(performance.now() - s);
      // The ranked ids alone (what the peer's MATCH + count does), without fetching rows and cutting snippets.
      const query = parseQuery(q, { limit: PAGE, offset: 0 });
      const r = performance.now();
      await storage.search.search(query);
      rankingOnly.push(performance.now() - r);
    }
  }
  const ranking = percentiles(rankingOnly);
  console.log(
    `akhbar ranking alone (parsed query -> ids + total): p50 ${ranking.p50.toFixed(3)} ms, p95 ${ranking.p95.toFixed(3)}, p99 ${ranking.p99.toFixed(3)}`,
  );
  const probe = await runProbes(corpus, async (q) => {
    // Every matching id: page through the whole result set, as a patient reader could.
    const query = parseQuery(q, { limit: PROBE_PAGE, offset: 0 });
    const ids = new Set<string>();
    for (let offset = 0; ; offset += PROBE_PAGE) {
      const refs = await storage.search.search({ ...query, offset });
      for (const hit of refs.hits) ids.add(hit.id);
      if (refs.hits.length < PROBE_PAGE) return { total: refs.total, ids };
    }
  });
  await storage.close();
  return {
    articles,
    report: {
      name: "akhbar (FTS5 + analyzer, with snippets)",
      importPerSec: (articles / importMs) * 1000,
      ...percentiles(latencies),
      ...probe,
    },
  };
}

async function benchPeer(dbPath: string, corpus: Corpus): Promise<EngineReport> {
  const db = new Database(dbPath);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE TABLE docs(id TEXT PRIMARY KEY, title TEXT, text TEXT)");
  db.exec(
    "CREATE VIRTUAL TABLE docs_fts USING fts5(title, text, content='docs', content_rowid='rowid', tokenize='unicode61')",
  );
  const insert = db.prepare("INSERT OR IGNORE INTO docs(id, title, text) VALUES (?, ?, ?)");
  const index = db.prepare("INSERT INTO docs_fts(rowid, title, text) VALUES (?, ?, ?)");
  const write = db.transaction((rows: { id: string; title: string; text: string }[]) => {
    for (const r of rows) {
      const info = insert.run(r.id, r.title, r.text);
      if (info.changes > 0) index.run(info.lastInsertRowid, r.title, r.text);
    }
  });
  const source = await readLines(CORPUS);
  const t0 = performance.now();
  let batch: { id: string; title: string; text: string }[] = [];
  let count = 0;
  for await (const line of source.lines) {
    const r = JSON.parse(line.text) as { id: string; title: string; text: string };
    batch.push({ id: r.id, title: r.title ?? "", text: r.text ?? "" });
    count++;
    if (batch.length === 500) {
      write(batch);
      batch = [];
    }
  }
  write(batch);
  const importMs = performance.now() - t0;

  const toMatch = (q: string) =>
    q
      .split(/\s+/)
      .filter((w) => w !== "")
      .map((w) => `"${w.replaceAll('"', '""')}"`)
      .join(" ");
  const page = db.prepare(
    "SELECT docs.id, snippet(docs_fts, 1, '[', ']', '…', 24) AS snip FROM docs_fts JOIN docs ON docs.rowid = docs_fts.rowid WHERE docs_fts MATCH ? ORDER BY rank LIMIT ?",
  );
  const total = db.prepare("SELECT count(*) AS n FROM docs_fts WHERE docs_fts MATCH ?");
  const run = (q: string) => {
    const match = toMatch(q);
    if (match === "") return { total: 0 };
    page.all(match, PAGE);
    return total.get(match) as { n: number };
  };
  const latencies: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of BENCH_QUERIES) {
      const s = performance.now();
      run(q);
      latencies.push(performance.now() - s);
    }
  }
  const allIds = db.prepare(
    "SELECT docs.id FROM docs_fts JOIN docs ON docs.rowid = docs_fts.rowid WHERE docs_fts MATCH ?",
  );
  const probe = await runProbes(corpus, async (q) => {
    const match = toMatch(q);
    const ids = new Set((allIds.all(match) as { id: string }[]).map((r) => r.id));
    return { total: ids.size, ids };
  });
  db.close();
  return {
    name: "peer: FTS5 unicode61 on raw text",
    importPerSec: (count / importMs) * 1000,
    ...percentiles(latencies),
    ...probe,
  };
}

/** The corpus texts by id ("title\ntext"), read once: probes judge hits by what the reader would see. */
type Corpus = Map<string, string>;
type Searcher = (q: string) => Promise<{ total: number; ids: Set<string> }>;

async function readCorpus(): Promise<Corpus> {
  const corpus: Corpus = new Map();
  for await (const line of (await readLines(CORPUS)).lines) {
    const r = JSON.parse(line.text) as { id: string; title?: string; text?: string };
    corpus.set(r.id, `${r.title ?? ""}\n${r.text ?? ""}`);
  }
  return corpus;
}

/** Runs every probe; a probe is answered when the engine behaves as an Arabic reader expects (see search-queries.ts). */
async function runProbes(corpus: Corpus, search: Searcher) {
  const failed: string[] = [];
  let ok = 0;
  for (const probe of EQUIVALENCE_PROBES) {
    const totals = await Promise.all(probe.queries.map(async (q) => (await search(q)).total));
    if (totals[0]! > 0 && totals.every((t) => t === totals[0])) ok++;
    else failed.push(`${probe.name} (${probe.queries.map((q, i) => `${q}=${totals[i]}`).join(", ")})`);
  }
  for (const probe of MORPHOLOGY_PROBES) {
    // Found when the result set holds an article with the other form and without the query's own spelling.
    const { ids } = await search(probe.query);
    const found = [...ids].some((id) => {
      const text = corpus.get(id) ?? "";
      return hasToken(text, probe.mustFindForm) && !hasToken(text, probe.query);
    });
    if (found) ok++;
    else failed.push(`${probe.name} (${probe.query} → ${probe.mustFindForm})`);
  }
  for (const probe of NEGATIVE_PROBES) {
    const { ids } = await search(probe.query);
    const falsePositives = [...ids].filter(
      (id) => !tokensOf(corpus.get(id) ?? "").some((tok) => probe.validToken.test(tok)),
    ).length;
    if (falsePositives === 0 && ids.size > 0) ok++;
    else failed.push(`${probe.name} (${ids.size} hits, ${falsePositives} false positives)`);
  }
  return {
    probesOk: ok,
    probesTotal: EQUIVALENCE_PROBES.length + MORPHOLOGY_PROBES.length + NEGATIVE_PROBES.length,
    failed,
  };
}

/** Whether the text has `form` as a whole word, comparing raw spellings (what the reader sees). */
function hasToken(text: string, form: string): boolean {
  return text.split(/[^\p{L}\p{M}\p{N}\u0640]+/u).includes(form);
}

function tokensOf(text: string): string[] {
  return tokenizeNormalized(normalizeArabic(text));
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Starts `akhbar serve` on the imported database, runs the queries through HTTP, reads its resident memory. */
async function measureServeRss(dbPath: string): Promise<number | null> {
  const root = join(import.meta.dirname, "..");
  const child = spawn(process.execPath, [join(root, "bin/akhbar"), "serve", "--db", dbPath, "--port", "0"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, AKHBAR_LOG_LEVEL: "warn" },
  });
  try {
    let banner = "";
    child.stderr.setEncoding("utf8");
    while (!/http:\/\/[^\s]+:(\d+)/.test(banner)) {
      const [chunk] = (await once(child.stderr, "data")) as [string];
      banner += chunk;
    }
    const port = /http:\/\/[^\s]+:(\d+)/.exec(banner)![1];
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of BENCH_QUERIES) {
        const res = await fetch(`http://127.0.0.1:${port}/api/search?q=${encodeURIComponent(q)}`);
        await res.arrayBuffer();
      }
    }
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : null;
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
}

function printReport(engines: EngineReport[], serveRssMb: number | null, articles: number) {
  const [ours, peer] = engines as [EngineReport, EngineReport];
  const fmt = (n: number, d = 2) => n.toFixed(d);
  console.log(`corpus: ${CORPUS}`);
  console.log(
    `articles imported by akhbar: ${articles}; ${BENCH_QUERIES.length} queries × ${ROUNDS} rounds, top ${PAGE}`,
  );
  console.log("");
  console.log(
    [
      "engine".padEnd(36),
      "import/s".padStart(9),
      "p50 ms".padStart(8),
      "p95 ms".padStart(8),
      "p99 ms".padStart(8),
      "probes".padStart(8),
    ].join(" "),
  );
  for (const e of engines) {
    console.log(
      [
        e.name.padEnd(36),
        fmt(e.importPerSec, 0).padStart(9),
        fmt(e.p50, 3).padStart(8),
        fmt(e.p95, 3).padStart(8),
        fmt(e.p99, 3).padStart(8),
        `${e.probesOk}/${e.probesTotal}`.padStart(8),
      ].join(" "),
    );
  }
  console.log("");
  console.log(
    `ratios akhbar/peer: import rate ${fmt(ours.importPerSec / peer.importPerSec)}×, p50 ${fmt(ours.p50 / peer.p50)}×, p99 ${fmt(ours.p99 / peer.p99)}×`,
  );
  console.log(
    `akhbar serve resident memory after the query set: ${serveRssMb === null ? "n/a" : `${fmt(serveRssMb, 1)} MB`}`,
  );
  console.log(`targets: import ≥ 2000/s, p50 ≤ 2 ms, p99 ≤ 20 ms, serve RSS ≤ 300 MB, every probe answered`);
  for (const e of engines)
    if (e.failed.length > 0) console.log(`probes missed by ${e.name}: ${e.failed.join("; ")}`);
}

await main();
