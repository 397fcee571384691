/**
 * Namespaces: the XML namespace URIs feed formats use, with the prefixes publishers conventionally bind them to
 * (feeds stage). Pure data. The prefix is the fallback when a feed uses it without declaring it.
 */
export const NS = {
  atom: "http://www.w3.org/2005/Atom",
  atom03: "http://purl.org/atom/ns#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rss1: "http://purl.org/rss/1.0/",
  rss09: "http://my.netscape.com/rdf/simple/0.9/",
  content: "http://purl.org/rss/1.0/modules/content/",
  dc: "http://purl.org/dc/elements/1.1/",
  media: "http://search.yahoo.com/mrss/",
  itunes: "http://www.itunes.com/dtds/podcast-1.0.dtd",
  sitemap: "http://www.sitemaps.org/schemas/sitemap/0.9",
  news: "http://www.google.com/schemas/sitemap-news/0.9",
  image: "http://www.google.com/schemas/sitemap-image/1.1",
} as const;

/** The conventional prefix of each namespace, for undeclared-prefix tolerance. */
export const PREFIX: Readonly<Record<string, string>> = {
  [NS.content]: "content",
  [NS.dc]: "dc",
  [NS.media]: "media",
  [NS.itunes]: "itunes",
  [NS.news]: "news",
  [NS.image]: "image",
  [NS.atom]: "atom",
};
