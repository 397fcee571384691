/**
 * reindexArticles: brings a store's search index to the current analyzer (stages/arabic ANALYZER_VERSION) by
 * re-analyzing every article an older analyzer indexed, batch by batch: read, analyze (in this thread, or in a worker
 * thread through a ReindexAnalyzer), write back what no writer changed meanwhile. Pipeline over the ArticleStore port.
 * Run when storage is opened (main.ts openStorage), like a schema migration; `serve` runs it in the background
 * (BackgroundReindex), its analysis in a worker thread, so it answers at once.
 */
import { AkhbarError } from "../domain/errors.ts";
import type {
  ArticleStore,
  ReindexAnalysis,
  ReindexBatch,
  ReindexRead,
  ReindexRow,
} from "../ports/article-store.ts";
import type { Logger } from "../ports/logger.ts";
import { ANALYZER_VERSION, analyzeForIndex } from "../stages/arabic/analyze-text.ts";
import { contentHash } from "../stages/dedupe/content-hash.ts";

/**
 * An article's index fields, digest and content hash as this analyzer derives them: the hash folds the text too, so
 * a store re-indexed after an analyzer change keeps finding exact copies by it (an import computes the same hash).
 */
export function analyzeForReindex(title: string, text: string): ReindexAnalysis {
  return { ...analyzeForIndex(title, text), contentHash: contentHash(text) };
}

/**
 * Where a re-index batch's analysis runs: `analyze` gives analyzeForReindex of each row, in order. Off the thread
 * that serves (adapters/threads ThreadBatchPreparer.analyzeForReindex), the CPU half of a batch no longer holds a
 * server's event loop. `close` releases it when the re-index ends.
 */
export interface ReindexAnalyzer {
  analyze(rows: readonly ReindexRow[]): Promise<ReindexAnalysis[]>;
  close(): Promise<void>;
}

/** The analysis in the calling thread: for commands that re-index before they run, with nothing to serve meanwhile. */
export const inThreadReindexAnalyzer: ReindexAnalyzer = {
  analyze: async (rows) => rows.map((row) => analyzeForReindex(row.title, row.text)),
  close: async () => {},
};

/**
 * Articles re-analyzed per transaction: the size of an import batch (500), so a batch holds the write lock about as
 * long as an import batch does (~0.1 s of analysis on the dev corpus) and a crash redoes at most that much.
 */
export const REINDEX_BATCH_ARTICLES = 500;

/**
 * Articles per batch when the re-index runs beside a server (BackgroundReindex): one read and one message to the
 * analysis worker per batch; its writes go in parts of REINDEX_BACKGROUND_WRITE_ARTICLES. Set when the analysis still
 * ran on the event loop (dev store, load ~9 on 2 cores): 500 kept /health waiting 3.5-11.7 s.
 */
export const REINDEX_BACKGROUND_BATCH_ARTICLES = 100;

/**
 * Articles per write transaction when the re-index runs beside a server: a SQLite write holds the event loop, and its
 * FTS5 segment merges grow with what it flushes. Measured on the dev store (27,454 articles, load ~10, analysis in a
 * worker): one write per batch of 100 took p50 68 ms, p95 1,075 ms, max 1,759 ms (62.8 s in all); writes of 20,
 * p50 15 ms, p95 289 ms, max 664 ms (83.8 s in all, at a load a little higher).
 */
export const REINDEX_BACKGROUND_WRITE_ARTICLES = 20;

/**
 * How far a re-index has got: the versions, the articles re-indexed to `toVersion` (an earlier, interrupted run's
 * included: a resumed run goes on from there) of the store's (counted when this run started).
 */
export interface ReindexProgress {
  fromVersion: number;
  toVersion: number;
  articlesDone: number;
  articlesTotal: number;
}

export interface ReindexOptions {
  version?: number;
  batchSize?: number;
  /** Called before the first batch and after every batch. */
  onProgress?: (progress: ReindexProgress) => void;
  /** Checked between batches: true stops the re-index there (the store keeps its resume point). */
  shouldStop?: () => boolean;
  /** Where each batch is analyzed; in the calling thread when absent. */
  analyzer?: ReindexAnalyzer;
  /** Articles per write transaction: a batch is written in parts of this size, a macrotask between; default one. */
  writeSize?: number;
}

/**
 * Throws `store.analyzer_too_new` when the store's index comes from a newer analyzer than `version`: like a schema
 * from a newer akhbar, this code would index new articles with keys the store's queries miss. Returns the store's
 * analyzer version.
 */
export async function checkAnalyzerVersion(
  articles: ArticleStore,
  version: number = ANALYZER_VERSION,
): Promise<number> {
  const from = await articles.readAnalyzerVersion();
  if (from > version) {
    throw new AkhbarError(
      "store.analyzer_too_new",
      `store: the search index was built by analyzer version ${from}, newer than this akhbar's (${version}); upgrade akhbar`,
      { current: from, latest: version },
    );
  }
  return from;
}

/**
 * Re-indexes every article analyzed by an analyzer older than `version`, in batches of `batchSize`; returns how many
 * were re-indexed (0, after one read, when the store is current). Interrupted (a crash, or `shouldStop`), it loses at
 * most the open batch: the store records where it stopped and the next call resumes there. Articles a writer changed
 * between a batch's read and its write keep what the writer wrote, and are read again by the next batch. Logs after
 * every batch and at the end.
 */
