import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ARTICLE_TEXT_CHARS_MIN } from "../../src/adapters/search-policy.ts";
import { applyMigrations, FTS_HASH_SIZE_BYTES, MIGRATIONS } from "../../src/adapters/sqlite/migrations.ts";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { TEXTLESS_SEQS } from "../../src/adapters/sqlite/sqlite-search-index.ts";
import { isAkhbarError } from "../../src/domain/errors.ts";
import { makeArticleWrite, makeQuery, term } from "./article-fixtures.ts";
import {
  deleteArticleForTombstoneRow,
  describeArticleStoreContract,
  expectTombstoneRowWithoutText,
} from "./article-store-contract.ts";
import { describeFeedStoreContract } from "./feed-store-contract.ts";
import { describeSearchIndexContract } from "./search-index-contract.ts";
import { describeSourceStoreContract } from "./source-store-contract.ts";
import {
  describeStoryStoreContract,
  expectUpgradedCopyGroups,
  placeLateCopyInTime,
  UNDO_SQLITE_ARTICLE_GROUPS,
  UNDO_SQLITE_RANK_SOURCE_DROP,
  UNDO_SQLITE_TOMBSTONE_DIGESTS,
  writeCopyGroupsForUpgrade,
  writeLateCopyStory,
} from "./story-store-contract.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "akhbar-sqlite-"));
let counter = 0;
const freshPath = () => join(tempRoot, `db-${++counter}`, "akhbar.sqlite");
const openFresh = () => openSqliteStorage(freshPath());

afterAll(() => {
  rmSync(tempRoot, { recursive: true, force: true });
});

describeArticleStoreContract("sqlite", openFresh);
describeSourceStoreContract("sqlite", openFresh);
describeFeedStoreContract("sqlite", openFresh);
describeSearchIndexContract("sqlite", openFresh);
describeStoryStoreContract("sqlite", openFresh);

