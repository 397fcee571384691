import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../domain/errors.ts";
import type { AnalyzeForIndex, ArticleStore, ReindexBatch } from "../ports/article-store.ts";
import type { Logger } from "../ports/logger.ts";
import { reindexArticles } from "./reindex-articles.ts";

/** A store of `count` articles at analyzer `version`, re-indexed `limit` at a time, as the contract suite asks. */
function fakeStore(count: number, version: number) {
  let at = version;
  let next = 0;
  const analyzed: string[] = [];
  const store = {
    async readAnalyzerVersion() {
      return at;
    },
    async reindexArticles(target: number, analyze: AnalyzeForIndex, limit: number): Promise<ReindexBatch> {
      if (at >= target) return { reindexed: 0, done: true };
      const batch = Math.min(limit, count - next);
      if (batch === 0) {
        at = target;
        next = 0;
        return { reindexed: 0, done: true };
      }
      for (let i = 0; i < batch; i++) analyzed.push(analyze(`title ${next + i}`, "text").index.title);
      next += batch;
      return { reindexed: batch, done: false };
    },
  } as Pick<ArticleStore, "readAnalyzerVersion" | "reindexArticles"> as ArticleStore;
  return { store, analyzed, version: () => at };
}

function recordingLogger() {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  const log: Logger = {
    debug() {},
    info: (fields, message) => lines.push({ fields, message }),
    warn() {},
    error() {},
  };
  return { log, lines };
}

describe("reindexArticles", () => {
  it("re-indexes every article with the current analyzer, batch by batch, and logs each batch and the total", async () => {
    const { store, analyzed, version } = fakeStore(5, 1);
    const { log, lines } = recordingLogger();
    expect(await reindexArticles(store, log, 2, 2)).toBe(5);
    expect(analyzed).toHaveLength(5);
    expect(version()).toBe(2);
    expect(lines.map((l) => l.fields.articles)).toEqual([2, 4, 5, 5]);
    expect(lines.at(-1)?.fields).toMatchObject({ stage: "reindex", to_version: 2, articles: 5 });
  });

  it("does nothing and logs nothing when the store is at the version", async () => {
    const { store, analyzed } = fakeStore(5, 2);
    const { log, lines } = recordingLogger();
    expect(await reindexArticles(store, log, 2, 2)).toBe(0);
    expect(analyzed).toEqual([]);
    expect(lines).toEqual([]);
  });

  it("refuses a store an analyzer newer than this code's indexed, as a schema from a newer akhbar", async () => {
    const { store, analyzed } = fakeStore(5, 3);
    const { log } = recordingLogger();
    const err = await reindexArticles(store, log, 2, 2).catch((e: unknown) => e);
    expect(isAkhbarError(err, "store.analyzer_too_new")).toBe(true);
    expect(analyzed).toEqual([]);
  });

  it("records the version of an empty store without logging", async () => {
    const { store, version } = fakeStore(0, 1);
    const { log, lines } = recordingLogger();
    expect(await reindexArticles(store, log, 2, 2)).toBe(0);
    expect(version()).toBe(2);
    expect(lines).toEqual([]);
  });
});
