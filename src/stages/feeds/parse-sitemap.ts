/**
 * parseSitemap: a sitemap (with Google News and image extensions) or sitemap index tree -> Sitemap (the format's
 * own shape), and sitemapToFeedDocument maps it to the common FeedDocument (feeds stage). Pure.
 */

import { parseFeedDate } from "./feed-date.ts";
import { capEntries, emptyEntry, type FeedDocument, type SitemapRef } from "./feed-document.ts";
import { resolveLink, toPlainTitle } from "./feed-text.ts";
import { NS, PREFIX } from "./namespaces.ts";
import { childrenOf, textOf, type XmlDocument, type XmlElement } from "./xml-tree.ts";

export interface SitemapUrl {
  loc: string;
  lastmod: string;
  newsTitle: string;
  newsPublicationDate: string;
  newsKeywords: string;
  newsPublicationName: string;
  newsLanguage: string;
  images: string[];
}

export interface Sitemap {
  kind: "urlset" | "sitemapindex";
  urls: SitemapUrl[];
  sitemaps: { loc: string; lastmod: string }[];
}

const isSm = (c: XmlElement) => c.ns === NS.sitemap || (c.ns === "" && c.prefix === "");

function sm(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && c.local === local && isSm(c));
}
const smText = (el: XmlElement, local: string) => textOf(sm(el, local)[0] ?? null);
const nsEls = (el: XmlElement, ns: string, local: string) => childrenOf(el, local, ns, PREFIX[ns]);
const nsText = (el: XmlElement | null, ns: string, local: string) =>
  el ? textOf(nsEls(el, ns, local)[0] ?? null) : "";

/** Reads a sitemap tree; null when the root is neither `<urlset>` nor `<sitemapindex>`. */
export function parseSitemap(doc: XmlDocument): Sitemap | null {
  const root = doc.root;
  if (root.local === "sitemapindex") {
    return {
      kind: "sitemapindex",
      urls: [],
      sitemaps: sm(root, "sitemap").map((s) => ({ loc: smText(s, "loc"), lastmod: smText(s, "lastmod") })),
    };
  }
  if (root.local !== "urlset") return null;
  return {
    kind: "urlset",
    sitemaps: [],
    urls: sm(root, "url").map((u) => {
      const news = nsEls(u, NS.news, "news")[0] ?? null;
      const publication = news ? (nsEls(news, NS.news, "publication")[0] ?? null) : null;
      return {
        loc: smText(u, "loc"),
        lastmod: smText(u, "lastmod"),
        newsTitle: nsText(news, NS.news, "title"),
        newsPublicationDate: nsText(news, NS.news, "publication_date"),
        newsKeywords: nsText(news, NS.news, "keywords"),
        newsPublicationName: nsText(publication, NS.news, "name"),
        newsLanguage: nsText(publication, NS.news, "language"),
        images: nsEls(u, NS.image, "image").map((i) => nsText(i, NS.image, "loc")),
      };
    }),
  };
}

/** Maps a Sitemap to a FeedDocument: each `<url>` an entry (guid = loc), each index child a SitemapRef. */
export function sitemapToFeedDocument(
  sitemap: Sitemap,
  feedUrl: string | null,
  truncated: boolean,
): FeedDocument {
  const sitemaps: SitemapRef[] = [];
  for (const s of sitemap.sitemaps) {
    const url = resolveLink(s.loc, feedUrl);
    if (url) sitemaps.push({ url, lastmod: parseFeedDate(s.lastmod) });
  }
  const entries = sitemap.urls.map((u) => {
    const e = emptyEntry();
    e.url = resolveLink(u.loc, feedUrl);
    e.guid = e.url;
    e.title = u.newsTitle !== "" ? toPlainTitle(u.newsTitle) : null;
    e.published = parseFeedDate(u.newsPublicationDate);
    e.updated = parseFeedDate(u.lastmod);
    e.image = u.images.map((i) => resolveLink(i, feedUrl)).find((i) => i !== null) ?? null;
    e.categories = u.newsKeywords
      .split(/[,\u060C]/)
      .map((k) => k.trim())
      .filter((k) => k !== "");
    return e;
  });
  const capped = capEntries(entries, truncated);
  const first = sitemap.urls[0];
  return {
    kind: sitemap.kind === "sitemapindex" ? "sitemap-index" : "sitemap",
    title: first && first.newsPublicationName !== "" ? first.newsPublicationName : null,
    homepage: null,
    description: null,
    language: first && first.newsLanguage !== "" ? first.newsLanguage : null,
    ttlMinutes: null,
    entries: capped.entries,
    sitemaps,
    truncated: capped.truncated,
  };
}
