/**
 * Facet counts for a search: how many results each outlet has (its copy groups among the matches, as the results
 * narrowed to it count them), so a reader can narrow a broad query. Surface code
 * over the SearchIndex port (one grouped count per query), cached briefly per query.
 */
import type { SearchQuery } from "../../domain/search.ts";
import type { SearchOptions } from "../../pipeline/search-articles.ts";
import type { Storage } from "../../ports/storage.ts";
import { parseQuery } from "../../stages/search/parse-query.ts";

/**
 * Facets of a query are reused this long: paging through results or opening a hit and coming back repeats the
 * same query within seconds, and counts that are a minute old mislead no one while a crawl adds articles.
 */
export const FACET_CACHE_MS = 60_000;
/** Cached queries kept; the oldest is dropped first. */
export const FACET_CACHE_ENTRIES = 500;

export interface SourceFacet {
  sourceId: string;
  count: number;
}

/** Counts per source, largest first, zeros left out. Reuses results for FACET_CACHE_MS. */
export class SearchFacets {
  readonly #storage: Storage;
  readonly #now: () => number;
  readonly #cache = new Map<string, { at: number; facets: SourceFacet[] }>();

  constructor(storage: Storage, now: () => number = Date.now) {
    this.#storage = storage;
    this.#now = now;
  }

  async countBySource(
    raw: string,
    options: SearchOptions,
    sourceIds: readonly string[],
  ): Promise<SourceFacet[]> {
    const key = JSON.stringify([raw, options.from, options.to, sourceIds]);
    const hit = this.#cache.get(key);
    if (hit !== undefined && this.#now() - hit.at < FACET_CACHE_MS) return hit.facets;
    // Folded as the results are: an outlet's count is what the results narrowed to it would count.
    const base: SearchQuery = {
      ...parseQuery(raw, { limit: 0, offset: 0, from: options.from, to: options.to }),
      foldCopies: true,
    };
    const counts = await this.#storage.search.countBySource(base);
    const facets: SourceFacet[] = [];
    for (const sourceId of sourceIds) {
      const count = counts.get(sourceId) ?? 0;
      if (count > 0) facets.push({ sourceId, count });
    }
    facets.sort((a, b) => b.count - a.count || (a.sourceId < b.sourceId ? -1 : 1));
    this.#cache.delete(key);
    this.#cache.set(key, { at: this.#now(), facets });
    if (this.#cache.size > FACET_CACHE_ENTRIES) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    return facets;
  }
}
