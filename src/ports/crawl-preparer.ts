/**
 * CrawlPreparer port: where the crawler's CPU work runs — feed parsing and page extraction/analysis — in the
 * crawling thread (tests) or in worker threads with a hard time limit (adapters/threads), so a server stays responsive.
 */
import type { CrawlItemInput, FeedParseInput, PreparedCrawlItem } from "../pipeline/prepare-crawl-item.ts";
import type { FeedDocument } from "../stages/feeds/feed-document.ts";

export interface CrawlPreparer {
  /** Decodes and parses feed bytes; rejects with the feeds stage's AkhbarError (`feed.*`). */
  parseFeed(input: FeedParseInput): Promise<FeedDocument>;
  /** Page bytes (if fetched) + entry -> the article write, or why there is none. Never rejects for bad pages. */
  prepareItem(input: CrawlItemInput): Promise<PreparedCrawlItem>;
  close(): Promise<void>;
}
