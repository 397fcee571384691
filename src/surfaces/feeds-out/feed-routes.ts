/**
 * Feeds out over HTTP: RSS 2.0 (`.rss`) and JSON Feed (`.json`) for top stories, each story, each search and each
 * source, and the sources as OPML. Surface routes (Hono) over ReaderData and the search pipeline.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { AkhbarError } from "../../domain/errors.ts";
import type { SearchHit } from "../../domain/search.ts";
import { searchArticles } from "../../pipeline/search-articles.ts";
import type { Storage } from "../../ports/storage.ts";
import { stripWireDeskPrefix } from "../../stages/dedupe/strip-syndication-marks.ts";
import { renderOpml } from "../../stages/feeds/parse-opml.ts";
import { apiErrorOf } from "../api/api-error.ts";
import { sourceFilter } from "../api/reader-api.ts";
import { renderHighlightTerminal } from "../render-highlight.ts";
import { parseSearchParams } from "../search-params.ts";
import { resolveSearchSources, unknownSourceError } from "../source-names.ts";
import { MAX_ID_CHARS, slugParam } from "../web/page-params.ts";
import { homeTitle } from "../web/pages/home-page.ts";
import type { ReaderData, StoryArticle, StorySummary } from "../web/reader-data.ts";
import { queryString } from "../web/view-parts.ts";
import type { OutFeed, OutItem } from "./out-feed.ts";
import { renderJsonFeed } from "./render-json-feed.ts";
import { renderRss } from "./render-rss.ts";

/** Items per feed: a day of a busy outlet; feed readers poll often, so older items are already seen. */
export const FEED_ITEMS = 30;
/** Feeds may be cached briefly by clients and proxies: a poll every few minutes sees new items soon enough. */
export const FEED_MAX_AGE_S = 300;

export interface FeedRoutesDeps {
  storage: Storage;
  reader: ReaderData;
}

type Format = "rss" | "json";

/** Builds the router; mount at "/" (paths start with /feeds/). */
export function createFeedRoutes(deps: FeedRoutesDeps): Hono {
  const app = new Hono();
  const names = async () => new Map((await deps.storage.sources.listSources()).map((s) => [s.id, s.name]));

  app.get("/feeds/:file{top\\.(?:rss|json)}", async (c) => {
    // Filtered as the home page that links it is (an outlet, or a country's outlets), and named as that page is.
    const get = (n: string) => c.req.queries(n) ?? [];
    const source = slugParam(get, "source", "feeds");
    const country = slugParam(get, "country", "feeds").toUpperCase();
    const sources = await sourceFilter(deps.storage, source, country, {
      refuseUnknown: true,
      scope: "feeds",
    });
    const { stories } =
      sources === null
        ? { stories: [] }
        : await deps.reader.topStories({ sources, limit: FEED_ITEMS, offset: 0 });
    const outlets = await deps.storage.sources.listSources();
    const byId = new Map(outlets.map((s) => [s.id, s.name]));
    const ctx = { sources: new Map(outlets.map((s) => [s.id, s])), nowMs: Date.now() };
    const title = homeTitle({ day: "", source, country, offset: 0, limit: FEED_ITEMS }, ctx).text;
    const origin = new URL(c.req.url).origin;
    return send(c, formatOf(c), {
      title: `أخبار: ${title}`,
      description:
        source === "" && country === "" ? "أهم القصص الإخبارية الآن" : `${title}: القصص الإخبارية الآن`,
      homePageUrl: `${origin}/${queryString([
        ["source", source],
        ["country", country],
      ])}`,
      feedUrl: c.req.url,
      items: stories.map((s) => storyItem(s, origin, byId)),
    });
  });

  app.get("/feeds/story/:name{.+\\.(?:rss|json)}", async (c) => {
    const { id, format } = splitName(c.req.param("name"));
    const story = await deps.reader.story(id);
    if (story === null) throw new AkhbarError("feeds.not_found", `feeds: no story with id "${id}"`);
    const byId = await names();
    const origin = new URL(c.req.url).origin;
    return send(c, format, {
      title: `أخبار: ${story.headline}`,
      description: `تغطية القصة: ${story.headline}`,
      homePageUrl: `${origin}/story/${encodeURIComponent(story.id)}`,
      feedUrl: c.req.url,
      items: [...story.articles].reverse().map((a) => articleItem(a, origin, byId)),
    });
  });

  app.get("/feeds/source/:name{.+\\.(?:rss|json)}", async (c) => {
    const { id, format } = splitName(c.req.param("name"));
    const source = await deps.storage.sources.getSource(id);
    if (source === null) throw new AkhbarError("feeds.not_found", `feeds: no source with id "${id}"`);
    // The outlet's own newest articles, as its page lists them: the stories it took part in carried other outlets'
    // leads, outlets and times under its name.
    const latest = await searchArticles(deps.storage, "", {
      sources: [id],
      from: null,
      to: null,
      limit: FEED_ITEMS,
      offset: 0,
      recency: false,
    });
    const byId = await names();
    const origin = new URL(c.req.url).origin;
    return send(c, format, {
      title: `أخبار: ${source.name}`,
      description: `أحدث مقالات ${source.name}`,
      homePageUrl: `${origin}/sources/${encodeURIComponent(id)}`,
      feedUrl: c.req.url,
      items: latest.hits.map((h) => hitItem(h, origin, byId)),
    });
  });

  app.get("/feeds/:file{search\\.(?:rss|json)}", async (c) => {
    const params = parseSearchParams((n) =>
      n === "limit" || n === "offset" ? [] : (c.req.queries(n) ?? []),
    );
    // Read as the reader's search page reads the same query: `source:` words are outlets (ids or Arabic names), not
    // words, and one naming no outlet is a 400.
    const outlets = await deps.storage.sources.listSources();
    const named = resolveSearchSources(params.query, params.options.sources, outlets);
    if (named.unknown.length > 0) throw unknownSourceError(named.unknown, "feeds");
    const sources = named.sources;
    // A feed follows new matches: freshness blended into the ranking, then newest first.
    const options = { ...params.options, sources, limit: FEED_ITEMS, offset: 0, recency: true };
    const result = await searchArticles(deps.storage, named.text, options);
    const byId = new Map(outlets.map((s) => [s.id, s.name]));
    const origin = new URL(c.req.url).origin;
    const hits = [...result.hits].sort((a, b) => (b.published_at ?? "").localeCompare(a.published_at ?? ""));
    const where = sources.length === 0 ? "" : ` في ${sources.map((id) => byId.get(id) ?? id).join(" أو ")}`;
    const home = new URLSearchParams();
    if (named.text !== "") home.set("q", named.text);
    if (sources.length > 0) home.set("source", sources.join(","));
    return send(c, formatOf(c), {
      title: named.text === "" ? `أخبار: أحدث المقالات${where}` : `أخبار: بحث «${named.text}»${where}`,
      description: named.text === "" ? `أحدث المقالات${where}` : `مقالات تطابق «${named.text}»${where}`,
      homePageUrl: `${origin}/search?${home}`,
      feedUrl: c.req.url,
      items: hits.map((h) => hitItem(h, origin, byId)),
    });
  });

  app.get("/feeds/sources.opml", async (c) => {
    const sources = await deps.storage.sources.listSources();
    const origin = new URL(c.req.url).origin;
    const body = renderOpml(
      "أخبار: المصادر",
      sources.map((s) => ({
        title: s.name,
        xmlUrl: `${origin}/feeds/source/${encodeURIComponent(s.id)}.rss`,
        htmlUrl: s.homepage,
      })),
    );
    return c.body(body, 200, {
      "Content-Type": "text/x-opml; charset=utf-8",
      "Cache-Control": `public, max-age=${FEED_MAX_AGE_S}`,
    });
  });

  app.onError((err, c) => apiErrorOf(c, err));
  return app;
}

