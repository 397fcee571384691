/**
 * OpenAPI 3.1 description of akhbar's HTTP API (JSON routes and feeds out), served at /api/openapi.json.
 * Data only; keep it beside the route tables (create-api.ts, reader-api.ts, feed-routes.ts) when they change.
 */
import {
  DEFAULT_SEARCH_LIMIT,
  MAX_QUERY_PARAM_CHARS,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_OFFSET,
} from "../search-params.ts";
import { MAX_PAGE_LIMIT, MAX_PAGE_OFFSET, STORIES_PER_PAGE } from "../web/page-params.ts";
import { COVERAGE_ORDERS } from "../web/story-coverage.ts";
import { TOP_ENTITIES_PER_KIND } from "../web/top-entities.ts";

const error = { $ref: "#/components/responses/Error" };
const nullableString = { type: ["string", "null"] };
const isoTime = { type: ["string", "null"], format: "date-time" };
const limit = (fallback: number, max: number) => ({
  name: "limit",
  in: "query",
  schema: { type: "integer", minimum: 1, maximum: max, default: fallback },
});
const offset = (max: number) => ({
  name: "offset",
  in: "query",
  schema: { type: "integer", minimum: 0, maximum: max, default: 0 },
});
/** The outlet filters of the story lists: one source id, or a country's outlets. */
const outletFilter = [
  { name: "source", in: "query", schema: { type: "string" } },
  { name: "country", in: "query", schema: { type: "string", pattern: "^[A-Za-z]{2}$" } },
];
/** Where a mention found in an article is: which field, its words, offsets into that field. */
const mentionFields = {
  field: { type: "string", enum: ["title", "text"] },
  text: { type: "string" },
  start: { type: "integer" },
  end: { type: "integer" },
};
const idPath = { name: "id", in: "path", required: true, schema: { type: "string", maxLength: 200 } };
const feedResponses = {
  "200": {
    description: "RSS 2.0 (.rss) or JSON Feed 1.1 (.json)",
    content: { "application/rss+xml": {}, "application/feed+json": {} },
  },
  "400": error,
  "404": error,
  "429": error,
};
/** The home page's filters: a top-stories feed carries what the home page filtered so shows, newest first. */
const topFeedParameters = [
  {
    name: "source",
    in: "query",
    schema: { type: "string" },
    description: "an outlet's id (an unknown one is a 400 feeds.bad_param)",
  },
  {
    name: "country",
    in: "query",
    schema: { type: "string", pattern: "^[A-Za-z]{2}$" },
    description:
      "ISO 3166 country code of the outlets (a code no country has is a 400; a country without outlets, an empty list)",
  },
];
/** As /api/search reads them; a feed always lists its newest 30 matches, freshness blended in. */
const searchFeedParameters = [
  {
    name: "q",
    in: "query",
    schema: { type: "string" },
    description: "as /api/search; may be left out when source is given (that outlet's newest articles)",
  },
  { name: "source", in: "query", schema: { type: "string" } },
  { name: "from", in: "query", schema: { type: "string" } },
  { name: "to", in: "query", schema: { type: "string" } },
];

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "akhbar API",
    version: "1",
    description:
      "Arabic news: search with Arabic-aware matching, stories, articles, sources, and feeds out. Errors are always {error: {code, message}}; bad parameters answer 400, unknown ids 404, too many requests 429 with Retry-After.",
  },
  paths: {
    "/health": {
      get: {
        summary: "Liveness and article count",
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    status: { type: "string" },
                    version: { type: "string" },
                    articles: { type: "integer" },
                    uptime_s: { type: "integer" },
                    reindexing: {
                      type: ["object", "null"],
                      description:
                        "null, or the search index's re-index under way after an analyzer upgrade (serve answers meanwhile): articles re-indexed so far (a stopped run's included) of the store's",
                      properties: {
                        from_version: { type: "integer" },
                        to_version: { type: "integer" },
                        articles_done: { type: "integer" },
                        articles_total: { type: "integer" },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    "/api/search": {
      get: {
        summary: "Ranked search",
        description:
          'Query syntax: words (all required), "quoted phrases", -excluded, a OR b (either alternative, words or phrases; OR in capitals binds its two neighbours; an OR at either end or beside -word is a 400 search.bad_param), source:NAME. Spelling variants (أ/ا, ة/ه, ى/ي), tashkeel, tatweel and clitics are folded. A text republished by several outlets (a copy group) is one hit with the others as its copies; pages and the total count hits, so every page holds `limit` hits while that many remain.',
        parameters: [
          {
            name: "q",
            in: "query",
            schema: { type: "string", maxLength: MAX_QUERY_PARAM_CHARS },
            description: "required unless source is given; source alone lists that source's newest articles",
          },
          {
            name: "source",
            in: "query",
            schema: { type: "string" },
            description: "repeatable or comma-separated",
          },
          {
            name: "from",
            in: "query",
            schema: { type: "string" },
            description:
              "YYYY-MM-DD (from its start in the reader's time zone, AKHBAR_TIME_ZONE, Riyadh by default, the day the reader shows) or ISO time",
          },
          {
            name: "to",
            in: "query",
            schema: { type: "string" },
            description: "YYYY-MM-DD (inclusive of its whole day in the reader's time zone) or ISO time",
          },
          limit(DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT),
          offset(MAX_SEARCH_OFFSET),
          {
            name: "recent",
            in: "query",
            schema: { type: "boolean" },
            description: "blends freshness into relevance (sort=relevance only)",
          },
          {
            name: "sort",
            in: "query",
            schema: { type: "string", enum: ["relevance", "date"], default: "relevance" },
            description:
              "relevance: best match first; date: every match newest first (score is then the article's time in days since 1970)",
          },
        ],
        responses: {
          "200": {
            description: "hits",
            content: { "application/json": { schema: { $ref: "#/components/schemas/SearchResult" } } },
          },
          "400": error,
          "429": error,
        },
      },
    },
    "/api/articles/{id}": {
      get: {
        summary:
          "One article with its stored fields, the dates it mentions and the numbers it writes in words",
        parameters: [idPath],
        responses: {
          "200": {
            description: "article",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    story_id: {
                      ...nullableString,
                      description: "the story the article is placed in; null when not yet placed",
                    },
                    duplicate_of: {
                      ...nullableString,
                      description: "the original of the article's copy group when it is a copy, else null",
                    },
                    dates: {
                      type: "array",
                      description:
                        "dates the title and text mention, resolved against the publish date (Riyadh calendar day); offsets are into the field",
                      items: {
                        type: "object",
                        properties: {
                          ...mentionFields,
                          first: { type: "string", format: "date" },
                          last: { type: "string", format: "date" },
                          granularity: { type: "string", enum: ["day", "week", "month", "year"] },
                          relative: { type: "boolean" },
                          calendar: { type: "string", enum: ["gregorian", "hijri"] },
                        },
                      },
                    },
                    numbers: {
                      type: "array",
                      description:
                        "numbers the title and text write with words (ثلاثة آلاف, 2.5 مليار) and their value; a range's ends are two numbers, the low end with the high end's scale (بين 100 و150 مليار: 100e9 and 150e9); ناقص/سالب make a value negative; offsets are into the field",
                      items: {
                        type: "object",
                        properties: {
                          ...mentionFields,
                          value: { type: "number" },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          "404": error,
        },
      },
    },
    "/api/articles/{id}/related": {
      get: {
        summary: "An article's story coverage, copies, containments, similar articles and a read-also pick",
        parameters: [idPath],
        responses: {
          "200": {
            description: "related lists",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    story_id: {
                      ...nullableString,
                      description: "the article's story (its own id when stories are not clustered)",
                    },
                    method: { type: "string" },
                    similar: { type: "array", items: { $ref: "#/components/schemas/StoryArticle" } },
                    read_also: { oneOf: [{ $ref: "#/components/schemas/StoryArticle" }, { type: "null" }] },
                    same_story: {
                      type: "array",
                      description:
                        "the other coverage of the article's own story, copies under their original; same_story, copies, contained_in and contains are absent when the store keeps no stories",
                      items: { $ref: "#/components/schemas/StoryArticle" },
                    },
                    copies: {
                      type: "array",
                      description: "copies of this article (the same text republished), earliest first",
                      items: { $ref: "#/components/schemas/StoryArticle" },
                    },
                    contained_in: {
                      type: "array",
                      description:
                        "longer texts that carry this article's text after a start of their own (a roundup); not copies",
                      items: { $ref: "#/components/schemas/StoryArticle" },
                    },
                    contains: {
                      type: "array",
                      description:
                        "texts this article carries after a start of its own (it is the roundup); not copies",
                      items: { $ref: "#/components/schemas/StoryArticle" },
                    },
                  },
                },
              },
            },
          },
          "404": error,
        },
      },
    },
    "/api/sources": {
      get: {
        summary: "Publishers with article counts",
        responses: {
          "200": { description: "sources", content: { "application/json": { schema: { type: "object" } } } },
        },
      },
    },
    "/api/stories": {
      get: {
        summary: "Top stories, ranked by the coverage they are getting (each article weighed by its own age)",
        parameters: [
          ...outletFilter,
          {
            name: "since",
            in: "query",
            schema: { type: "string" },
            description:
              "YYYY-MM-DD (from its start in the reader's time zone) or ISO time: only stories with an article since (default: 72 h before the window's end)",
          },
          {
            name: "until",
            in: "query",
            schema: { type: "string" },
            description:
              "YYYY-MM-DD (to its end, the reader's time zone) or ISO time: the window's end; stories ranked, counted and timed by their articles up to then",
          },
          {
            name: "day",
            in: "query",
            schema: { type: "string", format: "date" },
            description:
              "YYYY-MM-DD: that day's top stories (the reader's time zone, midnight to midnight, ranked as of its end), the reader's home page ?day=; not with since or until",
          },
          limit(STORIES_PER_PAGE, MAX_PAGE_LIMIT),
          offset(MAX_PAGE_OFFSET),
        ],
        responses: {
          "200": {
            description: "a page of stories",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    total: { type: "integer", description: "stories ranked: what paging reaches" },
                    window_total: {
                      type: "integer",
                      description: "stories the window holds, when more than the 2,000 ranked; else absent",
                    },
                    limit: { type: "integer" },
                    offset: { type: "integer" },
                    clustered: { type: "boolean", description: "false while each article is its own story" },
                    stories: { type: "array", items: { $ref: "#/components/schemas/Story" } },
                  },
                },
              },
            },
          },
          "400": error,
        },
      },
    },
    "/api/stories/{id}": {
      get: {
        summary: "One story with its coverage, a page of articles at a time",
        parameters: [
          idPath,
          limit(MAX_PAGE_LIMIT, MAX_PAGE_LIMIT),
          offset(MAX_PAGE_OFFSET),
          {
            name: "sort",
            in: "query",
            schema: { type: "string", enum: [...COVERAGE_ORDERS], default: "oldest" },
            description: "publication order, oldest or newest first (undated articles last either way)",
          },
        ],
        responses: {
          "200": {
            description: "story",
            content: {
              "application/json": {
                schema: {
                  allOf: [
                    { $ref: "#/components/schemas/Story" },
                    {
                      type: "object",
                      properties: {
                        entities: {
                          type: "array",
                          description:
                            "people, places and organizations the story's originals name (read by rules: titles, head words, known names), by kind, most named first",
                          items: {
                            type: "object",
                            properties: {
                              kind: { type: "string", enum: ["person", "place", "organization"] },
                              name: { type: "string" },
                              forms: {
                                type: "array",
                                items: { type: "string" },
                                description:
                                  "every name written for it: its spellings and the shorter names counted as it, most used first",
                              },
                              search: {
                                type: "string",
                                description:
                                  'the query that finds the articles naming it in any of its forms (q of /api/search): the forms as "phrases" joined by OR, a form holding another left out',
                              },
                              articles: { type: "integer", description: "originals naming it" },
                              mentions: { type: "integer" },
                            },
                          },
                        },
                        dates: {
                          type: "array",
                          description:
                            "the days the originals' titles and leads say it happened (أمس, الخميس الماضي, 21 شوال 1436هـ resolved against each article's publish date), in calendar order, at most 4",
                          items: {
                            type: "object",
                            properties: {
                              day: { type: "string", format: "date" },
                              articles: { type: "integer", description: "originals naming the day" },
                            },
                          },
                        },
                        article_total: { type: "integer", description: "articles in the story, all pages" },
                        limit: { type: "integer" },
                        offset: { type: "integer" },
                        sort: { type: "string", enum: [...COVERAGE_ORDERS] },
                        articles: { type: "array", items: { $ref: "#/components/schemas/StoryArticle" } },
                      },
                    },
                  ],
                },
              },
            },
          },
          "404": error,
        },
      },
    },
    "/api/entities": {
      get: {
        summary: "People, places and organizations of the top stories, each with the stories naming it",
        parameters: [
          ...outletFilter,
          { ...limit(TOP_ENTITIES_PER_KIND, MAX_PAGE_LIMIT), description: "entities listed of each kind" },
        ],
        responses: {
          "200": {
            description: "entities by kind, most stories first",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    stories_read: {
                      type: "integer",
                      description: "top stories read (up to 30; 0 when the filter names no outlet)",
                    },
                    limit: { type: "integer", description: "entities listed of each kind at most" },
                    entities: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          kind: { type: "string", enum: ["person", "place", "organization"] },
                          name: { type: "string" },
                          forms: { type: "array", items: { type: "string" } },
                          search: {
                            type: "string",
                            description: "the query that finds its articles (see a story's entities)",
                          },
                          story_count: { type: "integer" },
                          stories: {
                            type: "array",
                            items: {
                              type: "object",
                              properties: { id: { type: "string" }, headline: { type: "string" } },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          "400": error,
        },
      },
    },
    "/api/duplicates": {
      get: {
        summary: "Copy-group and story statistics",
        responses: {
          "200": {
            description: "statistics",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    placed_articles: { type: "integer" },
                    copy_groups: { type: "integer", description: "groups of two or more articles" },
                    copies: { type: "integer", description: "articles that are a copy of another" },
                    largest_group: { type: "integer" },
                    cross_source_groups: { type: "integer" },
                    group_sizes: {
                      type: "array",
                      description: "how many copy groups have each size, smallest size first",
                      items: {
                        type: "object",
                        properties: { size: { type: "integer" }, groups: { type: "integer" } },
                      },
                    },
                    stories: { type: "integer" },
                    multi_article_stories: { type: "integer" },
                  },
                },
              },
            },
          },
          "404": error,
        },
      },
    },
    "/api/openapi.json": {
      get: {
        summary: "This document",
        responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
      },
    },
    "/feeds/top.rss": {
      get: { summary: "Top stories as RSS 2.0", parameters: topFeedParameters, responses: feedResponses },
    },
    "/feeds/top.json": {
      get: { summary: "Top stories as JSON Feed", parameters: topFeedParameters, responses: feedResponses },
    },
    "/feeds/story/{id}.rss": {
      get: { summary: "A story's coverage as RSS", parameters: [idPath], responses: feedResponses },
    },
    "/feeds/story/{id}.json": {
      get: { summary: "A story's coverage as JSON Feed", parameters: [idPath], responses: feedResponses },
    },
    "/feeds/source/{id}.rss": {
      get: { summary: "A source's newest articles as RSS", parameters: [idPath], responses: feedResponses },
    },
    "/feeds/source/{id}.json": {
      get: {
        summary: "A source's newest articles as JSON Feed",
        parameters: [idPath],
        responses: feedResponses,
      },
    },
    "/feeds/search.rss": {
      get: {
        summary: "New matches of a search as RSS",
        parameters: searchFeedParameters,
        responses: feedResponses,
      },
    },
    "/feeds/search.json": {
      get: {
        summary: "New matches of a search as JSON Feed",
        parameters: searchFeedParameters,
        responses: feedResponses,
      },
    },
    "/feeds/sources.opml": {
      get: {
        summary: "Every source's feed as OPML 2.0",
        responses: { "200": { description: "OPML", content: { "text/x-opml": {} } } },
      },
    },
  },
  components: {
    responses: {
      Error: {
        description: "error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string", examples: ["search.bad_param"] },
              message: { type: "string" },
            },
          },
        },
      },
      SearchResult: {
        type: "object",
        properties: {
          total: {
            type: "integer",
            description:
              "hits on all pages: copy groups among the matches, each once however many outlets carry it",
          },
          limit: { type: "integer" },
          offset: { type: "integer" },
          reindexing: {
            type: "boolean",
            description:
              "true while the search index is re-indexed after an analyzer upgrade: articles it has not reached yet may be missing",
          },
          hits: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string" },
                title: { type: "string" },
                title_html: {
                  type: "string",
                  description: "HTML-escaped title with matching words in <mark>",
                },
                source: { type: "string" },
                published_at: isoTime,
                url: { type: "string" },
                snippet: { type: "string", description: "HTML-escaped text with matches in <mark>" },
                score: { type: "number" },
                copies: {
                  type: "array",
                  description:
                    "The other matches of this hit's copy group (the same text republished), earliest first, wherever they rank: a copy group is one hit, and limit, offset and total count hits",
                  items: {
                    type: "object",
                    properties: {
                      id: { type: "string" },
                      source: { type: "string" },
                      published_at: isoTime,
                      url: { type: "string" },
                    },
                  },
                },
              },
            },
          },
        },
      },
      Story: {
        type: "object",
        properties: {
          id: { type: "string" },
          headline: { type: "string", description: "the title of the story's most representative original" },
          lead: {
            type: "string",
            description: "the first paragraph of that article (of the earliest original when it has no text)",
          },
          article_count: { type: "integer" },
          sources: { type: "array", items: { type: "string" } },
          first_seen: isoTime,
          last_update: isoTime,
          lead_article_id: {
            type: "string",
            description:
              "the article the headline is the title of (the lead is its first prose paragraph, else the earliest original's); in a list filtered by `source`, one of those outlets' own articles",
          },
          recent_article_count: {
            type: "integer",
            description:
              "in /api/stories lists only: its articles (late copies left out) in the 24 h up to the time the list is ranked at (the newest story's update, or until's end), the coverage its rank mostly weighs",
          },
        },
      },
      StoryArticle: {
        type: "object",
        properties: {
          id: { type: "string" },
          title: { type: "string" },
          source: { type: "string" },
          cited_source: nullableString,
          published_at: isoTime,
          url: { type: "string" },
          lead: { type: "string" },
          duplicate_of: nullableString,
          late: {
            type: "boolean",
            description:
              "a late copy: republished after the story had gone quiet; left out of the story's last_update and rank",
          },
          wire_part: {
            type: ["integer", "null"],
            description:
              'which continuation part of a wire release this is ("… إضافة ثانية" is 2; a bare "إضافة أخيرة", last and unnumbered, is 99), else null',
          },
          part_of: {
            ...nullableString,
            description:
              "in a story's coverage: the release this continuation part goes on from (the article heading its first part's copy group), else null",
          },
        },
      },
    },
  },
} as const;

/** The documented paths as patterns ("/api/stories/{id}" → ^/api/stories/[^/]+$), read once from the document. */
const DOCUMENTED_PATHS: readonly RegExp[] = Object.keys(OPENAPI_DOCUMENT.paths).map(
  (path) =>
    new RegExp(
      `^${path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
        .join("[^/]+")}$`,
    ),
);

/**
 * Whether `path` is one of the documented JSON and feed routes (all of them GET): a request with another method gets
 * a 405 naming the methods it takes, not a 404 saying the route does not exist.
 * Example: "/api/stories/snn-1" → true; "/api/stories/" → false.
 */
export function isDocumentedPath(path: string): boolean {
  return DOCUMENTED_PATHS.some((re) => re.test(path));
}
