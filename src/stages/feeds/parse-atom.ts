/**
 * parseAtom: an Atom 1.0 (or 0.3) tree -> AtomFeed (the format's own shape), and atomToFeedDocument maps it to
 * the common FeedDocument (feeds stage). Pure.
 */

import { parseFeedDate } from "./feed-date.ts";
import { capEntries, emptyEntry, type FeedDocument, type FeedEntry } from "./feed-document.ts";
import { capSummary, decodeHtmlEntities, resolveLink, toPlainTitle, toSummary } from "./feed-text.ts";
import { NS, PREFIX } from "./namespaces.ts";
import { childrenOf, innerXmlOf, textOf, type XmlDocument, type XmlElement } from "./xml-tree.ts";

export interface AtomText {
  type: "text" | "html" | "xhtml";
  /** Text as written for "text", HTML markup for "html" and "xhtml". */
  value: string;
}

export interface AtomLink {
  href: string;
  rel: string;
  type: string | null;
}

export interface AtomEntry {
  id: string;
  title: AtomText | null;
  links: AtomLink[];
  published: string;
  updated: string;
  summary: AtomText | null;
  content: AtomText | null;
  authors: string[];
  categories: string[];
  mediaImages: string[];
  base: string | null;
}

export interface AtomFeed {
  title: AtomText | null;
  links: AtomLink[];
  subtitle: AtomText | null;
  language: string | null;
  base: string | null;
  entries: AtomEntry[];
}

const isAtom = (c: XmlElement) => c.ns === NS.atom || c.ns === NS.atom03;

function atom(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && c.local === local && isAtom(c));
}

function atomText(el: XmlElement | undefined): AtomText | null {
  if (!el) return null;
  const raw = (el.attrs.get("type") ?? "text").toLowerCase();
  if (raw === "xhtml") {
    const div = el.children.find((c): c is XmlElement => typeof c !== "string" && c.local === "div");
    return { type: "xhtml", value: div ? innerXmlOf(div) : innerXmlOf(el) };
  }
  const type = raw === "html" || raw === "text/html" ? "html" : "text";
  // Atom 0.3 "escaped" mode is HTML too.
  return { type: el.attrs.get("mode") === "escaped" ? "html" : type, value: textOf(el) };
}

function linksOf(el: XmlElement): AtomLink[] {
  return atom(el, "link").map((l) => ({
    href: l.attrs.get("href") ?? "",
    rel: (l.attrs.get("rel") ?? "alternate").toLowerCase(),
    type: l.attrs.get("type") ?? null,
  }));
}

function parseEntry(e: XmlElement): AtomEntry {
  const media = [
    ...childrenOf(e, "thumbnail", NS.media, PREFIX[NS.media]),
    ...childrenOf(e, "content", NS.media, PREFIX[NS.media]),
  ];
  return {
    id: textOf(atom(e, "id")[0] ?? null),
    title: atomText(atom(e, "title")[0]),
    links: linksOf(e),
    published: textOf(atom(e, "published")[0] ?? atom(e, "issued")[0] ?? null),
    updated: textOf(atom(e, "updated")[0] ?? atom(e, "modified")[0] ?? null),
    summary: atomText(atom(e, "summary")[0]),
    content: atomText(atom(e, "content")[0]),
    authors: atom(e, "author")
      .map((a) => textOf(atom(a, "name")[0] ?? null))
      .filter((n) => n !== ""),
    categories: atom(e, "category")
      .map((c) => c.attrs.get("label") ?? c.attrs.get("term") ?? "")
      .filter((c) => c !== ""),
    mediaImages: media.map((m) => m.attrs.get("url") ?? "").filter((u) => u !== ""),
    base: e.attrs.get("xml:base") ?? null,
  };
}

/** Reads an Atom tree; null when the root is not an Atom `<feed>`. */
export function parseAtom(doc: XmlDocument): AtomFeed | null {
  const root = doc.root;
  if (root.local !== "feed" || !isAtom(root)) return null;
  const lang = root.attrs.get("xml:lang") ?? null;
  return {
    title: atomText(atom(root, "title")[0]),
    links: linksOf(root),
    subtitle: atomText(atom(root, "subtitle")[0] ?? atom(root, "tagline")[0]),
    language: lang,
    base: root.attrs.get("xml:base") ?? null,
    entries: atom(root, "entry").map(parseEntry),
  };
}

function asPlain(t: AtomText | null): string | null {
  if (!t) return null;
  return t.type === "text" ? toPlainTitle(decodeHtmlEntities(t.value)) : toPlainTitle(t.value);
}

function asHtml(t: AtomText | null): string | null {
  if (!t || t.value === "") return null;
  if (t.type !== "text") return t.value;
  return t.value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function alternate(links: AtomLink[], base: string | null): string | null {
  const pick =
    links.find((l) => l.rel === "alternate" && (l.type === null || l.type.includes("html"))) ??
    links.find((l) => l.rel === "alternate");
  return pick ? resolveLink(pick.href, base) : null;
}

function toEntry(e: AtomEntry, feedBase: string | null): FeedEntry {
  const base = e.base ? (resolveLink(e.base, feedBase) ?? feedBase) : feedBase;
  const entry = emptyEntry();
  entry.guid = e.id !== "" ? e.id : null;
  entry.url = alternate(e.links, base);
  entry.title = asPlain(e.title);
  entry.published = parseFeedDate(e.published) ?? parseFeedDate(e.updated);
  entry.updated = parseFeedDate(e.updated);
  const summary = e.summary ?? e.content;
  entry.summary = summary
    ? summary.type === "text"
      ? capSummary(summary.value)
      : toSummary(summary.value)
    : null;
  entry.contentHtml = asHtml(e.content) ?? asHtml(e.summary);
  entry.author = e.authors[0] ?? null;
  const enclosureImage = e.links.find((l) => l.rel === "enclosure" && (l.type ?? "").startsWith("image/"));
  entry.image =
    [...e.mediaImages, ...(enclosureImage ? [enclosureImage.href] : [])]
      .map((u) => resolveLink(u, base))
      .find((u) => u !== null) ?? null;
  entry.categories = e.categories;
  return entry;
}

/** Maps an AtomFeed to a FeedDocument; links resolve against xml:base, then the feed URL. */
export function atomToFeedDocument(feed: AtomFeed, feedUrl: string | null, truncated: boolean): FeedDocument {
  const base = feed.base ? (resolveLink(feed.base, feedUrl) ?? feedUrl) : feedUrl;
  const capped = capEntries(
    feed.entries.map((e) => toEntry(e, base)),
    truncated,
  );
  return {
    kind: "atom",
    title: asPlain(feed.title),
    homepage: alternate(feed.links, base),
    description: asPlain(feed.subtitle),
    language: feed.language,
    ttlMinutes: null,
    entries: capped.entries,
    sitemaps: [],
    truncated: capped.truncated,
  };
}
