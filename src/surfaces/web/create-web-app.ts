/**
 * The reader: server-rendered RTL Arabic pages, static assets, admin forms, feeds out, the reader JSON routes and
 * the OpenAPI document, with security headers and rate limiting, as one Hono app. Surface code over ports.
 * Mount: `createWebApp({storage, adminToken, api: createApi(...)})` is the whole server; see WebDeps.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { getCookie, setCookie } from "hono/cookie";
import type { Article } from "../../domain/article.ts";
import { AkhbarError, isAkhbarError } from "../../domain/errors.ts";
import type { SearchResult } from "../../domain/search.ts";
import { deleteArticles } from "../../pipeline/delete-articles.ts";
import { searchArticles } from "../../pipeline/search-articles.ts";
import type { SourceSummary } from "../../ports/source-store.ts";
import type { Storage } from "../../ports/storage.ts";
import { stripWireDeskPrefix } from "../../stages/dedupe/strip-syndication-marks.ts";
import { cleanDisplayLine } from "../../stages/ingest/clean-display.ts";
import { cutQuery, hasSearchableWords } from "../../stages/search/parse-query.ts";
import { admissionQueue } from "../api/admission-queue.ts";
import { apiError, statusOfCode } from "../api/api-error.ts";
import { isReindexing, type ReindexStatus } from "../api/create-api.ts";
import { isDocumentedPath, OPENAPI_DOCUMENT } from "../api/openapi.ts";
import { type RateLimitOptions, rateLimit } from "../api/rate-limit.ts";
import { createReaderApi, sourceFilter } from "../api/reader-api.ts";
import { resolveArticleReference } from "../article-reference.ts";
import { createFeedRoutes } from "../feeds-out/feed-routes.ts";
import { articleDates } from "../present.ts";
import { intParam, parseSearchParams } from "../search-params.ts";
import { isKnownCountryCode, resolveSearchSources } from "../source-names.ts";
import { ADMIN_COOKIE, ADMIN_SESSION_MAX_AGE_S, AdminAuth, CSRF_FIELD, isSameOrigin } from "./admin-auth.ts";
import { CachedReaderData } from "./cached-reader-data.ts";
import { isDataPath } from "./client-errors.ts";
import { secondsLabel } from "./count-label.ts";
import { displayDayEndMs, displayDayOf, displayDayStartMs } from "./format-arabic-date.ts";
import type { SafeHtml } from "./html.ts";
import { type NavItem, renderPage } from "./layout.ts";
import {
  coverageOrderParam,
  type DayWindow,
  dayWindowParam,
  MAX_ID_CHARS,
  MAX_PAGE_OFFSET,
  STORIES_PER_PAGE,
  singleParam,
  slugListParam,
  slugParam,
} from "./page-params.ts";
import { renderAdminHome, renderAdminLogin, renderAdminOff } from "./pages/admin-page.ts";
import { ARTICLE_COVERAGE_MAX, renderArticlePage } from "./pages/article-page.ts";
import { renderEntitiesPage } from "./pages/entities-page.ts";
import { errorTitle, renderErrorPage } from "./pages/error-page.ts";
import { homeTitle, renderHomePage } from "./pages/home-page.ts";
import { renderSearchPage, type SearchForm } from "./pages/search-page.ts";
import { type FeedHealth, renderSourcePage, renderSourcesPage } from "./pages/sources-page.ts";
import { renderStoryPage, STORY_CARDS_PER_PAGE } from "./pages/story-page.ts";
import type { ReaderData } from "./reader-data.ts";
import { adminErrorMessage, readerErrorMessage } from "./reader-error-message.ts";
import { SearchFacets } from "./search-facets.ts";
import { securityHeaders } from "./security-headers.ts";
import { type SourceAdmin, StorageSourceAdmin } from "./source-admin.ts";
import { loadStaticAssets, type StaticAsset } from "./static-assets.ts";
import { StorageReaderData } from "./storage-reader-data.ts";
import type { CoverageOrder } from "./story-coverage.ts";
import { StoryReaderData } from "./story-reader-data.ts";
import { TopEntitiesCache } from "./top-entities-cache.ts";
import { pageTitleSuffix, queryString, type ViewContext } from "./view-parts.ts";

/** Search results per page in the reader. */
export const SEARCH_PAGE_SIZE = 10;
/** Days shown in a source's items-per-day chart, ending on its latest article's day. */
export const SOURCE_CHART_DAYS = 14;
/** Stories on a source's page. */
export const SOURCE_PAGE_SIZE = 10;
/** Login attempts per client: a burst of 5, then one every 6 s — a typo is fine, guessing is not. */
export const LOGIN_RATE_LIMIT: RateLimitOptions = { burst: 5, perSecond: 1 / 6 };

