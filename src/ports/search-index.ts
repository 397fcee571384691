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
import type { QueryTerm, SearchHitRef, SearchQuery, SearchRefs, TimeWindow } from "../domain/search.ts";

export interface SearchIndex {
  /**
   * Ranked matches (with `query.sort` `date`, every match newest first), `limit` from `offset`, and how many there
   * are; the ranking is the shared policy's (search-policy.ts: field weights, title, text, proximity and freshness
   * factors), each engine's own relevance score under it. With `query.foldCopies` the unit is the copy group
   * (stories stage placements; an article in none is its own): groups are ranked where their best match ranks, each
   * listed once as that match with the group's other matches as `copies`, and offset, limit and total count groups,
   * so every page holds `limit` of them while that many remain and paging meets each group once.
   */
  search(query: SearchQuery): Promise<SearchRefs>;
  /**
   * "More like this" neighbours: at most `limit` articles holding any of `terms` whose time lies in `window`
   * (inclusive epoch ms, the store's `time_ms`), best first by the engine's cheapest relevance score over all the
   * terms (an article holding more of them, or rarer ones, ranks higher). Every match inside the window is ranked,
   * however many newer articles share the words, so an old article finds its own days' neighbours. No surface-form
   * preference and no title boost: the caller rescores its neighbours itself (stages/related).
   */
  searchNeighbours(terms: readonly QueryTerm[], window: TimeWindow, limit: number): Promise<SearchHitRef[]>;
  /**
   * Matches per publisher source (facets): the query's terms, phrases, exclusions and time bounds, its source
   * filter and paging ignored, so a reader sees what each outlet has. Sources without a match are left out;
   * the counts are what `search` with that one source would report as `total` (copy groups with `foldCopies`).
   */
  countBySource(query: SearchQuery): Promise<Map<string, number>>;
  /**
   * Compacts the index after a bulk load (FTS5 merges its segments into one), so later searches read fewer
   * doclists, in steps that give the event loop back between them (a server answers meanwhile). Optional: an engine
   * that keeps itself compact (PostgreSQL's GIN) has nothing to do.
   */
  optimize?(): Promise<void>;
}
