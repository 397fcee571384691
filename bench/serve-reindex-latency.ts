/**
 * `node --import tsx bench/serve-reindex-latency.ts --db PATH [--database-url URL]`: how long `akhbar serve` takes to
 * answer /health while it re-indexes in the background. The SQLite store at PATH is copied and set back one analyzer
 * version (a PostgreSQL store at URL is set back in place, and left current afterwards), a real serve process is
 * started on it, and /health is asked one request at a time (POLL_GAP_MS apart) until it reports the re-index done: latency
 * p50/p95/max over the requests made during the re-index, the re-index's own time (from serve's log) and the load.
 * Benchmark helper: writes only under a temp folder (or to the store URL names).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import { ANALYZER_VERSION } from "../src/stages/arabic/analyze-text.ts";

/** Pause between requests: serve's rate limit lets a client 10 a second (api/rate-limit.ts); this stays under it. */
const POLL_GAP_MS = 150;
const SET_BACK =
  "UPDATE search_analyzer SET version = $1, reindex_version = NULL, reindex_after_seq = 0 WHERE id = 1";

function argValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Starts serve; resolves with its port once the banner is out, and collects the re-index's duration_ms log field. */
function startServe(
  env: NodeJS.ProcessEnv,
  log: { reindexMs: number | null },
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["bin/akhbar", "serve", "--port", "0"], {
    env: { ...process.env, ...env, AKHBAR_LOG_LEVEL: "info" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      let nl = buffered.indexOf("\n");
      while (nl !== -1) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const banner = /serving .* on http:\/\/[^:]+:(\d+)/u.exec(line);
        if (banner) resolve({ child, port: Number(banner[1]) });
        if (line.includes("re-indexed with the current analyzer")) {
          log.reindexMs = (JSON.parse(line) as { duration_ms: number }).duration_ms;
        }
        nl = buffered.indexOf("\n");
      }
    });
    child.on("exit", (code) => reject(new Error(`bench: serve exited with code ${code}`)));
  });
}

async function main() {
  const args = process.argv.slice(2);
  const db = argValue(args, "--db");
  const url = argValue(args, "--database-url");
  if (db === undefined && url === undefined)
    throw new Error("bench: --db PATH or --database-url URL is required");
  const dir = mkdtempSync(join(tmpdir(), "akhbar-reindex-latency-"));
  const env: NodeJS.ProcessEnv = { AKHBAR_DEFAULT_SOURCES: "none" };
  if (url !== undefined) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(SET_BACK, [ANALYZER_VERSION - 1]);
    await client.end();
    env.AKHBAR_DATABASE_URL = url;
  } else {
    const copy = join(dir, "store.db");
    copyFileSync(db!, copy);
    const sqlite = new Database(copy);
    sqlite.prepare(SET_BACK.replace("$1", "?")).run(ANALYZER_VERSION - 1);
    sqlite.close();
    env.AKHBAR_DB = copy;
  }
  const log = { reindexMs: null as number | null };
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  const { child, port } = await startServe(env, log);
  const listeningMs = performance.now() - started;
  const latencies: number[] = [];
  let done = 0;
  let total = 0;
  const failures = new Map<number, number>();
  /** Each request's latency, when it was sent and the progress it reported: where the slow ones fall. */
  const slowest: { ms: number; atS: number; done: number }[] = [];
  try {
    for (;;) {
      const t0 = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      const body = (await res.json().catch(() => ({}))) as {
        reindexing?: { articles_done: number; articles_total: number } | null;
      };
      const ms = performance.now() - t0;
      if (!res.ok || body.reindexing === undefined) {
        // Counted, not timed: an error answer says nothing of how long a request waits.
        failures.set(res.status, (failures.get(res.status) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, POLL_GAP_MS));
        continue;
      }
      if (body.reindexing === null) break;
      latencies.push(ms);
      slowest.push({ ms, atS: (t0 - started) / 1000, done: body.reindexing.articles_done });
      done = body.reindexing.articles_done;
      total = body.reindexing.articles_total;
      await new Promise((resolve) => setTimeout(resolve, POLL_GAP_MS));
    }
    // The log line comes right after the last batch; give it a moment to arrive.
    for (let i = 0; i < 50 && log.reindexMs === null; i++) await new Promise((r) => setTimeout(r, 100));
  } finally {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const f = (ms: number) => `${Math.round(ms)} ms`;
  console.log(
    [
      `store: ${url !== undefined ? "PostgreSQL" : db}, analyzer ${ANALYZER_VERSION - 1} -> ${ANALYZER_VERSION}`,
      `listening after ${f(listeningMs)}; last progress seen ${done}/${total}`,
      `/health during the re-index: ${latencies.length} requests, p50 ${f(percentile(sorted, 50))}, p95 ${f(percentile(sorted, 95))}, max ${f(sorted.at(-1) ?? Number.NaN)}`,
      `slowest: ${slowest
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((r) => `${f(r.ms)} at ${r.atS.toFixed(1)} s (${r.done} done)`)
        .join("; ")}`,
      `answers not OK: ${failures.size === 0 ? "none" : [...failures].map(([status, n]) => `${n} x ${status}`).join(", ")}`,
      `re-index: ${log.reindexMs === null ? "?" : `${(log.reindexMs / 1000).toFixed(1)} s`} (serve's log)`,
      `load (1 min): ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
    ].join("\n"),
  );
}

await main();
