/**
 * Source management shared by the CLI (`akhbar sources …`) and the web admin: add a source from a URL
 * (feed autodiscovery), import/export OPML, remove, disable. Pipeline: ports in, results out, no printing.
 */
import { AkhbarError } from "../domain/errors.ts";
import type { Feed } from "../domain/feed.ts";
import type { Clock } from "../ports/clock.ts";
import type { CrawlPreparer } from "../ports/crawl-preparer.ts";
import type { HttpClient } from "../ports/http-client.ts";
import type { Storage } from "../ports/storage.ts";
import { parseOpml, renderOpml } from "../stages/feeds/parse-opml.ts";
import { cleanDisplayLine } from "../stages/ingest/clean-display.ts";
import { findSourceFeeds } from "./find-source-feeds.ts";

export interface NewSourceInput {
  /** A feed URL or a page that links to feeds. */
  url: string;
  /** Defaults to the URL's host without "www.". */
  id?: string;
  /** Defaults to the source's current name, else the feed's title, else the id. */
  name?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
}

export interface AddedSource {
  sourceId: string;
  /** How the feeds were found: the URL itself, the page's <link rel=alternate>, or a common feed path. */
  via: string;
  feeds: Feed[];
}

/** Source id for a URL's site: its host without "www." ("https://www.spa.gov.sa/x" → "spa.gov.sa"). */
export function sourceIdFor(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
}

/** Finds the feeds of `input.url`, stores the source and its feeds (due now); throws `feed.*`/`fetch.*` errors. */
export async function addSourceFromUrl(
  deps: { storage: Storage; http: HttpClient; preparer: CrawlPreparer; clock: Clock },
  input: NewSourceInput,
): Promise<AddedSource> {
  const country = input.country?.toUpperCase() ?? null;
  if (country !== null && !/^[A-Z]{2}$/.test(country)) {
    throw new AkhbarError(
      "sources.bad_param",
      `sources: country must be an ISO 3166-1 alpha-2 code, got "${country}"`,
    );
  }
  const found = await findSourceFeeds(input.url, { http: deps.http, preparer: deps.preparer });
  const first = found.feeds[0]!;
  const id = input.id ?? sourceIdFor(input.url);
  const existing = await deps.storage.sources.getSource(id);
  await deps.storage.sources.upsertSource({
    id,
    // Names from a feed or a form are display text as an article's title is (controls dropped).
    name: displayName(input.name) ?? existing?.name ?? displayName(first.title) ?? id,
    homepage: existing?.homepage ?? first.homepage ?? new URL("/", input.url).href,
    country: country ?? existing?.country ?? null,
    language: existing?.language ?? "ar",
  });
  const feeds: Feed[] = [];
  for (const f of found.feeds) {
    const { feed } = await deps.storage.feeds.addFeed(
      { url: f.url, sourceId: id, kind: f.kind, title: displayName(f.title) },
      deps.clock.now().getTime(),
    );
    feeds.push(feed);
  }
  return { sourceId: id, via: found.via, feeds };
}

/** Adds every outline's feed (and a source per site when unknown); existing feeds are counted, not changed. */
export async function importOpmlText(
  storage: Storage,
  text: string,
  clock: Clock,
): Promise<{ added: number; known: number; skipped: number }> {
  const doc = parseOpml(text);
  const nowMs = clock.now().getTime();
  let added = 0;
  let known = 0;
  for (const o of doc.outlines) {
    const id = sourceIdFor(o.htmlUrl ?? o.xmlUrl);
    if ((await storage.sources.getSource(id)) === null) {
      await storage.sources.upsertSource({
        id,
        name: displayName(o.title) ?? id,
        homepage: o.htmlUrl,
        country: null,
        language: "ar",
      });
    }
    if (
      (await storage.feeds.addFeed({ url: o.xmlUrl, sourceId: id, title: displayName(o.title) }, nowMs))
        .created
    )
      added++;
    else known++;
  }
  return { added, known, skipped: doc.skipped };
}

/** A source's or feed's name as display text; null when nothing is left of it. */
function displayName(name: string | null | undefined): string | null {
  const clean = cleanDisplayLine(name ?? "");
  return clean === "" ? null : clean;
}

/** Every feed as an OPML subscription list, titled with its source's name. */
export async function renderSourcesOpml(storage: Storage): Promise<{ text: string; feeds: number }> {
  const sources = new Map((await storage.sources.listSources()).map((s) => [s.id, s]));
  const feeds = await storage.feeds.listFeeds();
  const text = renderOpml(
    "akhbar sources",
    feeds.map((f) => {
      const s = sources.get(f.sourceId);
      return { title: s?.name ?? f.title, xmlUrl: f.url, htmlUrl: s?.homepage ?? null };
    }),
  );
  return { text, feeds: feeds.length };
}

export type RemovedSource =
  | { kind: "feed"; feed: Feed }
  | { kind: "source"; sourceId: string; feedsRemoved: number; sourceDeleted: boolean };

/** Removes one feed (by URL) or a source's feeds (by id); a source with stored articles keeps its row. */
export async function removeSourceOrFeed(storage: Storage, idOrUrl: string): Promise<RemovedSource> {
  const feed = /^https?:/i.test(idOrUrl) ? await storage.feeds.getFeedByUrl(idOrUrl) : null;
  if (feed !== null) {
    await storage.feeds.removeFeed(feed.id);
    return { kind: "feed", feed };
  }
  const removed = await storage.feeds.removeSource(idOrUrl);
  if (removed === null) throw new AkhbarError("sources.not_found", `sources: no source or feed "${idOrUrl}"`);
  return { kind: "source", sourceId: idOrUrl, ...removed };
}

/** Stops polling every feed of a source with `reason` shown in its health; returns how many feeds. */
export async function disableSource(storage: Storage, sourceId: string, reason: string): Promise<number> {
  if ((await storage.sources.getSource(sourceId)) === null) {
    throw new AkhbarError("sources.not_found", `sources: no source "${sourceId}"`);
  }
  const feeds = (await storage.feeds.listFeeds()).filter((f) => f.sourceId === sourceId);
  for (const f of feeds) await storage.feeds.disableFeed(f.id, reason);
  return feeds.length;
}
