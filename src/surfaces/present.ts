/**
 * JSON shapes that surfaces (API, CLI --json) print: snake_case, stable, documented in one place.
 * Pure mapping from domain objects.
 */
import type { Article } from "../domain/article.ts";
import type { SearchResult } from "../domain/search.ts";
import type { SearchOptions } from "../pipeline/search-articles.ts";
import type { SourceSummary } from "../ports/source-store.ts";
import { renderHighlightHtml } from "./render-highlight.ts";

export function toArticleJson(a: Article) {
  return {
    id: a.id,
    url: a.url,
    canonical_url: a.canonicalUrl,
    source: a.sourceId,
    cited_source: a.citedSource,
    title: a.title,
    published_at: a.publishedAt,
    fetched_at: a.fetchedAt,
    language: a.language,
    byline: a.byline,
    image: a.imageUrl,
    text: a.text,
    html: a.html,
    content_hash: a.contentHash,
    extra: a.extra,
  };
}

/** The export/import record: import's field names, extra fields back at the top level so a re-import is lossless. */
export function toExportRecord(a: Article): Record<string, unknown> {
  const record: Record<string, unknown> = { ...a.extra };
  Object.assign(record, {
    id: a.id,
    source: a.sourceId,
    url: a.url,
    canonical_url: a.canonicalUrl,
    title: a.title,
    published_at: a.publishedAt,
    fetched_at: a.fetchedAt,
    text: a.text,
    language: a.language,
    cited_source: a.citedSource,
    byline: a.byline,
    image: a.imageUrl,
    html: a.html,
    content_hash: a.contentHash,
    stored_at: a.storedAt,
  });
  return record;
}

export function toSourceJson(s: SourceSummary) {
  return {
    id: s.id,
    name: s.name,
    homepage: s.homepage,
    country: s.country,
    language: s.language,
    article_count: s.articleCount,
    last_article_at: s.lastArticleAt,
  };
}

/** `{total, limit, offset, hits:[{id, title, source, published_at, url, snippet, score}]}`; snippet is safe HTML with <mark>. */
export function toSearchResultJson(result: SearchResult, options: SearchOptions) {
  return {
    total: result.total,
    limit: options.limit,
    offset: options.offset,
    hits: result.hits.map((hit) => ({
      id: hit.id,
      title: hit.title,
      source: hit.source,
      published_at: hit.published_at,
      url: hit.url,
      snippet: renderHighlightHtml(hit.snippet),
      score: Math.round(hit.score * 1e4) / 1e4,
    })),
  };
}
