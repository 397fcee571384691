/**
 * Builders for contract-suite inputs: article writes with hand-made index fields and search queries.
 * Test helper, pure. Index fields are written by hand so the suites never depend on the Arabic analyzer.
 */
import type { ArticleDraft, ArticleWrite, IndexFields, MatchText } from "../../src/domain/article.ts";
import { EMPTY_QUERY, type QueryTerm, type SearchQuery } from "../../src/domain/search.ts";

export interface WriteOverrides extends Partial<ArticleDraft> {
  /** Index fields; `surface` defaults to title + body. */
  index?: Partial<Record<keyof IndexFields, string>>;
}

/**
 * An article write with distinct id, URL and content hash derived from `key`, unless overridden.
 * Example: `makeArticleWrite("a1", { sourceId: "okaz" })`.
 */
export function makeArticleWrite(key: string, overrides: WriteOverrides = {}): ArticleWrite {
  const { index, ...draft } = overrides;
  const article: ArticleDraft = {
    id: `id-${key}`,
    url: `https://news.example/${key}?utm_source=x`,
    canonicalUrl: `https://news.example/${key}`,
    sourceId: "alpha",
    citedSource: null,
    title: `title ${key}`,
    publishedAt: null,
    fetchedAt: "2015-07-21T02:16:13",
    language: "ar",
    text: `text of ${key}`,
    html: null,
    byline: null,
    imageUrl: null,
    contentHash: `hash-${key}`,
    extra: {},
    ...draft,
  };
  const title = index?.title ?? `t${key}`;
  const body = index?.body ?? `b${key}`;
  return {
    article,
    index: {
      title: title as MatchText,
      body: body as MatchText,
      surface: (index?.surface ?? `${title} ${body}`) as MatchText,
    },
  };
}

/** A query term; `stems` default to the surface form itself. */
export function term(surface: string, ...stems: string[]): QueryTerm {
  return { display: surface, surface, stems: stems.length === 0 ? [surface] : stems };
}

export function makeQuery(overrides: Partial<SearchQuery> = {}): SearchQuery {
  return {
    ...EMPTY_QUERY,
    limit: 20,
    ...overrides,
  };
}
