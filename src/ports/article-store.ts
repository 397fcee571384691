/**
 * ArticleStore port: durable articles with idempotent upserts and tombstones.
 * Interface only; adapters/sqlite and (later) adapters/postgres implement it and pass test/contract.
 */
import type {
  AnalyzedIndex,
  Article,
  ArticleSummary,
  ArticleWrite,
  UpsertOutcome,
} from "../domain/article.ts";

/**
 * What a re-index derives again from an article's title and text: its index fields and their digest (stages/arabic
 * analyzeForIndex) and its content hash (stages/dedupe contentHash), which folds the text with the same analyzer, so
 * an analyzer change moves it too and exact copies must keep meeting stored articles by it.
 */
export type AnalyzeForIndex = (title: string, text: string) => AnalyzedIndex & { contentHash: string };

/** The analyzer version a store records before any re-index: its articles were indexed by the first analyzer. */
export const FIRST_ANALYZER_VERSION = 1;

/** What one re-index batch did. */
export interface ReindexBatch {
  /** Articles whose index fields were rewritten. */
  reindexed: number;
  /** True when the store now records the asked version: nothing is left to re-index. */
  done: boolean;
}

export interface ArticleStore {
  /**
   * Writes a batch in one transaction, article rows and index fields together.
   * Dedupes by id, then canonical URL, then (source, content hash); tombstoned articles are refused.
   * Returns one outcome per input, in order.
   */
  writeArticles(batch: readonly ArticleWrite[]): Promise<UpsertOutcome[]>;
  getArticle(id: string): Promise<Article | null>;
  /** Articles for `ids`, in the order asked; unknown ids are left out. */
  getArticles(ids: readonly string[]): Promise<Article[]>;
  /** As getArticles, without html and extra (result lists, snippets). */
  getArticleSummaries(ids: readonly string[]): Promise<ArticleSummary[]>;
  /**
   * Deletes the article and tombstones its id, canonical URL and content hash. False if unknown. A placed article
   * leaves its story in the same transaction: the story is recounted (gone once emptied; its headline moves on when
   * the headline's article is gone) and the copy group re-keyed (adapters/story-row.ts DeletedPlacementRow).
   */
  deleteArticle(id: string, reason: string): Promise<boolean>;
  countArticles(): Promise<number>;
  /** Up to `limit` articles with seq > `afterSeq`, in seq order (for export and replays). */
  listArticlesAfter(afterSeq: number, limit: number): Promise<Article[]>;
  /**
   * The analyzer version every stored article's index fields are known to come from (FIRST_ANALYZER_VERSION for a
   * store older than versioning, or one whose first re-index has not finished).
   */
  readAnalyzerVersion(): Promise<number>;
  /**
   * Re-indexes, in one transaction, up to `limit` articles in seq order that an analyzer older than `version` may
   * have analyzed: `analyze(title, text)` gives their new index fields and digest. The store remembers where it
   * stopped, so a crash loses at most the open batch and the next call goes on from there; several processes may
   * call it at once (each batch is done once). When no article is left the store records `version`.
   */
  reindexArticles(version: number, analyze: AnalyzeForIndex, limit: number): Promise<ReindexBatch>;
  /**
   * The stored articles a re-index to `version` has already re-analyzed: those up to where its last batch stopped
   * (an earlier process's run, resumed by the next call), 0 when no re-index to `version` is under way.
   */
  countReindexed(version: number): Promise<number>;
}