export async function reindexArticles(
  articles: ArticleStore,
  log: Logger,
  version: number = ANALYZER_VERSION,
  batchSize: number = REINDEX_BATCH_ARTICLES,
  options: Omit<ReindexOptions, "version" | "batchSize"> = {},
): Promise<number> {
  const from = await checkAnalyzerVersion(articles, version);
  if (from === version) return 0;
  const started = performance.now();
  const progress: ReindexProgress = {
    fromVersion: from,
    toVersion: version,
    articlesDone: await articles.countReindexed(version),
    articlesTotal: await articles.countArticles(),
  };
  const before = progress.articlesDone;
  const analyzer = options.analyzer ?? inThreadReindexAnalyzer;
  options.onProgress?.({ ...progress });
  let total = 0;
  for (;;) {
    // A macrotask between batches: a synchronous store (SQLite) resolves each batch at once, and a loop of
    // microtasks would keep a server beside it from ever accepting a connection.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.shouldStop?.() === true) return total;
    const read = await articles.readReindexBatch(version, batchSize);
    if (read === null) break;
    // The last, empty batch only records the version: no analysis to wait for.
    const analyses = read.rows.length === 0 ? [] : await analyzer.analyze(read.rows);
    const batch = await writeInParts(articles, read, analyses, options.writeSize ?? batchSize);
    if (batch.done) break;
    total += batch.reindexed;
    options.onProgress?.({ ...progress, articlesDone: before + total });
    // An empty store (a new database) finishes in one call and logs nothing.
    log.info(
      { stage: "reindex", from_version: from, to_version: version, articles: total },
      "search index: re-indexing articles an older analyzer indexed",
    );
  }
  if (total > 0) {
    log.info(
      {
        stage: "reindex",
        to_version: version,
        articles: total,
        duration_ms: Math.round(performance.now() - started),
      },
      "search index: re-indexed with the current analyzer",
    );
  }
  return total;
}

/**
 * Writes a read batch as consecutive batches of `size` articles, each its own transaction, a macrotask between them
 * (a server beside it answers meanwhile). Each part resumes where the one before left the store, so a part after an
 * article changed since the read (the resume point stopped before it) writes nothing: the next read starts there.
 */
async function writeInParts(
  articles: ArticleStore,
  read: ReindexRead,
  analyses: readonly ReindexAnalysis[],
  size: number,
): Promise<ReindexBatch> {
  if (read.rows.length <= size) return articles.writeReindexBatch(read, analyses);
  const sum: ReindexBatch = { reindexed: 0, changed: 0, done: false };
  for (let at = 0; at < read.rows.length; at += size) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    const rows = read.rows.slice(at, at + size);
    const afterSeq = at === 0 ? read.afterSeq : read.rows[at - 1]!.seq;
    const part = await articles.writeReindexBatch({ ...read, afterSeq, rows }, analyses.slice(at, at + size));
    sum.reindexed += part.reindexed;
    sum.changed += part.changed;
    if (part.reindexed < rows.length) break;
  }
  return sum;
}

/**
 * A re-index run beside other work (`akhbar serve`: pages and API answer while it runs, searches over a partly
 * re-indexed store say so). `progress()` is null once the index is current (or when it was); a failed run logs its
 * error and keeps reporting where it stopped (the next start resumes there). `stop()` ends it after the open batch.
 * The analyzer, if given, is closed when the run ends.
 */
export class BackgroundReindex {
  #progress: ReindexProgress | null = null;
  #stopping = false;
  /** Articles re-indexed, once the run has ended (finished, stopped or failed: then 0). */
  readonly finished: Promise<number>;

  /** Starts at once; `afterFinish` runs after a finished re-index of that many articles (the index's compaction). */
  constructor(
    articles: ArticleStore,
    log: Logger,
    options: ReindexOptions & { afterFinish?: (reindexed: number) => Promise<void> } = {},
  ) {
    const {
      version,
      batchSize = REINDEX_BACKGROUND_BATCH_ARTICLES,
      writeSize = REINDEX_BACKGROUND_WRITE_ARTICLES,
      afterFinish,
      ...rest
    } = options;
    // Stopped before the store was current (a stop asked during the last batch still finishes, compaction included).
    let stoppedEarly = false;
    this.finished = (async () => {
      let reindexed: number;
      try {
        reindexed = await reindexArticles(articles, log, version, batchSize, {
          ...rest,
          writeSize,
          onProgress: (p) => {
            this.#progress = p;
            rest.onProgress?.(p);
          },
          shouldStop: () => {
            stoppedEarly = this.#stopping || rest.shouldStop?.() === true;
            return stoppedEarly;
          },
        });
      } catch (err) {
        log.error({ stage: "reindex", err: (err as Error).message }, "search index: re-index failed");
        return 0;
      } finally {
        // Its worker thread would otherwise outlive the re-index (and keep a stopping process alive).
        await rest.analyzer?.close().catch((err: unknown) => {
          log.error(
            { stage: "reindex", err: (err as Error).message },
            "search index: closing the analyzer failed",
          );
        });
      }
      if (stoppedEarly) return reindexed;
      // The index is current whether or not compaction works: a failed compaction is logged, never thrown into a
      // promise nobody awaits until shutdown (an unhandled rejection ends the serving process).
      try {
        await afterFinish?.(reindexed);
      } catch (err) {
        log.error(
          { stage: "reindex", err: (err as Error).message },
          "search index: compaction after the re-index failed",
        );
      }
      this.#progress = null;
      return reindexed;
    })();
  }

  /** Where the re-index is; null when the index is current. */
  progress(): ReindexProgress | null {
    return this.#progress === null ? null : { ...this.#progress };
  }

  /** Stops after the open batch and waits for it (before the store closes). */
  async stop(): Promise<void> {
    this.#stopping = true;
    await this.finished;
  }
}
