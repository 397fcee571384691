/**
 * The StoryStore contract: every storage adapter with story tables runs these cases unchanged (placements,
 * recomputed story counts, merges left as aliases, group originals re-pointed, statistics, clearing).
 */
import { describe, expect, it } from "vitest";
import { EMPTY_QUERY } from "../../src/domain/search.ts";
import type { ArticlePlacement } from "../../src/domain/story.ts";
import { StoryAssigner } from "../../src/pipeline/assign-stories.ts";
import type { Storage } from "../../src/ports/storage.ts";
import type { StoryStore } from "../../src/ports/story-store.ts";
import type { StreamCarryOver } from "../../src/stages/stories/recluster.ts";
import { STORY_RECORDS } from "../fixtures/arabic-articles.ts";
import { streamCarryOver } from "../fixtures/stream-carry-over.ts";
import { makeArticleWrite } from "./article-fixtures.ts";

const SIG = new Uint32Array(128).fill(7);

function placement(
  articleId: string,
  storyId: string,
  groupId = articleId,
  duplicateOf: string | null = null,
) {
  return {
    articleId,
    storyId,
    groupId,
    duplicateOf,
    shingles: Uint32Array.from([1, 2, 0xffffffff]),
    signature: SIG,
  } satisfies ArticlePlacement;
}

const EMPTY = { groupMerges: [], groupOriginals: [], merges: [], headlines: [] };

/** A real carry-over with `tag` as one more term, so snapshots are told apart. */
function carryOver(tag: string): StreamCarryOver {
  const carry = streamCarryOver();
  carry.clusterer.stats.terms.push(tag);
  carry.clusterer.stats.df.push(1);
  return carry;
}

/**
 * Writes story "a" of an original from was and a late copy from sabq. For the engines' migration tests (the rank's
 * stored source count backfilled, then dropped).
 */
export async function writeLateCopyStory(storage: Storage): Promise<void> {
  await storage.articles.writeArticles([
    makeArticleWrite("a", { id: "a", sourceId: "was", publishedAt: "2015-07-21T08:00:00Z" }),
    makeArticleWrite("c", { id: "c", sourceId: "sabq", publishedAt: "2015-07-21T10:00:00Z" }),
  ]);
  await storage.stories!.writePlacements({
    ...EMPTY,
    placements: [placement("a", "a"), { ...placement("c", "a", "a", "a"), late: true }],
  });
}

/** Places writeLateCopyStory's copy again in time (a replay): the story's last update becomes its time, 10:00. */
export async function placeLateCopyInTime(storage: Storage): Promise<void> {
  await storage.stories!.writePlacements({ ...EMPTY, placements: [placement("c", "a", "a", "a")] });
}

/** Takes a SQLite store back to before migration 18 (tombstones' text digests). */
export const UNDO_SQLITE_TOMBSTONE_DIGESTS = `DROP INDEX tombstones_source_digest;
  ALTER TABLE tombstones DROP COLUMN text_digest;
  DELETE FROM schema_migrations WHERE version = 18;`;
/** Takes a PostgreSQL store back to before migration 16, as UNDO_SQLITE_TOMBSTONE_DIGESTS. */
export const UNDO_POSTGRES_TOMBSTONE_DIGESTS = `DROP INDEX tombstones_source_digest;
  ALTER TABLE tombstones DROP COLUMN text_digest;
  DELETE FROM schema_migrations WHERE version = 16;`;
/**
 * Takes a SQLite store back to before migration 17 (the rank's stored source count dropped), as an older akhbar left
 * it: the later migration (18) first.
 */
export const UNDO_SQLITE_RANK_SOURCE_DROP = `${UNDO_SQLITE_TOMBSTONE_DIGESTS}
  ALTER TABLE stories ADD COLUMN rank_source_count INTEGER NOT NULL DEFAULT 0;
  DELETE FROM schema_migrations WHERE version = 17;`;
/** Takes a PostgreSQL store back to before migration 15, as UNDO_SQLITE_RANK_SOURCE_DROP. */
export const UNDO_POSTGRES_RANK_SOURCE_DROP = `${UNDO_POSTGRES_TOMBSTONE_DIGESTS}
  ALTER TABLE stories ADD COLUMN rank_source_count INTEGER NOT NULL DEFAULT 0;
  DELETE FROM schema_migrations WHERE version = 15;`;
