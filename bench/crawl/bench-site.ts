/**
 * The crawl benchmark's site layout, shared by run.ts (which stores the feeds and checks the items) and
 * site-process.ts (which serves them). Bench support, pure.
 */
import type { FeedFormat } from "../../test/fixtures/crawl-site.ts";

const FORMATS: readonly FeedFormat[] = ["rss2", "atom", "rdf", "json", "sitemap"];

/** Virtual host `h` (every name resolves to 127.0.0.1 in the crawler). Example: 3 -> "host3.bench.test". */
export const benchHostName = (h: number): string => `host${h}.bench.test`;

/** Feed `f`'s format: the five formats in turn. */
export const benchFeedFormat = (f: number): FeedFormat => FORMATS[f % FORMATS.length]!;
