/**
 * RSS 2.0 writer for akhbar's outgoing feeds (top stories, a story, a search, a source). Pure.
 * Text is escaped with the one escapeHtml helper (its entities are valid XML); descriptions are plain text.
 */

import { balanceBidiControls } from "../balance-bidi-controls.ts";
import { escapeHtml } from "../render-highlight.ts";
import { type OutFeed, stripXmlInvalid } from "./out-feed.ts";

// Bidi controls balanced: a reader lists an item's title beside other text, and a stored row's override must end with it.
const x = (text: string) => escapeHtml(balanceBidiControls(stripXmlInvalid(text)));

/** RFC 822 date as RSS 2.0 asks ("Wed, 22 Jul 2015 07:00:00 GMT"); null for an unparsable time. */
export function toRfc822(iso: string | null): string | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toUTCString();
}

/**
 * The feed as an RSS 2.0 document with an atom:link self reference and dc:creator for the publisher.
 * Example: renderRss({title: "أخبار", items: [{title: "<b>", ...}]}) contains "<title>&lt;b&gt;</title>".
 */
export function renderRss(feed: OutFeed): string {
  const newest = feed.items.map((i) => i.published).find((p) => p !== null) ?? null;
  const items = feed.items.map((item) => {
    const date = toRfc822(item.published);
    return [
      "    <item>",
      `      <title>${x(item.title)}</title>`,
      `      <link>${x(item.url)}</link>`,
      `      <guid isPermaLink="false">${x(item.id)}</guid>`,
      date === null ? "" : `      <pubDate>${date}</pubDate>`,
      item.author === null ? "" : `      <dc:creator>${x(item.author)}</dc:creator>`,
      `      <description>${x(item.summary)}</description>`,
      item.externalUrl === null ? "" : `      <comments>${x(item.externalUrl)}</comments>`,
      "    </item>",
    ]
      .filter((line) => line !== "")
      .join("\n");
  });
  const built = toRfc822(newest);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    <title>${x(feed.title)}</title>`,
    `    <link>${x(feed.homePageUrl)}</link>`,
    `    <description>${x(feed.description)}</description>`,
    "    <language>ar</language>",
    `    <atom:link href="${x(feed.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    built === null ? "" : `    <lastBuildDate>${built}</lastBuildDate>`,
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}