const DAY_MS = 86_400_000;

/** Any structural feed list (the crawler's FeedStore satisfies it); used only for health columns. */
interface FeedLister {
  listFeeds(): Promise<FeedHealth[]>;
}

export interface WebDeps {
  storage: Storage & { feeds?: FeedLister };
  /** Stories and related articles; default: StoryReaderData over the stored stories (StorageReaderData, one-article
   * stories and more-like-this, on a backend without them), cached on the store's change mark when it has one. */
  reader?: ReaderData;
  /** Source management for the admin forms; default: StorageSourceAdmin (adds sources only). */
  sourceAdmin?: SourceAdmin;
  /** AKHBAR_ADMIN_TOKEN (see adminTokenFromEnv); null turns the admin pages off. */
  adminToken: string | null;
  /** The JSON API app (createApi); mounted inside so one error and header policy covers everything. */
  api?: Hono;
  /** Rate limit for pages, API and feeds (per client IP); false to turn off (tests, benchmarks). */
  rateLimit?: RateLimitOptions | false;
  /** Clock for relative times and sessions. */
  now?: () => number;
  /** Show the images kept in article bodies (AKHBAR_READER_REMOTE_IMAGES=1). They load from the publishers' servers,
   * which then learn that someone opened the article, so the default is off: images are left out and the CSP allows
   * same-origin images only. */
  remoteImages?: boolean;
  /** A re-index under way beside serving (create-api.ts ReindexStatus): the search page says results may be missing. */
  reindex?: ReindexStatus;
  /** How long after a write "في الأخبار" may still show the store as it was (TOP_ENTITIES_MAX_AGE_MS; 0 in benches). */
  entitiesMaxAgeMs?: number;
}

/**
 * Builds the whole HTTP app. Routes: / (home), /story/:id, /article/:id, /search, /sources, /sources/:id, /admin…,
 * /static/…, /feeds/…, /api/stories…, /api/articles/:id/related, /api/openapi.json, plus `deps.api`'s routes.
 * Unknown /api and /feeds paths answer JSON errors; other unknown paths an HTML 404 page.
 */
