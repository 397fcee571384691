/**
 * Search pipeline: raw query → parsed, analyzed query (stage) → ranked ids (SearchIndex port)
 * → display fields (ArticleStore port) and copy groups (StoryStore port) → copies folded under their best-ranked hit
 * (stage) → snippets cut from display text (stage).
 */
import type { SearchHit, SearchQuery, SearchResult } from "../domain/search.ts";
import type { Storage } from "../ports/storage.ts";
import { stripWireDeskPrefix } from "../stages/dedupe/strip-syndication-marks.ts";
import { buildSnippet, highlightTitle } from "../stages/search/build-snippet.ts";
import { foldCopies } from "../stages/search/fold-copies.ts";
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
  const ids = refs.hits.map((hit) => hit.id);
  const [articles, placements] = await Promise.all([
    storage.articles.getArticleSummaries(ids),
    storage.stories?.getPlacements(ids) ?? [],
  ]);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const groupOf = new Map(placements.map((p) => [p.articleId, p.groupId]));
  const present = refs.hits.filter((ref) => byId.has(ref.id));
  const hits: SearchHit[] = [];
  for (const { item: ref, copies } of foldCopies(present, (id) => groupOf.get(id) ?? null)) {
    const article = byId.get(ref.id)!;
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
      copies: copies.map((c) => {
        const copy = byId.get(c.id)!;
        return { id: copy.id, source: copy.sourceId, published_at: copy.publishedAt, url: copy.url };
      }),
    });
  }
  return { total: refs.total, hits };
}
