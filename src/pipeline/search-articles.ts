/**
 * Search pipeline: raw query → parsed, analyzed query (stage) → ranked ids (SearchIndex port)
 * → display fields (ArticleStore port) → snippets cut from display text (stage).
 */
import type { SearchQuery, SearchResult } from "../domain/search.ts";
import type { Storage } from "../ports/storage.ts";
import { buildSnippet, highlightTitle } from "../stages/search/build-snippet.ts";
import { parseQuery } from "../stages/search/parse-query.ts";

export type SearchOptions = Pick<SearchQuery, "sources" | "from" | "to" | "limit" | "offset" | "recency">;

/** Runs a user query; throws AkhbarError `search.bad_query` when nothing searchable is left in it. */
export async function searchArticles(
  storage: Storage,
  raw: string,
  options: SearchOptions,
): Promise<SearchResult> {
  const query = parseQuery(raw, options);
  const refs = await storage.search.search(query);
  const articles = await storage.articles.getArticleSummaries(refs.hits.map((hit) => hit.id));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const hits = [];
  for (const ref of refs.hits) {
    const article = byId.get(ref.id);
    if (article === undefined) continue;
    hits.push({
      id: article.id,
      title: article.title,
      title_highlight: highlightTitle(article.title, query),
      source: article.sourceId,
      published_at: article.publishedAt,
      url: article.url,
      snippet: buildSnippet(article.text, query),
      score: ref.score,
    });
  }
  return { total: refs.total, hits };
}
