/**
 * discoverFeeds: an HTML page -> the feeds it advertises with `<link rel="alternate">` (feeds stage, for
 * `akhbar sources add URL` on a homepage). Pure; streams the page through htmlparser2 and stops at `</head>`.
 */
import { Parser } from "htmlparser2";
import { resolveLink } from "./feed-text.ts";

/** Media types of advertised feeds (RSS Autodiscovery, Atom RFC 4287, JSON Feed 1.1). */
const FEED_TYPES: Readonly<Record<string, "rss" | "atom" | "json" | "rdf">> = {
  "application/rss+xml": "rss",
  "application/atom+xml": "atom",
  "application/feed+json": "json",
  "application/json": "json",
  "application/rdf+xml": "rdf",
  "text/xml": "rss",
  "application/xml": "rss",
};

/** Paths worth probing when a page advertises nothing; the usual CMS defaults (WordPress, Drupal, Joomla). */
export const COMMON_FEED_PATHS: readonly string[] = [
  "/feed",
  "/rss",
  "/rss.xml",
  "/feed.xml",
  "/atom.xml",
  "/index.xml",
];

export interface DiscoveredFeed {
  url: string;
  type: "rss" | "atom" | "json" | "rdf";
  title: string | null;
}

/**
 * Lists advertised feeds in page order, resolved against `<base href>` then the page URL, duplicates and
 * non-http(s) links dropped. Example: `<link rel="alternate" type="application/rss+xml" href="/rss">` on
 * https://a.test/ -> [{ url: "https://a.test/rss", type: "rss", title: null }].
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  let base = pageUrl;
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (done) return;
        if (name === "base" && attrs.href) base = resolveLink(attrs.href, pageUrl) ?? base;
        if (name !== "link") return;
        const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        const type = FEED_TYPES[(attrs.type ?? "").toLowerCase().split(";")[0]!.trim()];
        if (!rel.includes("alternate") || !type || !attrs.href) return;
        const url = resolveLink(attrs.href, base);
        if (!url || seen.has(url)) return;
        seen.add(url);
        found.push({ url, type, title: attrs.title?.trim() || null });
      },
      onclosetag(name) {
        if (name === "head") done = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}
