/**
 * End-to-end: a real `akhbar serve` process on a store an older analyzer indexed, SQLite and PostgreSQL. It listens at
 * once and answers while the search index is re-indexed in the background (/health says how far, searches say they
 * may miss articles), then serves the current index.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANALYZER_VERSION } from "../../src/stages/arabic/analyze-text.ts";
import { runCli } from "../../src/surfaces/cli/run-cli.ts";
import {
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
} from "../contract/postgres-test-database.ts";
import { fixtureJsonl } from "../fixtures/arabic-articles.ts";
import { devCorpusRecords } from "../fixtures/dev-corpus.ts";

const ROOT = join(import.meta.dirname, "../..");
/**
 * Dev-corpus articles in the store: 15 background batches of 100, seconds of re-index on any machine, while the
 * first request reaches the server within milliseconds of its banner.
 */
const ARTICLES = 1_500;

const reachable = await isPostgresReachable();
if (!reachable && process.env.CI === "true")
  throw new Error("serve-reindex.test.ts: PostgreSQL is required in CI");

let dir: string;
let file: string;
const pgDbs: TestDatabase[] = [];
let stores = 0;
const sink = { write: () => true } as unknown as NodeJS.WritableStream;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "akhbar-serve-reindex-"));
  file = join(dir, "dev.jsonl");
  // The dev corpus's few records without title or text would be rejected (exit 1).
  const records = (await devCorpusRecords({ limit: ARTICLES })).filter(
    (r) => r.title !== "" && r.text !== "",
  );
  writeFileSync(file, fixtureJsonl(records));
});
afterAll(async () => {
  for (const db of pgDbs) await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Imports the records (no stories: only the index matters here) and marks the store as indexed by the analyzer before;
 * with `reached`, as an earlier `serve` stopped mid-way left it: its re-index to this analyzer recorded as past the
 * first `reached` articles in seq order.
 */
async function oldAnalyzerStore(
  engine: "sqlite" | "pg",
  reached = 0,
): Promise<{ args: string[]; env: Record<string, string> }> {
  const resume = reached === 0 ? null : ANALYZER_VERSION;
  if (engine === "sqlite") {
    const db = join(dir, `old-${++stores}.db`);
    expect(
      await runCli(["import", file, "--db", db, "--no-stories"], { stdout: sink, stderr: sink, env: {} }),
    ).toBe(0);
    const raw = new Database(db);
    raw
      .prepare(
        `UPDATE search_analyzer SET version = ?, reindex_version = ?,
           reindex_after_seq = coalesce((SELECT seq FROM articles ORDER BY seq LIMIT 1 OFFSET ?), 0)`,
      )
      .run(ANALYZER_VERSION - 1, resume, reached - 1);
    raw.close();
    return { args: ["--db", db], env: {} };
  }
  const pgDb = await createTestDatabase();
  pgDbs.push(pgDb);
  const env = { AKHBAR_DATABASE_URL: pgDb.url };
  expect(await runCli(["import", file, "--no-stories"], { stdout: sink, stderr: sink, env })).toBe(0);
  const client = new pg.Client({ connectionString: pgDb.url });
  await client.connect();
  await client.query(
    `UPDATE search_analyzer SET version = $1, reindex_version = $2,
       reindex_after_seq = coalesce((SELECT seq FROM articles ORDER BY seq LIMIT 1 OFFSET $3), 0)`,
    [ANALYZER_VERSION - 1, resume, Math.max(0, reached - 1)],
  );
  await client.end();
  return { args: [], env };
}

/** Starts `akhbar serve` on the store; resolves with its address and its stderr so far (a getter). */
async function startServe(store: { args: string[]; env: Record<string, string> }) {
  const child = spawn(process.execPath, [join(ROOT, "bin/akhbar"), "serve", ...store.args, "--port", "0"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...store.env, AKHBAR_HOST: "127.0.0.1" },
  });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (c: string) => (stderr += c));
  const deadline = Date.now() + 30_000;
  while (!/http:\/\/127\.0\.0\.1:(\d+)/.test(stderr) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const base = `http://127.0.0.1:${/http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]}`;
  return {
    base,
    stderr: () => stderr,
    async stop() {
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    },
  };
}

interface Health {
  articles: number;
  reindexing: {
    from_version: number;
    to_version: number;
    articles_done: number;
    articles_total: number;
  } | null;
}

describe.each([{ engine: "sqlite" as const }, ...(reachable ? [{ engine: "pg" as const }] : [])])(
  "akhbar serve on a store an older analyzer indexed ($engine)",
  ({ engine }) => {
    it("listens at once, answers while it re-indexes in the background and says so, then serves the current index", async () => {
      const server = await startServe(await oldAnalyzerStore(engine));
      const { base } = server;
      const deadline = Date.now() + 30_000;
      try {
        const during = (await (await fetch(`${base}/health`)).json()) as Health;
        expect(during.reindexing).toMatchObject({
          from_version: ANALYZER_VERSION - 1,
          to_version: ANALYZER_VERSION,
          articles_total: during.articles,
        });
        expect(during.articles).toBeGreaterThan(ARTICLES * 0.9);
        expect(during.reindexing!.articles_done).toBeLessThan(during.articles);
        const q = encodeURIComponent("السعودية");
        const searching = (await (await fetch(`${base}/api/search?q=${q}`)).json()) as {
          reindexing: boolean;
        };
        expect(searching.reindexing).toBe(true);
        expect(await (await fetch(`${base}/search?q=${q}`)).text()).toContain('id="reindexing-note"');
        expect(server.stderr()).not.toContain("re-indexed with the current analyzer");

        let health = during;
        while (health.reindexing !== null && Date.now() < deadline + 120_000) {
          await new Promise((r) => setTimeout(r, 200));
          health = (await (await fetch(`${base}/health`)).json()) as Health;
        }
        expect(health.reindexing).toBeNull();
        expect(server.stderr()).toContain("re-indexed with the current analyzer");
        const after = (await (await fetch(`${base}/api/search?q=${q}`)).json()) as {
          reindexing: boolean;
          total: number;
        };
        expect(after).toMatchObject({ reindexing: false });
        expect(after.total).toBeGreaterThan(0);
        expect(await (await fetch(`${base}/search?q=${q}`)).text()).not.toContain('id="reindexing-note"');
      } finally {
        await server.stop();
      }
    }, 240_000);

    it("counts the articles an earlier, stopped run re-indexed when it resumes", async () => {
      const reached = 600;
      const server = await startServe(await oldAnalyzerStore(engine, reached));
      try {
        const health = (await (await fetch(`${server.base}/health`)).json()) as Health;
        expect(health.reindexing).toMatchObject({ from_version: ANALYZER_VERSION - 1 });
        expect(health.reindexing!.articles_done).toBeGreaterThanOrEqual(reached);
        expect(health.reindexing!.articles_done).toBeLessThan(health.articles);
      } finally {
        await server.stop();
      }
    }, 240_000);
  },
);
