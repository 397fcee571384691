/**
 * FeedDocument and FeedEntry: the common shape every feed format is mapped to (feeds stage output, pipeline input).
 * Pure types and limits. Text fields are plain text; `contentHtml` is the publisher's raw HTML, never sanitized here.
 */

/** Entries kept per document; Media Cloud `MAX_STORIES_PER_FEED=2000` (notes/reliability.md RES-07). */
export const MAX_ENTRIES_PER_FEED = 2000;

export type FeedKind = "rss" | "rdf" | "atom" | "json" | "sitemap" | "sitemap-index";

export interface FeedEntry {
  /** The publisher's id (RSS guid, Atom id, JSON Feed id, sitemap loc); null when absent. */
  guid: string | null;
  /** Absolute http(s) link to the article; null when missing or unsafe. */
  url: string | null;
  title: string | null;
  /** ISO 8601 UTC; null when absent or unreadable. Not clamped: the pipeline clamps future dates (DUR-07). */
  published: string | null;
  updated: string | null;
  /** Plain-text teaser. */
  summary: string | null;
  /** Raw publisher HTML (content:encoded, Atom content, content_html): sanitize before storing or showing. */
  contentHtml: string | null;
  author: string | null;
  /** Absolute http(s) image URL (media:content, media:thumbnail, enclosure, image). */
  image: string | null;
  categories: string[];
}

/** A child sitemap listed by a sitemap index. */
export interface SitemapRef {
  url: string;
  lastmod: string | null;
}

export interface FeedDocument {
  kind: FeedKind;
  title: string | null;
  /** The site the feed belongs to (RSS channel link, Atom alternate link, JSON Feed home_page_url). */
  homepage: string | null;
  description: string | null;
  language: string | null;
  /** RSS `<ttl>` in minutes (a polling floor), when given. */
  ttlMinutes: number | null;
  entries: FeedEntry[];
  /** For sitemap indexes: the child sitemaps to fetch. */
  sitemaps: SitemapRef[];
  /** True when entries were cut at MAX_ENTRIES_PER_FEED or the XML element cap. */
  truncated: boolean;
}

/** An entry with every field empty, for mappers to fill. */
export function emptyEntry(): FeedEntry {
  return {
    guid: null,
    url: null,
    title: null,
    published: null,
    updated: null,
    summary: null,
    contentHtml: null,
    author: null,
    image: null,
    categories: [],
  };
}

/** Caps entries at MAX_ENTRIES_PER_FEED, keeping document order (feeds list newest first). */
export function capEntries(
  entries: FeedEntry[],
  truncated: boolean,
): { entries: FeedEntry[]; truncated: boolean } {
  if (entries.length <= MAX_ENTRIES_PER_FEED) return { entries, truncated };
  return { entries: entries.slice(0, MAX_ENTRIES_PER_FEED), truncated: true };
}
