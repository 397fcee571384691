import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocVector } from "../../src/adapters/postgres/build-doc-vector.ts";
import { compileTsquery } from "../../src/adapters/postgres/compile-tsquery.ts";
import { MIGRATIONS } from "../../src/adapters/postgres/migrations.ts";
import {
  openPostgresStorage,
  type PostgresStorage,
} from "../../src/adapters/postgres/open-postgres-storage.ts";
import { LEAD_LOCK_KEY_SQL } from "../../src/adapters/postgres/postgres-story-store.ts";
import { ARTICLE_TEXT_CHARS_MIN, RANK_CANDIDATES_MAX } from "../../src/adapters/search-policy.ts";
import type { MatchText } from "../../src/domain/article.ts";
import { isAkhbarError } from "../../src/domain/errors.ts";
import { reclusterStories } from "../../src/pipeline/assign-stories.ts";
import { importRecords } from "../../src/pipeline/import-records.ts";
import { FIXTURE_RECORDS, fixtureJsonl, MERGE_RECORDS, STORY_RECORDS } from "../fixtures/arabic-articles.ts";
import { makeArticleWrite, makeQuery, term } from "./article-fixtures.ts";
import {
  deleteArticleForTombstoneRow,
  describeArticleStoreContract,
  expectTombstoneRowWithoutText,
} from "./article-store-contract.ts";
import { describeFeedStoreContract } from "./feed-store-contract.ts";
import { createTestDatabase, isPostgresReachable, type TestDatabase } from "./postgres-test-database.ts";
import { describeSearchIndexContract } from "./search-index-contract.ts";
import { describeSourceStoreContract } from "./source-store-contract.ts";
import {
  describeStoryStoreContract,
  expectUpgradedCopyGroups,
  placeLateCopyInTime,
  UNDO_POSTGRES_ARTICLE_GROUPS,
  UNDO_POSTGRES_RANK_SOURCE_DROP,
  UNDO_POSTGRES_TOMBSTONE_DIGESTS,
  writeCopyGroupsForUpgrade,
  writeLateCopyStory,
} from "./story-store-contract.ts";

// PostgreSQL is on every developer machine and in CI (.ci/run starts it); elsewhere the suite says why it skips.
const reachable = await isPostgresReachable();
if (!reachable && process.env.CI === "true")
  throw new Error("PostgreSQL at 127.0.0.1:5432 is required in CI");
if (!reachable) console.warn("postgres.test.ts: PostgreSQL not reachable at 127.0.0.1:5432; skipping");

let db: TestDatabase;
beforeAll(async () => {
  if (reachable) db = await createTestDatabase();
});
afterAll(async () => {
  if (reachable) await db.drop();
});
const openFresh = () => db.openFresh();