/**
 * Takes a SQLite store back to before migration 14 (copy groups by seq): the later migrations first (18, tombstones'
 * text digests; 17, the rank's source count dropped; 16, the rank's members by time; 15, the articles without text), then its triggers, table and
 * version row.
 */
export const UNDO_SQLITE_ARTICLE_GROUPS = `${UNDO_SQLITE_RANK_SOURCE_DROP}
  DROP INDEX article_placements_rank; DELETE FROM schema_migrations WHERE version = 16;
  DROP INDEX articles_textless; DELETE FROM schema_migrations WHERE version = 15;
  DROP TRIGGER article_groups_insert; DROP TRIGGER article_groups_update; DROP TRIGGER article_groups_delete;
  DROP TRIGGER article_groups_article_delete; DROP TABLE article_groups; DELETE FROM schema_migrations WHERE version = 14;`;
/** Takes a PostgreSQL store back to before migration 12 (copy groups by seq), as UNDO_SQLITE_ARTICLE_GROUPS. */
export const UNDO_POSTGRES_ARTICLE_GROUPS = `${UNDO_POSTGRES_RANK_SOURCE_DROP}
  DROP INDEX article_placements_rank; DELETE FROM schema_migrations WHERE version = 14;
  DROP INDEX articles_textless; DELETE FROM schema_migrations WHERE version = 13;
  DROP TRIGGER article_groups_insert ON article_placements; DROP TRIGGER article_groups_update ON article_placements;
  DROP TRIGGER article_groups_delete ON article_placements;
  DROP FUNCTION article_groups_inserted(), article_groups_updated(), article_groups_deleted(), article_groups_resync(text[]);
  DROP TABLE article_groups; DELETE FROM schema_migrations WHERE version = 12;`;

/**
 * For the engines' migration tests of copy groups by seq: "oil" articles a, b, c (one copy group), d (a group of its
 * own) and e (never placed), then the groups taken back to before the migration.
 */
export async function writeCopyGroupsForUpgrade(storage: Storage): Promise<void> {
  await storage.articles.writeArticles(
    ["a", "b", "c", "d", "e"].map((k) => makeArticleWrite(k, { id: k, index: { title: "oil", body: k } })),
  );
  await storage.stories!.writePlacements({
    ...EMPTY,
    placements: [
      placement("a", "a"),
      placement("b", "a", "a", "a"),
      placement("c", "a", "a", "a"),
      placement("d", "d"),
    ],
  });
}

/** After the upgrade: the group of three is one hit (its best match, the two others its copies); d and e alone. */
export async function expectUpgradedCopyGroups(storage: Storage): Promise<void> {
  const result = await storage.search.search({
    ...EMPTY_QUERY,
    terms: [{ display: "oil", surface: "oil", stems: ["oil"] }],
    limit: 10,
    foldCopies: true,
  });
  expect(result.total).toBe(3);
  expect(result.hits.map((h) => [h.id, ...(h.copies ?? [])].sort()).sort()).toEqual([
    ["a", "b", "c"],
    ["d"],
    ["e"],
  ]);
  // The triggers keep it from then on: a fourth copy joins the group, the single one is deleted.
  await storage.articles.writeArticles([
    makeArticleWrite("f", { id: "f", index: { title: "oil", body: "f" } }),
  ]);
  await storage.stories!.writePlacements({ ...EMPTY, placements: [placement("f", "a", "a", "a")] });
  await storage.articles.deleteArticle("d", "test");
  const after = await storage.search.search({
    ...EMPTY_QUERY,
    terms: [{ display: "oil", surface: "oil", stems: ["oil"] }],
    limit: 10,
    foldCopies: true,
  });
  expect(after.total).toBe(2);
}

