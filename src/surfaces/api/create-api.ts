/**
 * The JSON HTTP API: every route in one table, parameters validated, errors as {error: {code, message}}.
 * Surface code over the Storage ports; tests call `app.request()` without opening a port.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import { AkhbarError, isAkhbarError } from "../../domain/errors.ts";
import type { BackgroundReindex, ReindexProgress } from "../../pipeline/reindex-articles.ts";
import { searchArticles } from "../../pipeline/search-articles.ts";
import type { Storage } from "../../ports/storage.ts";
import { feedsBySource, toArticleJson, toSearchResultJson, toSourceJson } from "../present.ts";
import { parseSearchParams } from "../search-params.ts";
import { readSearchSources, unknownSourceError } from "../source-names.ts";

export interface ApiDeps {
  storage: Storage;
  version: string;
  startedAt: Date;
  /** A re-index under way beside serving (pipeline/reindex-articles.ts BackgroundReindex); absent: none. */
  reindex?: ReindexStatus;
}

/** What the surfaces read of a background re-index: where it is, null once the index is current. */
export type ReindexStatus = Pick<BackgroundReindex, "progress">;

/** Builds the app. Routes: GET /health, /api/search, /api/articles/:id, /api/sources. */
export function createApi(deps: ApiDeps): Hono {
  const app = new Hono();

  app.get("/health", async (c) => {
    const articles = await deps.storage.articles.countArticles();
    return c.json({
      status: "ok",
      version: deps.version,
      articles,
      uptime_s: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
      reindexing: toReindexingJson(deps.reindex?.progress() ?? null),
    });
  });

  app.get("/api/search", async (c) => {
    const params = parseSearchParams((name) => c.req.queries(name) ?? []);
    // source= and source: in q take an outlet's id or its Arabic name; one naming no outlet is a 400, not an empty 200.
    // The outlets are read only for a search that names one.
    const named = await readSearchSources(params.query, params.options.sources, () =>
      deps.storage.sources.listSources(),
    );
    if (named.unknown.length > 0) throw unknownSourceError(named.unknown);
    const options = { ...params.options, sources: named.sources };
    const result = await searchArticles(deps.storage, named.text, options);
    // A store being re-indexed holds articles under the old analyzer's keys: some matches may be missing.
    return c.json({ ...toSearchResultJson(result, options), reindexing: isReindexing(deps.reindex) });
  });

  app.get("/api/articles/:id", async (c) => {
    const id = c.req.param("id");
    const article = id.length > 200 ? null : await deps.storage.articles.getArticle(id);
    if (article === null)
      throw new AkhbarError("api.not_found", `api: no article with id "${id.slice(0, 200)}"`);
    // Where the stories stage placed it; without stories each article is its own story (StorageReaderData).
    const [placement] =
      deps.storage.stories === undefined ? [] : await deps.storage.stories.getPlacements([id]);
    const storyId = deps.storage.stories === undefined ? article.id : (placement?.storyId ?? null);
    return c.json(toArticleJson(article, { storyId, duplicateOf: placement?.duplicateOf ?? null }));
  });

  app.get("/api/sources", async (c) => {
    const sources = await deps.storage.sources.listSources();
    const feeds = feedsBySource(await deps.storage.feeds.listFeeds());
    return c.json({ sources: sources.map((s) => toSourceJson(s, feeds.get(s.id))) });
  });

  app.notFound((c) =>
    errorResponse(c, 404, "api.not_found", `api: no route for ${c.req.method} ${c.req.path}`),
  );
  app.onError((err, c) => {
    if (isAkhbarError(err)) return errorResponse(c, statusOf(err.code), err.code, err.message);
    console.error(err);
    return errorResponse(c, 500, "api.internal", "api: internal error");
  });
  return app;
}

/** True while a background re-index runs: searches may miss articles it has not reached. */
export function isReindexing(reindex: ReindexStatus | undefined): boolean {
  return reindex?.progress() != null;
}

/** /health's `reindexing`: null, or where the re-index is (re-indexed so far, a stopped run's articles included, of the store's). */
function toReindexingJson(p: ReindexProgress | null) {
  return p === null
    ? null
    : {
        from_version: p.fromVersion,
        to_version: p.toVersion,
        articles_done: p.articlesDone,
        articles_total: p.articlesTotal,
      };
}

/** HTTP status for an error code: bad input is the caller's fault (400), missing things 404. */
function statusOf(code: string): 400 | 404 | 500 {
  if (code.endsWith(".not_found")) return 404;
  if (code.startsWith("search.") || code.endsWith(".bad_param") || code.endsWith(".usage")) return 400;
  return 500;
}

function errorResponse(c: Context, status: 400 | 404 | 500, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}