describe.runIf(reachable)("postgres", () => {
  describeArticleStoreContract("postgres", openFresh);
  describeSourceStoreContract("postgres", openFresh);
  describeFeedStoreContract("postgres", openFresh);
  describeSearchIndexContract("postgres", openFresh);
  describeStoryStoreContract("postgres", openFresh);

  describe("openPostgresStorage", () => {
    it("lists the copy groups of articles placed before version 12 on upgrade, so folded search finds them", async () => {
      const schema = db.newSchemaName();
      const old = await db.openSchema(schema);
      await writeCopyGroupsForUpgrade(old);
      await old.pool.query(UNDO_POSTGRES_ARTICLE_GROUPS);
      await old.close();
      const upgraded = await db.openSchema(schema);
      await expectUpgradedCopyGroups(upgraded);
      await upgraded.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await upgraded.close();
    });

    for (const from of [
      { name: "version 14 (the rank's source count stored)", undo: UNDO_POSTGRES_RANK_SOURCE_DROP },
      {
        name: "version 10 (before the count was added, then dropped)",
        undo: `${UNDO_POSTGRES_ARTICLE_GROUPS} ALTER TABLE stories DROP COLUMN rank_source_count;
          DELETE FROM schema_migrations WHERE version = 11;`,
      },
    ]) {
      it(`upgrades a store at ${from.name} to no rank_source_count, its stories kept and recounted`, async () => {
        const schema = db.newSchemaName();
        const old = await db.openSchema(schema);
        await writeLateCopyStory(old);
        await old.pool.query(from.undo);
        await old.close();
        const upgraded = await db.openSchema(schema);
        const { rows } = await upgraded.pool.query<{ column_name: string }>(
          "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'stories'",
          [schema],
        );
        const columns = rows.map((r) => r.column_name);
        expect(columns).not.toContain("rank_source_count");
        expect(columns).toContain("last_update_ms");
        expect(await upgraded.stories!.getStory("a")).toMatchObject({
          articleCount: 2,
          sources: ["sabq", "was"],
          lastUpdateMs: Date.parse("2015-07-21T08:00:00Z"),
        });
        // A recount after the upgrade writes the story without the column.
        await placeLateCopyInTime(upgraded);
        expect((await upgraded.stories!.getStory("a"))?.lastUpdateMs).toBe(
          Date.parse("2015-07-21T10:00:00Z"),
        );
        await upgraded.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
        await upgraded.close();
      });
    }

    it("keeps a deleted article's text digest in its tombstone, and none of its text", async () => {
      const schema = db.newSchemaName();
      const storage = await db.openSchema(schema);
      const text = await deleteArticleForTombstoneRow(storage);
      const { rows } = await storage.pool.query<Record<string, unknown>>("SELECT * FROM tombstones");
      expect(rows).toHaveLength(1);
      expectTombstoneRowWithoutText(rows[0]!, text);
      await storage.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await storage.close();
    });

    it("upgrades tombstones written before version 16: no digest, still refusing by id, URL and content hash", async () => {
      const schema = db.newSchemaName();
      const old = await db.openSchema(schema);
      await old.articles.writeArticles([makeArticleWrite("a")]);
      await old.articles.deleteArticle("id-a", "takedown");
      await old.pool.query(UNDO_POSTGRES_TOMBSTONE_DIGESTS);
      await old.close();
      const upgraded = await db.openSchema(schema);
      const { rows } = await upgraded.pool.query("SELECT text_digest FROM tombstones");
      expect(rows).toEqual([{ text_digest: null }]);
      const outcomes = await upgraded.articles.writeArticles([
        makeArticleWrite("a"),
        makeArticleWrite("b", { canonicalUrl: "https://news.example/a" }),
        makeArticleWrite("c", { contentHash: "hash-a" }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["tombstoned", "tombstoned", "tombstoned"]);
      await upgraded.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await upgraded.close();
    });

    it("records the latest migration and keeps data across close and reopen", async () => {
      const schema = db.newSchemaName();
      const first = await db.openSchema(schema);
      await first.articles.writeArticles([makeArticleWrite("a", { index: { title: "oil", body: "" } })]);
      await first.close();
      const second = await db.openSchema(schema);
      const { rows } = await second.pool.query("SELECT max(version) AS v FROM schema_migrations");
      expect(rows[0]?.v).toBe(MIGRATIONS.at(-1)?.version);
      expect(await second.articles.countArticles()).toBe(1);
      expect((await second.search.search(makeQuery({ terms: [term("oil")] }))).total).toBe(1);
      await second.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await second.close();
    });

    it("keeps the articles without text for search in a partial index whose predicate is the policy's", async () => {
      const schema = db.newSchemaName();
      const storage = await db.openSchema(schema);
      const { rows } = await storage.pool.query<{ def: string }>(
        "SELECT indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND indexname = 'articles_textless'",
        [schema],
      );
      expect(rows[0]?.def).toContain(`WHERE (length(text) < ${ARTICLE_TEXT_CHARS_MIN})`);
      await storage.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await storage.close();
    });

    it("migrates once when several processes open one new database at the same time", async () => {
      const schema = db.newSchemaName();
      const opened = await Promise.all([1, 2, 3].map(() => db.openSchema(schema)));
      const { rows } = await opened[0]!.pool.query("SELECT count(*) AS n FROM schema_migrations");
      expect(rows[0]?.n).toBe(MIGRATIONS.length);
      await opened[0]!.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all(opened.map((s) => s.close()));
    });

    it("refuses a database written by a newer schema version", async () => {
      const schema = db.newSchemaName();
      const storage = await db.openSchema(schema);
      await storage.pool.query("INSERT INTO schema_migrations VALUES (1000, 'future', 'now')");
      await storage.close();
      let caught: unknown;
      try {
        await db.openSchema(schema);
      } catch (err) {
        caught = err;
      }
      expect(isAkhbarError(caught, "store.schema_too_new")).toBe(true);
      const cleanup = new pg.Client({ connectionString: db.url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA "${schema}" CASCADE`);
      await cleanup.end();
    });

    it("fails with store.open_failed and no password in the message when the server refuses", async () => {
      let caught: unknown;
      try {
        await openPostgresStorage("postgres://akhbar:secret@127.0.0.1:1/none", { schema: "x" });
      } catch (err) {
        caught = err;
      }
      expect(isAkhbarError(caught, "store.open_failed")).toBe(true);
      expect((caught as Error).message).not.toContain("secret");
    });
  });

  describe("concurrent writers", () => {
    it("store one row per article when two connections write the same batch at once", async () => {
      const schema = db.newSchemaName();
      const [one, two] = await Promise.all([db.openSchema(schema), db.openSchema(schema)]);
      const batch = Array.from({ length: 200 }, (_, i) =>
        makeArticleWrite(`c${i}`, { sourceId: i % 2 === 0 ? "okaz" : "sabq" }),
      );
      for (let round = 0; round < 3; round++) {
        const [a, b] = await Promise.all([
          one.articles.writeArticles(batch),
          two.articles.writeArticles(batch),
        ]);
        for (let i = 0; i < batch.length; i++) {
          const statuses = [a[i]?.status, b[i]?.status].sort();
          expect(statuses).toEqual(round === 0 ? ["inserted", "unchanged"] : ["unchanged", "unchanged"]);
        }
      }
      expect(await one.articles.countArticles()).toBe(200);
      const { rows } = await one.pool.query("SELECT count(*) AS n FROM articles");
      expect(rows[0]?.n).toBe(200);
      expect((await one.search.search(makeQuery({ terms: [term("tc7")] }))).total).toBe(1);
      await one.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all([one.close(), two.close()]);
    });

    it("keep one article when two sources write the same URL at once, and one per text within a source", async () => {
      const schema = db.newSchemaName();
      const [one, two] = await Promise.all([db.openSchema(schema), db.openSchema(schema)]);
      for (let i = 0; i < 20; i++) {
        // Same canonical URL from two sources (two advisory locks): the unique index decides, the loser retries.
        const sameUrl = [
          one.articles.writeArticles([makeArticleWrite(`u${i}`, { sourceId: "okaz" })]),
          two.articles.writeArticles([
            makeArticleWrite(`v${i}`, { sourceId: "sabq", canonicalUrl: `https://news.example/u${i}` }),
          ]),
        ];
        // Same text from one source under two URLs: the source lock serializes, content-hash dedupe sees the first.
        const sameText = [
          one.articles.writeArticles([makeArticleWrite(`x${i}`, { sourceId: "wam", contentHash: `h${i}` })]),
          two.articles.writeArticles([makeArticleWrite(`y${i}`, { sourceId: "wam", contentHash: `h${i}` })]),
        ];
        const outcomes = (await Promise.all([...sameUrl, ...sameText])).flat();
        expect(
          outcomes
            .slice(0, 2)
            .map((o) => o.status)
            .sort(),
        ).toEqual(["duplicate", "inserted"]);
        expect(
          outcomes
            .slice(2)
            .map((o) => o.status)
            .sort(),
        ).toEqual(["duplicate", "inserted"]);
      }
      expect(await one.articles.countArticles()).toBe(40);
      const counts = new Map((await one.sources.listSources()).map((s) => [s.id, s.articleCount]));
      const { rows } = await one.pool.query<{ source_id: string; n: number }>(
        "SELECT source_id, count(*) AS n FROM articles GROUP BY source_id",
      );
      for (const row of rows) expect(counts.get(row.source_id)).toBe(row.n);
      await one.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all([one.close(), two.close()]);
    });
  });

  describe("concurrent writers racing on the same records", () => {
    /** Two storages on one new schema, as two worker processes see one database. */
    async function twoWriters() {
      const schema = db.newSchemaName();
      const pair = await Promise.all([db.openSchema(schema), db.openSchema(schema)]);
      return {
        one: pair[0],
        two: pair[1],
        async close() {
          await pair[0].pool.query(`DROP SCHEMA "${schema}" CASCADE`);
          await Promise.all(pair.map((s) => s.close()));
        },
      };
    }

    it("store each text of a source once when two writers race, in opposite orders, under other ids and URLs", async () => {
      const { one, two, close } = await twoWriters();
      const sources = ["okaz", "sabq", "wam"];
      for (let round = 0; round < 12; round++) {
        const mine = Array.from({ length: 12 }, (_, i) =>
          makeArticleWrite(`r${round}-${i}`, { sourceId: sources[i % 3], contentHash: `h${round}-${i}` }),
        );
        // The other writer's copy: same source and text, another id and URL for two thirds, the same article
        // for the rest. Reversed, so the two batches reach their shared keys in opposite orders.
        const theirs = mine.map((w, i) =>
          i % 3 === 0
            ? w
            : makeArticleWrite(`s${round}-${i}`, { sourceId: sources[i % 3], contentHash: `h${round}-${i}` }),
        );
        const [a, b] = await Promise.all([
          one.articles.writeArticles(mine),
          two.articles.writeArticles([...theirs].reverse()),
        ]);
        const bInOrder = [...b].reverse();
        for (let i = 0; i < mine.length; i++) {
          const statuses = [a[i]?.status, bInOrder[i]?.status].sort();
          expect(statuses).toEqual(i % 3 === 0 ? ["inserted", "unchanged"] : ["duplicate", "inserted"]);
        }
      }
      const { rows } = await one.pool.query<{ n: number; texts: number }>(
        "SELECT count(*)::int AS n, count(DISTINCT (source_id, content_hash))::int AS texts FROM articles",
      );
      expect(rows[0]).toEqual({ n: 144, texts: 144 });
      expect(await two.articles.countArticles()).toBe(144);
      for (const s of await one.sources.listSources()) expect(s.articleCount).toBe(48);
      await close();
    });

    it("hold every tombstone when deletes race a rewrite of the same articles", async () => {
      const { one, two, close } = await twoWriters();
      const stored = Array.from({ length: 60 }, (_, i) => makeArticleWrite(`d${i}`, { sourceId: "okaz" }));
      await one.articles.writeArticles(stored);
      const rewritten = stored.map((w) => ({
        ...w,
        article: { ...w.article, text: `${w.article.text} (2)` },
      }));
      // Whichever runs first for an article, it ends deleted: a rewrite after the delete meets the tombstone.
      await Promise.all([
        Promise.all(stored.map((w) => one.articles.deleteArticle(w.article.id, "removed"))),
        two.articles.writeArticles(rewritten),
      ]);
      expect(await one.articles.countArticles()).toBe(0);
      const again = await two.articles.writeArticles(rewritten);
      expect(new Set(again.map((o) => o.status))).toEqual(new Set(["tombstoned"]));
      const { rows } = await one.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM article_search");
      expect(rows[0]?.n).toBe(0);
      await close();
    });

    it("keep each article's search row in step with its text when two writers rewrite it at once", async () => {
      const { one, two, close } = await twoWriters();
      const keys = Array.from({ length: 40 }, (_, i) => `w${i}`);
      await one.articles.writeArticles(keys.map((k) => makeArticleWrite(k)));
      const version = (k: string, v: string) =>
        makeArticleWrite(k, {
          text: `text ${v} ${k}`,
          contentHash: `hash-${v}-${k}`,
          index: { title: `t${k}`, body: `${v}${k}` },
        });
      await Promise.all([
        one.articles.writeArticles(keys.map((k) => version(k, "a"))),
        two.articles.writeArticles(keys.map((k) => version(k, "b"))),
      ]);
      const texts = new Map(
        (await one.articles.getArticles(keys.map((k) => `id-${k}`))).map((a) => [a.id, a.text]),
      );
      for (const k of keys) {
        const winner = texts.get(`id-${k}`) === `text a ${k}` ? "a" : "b";
        expect(texts.get(`id-${k}`)).toBe(`text ${winner} ${k}`);
        const found = await one.search.search(makeQuery({ terms: [term(`${winner}${k}`)] }));
        expect(found.total).toBe(1);
      }
      await close();
    });
  });

  describe("story assignment by several processes", () => {
    /** Every fixture record, every third moved to the end so later batches hold articles that arrive late. */
    const records = [...FIXTURE_RECORDS, ...STORY_RECORDS, ...MERGE_RECORDS];
    const shuffled = [...records.filter((_, i) => i % 3 !== 0), ...records.filter((_, i) => i % 3 === 0)];
    const batchesOf = (size: number) =>
      Array.from({ length: Math.ceil(shuffled.length / size) }, (_, i) =>
        fixtureJsonl(shuffled.slice(i * size, (i + 1) * size))
          .trim()
          .split("\n"),
      );
    async function importLines(storage: PostgresStorage, lines: string[]) {
      await importRecords(
        (async function* () {
          for (const [i, text] of lines.entries()) yield { file: "fixture", lineNo: i + 1, text };
        })(),
        { storage, clock: { now: () => new Date("2015-08-01T00:00:00Z") } },
      );
    }
    async function placements(storage: PostgresStorage) {
      const { rows } = await storage.pool.query(
        'SELECT article_id, story_id, group_id, duplicate_of FROM article_placements ORDER BY article_id COLLATE "C"',
      );
      return rows;
    }

    it("never split a story when processes take turns: each step sees the other's placements", async () => {
      const schema = db.newSchemaName();
      const [one, two] = await Promise.all([db.openSchema(schema), db.openSchema(schema)]);
      const byId = new Map(records.map((r) => [r.id, r]));
      const lines = (ids: string[]) =>
        fixtureJsonl(ids.map((id) => byId.get(id)!))
          .trim()
          .split("\n");
      // In time order. `one` has placed older news when `two` opens the desalination story with its wire original;
      // `one`'s next article is a copy of it, later than anything `one` placed, so nothing forces a replay.
      await importLines(one, lines(["fx-001", "fx-002", "fx-003", "fx-004", "fx-005"]));
      await importLines(two, lines(["st-001"]));
      await importLines(one, lines(["st-002"]));
      await importLines(two, lines(["st-003"]));
      await importLines(one, lines(["st-005", "st-004"]));
      const byArticle = new Map((await placements(one)).map((r) => [r.article_id, r]));
      expect(byArticle.get("st-002")).toMatchObject({ story_id: "st-001", duplicate_of: "st-001" });
      const online = await placements(one);
      await reclusterStories(one.stories);
      expect(await placements(one)).toEqual(online);
      await one.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all([one.close(), two.close()]);
    });

    it("place every article as one process would when two processes import and assign at once", async () => {
      const schema = db.newSchemaName();
      const [one, two] = await Promise.all([db.openSchema(schema), db.openSchema(schema)]);
      const batches = batchesOf(3);
      // Each process imports every other batch in turn; both run at once, so their steps interleave and each
      // often finds the other has placed articles since its own last step.
      await Promise.all(
        [one, two].map(async (storage, p) => {
          for (const [i, lines] of batches.entries()) if (i % 2 === p) await importLines(storage, lines);
        }),
      );
      const online = await placements(one);
      expect(online.length).toBe(records.length - 1); // fx-007 is a same-source copy the article store skips
      await reclusterStories(one.stories);
      expect(await placements(one)).toEqual(online);
      // The other process's stream is stale after the recluster: its next step rebuilds and changes nothing.
      await importLines(two, batches[0]!);
      expect(await placements(two)).toEqual(online);
      await one.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all([one.close(), two.close()]);
    });
  });

  describe("the story-consumer turn", () => {
    it("goes to one process at a time, and to another at once when the holder releases it", async () => {
      const schema = db.newSchemaName();
      const [one, two] = await Promise.all([db.openSchema(schema), db.openSchema(schema)]);
      try {
        const held = await one.stories.tryLeadAssignment();
        expect(held).not.toBeNull();
        expect(await two.stories.tryLeadAssignment()).toBeNull();
        await held!.release();
        const next = await two.stories.tryLeadAssignment();
        expect(next).not.toBeNull();
        await next!.release();
      } finally {
        await one.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
        await Promise.all([one.close(), two.close()]);
      }
    });

    it("is one store's: a store in another schema of the database takes its own turn meanwhile", async () => {
      const [a, b] = [db.newSchemaName(), db.newSchemaName()];
      const [one, other] = await Promise.all([db.openSchema(a), db.openSchema(b)]);
      try {
        const held = await one.stories.tryLeadAssignment();
        expect(held).not.toBeNull();
        const alsoHeld = await other.stories.tryLeadAssignment();
        expect(alsoHeld).not.toBeNull();
        await Promise.all([held!.release(), alsoHeld!.release()]);
      } finally {
        await one.pool.query(`DROP SCHEMA "${a}" CASCADE`);
        await other.pool.query(`DROP SCHEMA "${b}" CASCADE`);
        await Promise.all([one.close(), other.close()]);
      }
    });

    it("is lost with the holder's connection, which frees it for another process", async () => {
      const schema = db.newSchemaName();
      const [one, two] = await Promise.all([db.openSchema(schema), db.openSchema(schema)]);
      try {
        const held = await one.stories.tryLeadAssignment();
        expect(held).not.toBeNull();
        // What a SIGKILLed worker leaves: its session ends, and the advisory lock with it. Only this schema's turn
        // holder goes (a bigint key is classid:objid in pg_locks); test files running beside this one keep theirs.
        await two.pool.query(
          `SELECT pg_terminate_backend(pid) FROM pg_locks
           WHERE locktype = 'advisory' AND objsubid = 1 AND pid <> pg_backend_pid()
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND ((classid::bigint << 32) | objid::bigint) = ${LEAD_LOCK_KEY_SQL}`,
        );
        await held!.lost;
        await held!.release();
        const next = await two.stories.tryLeadAssignment();
        expect(next).not.toBeNull();
        await next!.release();
      } finally {
        await two.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
        await Promise.all([one.close(), two.close()]);
      }
    });
  });

  describe("PostgresSearchIndex", () => {
    it("never matches a phrase across the end of the title and the start of the body", async () => {
      const storage = await db.openFresh();
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "the crown", body: "prince visited", surface: "q" } }),
      ]);
      const found = await storage.search.search(makeQuery({ phrases: [[term("crown"), term("prince")]] }));
      expect(found.total).toBe(0);
      await storage.close();
    });

    it("ranks only the newest RANK_CANDIDATES_MAX matches of a broad query, yet pages to every match", async () => {
      const storage = await db.openFresh();
      const count = RANK_CANDIDATES_MAX + 20;
      await storage.articles.writeArticles(
        Array.from({ length: count }, (_, i) =>
          makeArticleWrite(`w${i}`, { index: { title: i === 0 ? "oil oil" : "x", body: `oil w${i}` } }),
        ),
      );
      const first = await storage.search.search(makeQuery({ terms: [term("oil")], limit: 10 }));
      expect(first.total).toBe(count);
      // The oldest article has the best title match but lies outside the ranked window of the newest matches.
      expect(first.hits.map((h) => h.id)).not.toContain("id-w0");
      const seen = new Set<string>();
      for (let offset = 0; offset < count; offset += 100) {
        const page = await storage.search.search(makeQuery({ terms: [term("oil")], limit: 100, offset }));
        for (const hit of page.hits) seen.add(hit.id);
      }
      expect(seen.size).toBe(count);
      await storage.close();
    });

    it("stores each document's position count as ts_rank counts it, merged positions included", async () => {
      const storage = await db.openFresh();
      await storage.articles.writeArticles([
        makeArticleWrite("short", { index: { title: "oil price", body: "oil deal" } }),
        makeArticleWrite("long", { index: { title: "w", body: `${"x ".repeat(16_390)}w w y` } }),
      ]);
      const { rows } = await storage.pool.query<{ doc_length: number; counted: number }>(
        `SELECT doc_length, (SELECT sum(coalesce(array_length(u.positions, 1), 1)) FROM unnest(doc) AS u)::int AS counted
         FROM article_search`,
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row.doc_length).toBe(row.counted);
      await storage.close();
    });

    it("carries every source's article count into the striped counters when upgrading to version 5", async () => {
      const schema = db.newSchemaName();
      const first = await db.openSchema(schema);
      await first.articles.writeArticles([
        makeArticleWrite("a", { sourceId: "okaz" }),
        makeArticleWrite("b", { sourceId: "okaz" }),
        makeArticleWrite("c", { sourceId: "sabq" }),
      ]);
      await undoStripedCounts(first);
      await first.close();
      const second = await db.openSchema(schema);
      expect((await second.sources.listSources()).map((s) => [s.id, s.articleCount])).toEqual([
        ["okaz", 2],
        ["sabq", 1],
      ]);
      await second.articles.writeArticles([makeArticleWrite("d", { sourceId: "sabq" })]);
      expect(await second.articles.deleteArticle("id-a", "test")).toBe(true);
      expect(await second.articles.countArticles()).toBe(3);
      expect((await second.sources.listSources()).map((s) => s.articleCount)).toEqual([1, 2]);
      await second.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await second.close();
    });

    it("gives articles stored before schema version 4 their document lengths when upgrading", async () => {
      const schema = db.newSchemaName();
      const first = await db.openSchema(schema);
      await first.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "oil price", body: "oil deal oil" } }),
        makeArticleWrite("b", { index: { title: "gas", body: "" } }),
      ]);
      const lengths = "SELECT seq, doc_length FROM article_search ORDER BY seq";
      const before = (await first.pool.query(lengths)).rows;
      await undoStripedCounts(first);
      await first.pool.query("ALTER TABLE article_search DROP COLUMN doc_length");
      await first.pool.query("DELETE FROM schema_migrations WHERE version = 4");
      await first.close();
      const second = await db.openSchema(schema);
      expect((await second.pool.query(lengths)).rows).toEqual(before);
      expect((await second.search.search(makeQuery({ terms: [term("oil")] }))).total).toBe(1);
      await second.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await second.close();
    });

    it("pages exactly as ranking every candidate would, though it scores only those that can reach the page (property)", async () => {
      const storage = await db.openFresh();
      const vocabulary = ["oil", "gas", "price", "deal", "war", "oils"];
      const words = (min: number, max: number) =>
        fc.array(fc.constantFrom(...vocabulary), { minLength: min, maxLength: max }).map((w) => w.join(" "));
      const article = fc.record({
        title: words(1, 4),
        body: words(0, 60),
        day: fc.integer({ min: 1, max: 28 }),
      });
      const queries = [
        makeQuery({ terms: [term("oil")] }),
        makeQuery({ terms: [term("oils", "oil", "oils")] }),
        makeQuery({ terms: [term("oil"), term("gas")] }),
        makeQuery({ phrases: [[term("oil"), term("price")]] }),
        makeQuery({ terms: [term("deal")], excluded: [term("war")] }),
        makeQuery({ anyOf: [[[term("oil")], [term("gas")]]] }),
        makeQuery({ terms: [term("deal")], anyOf: [[[term("war")], [term("oil"), term("price")]]] }),
      ];
      await fc.assert(
        fc.asyncProperty(fc.array(article, { minLength: 30, maxLength: 120 }), async (articles) => {
          await storage.pool.query("TRUNCATE articles, article_search, sources CASCADE");
          await storage.articles.writeArticles(
            articles.map((a, i) =>
              makeArticleWrite(`p${i}`, {
                publishedAt: `2015-07-${String(a.day).padStart(2, "0")}T10:00:00Z`,
                index: { title: a.title, body: a.body },
              }),
            ),
          );
          for (const base of queries) {
            for (const recency of [false, true]) {
              // A page as large as every match puts every candidate in the scored set: nothing is left out.
              const all = await storage.search.search({ ...base, recency, limit: articles.length });
              for (const offset of [0, 3, 10]) {
                const page = await storage.search.search({ ...base, recency, limit: 3, offset });
                expect(page).toEqual({ total: all.total, hits: all.hits.slice(offset, offset + 3) });
              }
            }
          }
        }),
        { numRuns: 8 },
      );
      await storage.close();
    });

    it("pages copy groups exactly as folding every ranked match would, scoring only what can reach the page (property)", async () => {
      const storage = await db.openFresh();
      const vocabulary = ["oil", "gas", "price", "deal", "war"];
      const words = (min: number, max: number) =>
        fc.array(fc.constantFrom(...vocabulary), { minLength: min, maxLength: max }).map((w) => w.join(" "));
      const article = fc.record({
        title: words(1, 4),
        body: words(0, 40),
        day: fc.integer({ min: 1, max: 28 }),
        // A copy group among a few (most groups then have several matches), or none (never placed).
        group: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
      });
      const queries = [
        makeQuery({ terms: [term("oil")] }),
        makeQuery({ terms: [term("oil"), term("gas")] }),
        makeQuery({ terms: [term("deal")], excluded: [term("war")] }),
        makeQuery({ terms: [term("price")], sources: ["alpha"] }),
        makeQuery({ anyOf: [[[term("oil")], [term("gas")]]] }),
      ];
      await fc.assert(
        fc.asyncProperty(fc.array(article, { minLength: 30, maxLength: 100 }), async (articles) => {
          await storage.pool.query(
            "TRUNCATE articles, article_search, sources, stories, story_aliases CASCADE",
          );
          await storage.articles.writeArticles(
            articles.map((a, i) =>
              makeArticleWrite(`p${i}`, {
                publishedAt: `2015-07-${String(a.day).padStart(2, "0")}T10:00:00Z`,
                index: { title: a.title, body: a.body },
              }),
            ),
          );
          const groupOf = new Map(
            articles.map((a, i) => [`id-p${i}`, a.group === null ? `id-p${i}` : `g${a.group}`]),
          );
          const firstOf = new Map<string, string>();
          for (const [id, g] of groupOf) if (!firstOf.has(g)) firstOf.set(g, id);
          await storage.stories!.writePlacements({
            placements: articles.flatMap((a, i) =>
              a.group === null
                ? []
                : [
                    {
                      articleId: `id-p${i}`,
                      storyId: firstOf.get(`g${a.group}`)!,
                      groupId: firstOf.get(`g${a.group}`)!,
                      duplicateOf: null,
                      shingles: Uint32Array.from([1]),
                      signature: new Uint32Array(128),
                    },
                  ],
            ),
            groupMerges: [],
            groupOriginals: [],
            merges: [],
            headlines: [],
          });
          for (const base of queries) {
            for (const recency of [false, true]) {
              const ranked = (await storage.search.search({ ...base, recency, limit: articles.length })).hits;
              const reps: string[] = [];
              const seenGroups = new Set<string>();
              for (const { id } of ranked) {
                if (!seenGroups.has(groupOf.get(id)!)) reps.push(id);
                seenGroups.add(groupOf.get(id)!);
              }
              for (const offset of [0, 3, 10]) {
                const page = await storage.search.search({
                  ...base,
                  recency,
                  limit: 3,
                  offset,
                  foldCopies: true,
                });
                expect(page.total).toBe(reps.length);
                expect(page.hits.map((h) => h.id)).toEqual(reps.slice(offset, offset + 3));
              }
            }
          }
        }),
        { numRuns: 8 },
      );
      await storage.close();
    });

    it("accepts every compiled query and document as tsquery and tsvector input (property)", async () => {
      const storage = await db.openFresh();
      const token = fc.string({ unit: "binary", maxLength: 12 });
      const queryTerm = fc.record({
        display: token,
        surface: token,
        stems: fc.array(token, { maxLength: 3 }),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(queryTerm, { maxLength: 3 }),
          fc.array(fc.array(queryTerm, { maxLength: 3 }), { maxLength: 2 }),
          fc.array(queryTerm, { maxLength: 2 }),
          async (terms, phrases, excluded) => {
            const q = compileTsquery(makeQuery({ terms, phrases, excluded }));
            for (const text of [q.match, q.excluded, q.title, q.near]) {
              if (text !== null) await storage.pool.query("SELECT $1::tsquery", [text]);
            }
            const field = terms.map((t) => t.surface).join(" ") as MatchText;
            const vectors = buildDocVector({ title: field, body: field, surface: field });
            await storage.pool.query("SELECT $1::tsvector, $2::tsvector", [vectors.doc, vectors.title]);
          },
        ),
        { numRuns: 300 },
      );
      await storage.close();
    });
  });
});