describe("openSqliteStorage", () => {
  it("creates the parent directories of the database file", async () => {
    const path = join(tempRoot, "deep", "er", "akhbar.sqlite");
    const storage = await openSqliteStorage(path);
    await storage.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT max(version) AS v FROM schema_migrations").get()).toEqual({
      v: MIGRATIONS.at(-1)?.version,
    });
    db.close();
  });

  it("lists the articles without text for search from their partial index, whose predicate is the policy's", async () => {
    const storage = await openSqliteStorage(freshPath());
    const index = storage.db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'articles_textless'")
      .get() as { sql: string };
    expect(index.sql).toContain(`WHERE length(text) < ${ARTICLE_TEXT_CHARS_MIN}`);
    const plan = storage.db.prepare(`EXPLAIN QUERY PLAN ${TEXTLESS_SEQS}`).all() as { detail: string }[];
    expect(plan.map((row) => row.detail)).toEqual(["SCAN articles USING INDEX articles_textless"]);
    await storage.close();
  });

  it("keeps articles and the index across close and reopen", async () => {
    const path = freshPath();
    const first = await openSqliteStorage(path);
    await first.articles.writeArticles([makeArticleWrite("a", { index: { title: "oil", body: "" } })]);
    await first.close();
    const second = await openSqliteStorage(path);
    expect(await second.articles.countArticles()).toBe(1);
    expect((await second.search.search(makeQuery({ terms: [term("oil")] }))).total).toBe(1);
    await second.close();
  });

  it("optimize merges the FTS5 index's segments into one and leaves search answers as they were", async () => {
    const storage = await openSqliteStorage(freshPath());
    // Each write transaction flushes its own segment.
    for (let i = 0; i < 12; i++) {
      await storage.articles.writeArticles([
        makeArticleWrite(`s${i}`, { index: { title: `oil w${i}`, body: "market" } }),
      ]);
    }
    const segments = () =>
      (
        storage.db
          .prepare("SELECT count(DISTINCT id >> 37) AS n FROM articles_fts_data WHERE (id >> 37) > 0")
          .get() as { n: number }
      ).n;
    const query = makeQuery({ terms: [term("oil")], limit: 20 });
    const before = await storage.search.search(query);
    const segmentsBefore = segments();
    await storage.search.optimize?.();
    expect([segmentsBefore > 1, segments()]).toEqual([true, 1]);
    expect(await storage.search.search(query)).toEqual(before);
    expect(before.total).toBe(12);
    await storage.close();
  });

  it("optimize merges in steps that let other work run between them, and keeps a write made meanwhile", async () => {
    const storage = await openSqliteStorage(freshPath());
    // Twelve segments of several pages each (distinct terms fill pages), so a merge of one page at a time takes many steps.
    for (let i = 0; i < 12; i++) {
      await storage.articles.writeArticles(
        Array.from({ length: 20 }, (_, j) =>
          makeArticleWrite(`s${i}-${j}`, {
            index: {
              title: `oil w${i}`,
              body: Array.from({ length: 50 }, (_, k) => `t${i}x${j}x${k}`).join(" "),
            },
          }),
        ),
      );
    }
    const segments = () =>
      (
        storage.db
          .prepare("SELECT count(DISTINCT id >> 37) AS n FROM articles_fts_data WHERE (id >> 37) > 0")
          .get() as { n: number }
      ).n;
    const query = makeQuery({ terms: [term("oil")], limit: 20 });
    const before = await storage.search.search(query);
    // A macrotask queued again each time it runs, writing one article on its first run: it runs only when the merge
    // gives the event loop back between steps (the one-statement 'optimize' never did).
    let turns = 0;
    let wrote: Promise<unknown> | undefined;
    const turn = () => {
      turns++;
      if (turns === 1) {
        wrote = storage.articles.writeArticles([
          makeArticleWrite("late", { index: { title: "oil late", body: "market" } }),
        ]);
      }
      if (!done) setImmediate(turn);
    };
    let done = false;
    setImmediate(turn);
    await storage.search.optimize?.(1);
    done = true;
    await wrote;
    expect(turns).toBeGreaterThan(2);
    // The write between steps is found with the others; the merge it did not restart leaves at most its segment apart.
    const after = await storage.search.search(query);
    expect(after.total).toBe(before.total + 1);
    expect((await storage.search.search(makeQuery({ terms: [term("late")] }))).hits.map((h) => h.id)).toEqual(
      ["id-late"],
    );
    expect(segments()).toBeLessThanOrEqual(2);
    await storage.search.optimize?.();
    expect(segments()).toBe(1);
    expect(await storage.search.search(query)).toEqual(after);
    await storage.close();
  });

  it("moves its change mark on its own writes and on another connection's commits, not on reads", async () => {
    const path = freshPath();
    const storage = await openSqliteStorage(path);
    const first = await storage.changeMark();
    await storage.articles.getArticle("a");
    expect(await storage.changeMark()).toBe(first);
    await storage.articles.writeArticles([makeArticleWrite("a", { index: { title: "oil", body: "" } })]);
    const afterOwnWrite = await storage.changeMark();
    expect(afterOwnWrite).not.toBe(first);
    const other = new Database(path);
    other.prepare("UPDATE sources SET name = 'x'").run();
    other.close();
    expect(await storage.changeMark()).not.toBe(afterOwnWrite);
    await storage.close();
  });

  it("runs in WAL mode with foreign keys on", async () => {
    const storage = await openSqliteStorage(freshPath());
    expect(storage.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(storage.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(storage.db.pragma("synchronous", { simple: true })).toBe(1);
    await storage.close();
  });

  it("upgrades an older database by applying only the missing migrations", () => {
    const path = freshPath();
    openSqliteStorage(path).then((s) => s.close());
    const db = new Database(join(tempRoot, `old-${++counter}.sqlite`));
    applyMigrations(db, MIGRATIONS);
    db.prepare(
      "INSERT INTO sources (id, name, language, created_at) VALUES ('keep', 'keep', 'ar', 'now')",
    ).run();
    const next = [
      ...MIGRATIONS,
      { version: 999, name: "test column", sql: "ALTER TABLE sources ADD COLUMN note TEXT" },
    ];
    expect(applyMigrations(db, next)).toBe(999);
    expect(db.prepare("SELECT id, note FROM sources").all()).toEqual([{ id: "keep", note: null }]);
    expect(applyMigrations(db, next)).toBe(999);
    db.close();
  });

  it("lists the copy groups of articles placed before version 14 on upgrade, so folded search finds them", async () => {
    const path = freshPath();
    const old = await openSqliteStorage(path);
    await writeCopyGroupsForUpgrade(old);
    old.db.exec(UNDO_SQLITE_ARTICLE_GROUPS);
    await old.close();
    const upgraded = await openSqliteStorage(path);
    await expectUpgradedCopyGroups(upgraded);
    await upgraded.close();
  });

  for (const from of [
    { name: "version 16 (the rank's source count stored)", undo: UNDO_SQLITE_RANK_SOURCE_DROP },
    {
      name: "version 12 (before the count was added, then dropped)",
      undo: `${UNDO_SQLITE_ARTICLE_GROUPS} ALTER TABLE stories DROP COLUMN rank_source_count;
        DELETE FROM schema_migrations WHERE version = 13;`,
    },
  ]) {
    it(`upgrades a store at ${from.name} to no rank_source_count, its stories kept and recounted`, async () => {
      const path = freshPath();
      const old = await openSqliteStorage(path);
      await writeLateCopyStory(old);
      old.db.exec(from.undo);
      await old.close();
      const upgraded = await openSqliteStorage(path);
      const columns = upgraded.db.prepare("SELECT name FROM pragma_table_info('stories')").pluck().all();
      expect(columns).not.toContain("rank_source_count");
      expect(columns).toContain("last_update_ms");
      expect(await upgraded.stories!.getStory("a")).toMatchObject({
        articleCount: 2,
        sources: ["sabq", "was"],
        lastUpdateMs: Date.parse("2015-07-21T08:00:00Z"),
      });
      // A recount after the upgrade writes the story without the column.
      await placeLateCopyInTime(upgraded);
      expect((await upgraded.stories!.getStory("a"))?.lastUpdateMs).toBe(Date.parse("2015-07-21T10:00:00Z"));
      await upgraded.close();
    });
  }

  it("leaves no copy of a deleted article's title or text in the database file or its WAL", async () => {
    const path = freshPath();
    const storage = await openSqliteStorage(path);
    const filler = "نص عادي عن أخبار اليوم في المنطقة وما جرى فيها. ".repeat(60);
    const secretTitle = "عنوان سري يطلب الناشر حذفه";
    const secretText = `${filler}فقرة سرية طلب الناشر حذفها من كل نسخة. ${filler}`;
    await storage.articles.writeArticles([
      makeArticleWrite("a", { text: `أ ${filler}` }),
      makeArticleWrite("b", { title: secretTitle, text: secretText }),
      makeArticleWrite("c", { text: `ج ${filler}` }),
    ]);
    // As a long-running store: the article first written to the main file, then deleted.
    storage.db.pragma("wal_checkpoint(TRUNCATE)");
    expect(await storage.articles.deleteArticle("id-b", "publisher takedown")).toBe(true);
    const bytesOf = (file: string) => (existsSync(file) ? readFileSync(file) : Buffer.alloc(0));
    for (const file of [path, `${path}-wal`]) {
      const bytes = bytesOf(file);
      expect(bytes.includes(Buffer.from("فقرة سرية طلب الناشر")), file).toBe(false);
      expect(bytes.includes(Buffer.from(secretTitle)), file).toBe(false);
    }
    expect(bytesOf(path).includes(Buffer.from("نص عادي عن أخبار اليوم"))).toBe(true);
    await storage.close();
  });

  it("keeps a deleted article's text digest in its tombstone, and none of its text", async () => {
    const storage = await openSqliteStorage(freshPath());
    const text = await deleteArticleForTombstoneRow(storage);
    const rows = storage.db.prepare("SELECT * FROM tombstones").all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expectTombstoneRowWithoutText(rows[0]!, text);
    await storage.close();
  });

  it("upgrades tombstones written before version 18: no digest, still refusing by id, URL and content hash", async () => {
    const path = freshPath();
    const old = await openSqliteStorage(path);
    await old.articles.writeArticles([makeArticleWrite("a")]);
    await old.articles.deleteArticle("id-a", "takedown");
    old.db.exec(UNDO_SQLITE_TOMBSTONE_DIGESTS);
    await old.close();
    const upgraded = await openSqliteStorage(path);
    expect(upgraded.db.prepare("SELECT text_digest FROM tombstones").pluck().all()).toEqual([null]);
    const outcomes = await upgraded.articles.writeArticles([
      makeArticleWrite("a"),
      makeArticleWrite("b", { canonicalUrl: "https://news.example/a" }),
      makeArticleWrite("c", { contentHash: "hash-a" }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["tombstoned", "tombstoned", "tombstoned"]);
    await upgraded.close();
  });

  it("rolls a failed migration back whole", () => {
    const db = new Database(join(tempRoot, `bad-${++counter}.sqlite`));
    applyMigrations(db, MIGRATIONS);
    const broken = [
      ...MIGRATIONS,
      { version: 999, name: "broken", sql: "CREATE TABLE t (x); SELECT nope FROM nowhere" },
    ];
    expect(() => applyMigrations(db, broken)).toThrow();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT max(version) AS v FROM schema_migrations").get()).toEqual({
      v: MIGRATIONS.at(-1)?.version,
    });
    db.close();
  });

  it("writes one import batch's index terms as a single FTS segment", async () => {
    const storage = await openSqliteStorage(freshPath());
    const batch = Array.from({ length: 500 }, (_, i) =>
      makeArticleWrite(`w${i}`, {
        index: { title: `t${i} common`, body: Array(600).fill(`b${i}`).join(" ") },
      }),
    );
    await storage.articles.writeArticles(batch);
    // Every on-disk segment has its own segid in the %_idx table (FTS5's b-tree over its leaves).
    const segments = storage.db
      .prepare("SELECT count(*) AS n FROM articles_fts_idx WHERE segid > 0 GROUP BY segid")
      .all();
    expect(segments.length).toBe(1);
    expect(storage.db.prepare("SELECT v FROM articles_fts_config WHERE k = 'hashsize'").get()).toEqual({
      v: FTS_HASH_SIZE_BYTES,
    });
    await storage.close();
  });

  it("refuses a database written by a newer schema version", async () => {
    const path = freshPath();
    const storage = await openSqliteStorage(path);
    storage.db.prepare("INSERT INTO schema_migrations VALUES (1000, 'future', 'now')").run();
    await storage.close();
    let caught: unknown;
    try {
      await openSqliteStorage(path);
    } catch (err) {
      caught = err;
    }
    expect(isAkhbarError(caught, "store.schema_too_new")).toBe(true);
  });

  it("refuses a newer database at once while another process holds its write lock (not 'database is locked')", async () => {
    const path = freshPath();
    const storage = await openSqliteStorage(path);
    storage.db.prepare("INSERT INTO schema_migrations VALUES (1000, 'future', 'now')").run();
    await storage.close();
    const holder = new Database(path);
    holder.exec("BEGIN IMMEDIATE");
    let caught: unknown;
    try {
      await openSqliteStorage(path);
    } catch (err) {
      caught = err;
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(isAkhbarError(caught, "store.schema_too_new")).toBe(true);
  });

  it("migrates once when two processes open one new file at the same time", async () => {
    const path = freshPath();
    mkdirSync(dirname(path), { recursive: true });
    // A third connection has created the version table (as every opener does first) and holds the write lock, so
    // both processes read the version before either can migrate.
    const holder = new Database(path);
    holder.pragma("journal_mode = WAL");
    holder.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT",
    );
    holder.exec("BEGIN IMMEDIATE");
    const child = fileURLToPath(new URL("./sqlite-open-child.ts", import.meta.url));
    const runs = [1, 2].map(() => {
      const proc = spawn(process.execPath, ["--import", "tsx", child, path]);
      let out = "";
      let err = "";
      const opening = new Promise<void>((resolve) =>
        proc.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          if (out.includes("opening")) resolve();
        }),
      );
      proc.stderr.on("data", (d: Buffer) => {
        err += d.toString();
      });
      const exit = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
        proc.on("close", (code) => resolve({ code, out, err })),
      );
      return { opening, exit };
    });
    await Promise.all(runs.map((r) => r.opening));
    // Long enough for both to reach the lock; far below their busy timeout (5 s).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    holder.exec("ROLLBACK");
    const results = await Promise.all(runs.map((r) => r.exit));
    holder.close();
    const latest = MIGRATIONS.at(-1)?.version;
    expect(
      results.map((r) => ({ code: r.code, version: r.out.match(/version (\d+)/)?.[1], err: r.err })),
    ).toEqual([
      { code: 0, version: String(latest), err: "" },
      { code: 0, version: String(latest), err: "" },
    ]);
  });

  it("opens an up-to-date file without waiting for another connection's write lock", async () => {
    const path = freshPath();
    await (await openSqliteStorage(path)).close();
    // Another process in the middle of a long import batch.
    const holder = new Database(path);
    holder.exec("BEGIN IMMEDIATE");
    const started = Date.now();
    let opened: Awaited<ReturnType<typeof openSqliteStorage>> | undefined;
    try {
      opened = await openSqliteStorage(path);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    // The busy timeout is 5 s: an open that took the lock would wait it out and fail.
    expect(Date.now() - started).toBeLessThan(2_000);
    await opened.close();
  });

  it("leaves no partial batch when the process is killed mid-transaction", async () => {
    const path = freshPath();
    const child = fileURLToPath(new URL("./sqlite-crash-child.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", child, path], { encoding: "utf8" });
    expect(run.signal).toBe("SIGKILL");
    const storage = await openSqliteStorage(path);
    expect(await storage.articles.countArticles()).toBe(1);
    expect((await storage.articles.listArticlesAfter(0, 10)).map((a) => a.id)).toEqual(["id-committed"]);
    expect(storage.db.prepare("SELECT count(*) AS n FROM articles").get()).toEqual({ n: 1 });
    await storage.close();
  });
});
