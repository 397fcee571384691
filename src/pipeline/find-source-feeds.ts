/**
 * findSourceFeeds: a URL someone wants to follow -> the feed URLs to poll. A feed is taken as is; an HTML page
 * is searched for `<link rel="alternate">` feeds, then the usual CMS feed paths are probed; an article page with
 * no feed is refused. Pipeline (network IO through the HttpClient port, parsing through the CrawlPreparer).
 */
import { AkhbarError, isAkhbarError } from "../domain/errors.ts";
import type { CrawlPreparer } from "../ports/crawl-preparer.ts";
import type { HttpClient } from "../ports/http-client.ts";
import { COMMON_FEED_PATHS, discoverFeeds } from "../stages/feeds/discover-feeds.ts";
import type { FeedKind } from "../stages/feeds/feed-document.ts";
import { decodeFeedBytes } from "../stages/feeds/parse-feed.ts";

/** Advertised feeds checked at most: outlets list one per section, and the first few are the main ones. */
export const MAX_ADVERTISED_FEEDS = 5;

export interface FoundFeed {
  url: string;
  kind: FeedKind;
  title: string | null;
  /** The site the feed names as its home (channel link), when it names one. */
  homepage: string | null;
}

export interface FoundFeeds {
  /** How they were found: the URL itself, the page's links, or a probed common path. */
  via: "feed" | "autodiscovery" | "common-path";
  feeds: FoundFeed[];
}

/** Finds the feeds for `url`; throws AkhbarError `sources.no_feed` (with what was tried) when there are none. */
export async function findSourceFeeds(
  url: string,
  deps: { http: HttpClient; preparer: CrawlPreparer },
): Promise<FoundFeeds> {
  const first = await deps.http.request({ url, expect: "feed" });
  if (first.status < 200 || first.status >= 300) {
    throw new AkhbarError("sources.fetch_failed", `sources: ${url} answered HTTP ${first.status}`, { url });
  }
  const asFeed = await tryFeed(deps, first.body, first.headers["content-type"], first.url);
  // The URL as given is kept: redirects may point at a CDN edge that changes.
  if (asFeed !== null) return { via: "feed", feeds: [{ ...asFeed, url }] };

  const html = decodeFeedBytes(first.body, first.headers["content-type"]);
  const advertised = discoverFeeds(html, first.url).slice(0, MAX_ADVERTISED_FEEDS);
  const found: FoundFeed[] = [];
  for (const candidate of advertised) {
    const feed = await fetchFeed(deps, candidate.url);
    if (feed !== null) found.push({ ...feed, title: feed.title ?? candidate.title });
  }
  if (found.length > 0) return { via: "autodiscovery", feeds: found };

  const tried: string[] = [];
  for (const path of COMMON_FEED_PATHS) {
    const probe = new URL(path, first.url).href;
    tried.push(probe);
    const feed = await fetchFeed(deps, probe);
    if (feed !== null) return { via: "common-path", feeds: [feed] };
  }
  throw new AkhbarError(
    "sources.no_feed",
    `sources: ${url} is not a feed, advertises no working feed, and none of ${COMMON_FEED_PATHS.join(", ")} is one`,
    { url, tried },
  );
}

async function fetchFeed(
  deps: { http: HttpClient; preparer: CrawlPreparer },
  url: string,
): Promise<FoundFeed | null> {
  try {
    const res = await deps.http.request({ url, expect: "feed" });
    if (res.status < 200 || res.status >= 300) return null;
    const feed = await tryFeed(deps, res.body, res.headers["content-type"], res.url);
    return feed === null ? null : { ...feed, url };
  } catch (err) {
    if (isAkhbarError(err)) return null;
    throw err;
  }
}

async function tryFeed(
  deps: { preparer: CrawlPreparer },
  bytes: Uint8Array,
  contentType: string | undefined,
  url: string,
): Promise<FoundFeed | null> {
  try {
    const doc = await deps.preparer.parseFeed({ bytes, contentType, url });
    return { url, kind: doc.kind, title: doc.title, homepage: doc.homepage };
  } catch (err) {
    if (isAkhbarError(err)) return null;
    throw err;
  }
}
