/**
 * reindexArticles: brings a store's search index to the current analyzer (stages/arabic ANALYZER_VERSION) by
 * re-analyzing every article an older analyzer indexed, batch by batch. Pipeline over the ArticleStore port.
 * Run when storage is opened (main.ts openStorage), like a schema migration.
 */
import { AkhbarError } from "../domain/errors.ts";
import type { AnalyzeForIndex, ArticleStore } from "../ports/article-store.ts";
import type { Logger } from "../ports/logger.ts";
import { ANALYZER_VERSION, analyzeForIndex } from "../stages/arabic/analyze-text.ts";
import { contentHash } from "../stages/dedupe/content-hash.ts";

/**
 * An article's index fields, digest and content hash as this analyzer derives them: the hash folds the text too, so
 * a store re-indexed after an analyzer change keeps finding exact copies by it (an import computes the same hash).
 */
const reanalyze: AnalyzeForIndex = (title, text) => ({
  ...analyzeForIndex(title, text),
  contentHash: contentHash(text),
});

/**
 * Articles re-analyzed per transaction: the size of an import batch (500), so a batch holds the write lock about as
 * long as an import batch does (~0.1 s of analysis on the dev corpus) and a crash redoes at most that much.
 */
export const REINDEX_BATCH_ARTICLES = 500;

/**
 * Re-indexes every article analyzed by an analyzer older than `version`, in batches of `batchSize`; returns how many
 * were re-indexed (0, after one read, when the store is current). Interrupted, it loses at most the open batch: the
 * store records where it stopped and the next call resumes there. Logs after every batch and at the end.
 */
export async function reindexArticles(
  articles: ArticleStore,
  log: Logger,
  version: number = ANALYZER_VERSION,
  batchSize: number = REINDEX_BATCH_ARTICLES,
): Promise<number> {
  const from = await articles.readAnalyzerVersion();
  if (from > version) {
    // Like a schema from a newer akhbar: this code would index new articles with keys the store's queries miss.
    throw new AkhbarError(
      "store.analyzer_too_new",
      `store: the search index was built by analyzer version ${from}, newer than this akhbar's (${version}); upgrade akhbar`,
      { current: from, latest: version },
    );
  }
  if (from === version) return 0;
  const started = performance.now();
  let total = 0;
  for (;;) {
    const batch = await articles.reindexArticles(version, reanalyze, batchSize);
    if (batch.done) break;
    total += batch.reindexed;
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
