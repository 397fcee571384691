/**
 * JSON Feed 1.1 writer for akhbar's outgoing feeds. Pure. Item text goes out as `content_text` and `summary`
 * (plain text, never HTML: reliability notes API-05), so a client cannot mistake it for markup.
 */
import { balanceBidiControls } from "../balance-bidi-controls.ts";
import type { OutFeed } from "./out-feed.ts";

/** The feed as a JSON Feed 1.1 object (serialize with JSON.stringify). */
export function renderJsonFeed(feed: OutFeed) {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homePageUrl,
    feed_url: feed.feedUrl,
    language: "ar",
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      ...(item.externalUrl === null ? {} : { external_url: item.externalUrl }),
      // Bidi controls balanced as in RSS: a stored row's override ends with its own field.
      title: balanceBidiControls(item.title),
      summary: balanceBidiControls(item.summary),
      content_text: balanceBidiControls(item.summary),
      ...(isoOrNull(item.published) === null ? {} : { date_published: isoOrNull(item.published) }),
      ...(item.author === null ? {} : { authors: [{ name: balanceBidiControls(item.author) }] }),
    })),
  };
}

function isoOrNull(iso: string | null): string | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