export function createWebApp(deps: WebDeps): Hono {
  const storage = deps.storage;
  const reader = deps.reader ?? defaultReader(storage);
  const sourceAdmin = deps.sourceAdmin ?? new StorageSourceAdmin(storage);
  const now = deps.now ?? Date.now;
  const auth = deps.adminToken === null ? null : new AdminAuth(deps.adminToken, now);
  const assets = loadStaticAssets();
  const facets = new SearchFacets(storage, now);
  const entitiesCache = new TopEntitiesCache(reader, storage.changeMark?.bind(storage), {
    ...(deps.entitiesMaxAgeMs === undefined ? {} : { maxAgeMs: deps.entitiesMaxAgeMs }),
    nowMs: now,
  });
  const app = new Hono();

  app.use("*", securityHeaders({ remoteImages: deps.remoteImages === true }));
  // Pages gzip to a quarter (product db 2026-11-30: home 22.4 KB → 5.8 KB, a story 17.5 → 3.7); fonts (woff2) are
  // compressed already and the content-type filter skips them.
  // Not /admin: its pages carry the anti-forgery token beside reflected text, which compression can leak (BREACH).
  const compressPages = compress();
  app.use("*", (c, next) => (c.req.path.startsWith("/admin") ? next() : compressPages(c, next)));
  if (deps.rateLimit !== false) {
    const limited = rateLimit({ ...deps.rateLimit, onLimited: (c, s) => refuse(c, s) });
    app.use("*", async (c, next) => (c.req.path.startsWith("/static/") ? next() : limited(c, next)));
  }
  app.use("/admin/login", rateLimit({ ...LOGIN_RATE_LIMIT, onLimited: (c, s) => refuse(c, s) }));
  // After the limiters, so a refused client is answered at once; static files are served from memory.
  const queued = admissionQueue();
  app.use("*", async (c, next) => (c.req.path.startsWith("/static/") ? next() : queued(c, next)));

  const refuse = (c: Context, retryAfterS: number) =>
    isDataPath(c.req.path)
      ? apiError(c, 429, "api.rate_limited", `api: too many requests, retry after ${retryAfterS} s`)
      : page(c, 429, {
          title: errorTitle(429),
          active: null,
          body: renderErrorPage(429, `أعد المحاولة بعد ${secondsLabel(retryAfterS)}.`),
        });

  const page = (
    c: Context,
    status: 200 | 400 | 403 | 404 | 429 | 500 | 503,
    shell: Parameters<typeof renderPage>[0],
  ) => c.html(renderPage(shell, assets), status, { "Cache-Control": "no-cache" });

  const context = async (): Promise<{ ctx: ViewContext; sourceList: SourceSummary[] }> => {
    const sourceList = await storage.sources.listSources();
    sourceList.sort((a, b) => b.articleCount - a.articleCount || a.name.localeCompare(b.name, "ar"));
    return { ctx: { sources: new Map(sourceList.map((s) => [s.id, s])), nowMs: now() }, sourceList };
  };
  const params = (c: Context) => (name: string) => c.req.queries(name) ?? [];

  const sendAsset = (c: Context, file: StaticAsset, immutable: boolean) => {
    // A compressed answer carried the weak form of the tag (W/"…"), which comes back the same way.
    if (c.req.header("if-none-match")?.replace(/^W\//, "") === file.etag) return c.body(null, 304);
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": file.contentType,
      ETag: file.etag,
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=604800",
    });
  };
  app.get("/static/*", (c) => {
    const file = assets.files.get(c.req.path);
    if (file === undefined) return c.text("not found", 404);
    return sendAsset(c, file, file.immutable);
  });

  // Browsers ask for /favicon.ico by habit (feed readers, bookmarks) even with the icon link on every page. The SVG
  // itself, revalidated like any unhashed file: a permanent redirect would pin one content hash in caches for good.
  app.get("/favicon.ico", (c) => sendAsset(c, assets.files.get(assets.iconUrl)!, false));

  app.get("/", async (c) => {
    const get = params(c);
    const offset = intParam(get, "offset", 0, 0, MAX_PAGE_OFFSET, "web");
    const source = slugParam(get, "source");
    const country = slugParam(get, "country").toUpperCase();
    // A past day's top stories (the display time zone's day): what ran that day, ranked as of its end. A day that is
    // no date (typed into the URL, or two of them) is said on the page, over the newest stories shown instead.
    let window: DayWindow | null = null;
    let dayRefused: string | undefined;
    try {
      window = dayWindowParam(get);
    } catch (err) {
      if (!isAkhbarError(err) || statusOfCode(err.code) !== 400) throw err;
      dayRefused = readerErrorMessage(err, 400);
    }
    const day = window?.day ?? "";
    const dayWindow = window === null ? {} : { sinceMs: window.sinceMs, untilMs: window.untilMs };
    const { ctx, sourceList } = await context();
    const sources = await sourceFilter(storage, source, country);
    const top =
      sources === null
        ? { total: 0, stories: [] }
        : await reader.topStories({ sources, limit: STORIES_PER_PAGE, offset, ...dayWindow });
    const feedQuery = queryString([
      ["source", source],
      ["country", country],
    ]);
    return page(c, dayRefused === undefined ? 200 : 400, {
      title: homeTitle({ day, source, country, offset, limit: STORIES_PER_PAGE }, ctx).text,
      active: "home",
      feeds: {
        rss: `/feeds/top.rss${feedQuery}`,
        json: `/feeds/top.json${feedQuery}`,
        // The feeds carry the newest top stories of the outlet or country, whatever day or page is shown.
        title: homeTitle({ day: "", source, country, offset: 0, limit: STORIES_PER_PAGE }, ctx).text,
      },
      body: renderHomePage(
        {
          ...top,
          limit: STORIES_PER_PAGE,
          offset,
          country,
          source,
          day,
          ...(dayRefused === undefined ? {} : { dayRefused }),
          sourceList,
          capabilities: reader.capabilities,
        },
        ctx,
      ),
    });
  });

  app.get("/entities", async (c) => {
    const get = params(c);
    const sources = await sourceFilter(storage, slugParam(get, "source"), slugParam(get, "country"));
    const { storiesRead, entities } =
      sources === null ? { storiesRead: 0, entities: [] } : await entitiesCache.topEntities(sources);
    return page(c, 200, {
      title: "في الأخبار",
      active: "entities",
      body: renderEntitiesPage(entities, storiesRead),
    });
  });

  app.get("/story/:id", async (c) => {
    const id = idParam(c);
    const offset = intParam(params(c), "offset", 0, 0, MAX_PAGE_OFFSET, "web");
    const order = coverageOrderParam(params(c));
    const [story, { ctx }] = await Promise.all([reader.story(id), context()]);
    if (story === null) throw new AkhbarError("web.not_found", "لا توجد قصة بهذا المعرّف.");
    const storyHref = (o: number, sort: CoverageOrder) =>
      `/story/${encodeURIComponent(story.id)}${queryString([
        ["sort", sort === "oldest" ? null : sort],
        ["offset", o || null],
      ])}`;
    const feed = `/feeds/story/${encodeURIComponent(story.id)}`;
    return page(c, 200, {
      title: `${story.headline}${pageTitleSuffix(offset, STORY_CARDS_PER_PAGE)}`,
      active: null,
      // Named without the page's number: a feed carries the whole coverage, newest first.
      feeds: { rss: `${feed}.rss`, json: `${feed}.json`, title: story.headline },
      body: renderStoryPage(story, reader.capabilities, ctx, {
        offset,
        hrefFor: (o) => storyHref(o, order),
        order,
        orderHrefFor: (sort) => storyHref(0, sort),
      }),
    });
  });

  app.get("/article/:id", async (c) => {
    const id = idParam(c);
    const article: Article | null = await storage.articles.getArticle(id);
    if (article === null) throw new AkhbarError("web.not_found", "لا يوجد مقال بهذا المعرّف.");
    const [story, related, { ctx }] = await Promise.all([
      reader.storyOfArticle(id),
      // A few of the story's other reports (ARTICLE_COVERAGE_MAX) and a link to the story for the rest: a big
      // story's hundreds of rows are not read for an article page.
      reader.related(id, { sameStory: true, sameStoryMax: ARTICLE_COVERAGE_MAX }),
      context(),
    ]);
    return page(c, 200, {
      title: stripWireDeskPrefix(article.title),
      active: null,
      body: renderArticlePage(
        {
          article,
          story,
          related,
          dates: articleDates(article),
          capabilities: reader.capabilities,
          remoteImages: deps.remoteImages === true,
        },
        ctx,
      ),
    });
  });

  app.get("/search", async (c) => {
    const get = params(c);
    // The box's text is cut, not refused, when pasted text runs past what the parser reads; the page says so.
    const typed = cutQuery(singleParam(get, "q"));
    // `source:x` typed in the box and the outlet menu are one filter: the words leave the text for the menu, so
    // the menu shows them and a facet link replaces the outlet instead of adding one.
    // The menu's ids (from the link) must be slugs (else 400); ids or outlet names typed in the box are resolved and
    // checked with the outlets this reader lists, so one naming no outlet is said on the page, form kept.
    const { ctx, sourceList } = await context();
    const named = resolveSearchSources(typed.text, slugListParam(get, "source"), sourceList);
    const form: SearchForm = {
      q: named.text,
      sources: named.sources,
      from: singleParam(get, "from"),
      to: singleParam(get, "to"),
      recent: get("recent").length > 0 && get("recent")[0] !== "0",
      sort: get("sort")[0] === "date" ? "date" : "relevance",
      cut: typed.cut,
    };
    let result: SearchResult | null = null;
    let error: string | null = null;
    let offset = 0;
    let found: Awaited<ReturnType<SearchFacets["countBySource"]>> = [];
    if (form.q !== "" || form.sources.length > 0) {
      try {
        if (named.unknown.length > 0)
          throw new AkhbarError(
            "web.bad_param",
            `لا يعرف القارئ مصدرًا بالمعرّف «${named.unknown.join("، ")}». اختر المصدر من القائمة.`,
          );
        const parsed = parseSearchParams((name) =>
          name === "limit"
            ? [String(SEARCH_PAGE_SIZE)]
            : name === "q"
              ? [form.q]
              : name === "source"
                ? form.sources
                : get(name),
        );
        offset = parsed.options.offset;
        result = await searchArticles(storage, parsed.query, parsed.options);
        // Facets count the words' matches per outlet; a browse of one outlet (no words) has none to count.
        if (hasSearchableWords(form.q))
          found = await facets.countBySource(
            form.q,
            parsed.options,
            sourceList.filter((s) => s.articleCount > 0).map((s) => s.id),
          );
      } catch (err) {
        if (!isAkhbarError(err) || statusOfCode(err.code) !== 400) throw err;
        error = readerErrorMessage(err, 400);
      }
    }
    const feedQuery =
      result === null
        ? undefined
        : queryString([
            ["q", form.q],
            ["source", form.sources.join(",")],
          ]);
    const searchTitle = form.q === "" ? "البحث" : `بحث: ${form.q}`;
    return page(c, error === null ? 200 : 400, {
      title: `${searchTitle}${pageTitleSuffix(offset, SEARCH_PAGE_SIZE)}`,
      active: "search",
      query: form.q,
      noindex: true,
      ...(feedQuery === undefined
        ? {}
        : {
            feeds: {
              rss: `/feeds/search.rss${feedQuery}`,
              json: `/feeds/search.json${feedQuery}`,
              title: searchTitle,
            },
          }),
      body: renderSearchPage(
        {
          form,
          result,
          facets: found,
          limit: SEARCH_PAGE_SIZE,
          offset,
          error,
          sourceList,
          reindexing: result !== null && isReindexing(deps.reindex),
        },
        ctx,
      ),
    });
  });

  app.get("/sources", async (c) => {
    const { ctx, sourceList } = await context();
    const feeds = storage.feeds ? await storage.feeds.listFeeds() : null;
    return page(c, 200, {
      title: "المصادر",
      active: "sources",
      body: renderSourcesPage(sourceList, feeds, ctx),
    });
  });

  app.get("/sources/:id", async (c) => {
    const id = idParam(c);
    const offset = intParam(params(c), "offset", 0, 0, MAX_PAGE_OFFSET, "web");
    const { ctx, sourceList } = await context();
    const source = sourceList.find((s) => s.id === id);
    if (source === undefined) throw new AkhbarError("web.not_found", "لا يوجد مصدر بهذا المعرّف.");
    // The outlet's own newest articles (a browse of the source), not the stories it took part in: those carry other
    // outlets' headlines and leads.
    const latest = await searchArticles(storage, "", {
      sources: [id],
      from: null,
      to: null,
      limit: SOURCE_PAGE_SIZE,
      offset,
      recency: false,
    });
    const feeds = storage.feeds ? (await storage.feeds.listFeeds()).filter((f) => f.sourceId === id) : null;
    const feedBase = `/feeds/source/${encodeURIComponent(id)}`;
    return page(c, 200, {
      title: `${source.name}${pageTitleSuffix(offset, SOURCE_PAGE_SIZE)}`,
      active: "sources",
      feeds: { rss: `${feedBase}.rss`, json: `${feedBase}.json`, title: source.name },
      body: renderSourcePage(
        {
          source,
          perDay: await countPerDay(storage, id, source.lastArticleAt),
          articles: latest.hits,
          total: latest.total,
          limit: SOURCE_PAGE_SIZE,
          offset,
          feeds,
        },
        ctx,
      ),
    });
  });

  // Admin: a login form exchanges AKHBAR_ADMIN_TOKEN for a session cookie; every POST needs the session's CSRF
  // token and a same-origin request, or `Authorization: Bearer <token>` (not an ambient credential, so no CSRF).
  const adminPage = (c: Context, status: 200 | 400 | 403 | 503, body: SafeHtml) =>
    page(c, status, { title: "الإدارة", active: null, noindex: true, body });

  app.get("/admin", async (c) => {
    if (auth === null) return adminPage(c, 503, renderAdminOff());
    const session = getCookie(c, ADMIN_COOKIE);
    if (session === undefined || !auth.isSession(session)) return adminPage(c, 200, renderAdminLogin(null));
    const done = singleParam(params(c), "done");
    const message = done === "" ? null : { ok: !done.startsWith("!"), text: done.replace(/^!/, "") };
    // Listed by the Arabic names the table shows, not by the Latin ids the store sorts by.
    const sources = (await storage.sources.listSources()).sort(
      (a, b) => a.name.localeCompare(b.name, "ar") || a.id.localeCompare(b.id),
    );
    return adminPage(c, 200, renderAdminHome(sources, auth.csrfFor(session), message));
  });

  app.post("/admin/login", async (c) => {
    if (auth === null) return adminPage(c, 503, renderAdminOff());
    if (!isSameOrigin(c.req.raw.headers, hostOf(c)))
      return adminPage(c, 403, renderAdminLogin("طلب من موقع آخر."));
    const form = await c.req.parseBody();
    const token = formField(form, "token");
    if (!auth.isToken(token)) return adminPage(c, 403, renderAdminLogin("الرمز غير صحيح."));
    setCookie(c, ADMIN_COOKIE, auth.newSession(), {
      path: "/admin",
      httpOnly: true,
      sameSite: "Strict",
      secure: new URL(c.req.url).protocol === "https:",
      maxAge: ADMIN_SESSION_MAX_AGE_S,
    });
    return c.redirect("/admin", 303);
  });

  /** Runs an admin action after authentication and CSRF checks; redirects back with its message. */
  const adminAction =
    (action: (form: Record<string, unknown>, c: Context) => Promise<string>) => async (c: Context) => {
      if (auth === null) return adminPage(c, 503, renderAdminOff());
      const form = await c.req.parseBody();
      const bearer = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
      if (bearer !== undefined) {
        if (!auth.isToken(bearer)) return apiError(c, 401, "admin.unauthorized", "admin: bad token");
      } else {
        const session = getCookie(c, ADMIN_COOKIE);
        if (session === undefined || !auth.isSession(session))
          return adminPage(c, 403, renderAdminLogin("انتهت الجلسة أو لم تسجّل الدخول."));
        const csrf = typeof form[CSRF_FIELD] === "string" ? (form[CSRF_FIELD] as string) : undefined;
        if (!isSameOrigin(c.req.raw.headers, hostOf(c)) || !auth.isCsrf(session, csrf))
          return adminPage(
            c,
            403,
            renderErrorPage(403, "رمز الحماية من الطلبات المزوّرة مفقود أو غير صحيح. أعد تحميل الصفحة."),
          );
      }
      let text: string;
      try {
        text = await action(form, c);
      } catch (err) {
        if (!isAkhbarError(err)) throw err;
        // A script (bearer) reads the stable English message beside ok:false; the form page speaks Arabic.
        text = `!${bearer !== undefined ? err.message : adminErrorMessage(err)}`;
      }
      if (bearer !== undefined) return c.json({ ok: !text.startsWith("!"), message: text.replace(/^!/, "") });
      return c.redirect(`/admin?done=${encodeURIComponent(text)}`, 303);
    };

  app.post(
    "/admin/logout",
    adminAction(async (_form, c) => {
      setCookie(c, ADMIN_COOKIE, "", { path: "/admin", httpOnly: true, sameSite: "Strict", maxAge: 0 });
      return "خرجت من الإدارة.";
    }),
  );
  app.post(
    "/admin/sources",
    adminAction((form) => sourceAdmin.addSource(readNewSource(form))),
  );
  app.post(
    "/admin/opml",
    adminAction((form) => sourceAdmin.importOpml(formField(form, "opml"))),
  );
  app.post(
    "/admin/sources/:id/disable",
    adminAction((_form, c) => sourceAdmin.disableSource(idParam(c))),
  );
  app.post(
    "/admin/articles/delete",
    adminAction(async (form) => {
      const id = await resolveArticleReference(storage.articles, formField(form, "article"));
      if (id === null)
        throw new AkhbarError(
          "admin.bad_param",
          "admin: name the article by its id, its reader link or its outlet's link",
          {
            field: "article",
            reason: "no_article",
          },
        );
      const { deleted } = await deleteArticles(storage, [id], formField(form, "reason"));
      // The other answers follow the store's change mark at once; "في الأخبار" keeps its own up to its max age.
      entitiesCache.clear();
      const gone = deleted[0];
      if (gone === undefined)
        throw new AkhbarError("admin.bad_param", `admin: no article with id "${id}"`, {
          field: "article",
          reason: "no_article",
        });
      return `حُذف المقال «${gone.title}» (${gone.sourceId}) نهائيًا؛ لن يعود من الخلاصة أو الاستيراد.`;
    }),
  );

  app.get("/api/openapi.json", (c) => c.json(OPENAPI_DOCUMENT));
  app.route("/", createReaderApi({ storage, reader, entities: entitiesCache }));
  app.route("/", createFeedRoutes({ storage, reader }));
  if (deps.api) app.route("/", deps.api);

  app.notFound((c) => {
    // Every JSON and feed route is read-only: another method on one of them is a 405 with the methods it takes
    // (RFC 9110 section 15.5.6), so a client learns the route exists.
    if (isDataPath(c.req.path) && isDocumentedPath(c.req.path)) {
      c.header("Allow", "GET, HEAD");
      return apiError(
        c,
        405,
        "api.method_not_allowed",
        `api: ${c.req.path} takes GET or HEAD, not ${c.req.method}`,
      );
    }
    return isDataPath(c.req.path)
      ? apiError(c, 404, "api.not_found", `api: no route for ${c.req.method} ${c.req.path}`)
      : page(c, 404, {
          title: errorTitle(404),
          active: null,
          body: renderErrorPage(404, "لم نجد هذه الصفحة."),
        });
  });
  app.onError((err, c) => {
    const status = isAkhbarError(err) ? statusOfCode(err.code) : 500;
    if (status === 500) console.error(err);
    const code = isAkhbarError(err) ? err.code : "api.internal";
    if (isDataPath(c.req.path))
      return apiError(
        c,
        status,
        code,
        status === 500 || !isAkhbarError(err) ? "api: internal error" : err.message,
      );
    const htmlStatus = status === 401 ? 403 : status;
    return page(c, htmlStatus, {
      title: errorTitle(htmlStatus),
      active: null as NavItem,
      body: renderErrorPage(htmlStatus, readerErrorMessage(err, htmlStatus), status === 500 ? null : code),
    });
  });
  return app;
}

