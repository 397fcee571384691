/**
 * SearchIndex port: ranked retrieval over the index fields that ArticleStore.writeArticles stored.
 * Interface only. Adapters translate a SearchQuery to their engine (FTS5, tsvector) and rank with BM25-like scores.
 *
 * Index fields and query terms come from one analyzer (stages/arabic): every surface word of an article has its
 * stem in `title` or `body` (buildIndexFields), and a query term's stems include its surface form's stem
 * (parseQuery). So a term that has stems matches exactly the articles holding one of them: adapters may decide
 * membership (counts, candidate windows) on stems alone and use the surface form only to rank exact spellings
 * higher and for terms without a usable stem. A phrase's surface forms may be adjacent across the title/body
 * boundary, so a phrase still matches through its surface forms.
 */
import type { QueryTerm, SearchHitRef, SearchQuery, SearchRefs } from "../domain/search.ts";

export interface SearchIndex {
  search(query: SearchQuery): Promise<SearchRefs>;
  /**
   * "More like this" neighbours of one word: at most `limit` articles holding `term` (the matches of a one-term
   * `search`), best first by the engine's cheapest relevance score, ranked among the newest RANK_CANDIDATES_MAX
   * matches as `search` ranks. No surface-form preference and no title boost: the caller rescores its neighbours
   * itself (stages/related), so only which articles come back matters, and that ranking was half the article page.
   */
  searchNeighbours(term: QueryTerm, limit: number): Promise<SearchHitRef[]>;
  /**
   * Matches per publisher source (facets): the query's terms, phrases, exclusions and time bounds, its source
   * filter and paging ignored, so a reader sees what each outlet has. Sources without a match are left out;
   * the counts are what `search` with that one source would report as `total`.
   */
  countBySource(query: SearchQuery): Promise<Map<string, number>>;
}
