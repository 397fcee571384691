/**
 * The CPU half of the crawler: feed bytes -> FeedDocument, and page bytes + entry -> decodeHtml -> extractArticle
 * -> ArticleDraft -> index fields. Pure (no IO), so it runs in the crawling thread or in a worker thread.
 */
import type { ArticleWrite } from "../domain/article.ts";
import { isAkhbarError } from "../domain/errors.ts";
import type { CrawlPreparer } from "../ports/crawl-preparer.ts";
import { buildArticleWrite } from "../stages/arabic/analyze-text.ts";
import { decodeHtml } from "../stages/extract/decode-html.ts";
import { type ExtractedArticle, extractArticle } from "../stages/extract/extract-article.ts";
import type { FeedDocument, FeedEntry } from "../stages/feeds/feed-document.ts";
import { parseFeedBytes } from "../stages/feeds/parse-feed.ts";
import { type EntryContext, entryToDraft } from "../stages/ingest/entry-to-draft.ts";

export interface FeedParseInput {
  bytes: Uint8Array;
  contentType: string | undefined;
  /** Final URL of the fetch: base for relative links. */
  url: string;
  budgetMs?: number;
}

export interface CrawlItemInput {
  entry: FeedEntry;
  context: EntryContext;
  /** The fetched page, or null when it was not fetched or the fetch failed (see `pageError`). */
  page: { bytes: Uint8Array; contentType: string | undefined; url: string } | null;
  pageError: string | null;
}

export interface PreparedCrawlItem {
  /** Null when the entry has nothing to store (no title, no text anywhere). */
  write: ArticleWrite | null;
  /** Why the page's content was not used ("extract.no_content: …", "robots: …"), null when it was. */
  pageError: string | null;
  /** Why nothing is written, when `write` is null. */
  skipReason: string | null;
}

/** Parses fetched feed bytes (charset, then format sniffing); throws `feed.*` AkhbarErrors. */
export function parseCrawledFeed(input: FeedParseInput): FeedDocument {
  return parseFeedBytes(input.bytes, input.contentType, {
    url: input.url,
    ...(input.budgetMs === undefined ? {} : { budgetMs: input.budgetMs }),
  });
}

/**
 * Builds the article for one item: the page's extraction when it succeeds, else the feed's own content, so one
 * bad page never loses the item. Only unexpected (non-AkhbarError) failures throw.
 */
export function prepareCrawlItem(input: CrawlItemInput): PreparedCrawlItem {
  let pageError = input.pageError;
  let page: ExtractedArticle | null = null;
  if (input.page !== null) {
    try {
      const { text } = decodeHtml(input.page.bytes, input.page.contentType);
      page = extractArticle(text, { url: input.page.url });
    } catch (err) {
      if (!isAkhbarError(err)) throw err;
      pageError = `${err.code}: ${err.message}`;
    }
  }
  try {
    const article = entryToDraft(input.entry, input.context, page);
    return {
      write: buildArticleWrite(article),
      pageError,
      skipReason: null,
    };
  } catch (err) {
    if (!isAkhbarError(err)) throw err;
    return { write: null, pageError, skipReason: `${err.code}: ${err.message}` };
  }
}

/** Runs the CPU work in the calling thread: tests, `--workers 0`, and small crawls. */
export const inThreadCrawlPreparer: CrawlPreparer = {
  parseFeed: async (input) => parseCrawledFeed(input),
  prepareItem: async (input) => prepareCrawlItem(input),
  close: async () => {},
};
