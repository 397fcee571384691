/**
 * parseRss: an RSS 0.9x/2.0 or RSS 1.0 (RDF) tree -> RssChannel (the format's own shape), and rssToFeedDocument
 * maps it to the common FeedDocument (feeds stage). Pure.
 */

import { parseFeedDate } from "./feed-date.ts";
import { capEntries, emptyEntry, type FeedDocument, type FeedEntry } from "./feed-document.ts";
import { decodeHtmlEntities, resolveLink, toPlainTitle, toSummary } from "./feed-text.ts";
import { NS, PREFIX } from "./namespaces.ts";
import { childrenOf, textOf, type XmlDocument, type XmlElement } from "./xml-tree.ts";

export interface RssMedia {
  url: string;
  type: string | null;
  medium: string | null;
}

export interface RssItem {
  title: string;
  link: string;
  guid: string;
  guidIsPermaLink: boolean;
  pubDate: string;
  dcDate: string;
  description: string;
  contentEncoded: string;
  author: string;
  dcCreator: string;
  categories: string[];
  enclosures: RssMedia[];
  mediaContents: RssMedia[];
  mediaThumbnails: string[];
  /** `rdf:about` of an RSS 1.0 item. */
  about: string;
}

export interface RssChannel {
  version: "rss" | "rdf";
  title: string;
  link: string;
  description: string;
  language: string;
  ttl: string;
  items: RssItem[];
}

const isCore = (c: XmlElement) => c.ns === NS.rss1 || c.ns === NS.rss09 || (c.prefix === "" && c.ns === "");

function core(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && c.local === local && isCore(c));
}

function coreText(el: XmlElement, local: string): string {
  const first = core(el, local)[0];
  return first ? textOf(first) : "";
}

function ns(el: XmlElement, namespace: string, local: string): XmlElement[] {
  return childrenOf(el, local, namespace, PREFIX[namespace]);
}

function nsText(el: XmlElement, namespace: string, local: string): string {
  const first = ns(el, namespace, local)[0];
  return first ? textOf(first) : "";
}

function mediaOf(el: XmlElement): RssMedia {
  return {
    url: el.attrs.get("url") ?? "",
    type: el.attrs.get("type") ?? null,
    medium: el.attrs.get("medium") ?? null,
  };
}

function parseItem(item: XmlElement): RssItem {
  const guidEl = core(item, "guid")[0];
  const mediaContents = ns(item, NS.media, "content").map(mediaOf);
  for (const group of ns(item, NS.media, "group"))
    mediaContents.push(...ns(group, NS.media, "content").map(mediaOf));
  return {
    title: coreText(item, "title"),
    link: coreText(item, "link"),
    guid: guidEl ? textOf(guidEl) : "",
    guidIsPermaLink: guidEl ? guidEl.attrs.get("isPermaLink")?.toLowerCase() !== "false" : false,
    pubDate: coreText(item, "pubDate"),
    dcDate: nsText(item, NS.dc, "date"),
    description: coreText(item, "description"),
    contentEncoded: nsText(item, NS.content, "encoded"),
    author: coreText(item, "author"),
    dcCreator: nsText(item, NS.dc, "creator"),
    categories: [...core(item, "category"), ...ns(item, NS.dc, "subject")]
      .map(textOf)
      .filter((c) => c !== ""),
    enclosures: core(item, "enclosure").map(mediaOf),
    mediaContents,
    mediaThumbnails: ns(item, NS.media, "thumbnail")
      .map((t) => t.attrs.get("url") ?? "")
      .filter((u) => u !== ""),
    about: item.attrs.get("rdf:about") ?? "",
  };
}

/**
 * Reads an RSS tree. For `<rss>`, items live in `<channel>`; for RDF (`<rdf:RDF>`), they are siblings of it.
 * Returns null when the root is neither.
 */
export function parseRss(doc: XmlDocument): RssChannel | null {
  const root = doc.root;
  const isRdf = root.local === "RDF";
  if (!isRdf && root.local !== "rss") return null;
  const channel = core(root, "channel")[0] ?? root;
  const itemParent = isRdf ? root : channel;
  return {
    version: isRdf ? "rdf" : "rss",
    title: coreText(channel, "title"),
    link: coreText(channel, "link"),
    description: coreText(channel, "description"),
    language: coreText(channel, "language") || nsText(channel, NS.dc, "language"),
    ttl: coreText(channel, "ttl"),
    items: core(itemParent, "item").map(parseItem),
  };
}

function isImage(m: RssMedia): boolean {
  return (
    m.medium === "image" || (m.type ?? "").startsWith("image/") || (m.medium === null && m.type === null)
  );
}

function toEntry(item: RssItem, base: string | null): FeedEntry {
  const entry = emptyEntry();
  const link = resolveLink(item.link, base) ?? (item.guidIsPermaLink ? resolveLink(item.guid, base) : null);
  entry.url = link ?? resolveLink(item.about, base);
  entry.guid = item.guid !== "" ? decodeHtmlEntities(item.guid) : item.about !== "" ? item.about : null;
  entry.title = toPlainTitle(item.title);
  entry.published = parseFeedDate(item.pubDate) ?? parseFeedDate(item.dcDate);
  entry.summary = toSummary(item.description);
  const html = item.contentEncoded !== "" ? item.contentEncoded : item.description;
  entry.contentHtml = html !== "" ? html : null;
  const author = item.dcCreator !== "" ? item.dcCreator : item.author;
  entry.author = author !== "" ? decodeHtmlEntities(author) : null;
  const imageCandidates = [
    ...item.mediaContents.filter(isImage).map((m) => m.url),
    ...item.mediaThumbnails,
    ...item.enclosures.filter((m) => (m.type ?? "").startsWith("image/")).map((m) => m.url),
  ];
  entry.image = imageCandidates.map((u) => resolveLink(u, base)).find((u) => u !== null) ?? null;
  entry.categories = item.categories.map(decodeHtmlEntities);
  return entry;
}

/** Maps an RssChannel to a FeedDocument; links resolve against the channel link, then the feed URL. */
export function rssToFeedDocument(
  channel: RssChannel,
  feedUrl: string | null,
  truncated: boolean,
): FeedDocument {
  const homepage = resolveLink(channel.link, feedUrl);
  const ttl = Number.parseInt(channel.ttl, 10);
  const capped = capEntries(
    channel.items.map((i) => toEntry(i, feedUrl ?? homepage)),
    truncated,
  );
  return {
    kind: channel.version,
    title: toPlainTitle(channel.title),
    homepage,
    description: toSummary(channel.description),
    language: channel.language || null,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    entries: capped.entries,
    sitemaps: [],
    truncated: capped.truncated,
  };
}
