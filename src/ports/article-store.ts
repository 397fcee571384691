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
export type ReindexAnalysis = AnalyzedIndex & { contentHash: string };

/** One article as a re-index batch read it: what its analysis is derived from. */
export interface ReindexRow {
  seq: number;
  title: string;
  text: string;
}

/**
 * A re-index batch as read (ArticleStore.readReindexBatch): the articles after the store's resume point `afterSeq`,
 * in seq order, to be analyzed outside any transaction and written back by writeReindexBatch.
 */
export interface ReindexRead {
  version: number;
  afterSeq: number;
  rows: ReindexRow[];
}

/** The analyzer version a store records before any re-index: its articles were indexed by the first analyzer. */
export const FIRST_ANALYZER_VERSION = 1;

/** What one re-index batch did. */
export interface ReindexBatch {
  /** Articles whose index fields were rewritten. */
  reindexed: number;
  /**
   * Articles of the batch changed or deleted since it was read, left as their writer wrote them: the resume point
   * stops before the first of them, so the next batch reads it again.
   */
  changed: number;
  /** True when the store now records the asked version: nothing is left to re-index. */
  done: boolean;
}

export interface ArticleStore {
  /**
   * Writes a batch in one transaction, article rows and index fields together.
   * Dedupes by id, then canonical URL, then (source, content hash); tombstoned articles are refused: a new id whose
   * id, canonical URL, (source, content hash) or (source, text digest: stages/dedupe textDigest) a tombstone holds.
   * Returns one outcome per input, in order.
   */
  writeArticles(batch: readonly ArticleWrite[]): Promise<UpsertOutcome[]>;
  getArticle(id: string): Promise<Article | null>;
  /** Articles for `ids`, in the order asked; unknown ids are left out. */
  getArticles(ids: readonly string[]): Promise<Article[]>;
  /** As getArticles, without html and extra (result lists, snippets). */
  getArticleSummaries(ids: readonly string[]): Promise<ArticleSummary[]>;
  /**
   * Deletes the article and tombstones its id, canonical URL, content hash and text digest (analyzer-free, so a copy
   * re-posted after an analyzer change is still refused), never its text. False if unknown. A placed article
   * leaves its story in the same transaction: the story is recounted (gone once emptied; its headline moves on when
   * the headline's article is gone) and the copy group re-keyed (adapters/story-row.ts DeletedPlacementRow).
   */
  deleteArticle(id: string, reason: string): Promise<boolean>;
  /**
   * The id of the stored article whose canonical URL is `canonicalUrl` (stages/dedupe canonicalizeUrl's form; http
   * and https alike, as writes dedupe), or null. For naming an article by its outlet's link.
   */
  findArticleIdByUrl(canonicalUrl: string): Promise<string | null>;
  countArticles(): Promise<number>;
  /** Up to `limit` articles with seq > `afterSeq`, in seq order (for export and replays). */
  listArticlesAfter(afterSeq: number, limit: number): Promise<Article[]>;
  /**
   * The analyzer version every stored article's index fields are known to come from (FIRST_ANALYZER_VERSION for a
   * store older than versioning, or one whose first re-index has not finished).
   */
  readAnalyzerVersion(): Promise<number>;
  /**
   * Reads the next re-index batch to `version`: up to `limit` articles in seq order after the store's resume point
   * (an earlier process's included, so a restart goes on where the last written batch stopped). Null when there is
   * nothing to do: the index already comes from `version` (or a newer analyzer), or a re-index to a newer version is
   * under way. Empty rows: every article is re-indexed; writing the empty batch records `version`.
   */
  readReindexBatch(version: number, limit: number): Promise<ReindexRead | null>;
  /**
   * Writes a read batch's analyses (one per row, in order) in one short transaction, only for the articles whose
   * title and text are still those read: an article a writer changed or deleted since keeps what that writer wrote
   * (never the analysis of its old text), and the resume point stops before the first such article so the next batch
   * reads it again; otherwise the resume point moves to the batch's last article, or, for an empty batch, the store
   * records `version`. A batch whose resume point another process moved meanwhile writes nothing (that process did
   * it). Several processes may re-index at once; a crash loses at most the batch being analyzed.
   */
  writeReindexBatch(read: ReindexRead, analyses: readonly ReindexAnalysis[]): Promise<ReindexBatch>;
  /**
   * The stored articles a re-index to `version` has already re-analyzed: those up to where its last batch stopped
   * (an earlier process's run, resumed by the next call), 0 when no re-index to `version` is under way.
   */
  countReindexed(version: number): Promise<number>;
}
