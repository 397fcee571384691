import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_RECORDS, fixtureJsonl, STORY_RECORDS } from "../../test/fixtures/arabic-articles.ts";
import { openSqliteStorage } from "../adapters/sqlite/open-sqlite-storage.ts";
import type { JobQueue } from "../ports/job-queue.ts";
import { assignPendingStories } from "./assign-stories.ts";
import type { CrawlContext } from "./crawl-context.ts";
import { createCrawlJobHandlers } from "./crawl-jobs.ts";
import { importRecords } from "./import-records.ts";

const dir = mkdtempSync(join(tmpdir(), "akhbar-crawl-jobs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = fixtureJsonl([...FIXTURE_RECORDS, ...STORY_RECORDS])
  .trim()
  .split("\n");
const clock = { now: () => new Date("2015-08-01T00:00:00Z") };
const silent = { info() {}, warn() {}, error() {}, debug() {} };

describe("import.batch job", () => {
  it("stores the batch and leaves its stories to one story job, which places them as an import would", async () => {
    const storage = await openSqliteStorage(join(dir, "jobs.db"));
    const enqueued: unknown[][] = [];
    const queue = {
      enqueue: async (...args: unknown[]) => {
        enqueued.push(args);
        return "added";
      },
    } as unknown as JobQueue;
    const ctx = { storage, clock, log: silent } as unknown as CrawlContext;
    const handlers = createCrawlJobHandlers(ctx, queue);
    const job = { id: "j", kind: "import.batch" as const, attempt: 1 };
    await handlers["import.batch"]!({ file: "f", firstLineNo: 1, lines: LINES.slice(0, 6) }, job);
    await handlers["import.batch"]!({ file: "f", firstLineNo: 7, lines: LINES.slice(6) }, job);
    expect(await storage.stories.listUnplacedIds()).toHaveLength(LINES.length - 1);
    expect(enqueued.map(([kind, payload]) => [kind, payload])).toEqual([
      ["story.assign", { articleId: "" }],
      ["story.assign", { articleId: "" }],
    ]);
    const ids = enqueued.map(([, , opts]) => (opts as { jobId: string }).jobId);
    expect(new Set(ids).size).toBe(2);
    expect(ids[0]).toMatch(/^story-import-[0-9a-f]{32}$/);

    await assignPendingStories(storage, []);
    expect(await storage.stories.listUnplacedIds()).toEqual([]);
    const once = await openSqliteStorage(join(dir, "once.db"));
    await importRecords(
      (async function* () {
        for (const [i, text] of LINES.entries()) yield { file: "f", lineNo: i + 1, text };
      })(),
      { storage: once, clock },
    );
    const placements = (s: typeof storage) =>
      s.db
        .prepare("SELECT article_id, story_id, duplicate_of FROM article_placements ORDER BY article_id")
        .all();
    expect(placements(storage)).toEqual(placements(once));
    await Promise.all([storage.close(), once.close()]);
  });
});
