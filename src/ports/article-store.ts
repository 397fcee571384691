/**
 * ArticleStore port: durable articles with idempotent upserts and tombstones.
 * Interface only; adapters/sqlite and (later) adapters/postgres implement it and pass test/contract.
 */
import type { Article, ArticleSummary, ArticleWrite, UpsertOutcome } from "../domain/article.ts";

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
  /** Deletes the article and tombstones its id, canonical URL and content hash. False if unknown. */
  deleteArticle(id: string, reason: string): Promise<boolean>;
  countArticles(): Promise<number>;
  /** Up to `limit` articles with seq > `afterSeq`, in seq order (for export and replays). */
  listArticlesAfter(afterSeq: number, limit: number): Promise<Article[]>;
}
