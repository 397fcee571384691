import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../domain/errors.ts";
import type { ArticleStore, ReindexAnalysis, ReindexBatch, ReindexRead } from "../ports/article-store.ts";
import type { Logger } from "../ports/logger.ts";
import {
  analyzeForReindex,
  BackgroundReindex,
  type ReindexAnalyzer,
  reindexArticles,
} from "./reindex-articles.ts";

/**
 * A store of `count` articles at analyzer `version`, re-indexed `limit` at a time, as the contract suite asks; a
 * batch's write waits at `gate` when one is given.
 */
function fakeStore(count: number, version: number, gate?: () => Promise<void>) {
  let at = version;
  let next = 0;
  const analyzed: string[] = [];
  const store = {
    async readAnalyzerVersion() {
      return at;
    },
    async countArticles() {
      return count;
    },
    async readReindexBatch(target: number, limit: number): Promise<ReindexRead | null> {
      if (at >= target) return null;
      const afterSeq = next;
      const rows = Array.from({ length: Math.min(limit, count - afterSeq) }, (_, i) => ({
        seq: afterSeq + i + 1,
        title: `title ${afterSeq + i}`,
        text: "text",
      }));
      return { version: target, afterSeq, rows };
    },
    async writeReindexBatch(read: ReindexRead, analyses: readonly ReindexAnalysis[]): Promise<ReindexBatch> {
      await gate?.();
      if (read.afterSeq !== next) return { reindexed: 0, changed: 0, done: false };
      if (read.rows.length === 0) {
        at = read.version;
        next = 0;
        return { reindexed: 0, changed: 0, done: true };
      }
      for (const a of analyses) analyzed.push(a.index.title);
      next = read.afterSeq + read.rows.length;
      return { reindexed: read.rows.length, changed: 0, done: false };
    },
    async countReindexed(target: number) {
      return at < target ? next : 0;
    },
  } as Pick<
    ArticleStore,
    "readAnalyzerVersion" | "countArticles" | "readReindexBatch" | "writeReindexBatch" | "countReindexed"
  > as ArticleStore;
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

  it("writes each batch in parts of writeSize, each resuming where the one before left the store", async () => {
    const { store, version } = fakeStore(5, 1);
    const write = store.writeReindexBatch.bind(store);
    const parts: [number, number][] = [];
    store.writeReindexBatch = (read, analyses) => {
      parts.push([read.afterSeq, read.rows.length]);
      return write(read, analyses);
    };
    expect(await reindexArticles(store, recordingLogger().log, 2, 5, { writeSize: 2 })).toBe(5);
    expect(parts).toEqual([
      [0, 2],
      [2, 2],
      [4, 1],
      [5, 0],
    ]);
    expect(version()).toBe(2);
  });

  it("stops writing a batch's parts at an article changed since the read; the next batch reads from there", async () => {
    const { store } = fakeStore(4, 1);
    const write = store.writeReindexBatch.bind(store);
    const parts: [number, number][] = [];
    let changedOnce = false;
    store.writeReindexBatch = async (read, analyses) => {
      parts.push([read.afterSeq, read.rows.length]);
      // Article seq 1 was rewritten between the first read and its write: the store keeps its resume point at 0.
      if (!changedOnce && read.rows[0]?.seq === 1) {
        changedOnce = true;
        return { reindexed: 1, changed: 1, done: false };
      }
      return write(read, analyses);
    };
    await reindexArticles(store, recordingLogger().log, 2, 4, { writeSize: 2 });
    // The batch's second part is never written; the next batch reads all four again.
    expect(parts).toEqual([
      [0, 2],
      [0, 2],
      [2, 2],
      [4, 0],
    ]);
  });

  it("records the version of an empty store without logging", async () => {
    const { store, version } = fakeStore(0, 1);
    const { log, lines } = recordingLogger();
    expect(await reindexArticles(store, log, 2, 2)).toBe(0);
    expect(version()).toBe(2);
    expect(lines).toEqual([]);
  });
});

