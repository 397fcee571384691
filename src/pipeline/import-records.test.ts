import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStorage } from "../adapters/sqlite/open-sqlite-storage.ts";
import type { StoryStreamRow } from "../domain/story.ts";
import type { BatchPreparer } from "../ports/batch-preparer.ts";
import { analyzeStreamArticle } from "../stages/stories/recluster.ts";
import { STORY_ANALYSIS_CHUNK_ROWS } from "./assign-stories.ts";
import { importRecords, inThreadPreparer } from "./import-records.ts";

const dir = mkdtempSync(join(tmpdir(), "akhbar-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lines(records: object[]) {
  return (async function* () {
    let lineNo = 0;
    for (const r of records) yield { file: "t.jsonl", lineNo: ++lineNo, text: JSON.stringify(r) };
  })();
}

const record = (id: string, source: string) => ({
  id,
  source,
  url: `https://example.com/${id}`,
  title: `خبر ${id}`,
  date: "2015-08-01 10:00:00",
  text: `نص الخبر رقم ${id} عن افتتاح مشروع جديد في المدينة.`,
});

describe("importRecords names the sources it creates", () => {
  it("gives a known outlet id its Arabic name, country and homepage, and leaves an unknown id as its name", async () => {
    const storage = await openSqliteStorage(join(dir, "names.db"));
    try {
      await importRecords(lines([record("a1", "alriyadh"), record("a2", "was"), record("a3", "some-blog")]), {
        storage,
        clock: { now: () => new Date("2015-08-02T00:00:00Z") },
      });
      expect(await storage.sources.getSource("alriyadh")).toMatchObject({ name: "الرياض", country: "SA" });
      expect(await storage.sources.getSource("was")).toMatchObject({
        name: "وكالة الأنباء السعودية (واس)",
        homepage: "https://www.spa.gov.sa/",
      });
      expect((await storage.sources.getSource("some-blog"))?.name).toBe("some-blog");
    } finally {
      await storage.close();
    }
  });

  it("never renames a source that already exists", async () => {
    const storage = await openSqliteStorage(join(dir, "keep.db"));
    try {
      await storage.sources.upsertSource({
        id: "okaz",
        name: "عكاظ اليومية",
        homepage: null,
        country: "SA",
        language: "ar",
      });
      await importRecords(lines([record("b1", "okaz"), record("b2", "aawsat")]), {
        storage,
        clock: { now: () => new Date("2015-08-02T00:00:00Z") },
      });
      expect((await storage.sources.getSource("okaz"))?.name).toBe("عكاظ اليومية");
      // aawsat is named by the crawled default list.
      expect((await storage.sources.getSource("aawsat"))?.name).not.toBe("aawsat");
    } finally {
      await storage.close();
    }
  });
});

describe("importRecords places stories", () => {
  it("places what a killed earlier run stored but never placed, on a re-run that stores nothing new", async () => {
    const storage = await openSqliteStorage(join(dir, "rerun.db"));
    const clock = { now: () => new Date("2015-08-02T00:00:00Z") };
    const records = [record("c1", "okaz"), record("c2", "was"), record("c3", "alriyadh")];
    try {
      // The first run dies between its last article write and story placement.
      const first = await importRecords(lines(records), { storage, clock }, { assignStories: false });
      expect(first).toMatchObject({ imported: 3, placedInStories: 0 });
      expect(await storage.stories!.listUnplacedIds()).toHaveLength(3);
      const again = await importRecords(lines(records), { storage, clock });
      expect(again).toMatchObject({ imported: 0, duplicates: 3, placedInStories: 3 });
      expect(await storage.stories!.listUnplacedIds()).toEqual([]);
    } finally {
      await storage.close();
    }
  });

  it("announces story analysis to the preparer after its last batch, only when placement will hand it rows", async () => {
    const clock = { now: () => new Date("2015-08-02T00:00:00Z") };
    const calls: string[] = [];
    const preparer: BatchPreparer = {
      parallelism: 1,
      prepare: async (batch, options) => {
        calls.push("prepare");
        return inThreadPreparer.prepare(batch, options);
      },
      readyStoryAnalysis: () => calls.push("ready"),
      analyzeStories: async (rows: readonly StoryStreamRow[]) => {
        calls.push("analyze");
        return rows.map(analyzeStreamArticle);
      },
      close: async () => {},
    };
    for (const n of [STORY_ANALYSIS_CHUNK_ROWS, STORY_ANALYSIS_CHUNK_ROWS - 1]) {
      calls.length = 0;
      const storage = await openSqliteStorage(join(dir, `ready-${n}.db`));
      try {
        const records = Array.from({ length: n }, (_, i) => record(`r${i}`, "okaz"));
        const summary = await importRecords(lines(records), { storage, clock }, { preparer, batchSize: 100 });
        expect(summary.placedInStories).toBe(n);
        const prepares = calls.filter((c) => c === "prepare").length;
        const placement = n >= STORY_ANALYSIS_CHUNK_ROWS ? ["ready", "analyze"] : [];
        expect(calls).toEqual([...Array(prepares).fill("prepare"), ...placement]);
      } finally {
        await storage.close();
      }
    }
  });
});
