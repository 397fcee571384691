/**
 * SearchIndex port: ranked retrieval over the index fields that ArticleStore.writeArticles stored.
 * Interface only. Adapters translate a SearchQuery to their engine (FTS5, tsvector) and rank with BM25-like scores.
 */
import type { SearchQuery, SearchRefs } from "../domain/search.ts";

export interface SearchIndex {
  search(query: SearchQuery): Promise<SearchRefs>;
}