/** Takes a database back to schema version 4's counters (sources.article_count), as an older akhbar left it. */
async function undoStripedCounts(storage: PostgresStorage): Promise<void> {
  // The later versions first: a database at version 4 has none of the later migrations.
  await storage.pool.query(`
    ${UNDO_POSTGRES_ARTICLE_GROUPS}
    ALTER TABLE stories DROP COLUMN rank_source_count;
    DELETE FROM schema_migrations WHERE version = 11;
    ALTER TABLE article_placements DROP COLUMN late;
    DELETE FROM schema_migrations WHERE version = 10;
    DROP TABLE stream_snapshots;
    DELETE FROM schema_migrations WHERE version = 9;
    DROP TABLE article_containments;
    DELETE FROM schema_migrations WHERE version = 8;
    ALTER TABLE stories DROP COLUMN headline_article_id;
    DELETE FROM schema_migrations WHERE version = 7;
    DROP TABLE search_analyzer;
    DELETE FROM schema_migrations WHERE version = 6;
    DROP TABLE source_article_counts;
    DROP FUNCTION add_source_counts(text[], bigint[]);
    ALTER TABLE sources ADD COLUMN article_count BIGINT NOT NULL DEFAULT 0;
    UPDATE sources s SET article_count = (SELECT count(*) FROM articles a WHERE a.source_id = s.id);
    DELETE FROM schema_migrations WHERE version = 5;
  `);
}
