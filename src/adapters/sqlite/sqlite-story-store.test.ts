import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeArticleWrite } from "../../../test/contract/article-fixtures.ts";
import type { ArticlePlacement } from "../../domain/story.ts";
import { openSqliteStorage } from "./open-sqlite-storage.ts";
import { ASSIGN_STEP_ATTEMPTS } from "./sqlite-story-store.ts";

const dir = mkdtempSync(join(tmpdir(), "akhbar-story-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EMPTY = { groupMerges: [], groupOriginals: [], merges: [], headlines: [] };
const placement = (id: string): ArticlePlacement => ({
  articleId: id,
  storyId: id,
  groupId: id,
  duplicateOf: null,
  shingles: Uint32Array.from([1]),
  signature: new Uint32Array(128),
});

describe("SqliteStoryStore.withAssignmentLock (two processes on one file)", () => {
  it("runs a step again, told the placements changed, when another process placed during it", async () => {
    const path = join(dir, "retry.db");
    const mine = await openSqliteStorage(path);
    const other = await openSqliteStorage(path);
    try {
      await mine.articles.writeArticles(["a", "b"].map((k) => makeArticleWrite(k, { id: k })));
      const seen: boolean[] = [];
      await mine.stories!.withAssignmentLock!(async (changedElsewhere) => {
        seen.push(changedElsewhere);
        // The other process places between this step's reads and its write, the first time only.
        if (seen.length === 1)
          await other.stories!.writePlacements({ ...EMPTY, placements: [placement("b")] });
        await mine.stories!.writePlacements({ ...EMPTY, placements: [placement("a")] });
      });
      expect(seen).toEqual([true, true]);
      // Its own write counted: the next step finds nothing changed elsewhere.
      await mine.stories!.withAssignmentLock!(async (changedElsewhere) => {
        seen.push(changedElsewhere);
      });
      expect(seen).toEqual([true, true, false]);
      expect((await mine.stories!.getPlacements(["a", "b"])).map((p) => p.articleId)).toEqual(["a", "b"]);
    } finally {
      await Promise.all([mine.close(), other.close()]);
    }
  });

  it("gives up after ASSIGN_STEP_ATTEMPTS runs that each lose to another process", async () => {
    const path = join(dir, "give-up.db");
    const mine = await openSqliteStorage(path);
    const other = await openSqliteStorage(path);
    try {
      await mine.articles.writeArticles(["a", "b"].map((k) => makeArticleWrite(k, { id: k })));
      let runs = 0;
      const step = mine.stories!.withAssignmentLock!(async () => {
        runs++;
        await other.stories!.writePlacements({ ...EMPTY, placements: [placement("b")] });
        await mine.stories!.writePlacements({ ...EMPTY, placements: [placement("a")] });
      });
      await expect(step).rejects.toMatchObject({ code: "store.stories_changed" });
      expect(runs).toBe(ASSIGN_STEP_ATTEMPTS);
    } finally {
      await Promise.all([mine.close(), other.close()]);
    }
  });
});
