import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  FIXTURE_RECORDS,
  type FixtureRecord,
  MERGE_RECORDS,
  STORY_RECORDS,
} from "../../test/fixtures/arabic-articles.ts";
import { importFixture } from "../../test/fixtures/import-fixture.ts";
import { inventedWords } from "../../test/fixtures/invented-words.ts";
import { RANK_CANDIDATES_MAX } from "../adapters/search-policy.ts";
import { openSqliteStorage, type SqliteStorage } from "../adapters/sqlite/open-sqlite-storage.ts";
import { findRelatedArticles } from "./find-related-articles.ts";

const dir = mkdtempSync(join(tmpdir(), "akhbar-related-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** أسعار النفط (oil prices), ترتفع (rise), الأسواق (the markets): the words the anchor and its neighbour share. */
const OIL_PRICES = "\u0623\u0633\u0639\u0627\u0631 \u0627\u0644\u0646\u0641\u0637";
const RISE = "\u062a\u0631\u062a\u0641\u0639";
const MARKETS = "\u0627\u0644\u0623\u0633\u0648\u0627\u0642";
/** منظمة أوبك (the OPEC organization): a name only the anchor and its neighbour carry in their text. */
const OPEC = "\u0645\u0646\u0638\u0645\u0629 \u0623\u0648\u0628\u0643";

function record(id: string, date: string, title: string, text: string): FixtureRecord {
  return { id, source: `src-${id}`, url: `http://news.example/${id}`, title, date, text };
}

async function importInto(storage: SqliteStorage, records: readonly FixtureRecord[]) {
  // Unplaced articles are each their own story: the lists then depend on retrieval alone.
  await importFixture(storage, records, { now: "2015-09-01T00:00:00Z", assignStories: false });
}

describe("findRelatedArticles", () => {
  it("finds an old article's in-window neighbour even when many newer articles share its title words", async () => {
    const storage = await openSqliteStorage(join(dir, "old-anchor.db"));
    try {
      // More newer articles than a word's ranking window (RANK_CANDIDATES_MAX), all holding the anchor's title words
      // (twice, so each outranks the neighbour on any one word), a month later.
      const newer = Array.from({ length: RANK_CANDIDATES_MAX + 20 }, (_, i) =>
        record(
          `new-${i}`,
          "2015-08-01T10:00:00",
          `${OIL_PRICES} ${RISE} ${OIL_PRICES} ${i}`,
          `${OIL_PRICES} ${MARKETS} ${RISE} ${OIL_PRICES} ${i} ${i + 1}`,
        ),
      );
      await importInto(storage, [
        record(
          "anchor",
          "2015-07-01T10:00:00",
          `${OIL_PRICES} ${RISE} \u0641\u064a ${MARKETS}`,
          `${OIL_PRICES} ${RISE} \u0628\u0639\u062f \u0627\u062c\u062a\u0645\u0627\u0639 ${OPEC} \u0641\u064a \u0641\u064a\u064a\u0646\u0627`,
        ),
        record(
          "neighbour",
          "2015-07-02T09:00:00",
          `${MARKETS} \u062a\u062a\u0631\u0642\u0628 ${OIL_PRICES}`,
          `${OPEC} \u062a\u062c\u062a\u0645\u0639 \u0648${OIL_PRICES} ${RISE} \u0641\u064a ${MARKETS}`,
        ),
        ...newer,
      ]);
      const lists = await findRelatedArticles(storage, "anchor", { coverage: false });
      const similar = lists?.similar.map((r) => r.article.id) ?? [];
      expect(similar).toContain("neighbour");
      // Outside ±RELATED_WINDOW_DAYS: never offered, however well they match.
      expect(similar.filter((id) => id.startsWith("new-"))).toEqual([]);
      expect(similar).not.toContain("anchor");
    } finally {
      await storage.close();
    }
  }, 60_000);

  it("lists the same similar articles and read-also pick with coverage as without (members are read only with it)", async () => {
    const storage = await openSqliteStorage(join(dir, "coverage.db"));
    try {
      // The story fixtures: copies, a rewrite and stories the merge pass folds together (aliases).
      const records = [...FIXTURE_RECORDS, ...STORY_RECORDS, ...MERGE_RECORDS];
      await importFixture(storage, records);
      const ids = (rs: readonly { article: { id: string } }[]) => rs.map((r) => r.article.id);
      let withCoverage = 0;
      for (const { id } of records) {
        const on = await findRelatedArticles(storage, id);
        const off = await findRelatedArticles(storage, id, { coverage: false });
        expect(ids(off?.similar ?? [])).toEqual(ids(on?.similar ?? []));
        expect(off?.readAlso?.article.id).toEqual(on?.readAlso?.article.id);
        expect(off?.sameStory ?? []).toEqual([]);
        if ((on?.sameStory.length ?? 0) > 0) withCoverage++;
      }
      // The fixture's stories have several members: the comparison covers anchors whose story mates are hits.
      expect(withCoverage).toBeGreaterThan(0);
    } finally {
      await storage.close();
    }
  }, 60_000);

  it("cuts the copies at coverageMax as it cuts the story coverage, earliest copies kept", async () => {
    const storage = await openSqliteStorage(join(dir, "coverage-max.db"));
    try {
      const title = inventedWords(0, 6);
      const text = inventedWords(0, 80);
      await importFixture(
        storage,
        ["07", "08", "09", "10"].map((hour, i) =>
          record(i === 0 ? "orig" : `copy-${i}`, `2015-07-01T${hour}:00:00`, title, text),
        ),
        { now: "2015-09-01T00:00:00Z" },
      );
      const ids = (rs: readonly { article: { id: string } }[] | undefined) => rs?.map((r) => r.article.id);
      expect(ids((await findRelatedArticles(storage, "orig"))?.copies)).toEqual([
        "copy-1",
        "copy-2",
        "copy-3",
      ]);
      expect(ids((await findRelatedArticles(storage, "orig", { coverageMax: 2 }))?.copies)).toEqual([
        "copy-1",
        "copy-2",
      ]);
    } finally {
      await storage.close();
    }
  }, 60_000);

  it("with copiesInStory, cuts the copies at coverageMax after leaving out other stories' copies and the original", async () => {
    const storage = await openSqliteStorage(join(dir, "copies-in-story.db"));
    try {
      const title = inventedWords(0, 6);
      const text = inventedWords(0, 80);
      await importFixture(
        storage,
        ["07", "08", "09", "10", "11", "12"].map((hour, i) =>
          record(i === 0 ? "orig" : `copy-${i}`, `2015-07-01T${hour}:00:00`, title, text),
        ),
        { now: "2015-09-01T00:00:00Z" },
      );
      const stories = storage.stories!;
      const [anchor] = await stories.getPlacements(["copy-5"]);
      expect((await stories.getPlacements(["orig", "copy-1"])).map((p) => p.storyId)).toEqual([
        anchor!.storyId,
        anchor!.storyId,
      ]);
      // The two earliest copies placed in another story, still in the copy group.
      const fingerprints = { shingles: Uint32Array.from([1]), signature: new Uint32Array(128) };
      await stories.writePlacements({
        placements: ["copy-1", "copy-2"].map((id) => ({
          articleId: id,
          storyId: "elsewhere",
          groupId: anchor!.groupId,
          duplicateOf: "orig",
          ...fingerprints,
        })),
        groupMerges: [],
        groupOriginals: [],
        merges: [],
        headlines: [],
      });
      const ids = (rs: readonly { article: { id: string } }[] | undefined) => rs?.map((r) => r.article.id);
      const copies = async (options: { coverageMax?: number; copiesInStory?: boolean }) =>
        ids((await findRelatedArticles(storage, "copy-5", options))?.copies);
      expect(await copies({})).toEqual(["orig", "copy-1", "copy-2", "copy-3", "copy-4"]);
      expect(await copies({ copiesInStory: true })).toEqual(["copy-3", "copy-4"]);
      // Cut after the filter: both of the story's copies, where cutting first kept two that the filter then dropped.
      expect(await copies({ coverageMax: 2, copiesInStory: true })).toEqual(["copy-3", "copy-4"]);
      expect(await copies({ coverageMax: 1, copiesInStory: true })).toEqual(["copy-3"]);
    } finally {
      await storage.close();
    }
  }, 60_000);

  it("lists a roundup among the texts an item is inside, and the items among what the roundup holds, not as copies", async () => {
    const storage = await openSqliteStorage(join(dir, "containment.db"));
    try {
      const words = inventedWords;
      await importFixture(
        storage,
        [
          record("item-a", "2015-07-01T08:00:00", words(0, 5), words(0, 60)),
          // Published before item-a: the lists go by time, not by id.
          record("item-b", "2015-07-01T07:00:00", words(1000, 5), words(1000, 60)),
          record(
            "roundup",
            "2015-07-01T10:00:00",
            words(5000, 5),
            `${words(5000, 70)} ${words(0, 60)} ${words(1000, 60)}`,
          ),
        ],
        { now: "2015-09-01T00:00:00Z" },
      );
      const ids = (rs: readonly { article: { id: string } }[] | undefined) => rs?.map((r) => r.article.id);
      const roundup = await findRelatedArticles(storage, "roundup");
      expect(ids(roundup?.contains)).toEqual(["item-b", "item-a"]);
      expect(ids(roundup?.containedIn)).toEqual([]);
      expect(ids(roundup?.copies)).toEqual([]);
      const item = await findRelatedArticles(storage, "item-a");
      expect(ids(item?.containedIn)).toEqual(["roundup"]);
      expect(ids(item?.copies)).toEqual([]);
      expect(item?.anchor.placement?.duplicateOf).toBeNull();
    } finally {
      await storage.close();
    }
  }, 60_000);
});
