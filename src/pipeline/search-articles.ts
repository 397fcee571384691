/**
 * Search pipeline: raw query → parsed, analyzed query (stage) → ranked copy groups, each its best match and its other
 * matches (SearchIndex port, folding copies) → display fields (ArticleStore port) → snippets cut from display text
 * (stage).
 */
import type { SearchHit, SearchQuery, SearchResult } from "../domain/search.ts";
import type { Storage } from "../ports/storage.ts";
import { stripWireDeskPrefix } from "../stages/dedupe/strip-syndication-marks.ts";
import { buildSnippet, highlightTitle } from "../stages/search/build-snippet.ts";
import { parseQuery } from "../stages/search/parse-query.ts";

export type SearchOptions = Pick<
  SearchQuery,
  "sources" | "from" | "to" | "limit" | "offset" | "recency" | "sort"
>;

/**
 * Runs a user query: one hit per copy group, so a wire story is listed once with the outlets that republished it;
 * `limit`, `offset` and `total` count those hits. Throws AkhbarError `search.bad_query` when nothing searchable is
 * left in the query.
 */
export async function searchArticles(
  storage: Storage,
  raw: string,
  options: SearchOptions,
): Promise<SearchResult> {
  const query = { ...parseQuery(raw, options), foldCopies: true };
  const refs = await storage.search.search(query);
  const ids = refs.hits.flatMap((hit) => [hit.id, ...(hit.copies ?? [])]);
  const byId = new Map((await storage.articles.getArticleSummaries(ids)).map((a) => [a.id, a]));
  const hits: SearchHit[] = [];
  for (const ref of refs.hits) {
    // Deleted between the index read and the row read: left out (a copy still there is not promoted).
    const article = byId.get(ref.id);
    if (article === undefined) continue;
    hits.push({
      id: article.id,
      title: article.title,
      // Shown as the hit's heading: a wire desk's section ("عام / ") is no part of the headline.
      title_highlight: highlightTitle(stripWireDeskPrefix(article.title), query),
      source: article.sourceId,
      published_at: article.publishedAt,
      url: article.url,
      snippet: buildSnippet(article.text, query),
      score: ref.score,
      copies: (ref.copies ?? []).flatMap((id) => {
        const copy = byId.get(id);
        return copy === undefined
          ? []
          : [{ id: copy.id, source: copy.sourceId, published_at: copy.publishedAt, url: copy.url }];
      }),
    });
  }
  return { total: refs.total, hits };
}