/** A gate the fake store's batch writes wait at: `open()` lets the next one through. */
function batchGate() {
  const waiting: (() => void)[] = [];
  let opened = 0;
  return {
    wait: () =>
      new Promise<void>((resolve) => {
        if (opened > 0) {
          opened--;
          resolve();
        } else waiting.push(resolve);
      }),
    open(n = 1) {
      for (let i = 0; i < n; i++) {
        const next = waiting.shift();
        if (next === undefined) opened++;
        else next();
      }
    },
  };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("BackgroundReindex", () => {
  it("reports where it is while it runs, then null once the index is current and compacted", async () => {
    const gate = batchGate();
    const { store, version } = fakeStore(5, 1, gate.wait);
    const { log } = recordingLogger();
    const compacted: number[] = [];
    const reindex = new BackgroundReindex(store, log, {
      version: 2,
      batchSize: 2,
      afterFinish: async (n) => {
        compacted.push(n);
      },
    });
    await settle();
    expect(reindex.progress()).toEqual({ fromVersion: 1, toVersion: 2, articlesDone: 0, articlesTotal: 5 });
    gate.open();
    await settle();
    expect(reindex.progress()).toMatchObject({ articlesDone: 2, articlesTotal: 5 });
    gate.open(3);
    expect(await reindex.finished).toBe(5);
    expect(reindex.progress()).toBeNull();
    expect(version()).toBe(2);
    expect(compacted).toEqual([5]);
  });

  it("is null from the start on a current store", async () => {
    const { store } = fakeStore(5, 2);
    const reindex = new BackgroundReindex(store, recordingLogger().log, { version: 2 });
    expect(await reindex.finished).toBe(0);
    expect(reindex.progress()).toBeNull();
  });

  it("stops after the open batch when asked, leaving the rest to the next start", async () => {
    const gate = batchGate();
    const { store, analyzed, version } = fakeStore(5, 1, gate.wait);
    const reindex = new BackgroundReindex(store, recordingLogger().log, { version: 2, batchSize: 2 });
    // Past the run's macrotask before its first batch (a timer of 0 ms may fire before it on a loaded machine), so the
    // first batch is open at the gate when the stop comes.
    await new Promise((resolve) => setImmediate(resolve));
    await settle();
    const stopped = reindex.stop();
    gate.open();
    await stopped;
    expect(analyzed).toHaveLength(2);
    expect(version()).toBe(1);
  });

  it("counts an earlier, stopped run's articles as done when it resumes", async () => {
    const gate = batchGate();
    const { store, version } = fakeStore(5, 1, gate.wait);
    const first = new BackgroundReindex(store, recordingLogger().log, { version: 2, batchSize: 2 });
    await new Promise((resolve) => setImmediate(resolve));
    await settle();
    const stopped = first.stop();
    gate.open();
    expect(await stopped).toBeUndefined();
    const seen: number[] = [];
    const second = new BackgroundReindex(store, recordingLogger().log, {
      version: 2,
      batchSize: 2,
      onProgress: (p) => seen.push(p.articlesDone),
    });
    gate.open(3);
    expect(await second.finished).toBe(3);
    expect(seen).toEqual([2, 4, 5]);
    expect(version()).toBe(2);
  });

  it("gives the event loop turns while a batch is analyzed elsewhere, and writes it only once analyzed", async () => {
    const { store, analyzed } = fakeStore(3, 1);
    let release = () => {};
    let closed = 0;
    // A stand-in for the worker thread: its answer comes when the test releases it.
    const analyzer: ReindexAnalyzer = {
      analyze: (rows) =>
        new Promise((resolve) => {
          release = () => resolve(rows.map((row) => analyzeForReindex(row.title, row.text)));
        }),
      close: async () => {
        closed++;
      },
    };
    const reindex = new BackgroundReindex(store, recordingLogger().log, {
      version: 2,
      batchSize: 3,
      analyzer,
    });
    let turns = 0;
    while (turns < 20) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    // Twenty turns of the event loop (each one a request a server could answer) while the batch waits for analysis.
    expect(analyzed).toEqual([]);
    expect(reindex.progress()).toMatchObject({ articlesDone: 0, articlesTotal: 3 });
    release();
    expect(await reindex.finished).toBe(3);
    expect(analyzed).toHaveLength(3);
    expect(closed).toBe(1);
  });

  it("logs a failure and keeps saying the index is not current", async () => {
    const { store } = fakeStore(5, 1);
    store.readReindexBatch = async () => {
      throw new Error("disk full");
    };
    const errors: string[] = [];
    const log: Logger = { ...recordingLogger().log, error: (_fields, message) => errors.push(message) };
    const reindex = new BackgroundReindex(store, log, { version: 2 });
    expect(await reindex.finished).toBe(0);
    expect(errors).toEqual(["search index: re-index failed"]);
    expect(reindex.progress()).toMatchObject({ fromVersion: 1, articlesDone: 0 });
  });

  it("logs a failed compaction after a finished re-index instead of rejecting (the index is current)", async () => {
    const { store, version } = fakeStore(3, 1);
    const errors: string[] = [];
    const log: Logger = { ...recordingLogger().log, error: (_fields, message) => errors.push(message) };
    const reindex = new BackgroundReindex(store, log, {
      version: 2,
      afterFinish: async () => {
        throw new Error("SQLITE_BUSY");
      },
    });
    expect(await reindex.finished).toBe(3);
    expect(errors).toEqual(["search index: compaction after the re-index failed"]);
    expect(version()).toBe(2);
    expect(reindex.progress()).toBeNull();
  });
});
