/**
 * parseJsonFeed: JSON Feed 1.0/1.1 text -> JsonFeed (the format's own shape), and jsonFeedToFeedDocument maps it
 * to the common FeedDocument (feeds stage). Pure. Only own string fields are read, so odd keys ("__proto__")
 * change nothing.
 */
import { AkhbarError } from "../../domain/errors.ts";
import { parseFeedDate } from "./feed-date.ts";
import { capEntries, emptyEntry, type FeedDocument, type FeedEntry } from "./feed-document.ts";
import { capSummary, resolveLink, toPlainTitle, toSummary } from "./feed-text.ts";

export interface JsonFeedItem {
  id: string | null;
  url: string | null;
  externalUrl: string | null;
  title: string | null;
  contentHtml: string | null;
  contentText: string | null;
  summary: string | null;
  image: string | null;
  bannerImage: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  tags: string[];
}

export interface JsonFeed {
  version: string;
  title: string | null;
  homePageUrl: string | null;
  description: string | null;
  language: string | null;
  items: JsonFeedItem[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (o: Obj, key: string): string | null => {
  const v = Object.hasOwn(o, key) ? o[key] : undefined;
  if (typeof v === "string") return v;
  return typeof v === "number" ? String(v) : null;
};

function authorsOf(o: Obj): string[] {
  const list = Array.isArray(o.authors) ? o.authors : isObj(o.author) ? [o.author] : [];
  return list
    .filter(isObj)
    .map((a) => str(a, "name") ?? "")
    .filter((n) => n !== "");
}

/** True when `text` looks like a JSON document (first non-space character is `{`). */
export function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}

/**
 * Parses JSON Feed text. Throws AkhbarError `feed.parse_error` on invalid JSON or a missing JSON Feed version.
 */
export function parseJsonFeed(text: string): JsonFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AkhbarError("feed.parse_error", "feed: invalid JSON");
  }
  if (!isObj(data)) throw new AkhbarError("feed.parse_error", "feed: JSON document is not an object");
  const version = str(data, "version") ?? "";
  if (!version.startsWith("https://jsonfeed.org/version/")) {
    throw new AkhbarError("feed.not_a_feed", "feed: JSON document is not a JSON Feed (no version)");
  }
  const items = Array.isArray(data.items) ? data.items.filter(isObj) : [];
  return {
    version,
    title: str(data, "title"),
    homePageUrl: str(data, "home_page_url"),
    description: str(data, "description"),
    language: str(data, "language"),
    items: items.map((i) => ({
      id: str(i, "id"),
      url: str(i, "url"),
      externalUrl: str(i, "external_url"),
      title: str(i, "title"),
      contentHtml: str(i, "content_html"),
      contentText: str(i, "content_text"),
      summary: str(i, "summary"),
      image: str(i, "image"),
      bannerImage: str(i, "banner_image"),
      datePublished: str(i, "date_published"),
      dateModified: str(i, "date_modified"),
      authors: authorsOf(i),
      tags: Array.isArray(i.tags) ? i.tags.filter((t): t is string => typeof t === "string") : [],
    })),
  };
}

function toEntry(i: JsonFeedItem, base: string | null): FeedEntry {
  const entry = emptyEntry();
  entry.guid = i.id;
  entry.url = resolveLink(i.url, base) ?? resolveLink(i.externalUrl, base);
  // JSON Feed titles are plain text, but publishers put entities in them as in RSS.
  entry.title = i.title !== null ? toPlainTitle(i.title) : null;
  entry.published = parseFeedDate(i.datePublished) ?? parseFeedDate(i.dateModified);
  entry.updated = parseFeedDate(i.dateModified);
  entry.summary =
    i.summary !== null
      ? capSummary(i.summary)
      : i.contentHtml !== null
        ? toSummary(i.contentHtml)
        : capSummary(i.contentText ?? "");
  entry.contentHtml = i.contentHtml;
  entry.author = i.authors[0] ?? null;
  entry.image = resolveLink(i.image, base) ?? resolveLink(i.bannerImage, base);
  entry.categories = i.tags;
  return entry;
}

/** Maps a JsonFeed to a FeedDocument. */
export function jsonFeedToFeedDocument(feed: JsonFeed, feedUrl: string | null): FeedDocument {
  const capped = capEntries(
    feed.items.map((i) => toEntry(i, feedUrl)),
    false,
  );
  return {
    kind: "json",
    title: feed.title !== null ? toPlainTitle(feed.title) : null,
    homepage: resolveLink(feed.homePageUrl, feedUrl),
    description: feed.description !== null ? capSummary(feed.description) : null,
    language: feed.language,
    ttlMinutes: null,
    entries: capped.entries,
    sitemaps: [],
    truncated: capped.truncated,
  };
}