export function describeStoryStoreContract(name: string, open: () => Promise<Storage>): void {
  describe(`StoryStore contract (${name})`, () => {
    async function withStore(fn: (s: StoryStore, storage: Storage) => Promise<void>) {
      const storage = await open();
      try {
        await storage.articles.writeArticles([
          makeArticleWrite("a", { id: "a", sourceId: "was", publishedAt: "2015-07-21T08:00:00Z" }),
          makeArticleWrite("b", { id: "b", sourceId: "okaz", publishedAt: "2015-07-21T09:00:00Z" }),
          makeArticleWrite("c", { id: "c", sourceId: "sabq", publishedAt: "2015-07-21T10:00:00Z" }),
        ]);
        await fn(storage.stories!, storage);
      } finally {
        await storage.close();
      }
    }

    it("stores placements with fingerprints and recomputes story counts", async () => {
      await withStore(async (s) => {
        expect(await s.listUnplacedIds()).toEqual(["a", "b", "c"]);
        const [first] = await s.getUnplacedStreamRows([], { everyUnplaced: true });
        expect(first).toMatchObject({ id: "a", sourceId: "was", timeMs: Date.parse("2015-07-21T08:00:00Z") });
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("a", "a"), placement("b", "a", "a", "a")],
          headlines: [{ storyId: "a", headline: "عنوان القصة", articleId: "b" }],
        });
        const story = await s.getStory("a");
        expect(story).toMatchObject({
          headline: "عنوان القصة",
          headlineArticleId: "b",
          articleCount: 2,
          originalCount: 1,
          lastUpdateMs: Date.parse("2015-07-21T09:00:00Z"),
        });
        expect(story?.sources).toEqual(["okaz", "was"]);
        expect(await s.listUnplacedIds()).toEqual(["c"]);
        const unplaced = async (ids: string[], everyUnplaced?: boolean) =>
          (await s.getUnplacedStreamRows(ids, { everyUnplaced })).map((r) => r.id);
        expect(await unplaced(["b", "zz", "c", "a"])).toEqual(["c"]);
        expect(await unplaced(["a"])).toEqual([]);
        expect(await unplaced([], true)).toEqual(["c"]);
        expect(await unplaced(["b"], true)).toEqual(["c"]);
        expect(await s.lastPlaced()).toEqual({ id: "b", timeMs: Date.parse("2015-07-21T09:00:00Z") });
        // A step that touches the story without describing it keeps its headline and the headline's article.
        await s.writePlacements({ ...EMPTY, placements: [placement("b", "a", "a", "a")] });
        expect(await s.getStory("a")).toMatchObject({ headline: "عنوان القصة", headlineArticleId: "b" });
        const [fp] = await s.listFingerprintsSince(0);
        expect([...fp!.shingles]).toEqual([1, 2, 0xffffffff]);
        expect(fp!.signature).toEqual(SIG);
        expect((await s.getPlacements(["b", "zz"])).map((p) => p.duplicateOf)).toEqual(["a"]);
        const rows = await s.listStreamRowsSince(0);
        expect(rows.map((r) => [r.id, r.storyId])).toEqual([
          ["a", "a"],
          ["b", "a"],
          ["c", null],
        ]);
        // Each placed row's copy group as a rebuilt stream carries it on: key, its opening time, the original.
        const group = {
          id: "a",
          openedMs: Date.parse("2015-07-21T08:00:00Z"),
          original: {
            id: "a",
            sourceId: "was",
            citedSource: null,
            timeMs: Date.parse("2015-07-21T08:00:00Z"),
          },
        };
        expect(rows.map((r) => r.group)).toEqual([group, group, null]);
      });
    });

    it("drops a kept headline whose article has left the story for the earliest original's", async () => {
      await withStore(async (s, storage) => {
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("a", "a"), placement("b", "a")],
          headlines: [{ storyId: "a", headline: "title of b", articleId: "b" }],
        });
        // b's replay places it in a story of its own; story a is recounted without being described.
        await s.writePlacements({ ...EMPTY, placements: [placement("b", "b")] });
        const a = await s.getStory("a");
        expect(a?.headlineArticleId).toBe("a");
        expect(a?.headline).toBe((await storage.articles.getArticle("a"))?.title);
      });
    });

    it("stores containments, lists them by either article, replaces a re-placed article's and clears them", async () => {
      await withStore(async (s) => {
        expect(await s.listContainments(["a"])).toEqual([]);
        // c is a roundup carrying a and b: each keeps its own copy group.
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("a", "a"), placement("b", "b"), placement("c", "c")],
          containments: [
            { innerId: "b", outerId: "c" },
            { innerId: "a", outerId: "c" },
          ],
        });
        const both = [
          { innerId: "a", outerId: "c" },
          { innerId: "b", outerId: "c" },
        ];
        expect(await s.listContainments(["c"])).toEqual(both);
        expect(await s.listContainments(["a", "b"])).toEqual(both);
        expect(await s.listContainments(["a"])).toEqual([{ innerId: "a", outerId: "c" }]);
        expect(await s.listContainments([])).toEqual([]);
        // c placed again (a replay) without finding b inside it: its relations are the new ones only.
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("c", "c")],
          containments: [{ innerId: "a", outerId: "c" }],
        });
        expect(await s.listContainments(["a", "b", "c"])).toEqual([{ innerId: "a", outerId: "c" }]);
        // A batch without containments drops those of the articles it places.
        await s.writePlacements({ ...EMPTY, placements: [placement("a", "a")] });
        expect(await s.listContainments(["c"])).toEqual([]);
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("c", "c")],
          containments: [{ innerId: "b", outerId: "c" }],
        });
        await s.clearStories();
        expect(await s.listContainments(["b", "c"])).toEqual([]);
      });
    });

    it("tells the next assignment step that placements changed when a placed article is deleted, not an unplaced one", async () => {
      await withStore(async (s, storage) => {
        await s.writePlacements({ ...EMPTY, placements: [placement("a", "a")] });
        const changed = () => s.withAssignmentLock!(async (changedElsewhere) => changedElsewhere);
        await changed();
        expect(await changed()).toBe(false);
        // The assigner's stream still holds "a": it must rebuild from the store, as a restarted process would.
        expect(await storage.articles.deleteArticle("a", "legal")).toBe(true);
        expect(await changed()).toBe(true);
        expect(await changed()).toBe(false);
        expect(await storage.articles.deleteArticle("b", "legal")).toBe(true);
        expect(await changed()).toBe(false);
      });
    });

    it("recounts a deleted article's story: counts, outlets, times, headline and copy group, and drops it emptied", async () => {
      await withStore(async (s, storage) => {
        const hour = (h: number) => Date.parse(`2015-07-21T${String(h).padStart(2, "0")}:00:00Z`);
        const title = async (id: string) => (await storage.articles.getArticle(id))?.title;
        // Story "a": a (was) the original, b (okaz) its own group, c (sabq) a late copy of a.
        await s.writePlacements({
          ...EMPTY,
          placements: [
            placement("a", "a"),
            placement("b", "a"),
            { ...placement("c", "a", "a", "a"), late: true },
          ],
          headlines: [{ storyId: "a", headline: (await title("a"))!, articleId: "a" }],
        });
        const cases = [
          {
            name: "b deleted: its outlet and its update leave the story, the headline stays a's",
            deleted: "b",
            story: {
              articleCount: 2,
              originalCount: 1,
              sources: ["sabq", "was"],
              headlineArticleId: "a",
              lastUpdateMs: hour(8),
            },
            headlineOf: "a",
            members: [
              { articleId: "a", groupId: "a", duplicateOf: null },
              { articleId: "c", groupId: "a", duplicateOf: "a" },
            ],
          },
          {
            name: "a deleted: the late copy c is its group's original and key, and the headline moves to it",
            deleted: "a",
            story: {
              articleCount: 1,
              originalCount: 1,
              sources: ["sabq"],
              headlineArticleId: "c",
              lastUpdateMs: hour(10),
            },
            headlineOf: "c",
            members: [{ articleId: "c", groupId: "c", duplicateOf: null }],
          },
        ];
        for (const c of cases) {
          expect(await storage.articles.deleteArticle(c.deleted, "legal"), c.name).toBe(true);
          const story = await s.getStory("a");
          expect(story, c.name).toMatchObject(c.story);
          expect(story?.headline, c.name).toBe(await title(c.headlineOf));
          expect(
            (await s.listStoryMembers("a")).map((m) => ({
              articleId: m.articleId,
              groupId: m.groupId,
              duplicateOf: m.duplicateOf,
            })),
            c.name,
          ).toEqual(c.members);
        }
        // A rebuilt stream carries the group on with an original the store still has.
        const [row] = await s.listStreamRowsSince(0);
        expect(row?.group).toMatchObject({ id: "c", openedMs: hour(10), original: { id: "c" } });
        expect(await storage.articles.deleteArticle("c", "legal")).toBe(true);
        expect(await s.getStory("a")).toBeNull();
        expect(await s.listStories({ limit: 10 })).toEqual([]);
      });
    });

    it("leaves no copy pointing at an article deleted while an assignment step placed the copy", async () => {
      await withStore(async (s, storage) => {
        await s.writePlacements({ ...EMPTY, placements: [placement("a", "a")] });
        let deleted: Promise<boolean> | undefined;
        await s.withAssignmentLock!(async () => {
          // The step read a stream holding "a"; the delete comes before its write (PostgreSQL: it waits for the step;
          // SQLite: the write finds the placements changed and the step is run again, from the store).
          const first = deleted === undefined;
          deleted ??= storage.articles.deleteArticle("a", "legal");
          await new Promise((resolve) => setTimeout(resolve, 200));
          await s.writePlacements({
            ...EMPTY,
            placements: [first ? placement("c", "a", "a", "a") : placement("c", "c")],
          });
        });
        expect(await deleted).toBe(true);
        expect(await s.getPlacements(["c"])).toEqual([
          expect.objectContaining({ articleId: "c", groupId: "c", duplicateOf: null }),
        ]);
      });
    });

    it("skips a containment whose article was deleted after the stream saw it, and still writes the placements", async () => {
      await withStore(async (s, storage) => {
        await s.writePlacements({ ...EMPTY, placements: [placement("a", "a")] });
        expect(await storage.articles.deleteArticle("a", "legal")).toBe(true);
        // A step that began after the delete (one that spanned it is run again: SQLite's write finds the placements
        // changed, store.stories_changed) and whose stream still found "a".
        await s.withAssignmentLock!(() =>
          s.writePlacements({
            ...EMPTY,
            placements: [placement("c", "c")],
            containments: [
              { innerId: "a", outerId: "c" },
              { innerId: "b", outerId: "c" },
            ],
          }),
        );
        expect((await s.getPlacements(["c"])).map((p) => p.storyId)).toEqual(["c"]);
        expect(await s.listContainments(["c"])).toEqual([{ innerId: "b", outerId: "c" }]);
      });
    });

    it("moves a merged story's members and keeps its id as an alias", async () => {
      await withStore(async (s, storage) => {
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("a", "a"), placement("b", "b"), placement("c", "c")],
        });
        await s.writePlacements({ ...EMPTY, placements: [], merges: [{ fromId: "b", intoId: "a" }] });
        await s.writePlacements({ ...EMPTY, placements: [], merges: [{ fromId: "a", intoId: "c" }] });
        expect((await s.getStory("b"))?.id).toBe("c");
        // Never described: the earliest original's title, and that article as the headline's.
        expect((await s.getStory("c"))?.headlineArticleId).toBe("c");
        expect((await s.getStory("c"))?.headline).toBe((await storage.articles.getArticle("c"))?.title);
        expect((await s.getStory("a"))?.articleCount).toBe(3);
        expect((await s.listStoryMembers("b")).map((m) => m.articleId)).toEqual(["a", "b", "c"]);
        expect((await s.listStories({ limit: 10 })).map((x) => x.id)).toEqual(["c"]);
      });
    });

    it("re-points every member's duplicate_of when a group's original changes", async () => {
      await withStore(async (s) => {
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("b", "b"), placement("c", "b", "b", "b"), placement("a", "b", "b", "b")],
          groupOriginals: [{ groupId: "b", originalId: "a" }],
        });
        const byId = new Map(
          (await s.getPlacements(["a", "b", "c"])).map((p) => [p.articleId, p.duplicateOf]),
        );
        expect([...byId]).toEqual([
          ["a", null],
          ["b", "a"],
          ["c", "a"],
        ]);
        const stats = await s.duplicateStats();
        expect(stats).toMatchObject({
          copyGroups: 1,
          copies: 2,
          largestGroup: 3,
          crossSourceGroups: 1,
          stories: 1,
        });
      });
    });

    it("recounts every story holding a group whose original changes, not only the stories of the step's placements", async () => {
      await withStore(async (s) => {
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("b", "b"), placement("c", "b", "b", "b")],
        });
        // "a" (the wire) copies b's text and becomes the group's original in a story of its own: story "b" is touched
        // only through its group.
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("a", "a", "b", null)],
          groupOriginals: [{ groupId: "b", originalId: "a" }],
        });
        expect(await s.getStory("b")).toMatchObject({ articleCount: 2, originalCount: 0 });
        expect(await s.getStory("a")).toMatchObject({ articleCount: 1, originalCount: 1 });
      });
    });

    it("moves every member of a merged copy group into the surviving group, pointing at its original", async () => {
      await withStore(async (s) => {
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("b", "b"), placement("c", "c")],
        });
        // "a" (the wire) copies both: group "c" merges into "b", and the merged group's original is "a".
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("a", "b", "b", null)],
          groupMerges: [{ fromId: "c", intoId: "b" }],
          groupOriginals: [{ groupId: "b", originalId: "a" }],
        });
        const placed = await s.getPlacements(["a", "b", "c"]);
        expect(placed.map((p) => [p.articleId, p.groupId, p.duplicateOf])).toEqual([
          ["a", "b", null],
          ["b", "b", "a"],
          ["c", "b", "a"],
        ]);
        // Story "c" keeps its member, now a copy: its counts follow.
        expect(await s.getStory("c")).toMatchObject({ articleCount: 1, originalCount: 0 });
        expect(await s.getStory("b")).toMatchObject({ articleCount: 2, originalCount: 1 });
        expect(await s.duplicateStats()).toMatchObject({ copyGroups: 1, copies: 2, largestGroup: 3 });
      });
    });

    it("keeps stream snapshots: drops those after a re-placed article, replaces one at a point, keeps the newest", async () => {
      await withStore(async (s) => {
        const at = (h: number) => Date.parse(`2015-07-21T${String(h).padStart(2, "0")}:00:00Z`);
        const snap = (h: number, articleId: string, tag: string) => ({
          timeMs: at(h),
          articleId,
          state: carryOver(tag),
        });
        // Written as the assigner writes them: encoded by the store; found decoded.
        const encoded = (x: ReturnType<typeof snap>) => ({ ...x, state: s.encodeStreamSnapshot(x.state) });
        const write = (
          dropAfter: { timeMs: number; articleId: string },
          snaps: ReturnType<typeof snap>[],
          keep = 10,
        ) =>
          s.writePlacements({
            ...EMPTY,
            placements: [placement("a", "a")],
            snapshots: { dropAfter, write: snaps.map(encoded), keep },
          });
        expect(await s.findStreamSnapshot(at(23))).toBeNull();
        await write({ timeMs: at(8), articleId: "a" }, [
          snap(8, "a", "s8"),
          snap(9, "b", "s9"),
          snap(10, "c", "s10"),
        ]);
        expect(await s.findStreamSnapshot(at(23))).toEqual(snap(10, "c", "s10"));
        expect(await s.findStreamSnapshot(at(9))).toEqual(snap(9, "b", "s9"));
        expect(await s.findStreamSnapshot(at(9) - 1)).toEqual(snap(8, "a", "s8"));
        expect(await s.findStreamSnapshot(at(8) - 1)).toBeNull();
        // A step re-placing from b (a late arrival at b's point): snapshots after b are stale, b's own is not.
        await write({ timeMs: at(9), articleId: "b" }, []);
        expect(await s.findStreamSnapshot(at(23))).toEqual(snap(9, "b", "s9"));
        // Same time, greater id: after the point, so dropped; one at the same point is replaced.
        await write({ timeMs: at(8), articleId: "a" }, [snap(8, "a", "s8 again"), snap(8, "b", "s8b")]);
        expect(await s.findStreamSnapshot(at(8))).toEqual(snap(8, "b", "s8b"));
        await write({ timeMs: at(8), articleId: "a" }, [snap(8, "a", "s8 third")]);
        expect(await s.findStreamSnapshot(at(23))).toEqual(snap(8, "a", "s8 third"));
        await write({ timeMs: at(8), articleId: "a" }, [snap(11, "c", "s11"), snap(12, "c", "s12")], 2);
        expect(await s.findStreamSnapshot(at(10))).toBeNull();
        expect(await s.findStreamSnapshot(at(11))).toEqual(snap(11, "c", "s11"));
        // A batch that only writes a snapshot is no empty batch: the snapshot is stored.
        await s.writePlacements({
          ...EMPTY,
          placements: [],
          snapshots: {
            dropAfter: { timeMs: at(13), articleId: "c" },
            write: [encoded(snap(13, "c", "s13"))],
            keep: 10,
          },
        });
        expect(await s.findStreamSnapshot(at(23))).toEqual(snap(13, "c", "s13"));
        await s.clearStories();
        expect(await s.findStreamSnapshot(at(23))).toBeNull();
      });
    });

    it("counts a late copy among a story's articles and outlets but not in its last update nor its rank's outlets", async () => {
      await withStore(async (s) => {
        await s.writePlacements({
          ...EMPTY,
          placements: [placement("a", "a"), { ...placement("c", "a", "a", "a"), late: true }],
        });
        expect(await s.getStory("a")).toMatchObject({
          articleCount: 2,
          originalCount: 1,
          sources: ["sabq", "was"],
          lastUpdateMs: Date.parse("2015-07-21T08:00:00Z"),
        });
        expect((await s.listStoryMembers("a")).map((m) => [m.articleId, m.late])).toEqual([
          ["a", false],
          ["c", true],
        ]);
        // Placed again in time (a replay), the copy updates the story as any member does.
        await s.writePlacements({ ...EMPTY, placements: [placement("c", "a", "a", "a")] });
        expect((await s.getStory("a"))?.lastUpdateMs).toBe(Date.parse("2015-07-21T10:00:00Z"));
        expect((await s.listStoryMembers("a")).map((m) => m.late)).toEqual([false, false]);
      });
    });

    describe("a copy arriving more than the story window after its original's story's last article joins it", () => {
      // A wire release on Jul 5, other news on Jul 6, a newspaper's copy of the release on Jul 12 (156 h on): placed
      // in one step, in a later step of the same process, and by a new process (a fresh assigner rebuilds its stream
      // from the store), the copy joins the release's story, which keeps its last update.
      const release = STORY_RECORDS.find((r) => r.id === "st-001")!;
      const copy = STORY_RECORDS.find((r) => r.id === "st-002")!;
      const other = STORY_RECORDS.find((r) => r.id === "st-005")!;
      const write = (r: typeof release, publishedAt: string) =>
        makeArticleWrite(r.id, { id: r.id, sourceId: r.source, title: r.title, text: r.text, publishedAt });
      const articles = [
        write(release, "2015-07-05T06:00:00Z"),
        write(other, "2015-07-06T09:00:00Z"),
        write(copy, "2015-07-12T07:30:00Z"),
      ];
      it.each([
        { why: "in one step", steps: [["st-001", "st-005", "st-002"]], restart: false },
        {
          why: "in a later step of the same stream",
          steps: [["st-001", "st-005"], ["st-002"]],
          restart: false,
        },
        { why: "by a restarted process", steps: [["st-001", "st-005"], ["st-002"]], restart: true },
      ])("$why", async ({ steps, restart }) => {
        const storage = await open();
        try {
          const s = storage.stories!;
          let assigner = new StoryAssigner(s);
          for (const [i, ids] of steps.entries()) {
            await storage.articles.writeArticles(articles.filter((a) => ids.includes(a.article.id)));
            if (restart && i > 0) assigner = new StoryAssigner(s);
            await assigner.assign(ids);
          }
          const [original, late] = await s.getPlacements(["st-001", "st-002"]);
          expect(late).toMatchObject({ storyId: original?.storyId, duplicateOf: "st-001" });
          expect(await s.getStory(original!.storyId)).toMatchObject({
            articleCount: 2,
            originalCount: 1,
            sources: ["okaz", "was"],
            lastUpdateMs: Date.parse("2015-07-05T06:00:00Z"),
          });
        } finally {
          await storage.close();
        }
      });
    });

    it("lists the rank's members within a time window, of the stories updated last, with the publisher filter", async () => {
      await withStore(async (s) => {
        // Story a: was's original at 08:00, okaz's copy at 09:00 (a late one: it moves no last update); c: sabq at 10:00.
        await s.writePlacements({
          ...EMPTY,
          placements: [
            placement("a", "a"),
            { ...placement("b", "a", "a", "a"), late: true },
            placement("c", "c"),
          ],
        });
        const byTime = <T extends { timeMs: number }>(xs: readonly T[]) =>
          [...xs].sort((x, y) => x.timeMs - y.timeMs);
        const at = (hour: string) => Date.parse(`2015-07-21T${hour}:00:00Z`);
        // In time order, so every engine sums a story's weights alike.
        expect(await s.listRankMembers({ limit: 10 })).toEqual([
          { storyId: "a", timeMs: at("08"), sourceId: "was", late: false },
          { storyId: "a", timeMs: at("09"), sourceId: "okaz", late: true },
          { storyId: "c", timeMs: at("10"), sourceId: "sabq", late: false },
        ]);
        // A past window: only its members, none after its end.
        expect(
          byTime(await s.listRankMembers({ limit: 10, sinceMs: at("08"), untilMs: at("09") })).map((m) => [
            m.storyId,
            m.sourceId,
          ]),
        ).toEqual([
          ["a", "was"],
          ["a", "okaz"],
        ]);
        // The publisher filter reads the story's publishers, so a's other members come with it.
        expect(
          byTime(await s.listRankMembers({ limit: 10, sources: ["okaz"] })).map((m) => m.sourceId),
        ).toEqual(["was", "okaz"]);
        expect(await s.listRankMembers({ limit: 10, sources: ["nobody"] })).toEqual([]);
        // How many stories those are, without the cap.
        expect(await s.countRankStories({})).toBe(2);
        expect(await s.countRankStories({ sinceMs: at("08"), untilMs: at("09") })).toBe(1);
        expect(await s.countRankStories({ sources: ["sabq"] })).toBe(1);
        expect(await s.countRankStories({ sources: ["nobody"] })).toBe(0);
        // The cap keeps the stories last updated: c (10:00) before a (08:00; its late copy at 09:00 does not count),
        // on a window read whole as on a wide one.
        const narrow = { sinceMs: at("07"), untilMs: at("11") };
        for (const window of [{}, narrow]) {
          expect((await s.listRankMembers({ limit: 1, ...window })).map((m) => m.storyId)).toEqual(["c"]);
          expect((await s.listRankMembers({ limit: 2, ...window })).map((m) => m.storyId)).toEqual([
            "a",
            "a",
            "c",
          ]);
        }
        await s.writePlacements({ ...EMPTY, placements: [placement("b", "a", "a", "a")] });
        for (const window of [{ untilMs: at("09") }, { sinceMs: at("07"), untilMs: at("09") }])
          expect((await s.listRankMembers({ limit: 1, ...window })).map((m) => m.storyId)).toEqual([
            "a",
            "a",
          ]);
      });
    });

    it("filters stories by publisher and time, and clears everything for a recluster", async () => {
      await withStore(async (s) => {
        await s.writePlacements({ ...EMPTY, placements: [placement("a", "a"), placement("c", "c")] });
        expect((await s.listStories({ limit: 10, sources: ["sabq"] })).map((x) => x.id)).toEqual(["c"]);
        expect((await s.listStories({ limit: 10, sinceMs: Date.parse("2015-07-21T09:30:00Z") })).length).toBe(
          1,
        );
        expect(await s.countStories({})).toBe(2);
        expect(await s.countStories({ sources: ["sabq"] })).toBe(1);
        expect(await s.countStories({ sinceMs: Date.parse("2015-07-21T09:30:00Z") })).toBe(1);
        expect(await s.countStories({ sinceMs: Date.parse("2015-07-22T00:00:00Z"), sources: ["sabq"] })).toBe(
          0,
        );
        // A past window: the stories first seen by its end (and updated since its start).
        expect(
          (await s.listStories({ limit: 10, untilMs: Date.parse("2015-07-21T09:30:00Z") })).map((x) => x.id),
        ).toEqual(["a"]);
        expect(await s.countStories({ untilMs: Date.parse("2015-07-21T10:00:00Z") })).toBe(2);
        expect(await s.countStories({ untilMs: Date.parse("2015-07-21T02:00:00Z") })).toBe(0);
        await s.clearStories();
        expect(await s.listStories({ limit: 10 })).toEqual([]);
        expect(await s.listUnplacedIds()).toEqual(["a", "b", "c"]);
      });
    });
  });
}
