/**
 * Stories end to end on PostgreSQL: the real `akhbar import` process with AKHBAR_DATABASE_URL set (a throwaway
 * database), then the story commands (stories, story, similar, duplicates, export, recluster) and the story API,
 * each giving what the same commands give on SQLite for the same records.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openPostgresStorage,
  type PostgresStorage,
} from "../../src/adapters/postgres/open-postgres-storage.ts";
import { createReaderApi } from "../../src/surfaces/api/reader-api.ts";
import { StoryReaderData } from "../../src/surfaces/web/story-reader-data.ts";
import { TopEntitiesCache } from "../../src/surfaces/web/top-entities-cache.ts";
import {
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
} from "../contract/postgres-test-database.ts";
import { FIXTURE_RECORDS, fixtureJsonl, STORY_RECORDS } from "../fixtures/arabic-articles.ts";
import { runCliCaptured } from "../fixtures/run-cli-captured.ts";

const ROOT = join(import.meta.dirname, "../..");

const reachable = await isPostgresReachable();
if (!reachable && process.env.CI === "true")
  throw new Error("stories-postgres.test.ts: PostgreSQL is required in CI");
if (!reachable)
  console.warn("stories-postgres.test.ts: PostgreSQL not reachable at 127.0.0.1:5432; skipping");

let dir: string;
let db: TestDatabase;
let sqliteFile: string;

/** The CLI in-process on PostgreSQL (`pg`) or on the SQLite file. */
async function cli(engine: "pg" | "sqlite", args: string[]) {
  const env: Record<string, string> = engine === "pg" ? { AKHBAR_DATABASE_URL: db.url } : {};
  return runCliCaptured(engine === "pg" ? args : [...args, "--db", sqliteFile], env);
}

/** Both engines' JSON output of one command, after checking both succeeded. */
async function both(args: string[]) {
  const [pg, sqlite] = [await cli("pg", args), await cli("sqlite", args)];
  expect(pg.code, pg.err).toBe(0);
  expect(sqlite.code, sqlite.err).toBe(0);
  return { pg: JSON.parse(pg.out), sqlite: JSON.parse(sqlite.out) };
}

beforeAll(async () => {
  if (!reachable) return;
  dir = mkdtempSync(join(tmpdir(), "akhbar-stories-pg-"));
  db = await createTestDatabase();
  sqliteFile = join(dir, "s.db");
  const file = join(dir, "f.jsonl");
  writeFileSync(file, fixtureJsonl([...FIXTURE_RECORDS, ...STORY_RECORDS]));
  // The real executable, configured by the environment alone, as a deployment runs it.
  const child = spawn(
    process.execPath,
    [join(ROOT, "bin/akhbar"), "import", file, "--workers", "0", "--json"],
    {
      env: { ...process.env, AKHBAR_DATABASE_URL: db.url },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (err += c));
  const [code] = await once(child, "exit");
  expect(code, err).toBe(0);
  expect(JSON.parse(out)).toMatchObject({ imported: FIXTURE_RECORDS.length + STORY_RECORDS.length - 1 });
  expect((await cli("sqlite", ["import", file, "--workers", "0"])).code).toBe(0);
}, 60_000);

afterAll(async () => {
  if (!reachable) return;
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(reachable)("story commands on PostgreSQL (AKHBAR_DATABASE_URL)", () => {
  it("lists the four-outlet story first, as on SQLite", async () => {
    const { pg, sqlite } = await both(["stories", "--json", "--since", "2015-07-20"]);
    expect(pg.stories[0]).toMatchObject({ id: "st-001" });
    expect(pg.stories[0].sources[0]).toBe("was");
    expect(pg).toEqual(sqlite);
  });

  it("shows a story with its copies, and duplicate statistics, as on SQLite", async () => {
    const story = await both(["story", "st-001", "--json"]);
    expect(story.pg.articles.find((a: { id: string }) => a.id === "st-002").duplicate_of).toBe("st-001");
    expect(story.pg).toEqual(story.sqlite);
    const stats = await both(["duplicates", "--json"]);
    expect(stats.pg).toMatchObject({ copies: 3, cross_source_groups: 2 });
    expect(stats.pg).toEqual(stats.sqlite);
  });

  it("lists similar articles without the article's copies", async () => {
    const { pg } = await both(["similar", "st-002", "--json"]);
    expect(pg.copies.map((c: { id: string }) => c.id)).toContain("st-001");
    const ids = [...pg.same_story, ...pg.similar].map((c: { id: string }) => c.id);
    expect(ids).not.toContain("st-003");
  });

  it("exports each article's story and copy fields as SQLite does", async () => {
    const lines = async (engine: "pg" | "sqlite") => {
      const { code, out } = await cli(engine, ["export", "--jsonl"]);
      expect(code).toBe(0);
      return out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
        .map((r) => ({ id: r.id, story_id: r.story_id, duplicate_of: r.duplicate_of }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    };
    const pg = await lines("pg");
    expect(pg.find((r) => r.id === "st-003")).toEqual({
      id: "st-003",
      story_id: "st-001",
      duplicate_of: "st-001",
    });
    expect(pg).toEqual(await lines("sqlite"));
  });

  it("reclusters to the stories the import placed", async () => {
    const before = await both(["stories", "--json", "--limit", "100"]);
    const { code, out, err } = await cli("pg", ["recluster"]);
    expect(code, err).toBe(0);
    expect(out).toMatch(/reclustered \d+ articles into \d+ stories/);
    expect((await both(["stories", "--json", "--limit", "100"])).pg).toEqual(before.pg);
  });

  it("serves stories, a story and duplicate statistics through the API", async () => {
    const storage: PostgresStorage = await openPostgresStorage(db.url);
    try {
      const reader = new StoryReaderData(storage);
      const app = createReaderApi({ storage, reader, entities: new TopEntitiesCache(reader, undefined) });
      // biome-ignore lint/suspicious/noExplicitAny: test reads JSON bodies by field.
      const json = async (path: string): Promise<any> => (await app.request(path)).json();
      const stories = await json("/api/stories");
      expect(stories.clustered).toBe(true);
      expect(stories.stories[0].id).toBe("st-001");
      expect((await json("/api/stories/st-001")).articles.length).toBeGreaterThanOrEqual(3);
      expect(
        (await json("/api/articles/st-004/related")).same_story.map((a: { id: string }) => a.id),
      ).toEqual(["st-001"]);
      expect(await json("/api/duplicates")).toMatchObject({ copies: 3 });
    } finally {
      await storage.close();
    }
  });
});
