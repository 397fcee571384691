import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_RECORDS, MERGE_RECORDS, STORY_RECORDS } from "../../test/fixtures/arabic-articles.ts";
import { devCorpusRecords } from "../../test/fixtures/dev-corpus.ts";
import { importFixture } from "../../test/fixtures/import-fixture.ts";
import { openSqliteStorage, type SqliteStorage } from "../adapters/sqlite/open-sqlite-storage.ts";
import type { StoryStreamRow } from "../domain/story.ts";
import { analyzeStreamArticle } from "../stages/stories/recluster.ts";
import { MERGE_EVERY_ARTICLES } from "../stages/stories/story-clusterer.ts";
import {
  assignPendingStories,
  assignStories,
  reclusterStories,
  STORY_ANALYSIS_CHUNK_ROWS,
} from "./assign-stories.ts";

const dir = mkdtempSync(join(tmpdir(), "akhbar-assign-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Fixture records out of time order (every third one moved to the end), so small batches arrive late. */
const RECORDS = [...FIXTURE_RECORDS, ...STORY_RECORDS, ...MERGE_RECORDS];
const SHUFFLED = [...RECORDS.filter((_, i) => i % 3 !== 0), ...RECORDS.filter((_, i) => i % 3 === 0)];

async function importInto(
  storage: SqliteStorage,
  records: typeof RECORDS,
  batchSize: number,
  options: { assignStories?: boolean } = {},
) {
  await importFixture(storage, records, { batchSize, ...options });
}

function placements(storage: SqliteStorage) {
  return storage.db
    .prepare<[], { article_id: string; story_id: string; group_id: string; duplicate_of: string | null }>(
      "SELECT article_id, story_id, group_id, duplicate_of FROM article_placements ORDER BY article_id",
    )
    .all();
}

function headlines(storage: SqliteStorage) {
  return storage.db.prepare("SELECT id, headline, headline_article_id FROM stories ORDER BY id").all();
}

async function fresh() {
  return openSqliteStorage(join(dir, `s${n++}.db`));
}

/**
 * `records` imported by two processes one after the other into one file (the first `split`, then the rest) and by
 * one process into another: the restarted store and the one fold, to compare.
 */
async function restartedAndOnce(records: typeof RECORDS, split: number) {
  const path = join(dir, `restart${n++}.db`);
  const first = await openSqliteStorage(path);
  await importInto(first, records.slice(0, split), 500);
  await first.close();
  const restarted = await openSqliteStorage(path);
  await importInto(restarted, records.slice(split), 500);
  const once = await fresh();
  await importInto(once, records, 500);
  return { restarted, once };
}

/** One story of three articles whose most representative title is not the first, then news 200 hours later. */
const CLOSING_RECORDS = [
  [
    "cl-1",
    "2015-08-01 08:00:00",
    "وزير الصحة في أبها لافتتاح مستشفى",
    "وصل وزير الصحة إلى أبها صباح اليوم في زيارة تفقدية لمنطقة عسير يفتتح خلالها مستشفى أبها الجديد.",
  ],
  [
    "cl-2",
    "2015-08-01 09:00:00",
    "افتتاح مستشفى أبها الجديد بسعة مئتي سرير",
    "افتتح وزير الصحة مستشفى أبها الجديد بسعة مئتي سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة والولادة.",
  ],
  [
    "cl-3",
    "2015-08-01 10:00:00",
    "مستشفى أبها الجديد يستقبل أول المرضى",
    "استقبل مستشفى أبها الجديد أول المرضى بعد افتتاحه، وقال مدير المستشفى إن الأقسام تعمل بكامل طاقتها.",
  ],
  [
    "cl-4",
    "2015-08-09 18:00:00",
    "الهلال يفوز على النصر في مباراة الديربي",
    "فاز فريق الهلال على النصر بهدفين في مباراة الديربي على ملعب الملك فهد الدولي بالرياض.",
  ],
].map(([id, date, title, text], i) => ({
  id: id!,
  source: ["okaz", "alriyadh", "alwatan", "sabq"][i]!,
  url: `https://example.com/${id}`,
  title: title!,
  date: date!,
  text: text!,
}));
/** Stories close at a merge pass: enough later notices that one runs after the first story has expired. */
const LATER_NOTICES = Array.from({ length: MERGE_EVERY_ARTICLES }, (_, k) => ({
  id: `notice-${String(k).padStart(3, "0")}`,
  source: "sabq",
  url: `https://example.com/notice-${k}`,
  title: `إعلان مناقصة رقم ${k + 1000}`,
  date: `2015-08-10 ${String(Math.floor(k / 60)).padStart(2, "0")}:${String(k % 60).padStart(2, "0")}:00`,
  text: `تعلن الجهة عن طرح المناقصة رقم ${k + 1000} لتوريد المعدات رقم ${k * 7 + 3} وفق الشروط رقم ${k * 13 + 5}.`,
}));

describe("assignStories", () => {
  it("stores the representative headline of a story that closed during the step that placed it", async () => {
    const storage = await fresh();
    // One step places everything: the first story expires (and closes) at a merge pass inside it.
    await importInto(storage, [...CLOSING_RECORDS, ...LATER_NOTICES], 500);
    const first = storage.db
      .prepare<[], { id: string; headline: string; article_count: number; title: string }>(
        `SELECT s.id, s.headline, s.article_count, a.title FROM stories s
         JOIN articles a ON a.id = s.headline_article_id ORDER BY s.first_seen_ms LIMIT 1`,
      )
      .get();
    await storage.close();
    // Not the first article's title (the fallback for a story never described): the story's own choice, and the
    // article it names is the one whose title it is.
    expect(first).toMatchObject({ id: "cl-1", article_count: 3 });
    expect(first).not.toMatchObject({ headline: "وزير الصحة في أبها لافتتاح مستشفى" });
    expect(first?.title).toBe(first?.headline);
  });

  it("places the same story and duplicate_of for every article whatever the batch size", async () => {
    const small = await fresh();
    const big = await fresh();
    await importInto(small, SHUFFLED, 7);
    await importInto(big, SHUFFLED, 500);
    const a = placements(small);
    expect(a.length).toBe(RECORDS.length - 1); // fx-007 is a same-source copy the article store skips
    expect(a).toEqual(placements(big));
    expect(headlines(small)).toEqual(headlines(big));
    await Promise.all([small.close(), big.close()]);
  });

  it("merges the copy groups of an article that copies two, whatever the batching", async () => {
    const orders = [
      MERGE_RECORDS,
      [...MERGE_RECORDS].reverse(),
      [MERGE_RECORDS[2]!, MERGE_RECORDS[0]!, MERGE_RECORDS[1]!],
    ];
    const results = [];
    for (const [i, order] of orders.entries()) {
      const storage = await fresh();
      for (const r of order) await importInto(storage, [r], 1);
      results.push(placements(storage));
      if (i === 0) {
        // The roundup copies both releases: one group keyed by the first, the later wire release its original.
        expect(results[0]).toEqual([
          expect.objectContaining({ article_id: "mg-001", group_id: "mg-001", duplicate_of: "mg-002" }),
          expect.objectContaining({ article_id: "mg-002", group_id: "mg-001", duplicate_of: null }),
          expect.objectContaining({ article_id: "mg-003", group_id: "mg-001", duplicate_of: "mg-002" }),
        ]);
      }
      await storage.close();
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it("places the same when another thread analyzes the texts beside the fold, chunk by chunk", async () => {
    // Enough real articles for several analysis chunks (the dev corpus, read in place).
    const records = await devCorpusRecords({ limit: 2 * STORY_ANALYSIS_CHUNK_ROWS + 57 });
    const plain = await fresh();
    const helped = await fresh();
    for (const s of [plain, helped]) await importInto(s, records, 200, { assignStories: false });
    await assignPendingStories(plain, []);
    let chunks = 0;
    const analyzer = {
      parallelism: 2,
      // What a worker hands back: the analysis through a structured clone, as across a thread boundary.
      async analyzeStories(rows: readonly StoryStreamRow[]) {
        chunks++;
        return structuredClone(rows.map(analyzeStreamArticle));
      },
    };
    await assignPendingStories(helped, [], analyzer);
    expect(chunks).toBe(Math.ceil(placements(plain).length / STORY_ANALYSIS_CHUNK_ROWS));
    expect(placements(plain).length).toBeGreaterThan(2 * STORY_ANALYSIS_CHUNK_ROWS);
    expect(placements(helped)).toEqual(placements(plain));
    await Promise.all([plain.close(), helped.close()]);
  });

  it("gives what recluster gives on the same articles", async () => {
    const storage = await fresh();
    await importInto(storage, SHUFFLED, 4);
    const online = placements(storage);
    await reclusterStories(storage.stories);
    expect(placements(storage)).toEqual(online);
    await storage.close();
  });

  it("reports its progress: the stored window re-read by a new process, then every article placed", async () => {
    const path = join(dir, `progress${n++}.db`);
    const first = await openSqliteStorage(path);
    await importInto(first, RECORDS.slice(0, 10), 500);
    await first.close();
    const second = await openSqliteStorage(path);
    await importInto(second, RECORDS.slice(10), 500, { assignStories: false });
    const unplaced = await second.stories.listUnplacedIds();
    const calls: [string, number, number][] = [];
    const summary = await assignPendingStories(second, [], undefined, (phase, done, total) =>
      calls.push([phase, done, total]),
    );
    const rebuild = calls.filter(([phase]) => phase === "rebuild");
    const place = calls.filter(([phase]) => phase === "place");
    // The stored window is re-read first; then every article placed (the unplaced ones, and placed ones after the
    // earliest of them, placed again) is counted, 1 to total.
    expect(rebuild.length).toBeGreaterThan(0);
    expect(calls.indexOf(place[0]!)).toBe(rebuild.length);
    const placed = summary!.placed;
    expect(placed).toBeGreaterThanOrEqual(unplaced.length);
    expect(place.map(([, done]) => done)).toEqual(Array.from({ length: placed }, (_, i) => i + 1));
    expect(place.every(([, , total]) => total === placed)).toBe(true);
    await second.close();
  });

  it("reports recluster's progress across its chunks, up to every article", async () => {
    const storage = await fresh();
    await importInto(storage, RECORDS, 500);
    const seen: [number, number][] = [];
    await reclusterStories(storage.stories, (placed, total) => seen.push([placed, total]));
    const count = await storage.articles.countArticles();
    expect(seen.at(-1)).toEqual([count, count]);
    expect(seen.map(([placed]) => placed)).toEqual(seen.map((_, i) => i + 1));
    await storage.close();
  });

  it("reaches the same stories after a restart mid-import and a re-run", async () => {
    const path = join(dir, `restart${n++}.db`);
    const first = await openSqliteStorage(path);
    await importInto(first, SHUFFLED.slice(0, 9), 3);
    await first.close();
    const second = await openSqliteStorage(path);
    await importInto(second, SHUFFLED, 5);
    const once = await fresh();
    await importInto(once, SHUFFLED, 500);
    expect(placements(second)).toEqual(placements(once));
    await Promise.all([second.close(), once.close()]);
  });

  it("places everything after a step whose write failed, as one fold would", async () => {
    const storage = await fresh();
    const inOrder = [...RECORDS].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    await importInto(storage, inOrder.slice(0, 9), 500);
    const store = storage.stories;
    const write = store.writePlacements.bind(store);
    store.writePlacements = async () => {
      throw new Error("disk full");
    };
    // One article, the newest so far: the failed step leaves it as the stream's frontier.
    await expect(importInto(storage, inOrder.slice(9, 10), 500)).rejects.toThrow("disk full");
    store.writePlacements = write;
    // The failed step's stream folded a row the store never got; the next step must not meet it again.
    await importInto(storage, inOrder.slice(10), 500);
    const once = await fresh();
    await importInto(once, inOrder, 500);
    expect(placements(storage)).toEqual(placements(once));
    await Promise.all([storage.close(), once.close()]);
  });

  it("places as one fold when two processes' assigners take turns on one SQLite file", async () => {
    const path = join(dir, `two${n++}.db`);
    // Two storages on one file: two StoryStore objects, so two assigners, as serve --crawl beside an import.
    const a = await openSqliteStorage(path);
    const b = await openSqliteStorage(path);
    const inOrder = [...RECORDS].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    for (let i = 0, turn = 0; i < inOrder.length; i += 3, turn++) {
      await importInto(turn % 2 === 0 ? a : b, inOrder.slice(i, i + 3), 500);
    }
    const once = await fresh();
    await importInto(once, inOrder, 500);
    expect(placements(a)).toEqual(placements(once));
    await Promise.all([a.close(), b.close(), once.close()]);
  });

  it("folds an unplaced article stored before a late arrival ahead of the placed ones after it", async () => {
    const storage = await fresh();
    const story = (id: string) => STORY_RECORDS.find((r) => r.id === id)!;
    await importInto(storage, [story("st-002"), story("st-005")], 500);
    // Another writer stores the wire original (earliest) and a later copy; only the copy's step runs first. It
    // arrives late, and the rebuild finds the original unplaced before it, between placed articles.
    await importInto(storage, [story("st-001"), story("st-003")], 500, { assignStories: false });
    await assignStories(storage, ["st-003"]);
    await assignStories(storage, ["st-001"]);
    const online = placements(storage);
    await reclusterStories(storage.stories);
    expect(online).toEqual(placements(storage));
    await storage.close();
  });

  it("puts the wire original, its copies and a rewrite in one story, copies pointing at the original", async () => {
    const storage = await fresh();
    await importInto(storage, RECORDS, 500);
    const byId = new Map(
      (await storage.stories.getPlacements(["st-001", "st-002", "st-003", "st-005"])).map((p) => [
        p.articleId,
        p,
      ]),
    );
    expect(byId.get("st-002")?.duplicateOf).toBe("st-001");
    expect(byId.get("st-003")?.duplicateOf).toBe("st-001");
    expect(byId.get("st-002")?.storyId).toBe(byId.get("st-001")?.storyId);
    expect(byId.get("st-005")?.storyId).not.toBe(byId.get("st-001")?.storyId);
    await storage.close();
  });
});

describe("story placement across a restart (issue #5: not depending on how the work is batched)", () => {
  /**
   * Three copies of one release (STORY_RECORDS' wire text, a copy with a dateline, a re-spelled copy) on Jul 1, 11 and
   * 21, other news on Jul 6: the Jul 11 copy joins the Jul 1 one's group; the Jul 21 one, when the Jul 1 one has left
   * the near-duplicate window, finds only the Jul 11 one. A new process placing the Jul 21 copy replays from the Jul 6
   * snapshot (the newest 14 days before it), so the Jul 1 copy is not in its stream and the Jul 11 one opens a group
   * there: only the stored group's key, opening time and original (DuplicateGroups.rebase) place as one fold. Stories
   * too: on a stream this sparse no merge pass closes the Jul 1 story, and the Jul 21 copy joins it as a late copy
   * (past the story window) by its original's stored story, which the restarted stream never held.
   */
  const story = (id: string) => STORY_RECORDS.find((r) => r.id === id)!;
  it.each([
    {
      why: "the Jul 21 copy joins the group under the stored key and points at its stored original",
      copies: [story("st-001"), story("st-002"), story("st-003")],
      expected: { article_id: "st-003", group_id: "st-001", duplicate_of: "st-001" },
    },
    {
      why: "the wire's version arriving on Jul 21 becomes the original of every member, stored ones included",
      copies: [story("st-002"), story("st-003"), story("st-001")],
      expected: { article_id: "st-002", group_id: "st-002", duplicate_of: "st-001" },
    },
    {
      why: "a Jul 21 copy crediting the Jul 11 one's outlet makes that one the original, over the stored one",
      copies: [
        story("st-003"),
        story("st-002"),
        { ...story("st-001"), source: "alyaum", cited_source: "okaz" },
      ],
      expected: { article_id: "st-003", group_id: "st-003", duplicate_of: "st-002" },
    },
  ])("carries on a copy group that started before the replay: $why", async ({ copies, expected }) => {
    const records = [
      { ...copies[0]!, date: "2015-07-01T06:00:00" },
      { ...story("st-005"), date: "2015-07-06T09:00:00" },
      { ...copies[1]!, date: "2015-07-11T07:30:00" },
      { ...copies[2]!, date: "2015-07-21T08:15:00" },
    ];
    const { restarted, once } = await restartedAndOnce(records, 3);
    expect(placements(restarted)).toContainEqual(expect.objectContaining(expected));
    expect(placements(restarted)).toEqual(placements(once));
    expect(headlines(restarted)).toEqual(headlines(once));
    await Promise.all([restarted.close(), once.close()]);
  });

  it("joins a late copy to its original's story without reopening it, in one fold and after a restart", async () => {
    // The wire release on Jul 5, other news on Jul 6 (the replay starts there), a copy on Jul 19 (just inside the
    // near-duplicate window, it joins the Jul 5 group; the Jul 5 story is past the story window) and on Jul 20 a
    // report of the same event in other words. The copy joins the release's story as a late copy; the story is not
    // reopened, so the report does not join it by score and opens its own, and the release's title still heads it.
    // A restarted process placing the report replays the copy (its group carried on from the store), which must
    // change nothing in the rebuilt stream either.
    const records = [
      { ...story("st-001"), date: "2015-07-05T06:00:00" },
      { ...story("st-005"), date: "2015-07-06T00:30:00" },
      { ...story("st-002"), date: "2015-07-19T05:00:00" },
      // A title whose words are all in the copy's: were the copy clustered as an original, its story would take it.
      { ...story("st-004"), title: "محطة تحلية ينبع", date: "2015-07-20T01:00:00" },
    ];
    const { restarted, once } = await restartedAndOnce(records, 3);
    const placed = placements(once);
    expect(placed).toContainEqual(expect.objectContaining({ article_id: "st-002", duplicate_of: "st-001" }));
    const storyOf = (id: string) => placed.find((p) => p.article_id === id)?.story_id;
    expect(storyOf("st-002")).toBe(storyOf("st-001"));
    expect(storyOf("st-004")).not.toBe(storyOf("st-001"));
    expect(headlines(once)).toContainEqual(
      expect.objectContaining({ id: storyOf("st-001"), headline_article_id: "st-001" }),
    );
    expect(placements(restarted)).toEqual(placements(once));
    expect(headlines(restarted)).toEqual(headlines(once));
    await Promise.all([restarted.close(), once.close()]);
  });

  it("places as one fold when a new process continues an import more than the rebuild window into the stream", async () => {
    // Every 32nd dev article (about 860 over three weeks): past two weeks the restarted process's rebuild no longer
    // replays the stream from its start, and without the stored carry-over its IDF, bursts and merge passes differ.
    const records = await devCorpusRecords({ every: 32 });
    const restart = "2015-08-07";
    const now = "2015-08-12T00:00:00Z";
    const path = join(dir, `restart-late${n++}.db`);
    const first = await openSqliteStorage(path);
    await importFixture(
      first,
      records.filter((r) => r.date < restart),
      { batchSize: 500, now },
    );
    await first.close();
    const second = await openSqliteStorage(path);
    await importFixture(
      second,
      records.filter((r) => r.date >= restart),
      { batchSize: 500, now },
    );
    const once = await fresh();
    await importFixture(once, records, { batchSize: 500, now });
    expect(placements(second)).toEqual(placements(once));
    await Promise.all([second.close(), once.close()]);
  }, 60_000);
});

describe("a copy of an article deleted through the library port", () => {
  const story = (id: string) => STORY_RECORDS.find((r) => r.id === id)!;
  const placedWithLate = (s: SqliteStorage) =>
    s.db
      .prepare(
        "SELECT article_id, story_id, group_id, duplicate_of, late FROM article_placements ORDER BY article_id",
      )
      .all();

  it("places alike in the process that deleted it and after a restart: as an article of its own", async () => {
    // The release on Jul 5, other news on Jul 6, the release deleted, then on Jul 19 a copy of it (past the story
    // window: a late copy, were the release still there). A warm stream still held the release: the copy became a
    // late copy pointing at an article the store no longer has; a restarted one never sees it.
    const records = [
      { ...story("st-001"), date: "2015-07-05T06:00:00" },
      { ...story("st-005"), date: "2015-07-06T00:30:00" },
      { ...story("st-002"), date: "2015-07-19T05:00:00" },
    ];
    const warm = await fresh();
    await importInto(warm, records.slice(0, 2), 500);
    expect(await warm.articles.deleteArticle("st-001", "legal")).toBe(true);
    await importInto(warm, records.slice(2), 500);
    const path = join(dir, `deleted${n++}.db`);
    const first = await openSqliteStorage(path);
    await importInto(first, records.slice(0, 2), 500);
    expect(await first.articles.deleteArticle("st-001", "legal")).toBe(true);
    await first.close();
    const restarted = await openSqliteStorage(path);
    await importInto(restarted, records.slice(2), 500);
    expect(placedWithLate(warm)).toContainEqual({
      article_id: "st-002",
      story_id: "st-002",
      group_id: "st-002",
      duplicate_of: null,
      late: 0,
    });
    expect(placedWithLate(warm)).toEqual(placedWithLate(restarted));
    await Promise.all([warm.close(), restarted.close()]);
  });
});
