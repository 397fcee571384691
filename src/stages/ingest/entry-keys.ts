/**
 * toEntryKeys: the dedupe keys of a feed document's entries — a stable key within the feed (from the GUID) and
 * the canonical URL key across feeds (ingest stage, between feed parse and the feed run's commit). Pure.
 */
import { createHash } from "node:crypto";
import { canonicalizeUrl } from "../dedupe/canonical-url.ts";
import type { FeedEntry } from "../feeds/feed-document.ts";

/** Keys longer than this are hashed: some publishers put whole URLs with tracking junk in their GUIDs. */
export const MAX_ITEM_KEY_CHARS = 300;

const PATTERNS = {
  scheme: /^https?:\/\//i,
  httpUrl: /^https?:\/\/\S+$/i,
} as const;

export interface EntryKey {
  /** "g:" + GUID, "g:" + GUID + "|" + canonical URL when the GUID repeats in the document, or "u:" + canonical URL. */
  itemKey: string;
  /** Canonical URL without its scheme: an http and an https copy are one story (as `articles.url_key`). */
  urlKey: string;
  /** The link fetched for the article: the entry's URL, else a GUID that is an http(s) URL. */
  url: string;
}

/**
 * One key per entry, in order; null for entries with no usable link (nothing to fetch or store) and for exact
 * repeats of an earlier entry. A GUID shared by several entries (NewsBlur #1470) is qualified with each entry's
 * canonical URL so all of them are kept, and with the same keys on every poll (DUR-01).
 * Example: two entries with guid "x" and links /a, /b -> "g:x|http://s.test/a", "g:x|http://s.test/b".
 */
export function toEntryKeys(entries: readonly FeedEntry[]): (EntryKey | null)[] {
  const guidCount = new Map<string, number>();
  for (const e of entries) {
    const guid = e.guid?.trim();
    if (guid) guidCount.set(guid, (guidCount.get(guid) ?? 0) + 1);
  }
  const seen = new Set<string>();
  return entries.map((e) => {
    const guid = e.guid?.trim() || null;
    const url = e.url ?? (guid !== null && PATTERNS.httpUrl.test(guid) ? guid : null);
    if (url === null) return null;
    let canonical: string;
    try {
      canonical = canonicalizeUrl(url);
    } catch {
      return null;
    }
    const urlKey = canonical.replace(PATTERNS.scheme, "");
    let itemKey: string;
    if (guid === null) itemKey = `u:${urlKey}`;
    else if ((guidCount.get(guid) ?? 0) > 1) itemKey = `g:${guid}|${urlKey}`;
    else itemKey = `g:${guid}`;
    if (itemKey.length > MAX_ITEM_KEY_CHARS) {
      itemKey = `h:${createHash("sha1").update(itemKey).digest("hex")}`;
    }
    if (seen.has(itemKey)) return null;
    seen.add(itemKey);
    return { itemKey, urlKey, url };
  });
}