/** The reader over `storage`, its answers cached until the next write when the store can say when that is. */
function defaultReader(storage: Storage): ReaderData {
  const reader =
    storage.stories === undefined ? new StorageReaderData(storage) : new StoryReaderData(storage);
  const changeMark = storage.changeMark?.bind(storage);
  return changeMark === undefined ? reader : new CachedReaderData(reader, changeMark);
}

function idParam(c: Context): string {
  const id = c.req.param("id") ?? "";
  if (id === "" || id.length > MAX_ID_CHARS) throw new AkhbarError("web.not_found", "المعرّف غير صالح.");
  return id;
}

function hostOf(c: Context): string {
  return c.req.header("host") ?? new URL(c.req.url).host;
}

/** A posted form's text field, "" when it is missing or a file. */
function formField(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === "string" ? value : "";
}

function readNewSource(form: Record<string, unknown>) {
  const text = (name: string) => formField(form, name).trim();
  const bad = (field: string, reason: string, message: string) =>
    new AkhbarError("admin.bad_param", `admin: ${message}`, { field, reason });
  const id = text("id");
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id))
    throw bad("id", "not_slug", "the id must be lowercase letters, digits and dashes");
  // As every other way a source name enters (stages/ingest/clean-display.ts).
  const name = cleanDisplayLine(text("name"));
  if (name === "" || name.length > 200) throw bad("name", "required", "the name is required");
  const url = (value: string, field: string, what: string) => {
    if (value === "") return null;
    try {
      const u = new URL(value);
      if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    } catch {}
    throw bad(field, "not_url", `the ${what} must be an http(s) URL`);
  };
  const country = text("country").toUpperCase();
  if (country !== "" && !isKnownCountryCode(country))
    throw bad("country", "not_country", "the country must be a two-letter ISO 3166 code");
  return {
    id,
    name,
    homepage: url(text("homepage"), "homepage", "homepage"),
    country: country === "" ? null : country,
    feedUrl: url(text("feed"), "feed", "feed URL"),
  };
}

/**
 * Articles per day for SOURCE_CHART_DAYS days ending on the latest article's day (count-only index queries), days in
 * the reader's time zone as every date on the page: an outlet's print edition stamped 23:45 UTC is the next day's.
 */
async function countPerDay(
  storage: Storage,
  sourceId: string,
  lastArticleAt: string | null,
): Promise<{ day: string; count: number }[]> {
  const last = lastArticleAt === null ? Number.NaN : Date.parse(lastArticleAt);
  if (Number.isNaN(last)) return [];
  const lastDayMs = Date.parse(`${displayDayOf(last)}T00:00:00Z`);
  const out: { day: string; count: number }[] = [];
  for (let i = SOURCE_CHART_DAYS - 1; i >= 0; i--) {
    const day = new Date(lastDayMs - i * DAY_MS).toISOString().slice(0, 10);
    const refs = await storage.search.search({
      terms: [],
      phrases: [],
      anyOf: [],
      excluded: [],
      sources: [sourceId],
      from: new Date(displayDayStartMs(day)).toISOString(),
      to: new Date(displayDayEndMs(day) + 1).toISOString(),
      limit: 0,
      offset: 0,
      recency: false,
    });
    out.push({ day, count: refs.total });
  }
  return out;
}
