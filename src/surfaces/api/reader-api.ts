/**
 * JSON routes mirroring the reader pages: top stories, a story with its coverage, an article's related lists.
 * Surface routes (Hono) over ReaderData; parameters validated, errors as {error: {code, message}}.
 */

import { Hono } from "hono";
import { AkhbarError } from "../../domain/errors.ts";
import type { Storage } from "../../ports/storage.ts";
import { toEntityQuery } from "../entity-query.ts";
import { toDuplicateStatsJson } from "../present-stories.ts";
import { badParam, intParam, parseDateBound, parseUntilMs, singleValue } from "../search-params.ts";
import {
  isKnownCountryCode,
  unknownCountryError,
  unknownSourceError,
  unknownSourceIds,
} from "../source-names.ts";
import {
  coverageOrderParam,
  dayWindowParam,
  MAX_ID_CHARS,
  MAX_PAGE_LIMIT,
  MAX_PAGE_OFFSET,
  STORIES_PER_PAGE,
  slugParam,
} from "../web/page-params.ts";
import type {
  ReaderData,
  StoryArticle,
  StoryEntity,
  StorySummary,
  TopStoriesPage,
} from "../web/reader-data.ts";
import { coverageTimeMs, inCoverageOrder, wirePartOfIds } from "../web/story-coverage.ts";
import { TOP_ENTITIES_PER_KIND } from "../web/top-entities.ts";
import type { TopEntitiesCache } from "../web/top-entities-cache.ts";
import { apiErrorOf } from "./api-error.ts";

export interface ReaderApiDeps {
  storage: Storage;
  reader: ReaderData;
  /** "في الأخبار" answers, shared with the reader's /entities page so both follow one freshness policy. */
  entities: TopEntitiesCache;
}

/** Routes: GET /api/stories, /api/stories/:id, /api/articles/:id/related, /api/entities, /api/duplicates. */
export function createReaderApi(deps: ReaderApiDeps): Hono {
  const app = new Hono();

  app.get("/api/stories", async (c) => {
    const get = (n: string) => c.req.queries(n) ?? [];
    const limit = intParam(get, "limit", STORIES_PER_PAGE, 1, MAX_PAGE_LIMIT, "api");
    const offset = intParam(get, "offset", 0, 0, MAX_PAGE_OFFSET, "api");
    const source = slugParam(get, "source", "api");
    const country = slugParam(get, "country", "api");
    // A past window: `until` (a day, to its end in the reader's time zone, or an ISO time) lists the stories first seen
    // by then, ranked by their coverage to date with freshness as of then; `since` how far back a last update may be.
    const since = parseDateBound(singleValue(get, "since", "api"), "since", false, "api");
    const untilMs = parseUntilMs(singleValue(get, "until", "api"), "until", "api");
    // `day`: one day's top stories, the home page's ?day= window (dayWindowParam), so both list the same stories.
    const day = dayWindowParam(get, "api");
    if (day !== null && (since !== null || untilMs !== null))
      throw badParam(
        "day",
        "names a whole window: give day, or since and until, not both",
        "conflicting",
        {},
        "api",
      );
    const window = day ?? {
      ...(since === null ? {} : { sinceMs: Date.parse(since) }),
      ...(untilMs === null ? {} : { untilMs }),
    };
    const sources = await sourceFilter(deps.storage, source, country, { refuseUnknown: true });
    const page: TopStoriesPage =
      sources === null
        ? { total: 0, stories: [] }
        : await deps.reader.topStories({
            sources,
            limit,
            offset,
            ...(window.sinceMs === undefined ? {} : { sinceMs: window.sinceMs }),
            ...(window.untilMs === undefined ? {} : { untilMs: window.untilMs }),
          });
    return c.json({
      total: page.total,
      ...(page.windowTotal === undefined ? {} : { window_total: page.windowTotal }),
      limit,
      offset,
      clustered: deps.reader.capabilities.clusteredStories,
      stories: page.stories.map(toStoryJson),
    });
  });

  app.get("/api/stories/:id", async (c) => {
    const id = c.req.param("id");
    const get = (n: string) => c.req.queries(n) ?? [];
    const limit = intParam(get, "limit", MAX_PAGE_LIMIT, 1, MAX_PAGE_LIMIT, "api");
    const offset = intParam(get, "offset", 0, 0, MAX_PAGE_OFFSET, "api");
    const sort = coverageOrderParam(get, "api");
    const story = id.length > MAX_ID_CHARS ? null : await deps.reader.story(id);
    if (story === null) throw new AkhbarError("api.not_found", `api: no story with id "${id.slice(0, 200)}"`);
    // Coverage in publication order (time, then id; sort=newest the reverse, undated last either way), copies among
    // originals with their duplicate_of, a wire release's continuation parts with their part_of (the story page's
    // fold), a page at a time: the biggest stories have hundreds.
    return c.json({
      ...toStoryJson(story),
      entities: story.entities.map(toEntityJson),
      dates: story.dates,
      article_total: story.articles.length,
      limit,
      offset,
      sort,
      articles: toCoverageArticlesJson(inCoverageOrder(story.articles, sort, coverageTimeMs)).slice(
        offset,
        offset + limit,
      ),
    });
  });

  app.get("/api/articles/:id/related", async (c) => {
    const id = c.req.param("id");
    const article = id.length > MAX_ID_CHARS ? null : await deps.storage.articles.getArticle(id);
    if (article === null)
      throw new AkhbarError("api.not_found", `api: no article with id "${id.slice(0, 200)}"`);
    const related = await deps.reader.related(id);
    return c.json({
      story_id: related.storyId ?? null,
      method: deps.reader.capabilities.similarMethod,
      similar: related.similar.map(toStoryArticleJson),
      read_also: related.readAlso === null ? null : toStoryArticleJson(related.readAlso),
      ...(related.sameStory === undefined ? {} : { same_story: related.sameStory.map(toStoryArticleJson) }),
      ...(related.copies === undefined ? {} : { copies: related.copies.map(toStoryArticleJson) }),
      ...(related.containedIn === undefined
        ? {}
        : { contained_in: related.containedIn.map(toStoryArticleJson) }),
      ...(related.contains === undefined ? {} : { contains: related.contains.map(toStoryArticleJson) }),
    });
  });

  app.get("/api/entities", async (c) => {
    const get = (n: string) => c.req.queries(n) ?? [];
    const source = slugParam(get, "source", "api");
    // Entities of each kind, as the page lists TOP_ENTITIES_PER_KIND; bounded like the other lists' pages.
    const limit = intParam(get, "limit", TOP_ENTITIES_PER_KIND, 1, MAX_PAGE_LIMIT, "api");
    const sources = await sourceFilter(deps.storage, source, slugParam(get, "country", "api"), {
      refuseUnknown: true,
    });
    const { storiesRead, entities } =
      sources === null ? { storiesRead: 0, entities: [] } : await deps.entities.topEntities(sources, limit);
    return c.json({
      stories_read: storiesRead,
      limit,
      entities: entities.map((e) => ({
        kind: e.kind,
        name: e.name,
        forms: e.forms,
        search: toEntityQuery(e),
        story_count: e.storyCount,
        stories: e.stories.map((s) => ({ id: s.id, headline: s.headline })),
      })),
    });
  });

  app.get("/api/duplicates", async (c) => {
    if (deps.storage.stories === undefined) {
      throw new AkhbarError("api.not_found", "api: this storage backend keeps no duplicate groups yet");
    }
    return c.json(toDuplicateStatsJson(await deps.storage.stories.duplicateStats()));
  });

  app.onError((err, c) => apiErrorOf(c, err));
  return app;
}