function formatOf(c: Context): Format {
  return c.req.path.endsWith(".json") ? "json" : "rss";
}

/** "fx-001.rss" → {id: "fx-001", format: "rss"}. */
function splitName(name: string): { id: string; format: Format } {
  const dot = name.lastIndexOf(".");
  const id = decodeURIComponent(name.slice(0, dot));
  if (id === "" || id.length > MAX_ID_CHARS)
    throw new AkhbarError("feeds.bad_param", "feeds: the id in the path is empty or too long");
  return { id, format: name.slice(dot + 1) === "json" ? "json" : "rss" };
}

function send(c: Context, format: Format, feed: OutFeed): Response {
  const headers = { "Cache-Control": `public, max-age=${FEED_MAX_AGE_S}` };
  if (format === "json")
    return c.body(JSON.stringify(renderJsonFeed(feed)), 200, {
      ...headers,
      "Content-Type": "application/feed+json; charset=utf-8",
    });
  return c.body(renderRss(feed), 200, { ...headers, "Content-Type": "application/rss+xml; charset=utf-8" });
}

function storyItem(s: StorySummary, origin: string, names: Map<string, string>): OutItem {
  return {
    id: `akhbar:story:${s.id}`,
    url: `${origin}/story/${encodeURIComponent(s.id)}`,
    externalUrl: null,
    title: s.headline,
    summary: s.lead,
    published: s.lastUpdate,
    author: s.sources.map((id) => names.get(id) ?? id).join("، "),
  };
}

/** A search hit (or a browse of an outlet) as a feed item: the article's page, its publisher's link, its snippet. */
function hitItem(h: SearchHit, origin: string, names: Map<string, string>): OutItem {
  return {
    id: `akhbar:article:${h.id}`,
    url: `${origin}/article/${encodeURIComponent(h.id)}`,
    externalUrl: h.url,
    // A wire desk's section ("عام / ") is no part of the headline a feed reader shows, as on the reader's pages.
    title: stripWireDeskPrefix(h.title),
    summary: renderHighlightTerminal(h.snippet, false),
    published: h.published_at,
    author: names.get(h.source) ?? h.source,
  };
}

function articleItem(a: StoryArticle, origin: string, names: Map<string, string>): OutItem {
  return {
    id: `akhbar:article:${a.id}`,
    url: `${origin}/article/${encodeURIComponent(a.id)}`,
    externalUrl: a.url,
    title: stripWireDeskPrefix(a.title),
    summary: a.lead,
    published: a.publishedAt,
    author: names.get(a.sourceId) ?? a.sourceId,
  };
}