/**
 * Source ids for a source and/or country filter: [] for no filter, null when the filter matches no source (a country
 * without outlets, or an unknown id the caller lets through, gives an empty page, not every story). With
 * `refuseUnknown` an unknown source id is a bad parameter (unknownSourceError), read from the same source list, and so is
 * a country code no country has (unknownCountryError).
 */
export async function sourceFilter(
  storage: Storage,
  source: string,
  country: string,
  options: { refuseUnknown?: boolean; scope?: "api" | "feeds" } = {},
): Promise<string[] | null> {
  if (source === "" && country === "") return [];
  const all = await storage.sources.listSources();
  if (options.refuseUnknown === true && source !== "" && unknownSourceIds([source], all).length > 0)
    throw unknownSourceError([source], options.scope);
  if (options.refuseUnknown === true && country !== "" && !isKnownCountryCode(country))
    throw unknownCountryError(country, options.scope);
  const ids = all
    .filter(
      (s) => (source === "" || s.id === source) && (country === "" || s.country === country.toUpperCase()),
    )
    .map((s) => s.id);
  return ids.length === 0 ? null : ids;
}

/**
 * A story's coverage as JSON, in its order: each article with its duplicate_of and, for a wire release's continuation
 * part, the release it goes on from (part_of, the story page's fold; read over the whole story before any paging).
 */
export function toCoverageArticlesJson(articles: readonly StoryArticle[]) {
  const partOf = wirePartOfIds(articles);
  return articles.map((a) => ({ ...toStoryArticleJson(a), part_of: partOf.get(a.id) ?? null }));
}

export function toStoryJson(s: StorySummary) {
  return {
    id: s.id,
    headline: s.headline,
    lead: s.lead,
    article_count: s.articleCount,
    sources: s.sources,
    first_seen: s.firstSeen,
    last_update: s.lastUpdate,
    lead_article_id: s.leadArticleId,
    ...(s.recentArticleCount === undefined ? {} : { recent_article_count: s.recentArticleCount }),
  };
}

export function toEntityJson(e: StoryEntity) {
  const forms = e.forms ?? [e.name];
  return {
    kind: e.kind,
    name: e.name,
    forms,
    search: toEntityQuery(e),
    articles: e.articles,
    mentions: e.mentions,
  };
}

export function toStoryArticleJson(a: StoryArticle) {
  return {
    id: a.id,
    title: a.title,
    source: a.sourceId,
    cited_source: a.citedSource,
    published_at: a.publishedAt,
    url: a.url,
    lead: a.lead,
    duplicate_of: a.duplicateOf,
    late: a.late === true,
    wire_part: a.wirePart ?? null,
  };
}
