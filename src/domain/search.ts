/**
 * Search query and result shapes shared by the query parser (stages/search), the index adapters and surfaces.
 * Pure domain types. Terms arrive already analyzed, so adapters never run Arabic rules themselves.
 */

/** One query word, in the forms the index holds. */
export interface QueryTerm {
  /** As the user typed it (for echoing and highlighting). */
  display: string;
  /** Normalized, unstemmed form: matched against the `surface` field. */
  surface: string;
  /**
   * Light stem plus its spelling-variant keys: any of them matches the `title`/`body` fields. Includes the stem of
   * `surface` when it has one (the SearchIndex port relies on it); empty when the word has no usable stem.
   */
  stems: string[];
}

export interface SearchQuery {
  /** Every term must match. */
  terms: QueryTerm[];
  /** Every phrase must match with its words adjacent. */
  phrases: QueryTerm[][];
  /**
   * Every group must match through one of its alternatives (`a OR b`): each alternative a word (one term) or a phrase
   * (several, adjacent). Usually empty.
   */
  anyOf: QueryTerm[][][];
  /** No hit may match any of these. */
  excluded: QueryTerm[];
  /** Restrict to these publisher source ids (any of them). Empty means all. */
  sources: string[];
  /** Inclusive ISO lower bound on the article's time (published, else fetched). */
  from: string | null;
  /** Exclusive ISO upper bound. */
  to: string | null;
  limit: number;
  offset: number;
  /** Blend a freshness prior into the score. */
  recency: boolean;
  /**
   * `relevance` (absent: the same): best match first, as scored. `date`: every match newest first (article time, then
   * arrival), score = article time in days since 1970, `recency` moot; with `foldCopies` a copy group stands where
   * its newest match does.
   */
  sort?: SearchSort;
  /**
   * One hit per copy group (the group's best-ranked match, its other matches as `copies`), and `total`, `limit`,
   * `offset` and per-source counts in those hits: every page holds `limit` of them while that many remain, and
   * paging by offset meets each group once. Absent or false: one hit per article (browsing, per-day counts).
   */
  foldCopies?: boolean;
}

/** The orders a search can list its matches in: by score, or newest first. */
export const SEARCH_SORTS = ["relevance", "date"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** A span of article times, both ends inclusive, in epoch ms (the store's `time_ms` scale). */
export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

export interface SearchHitRef {
  id: string;
  /** Higher is better; comparable only within one result list. */
  score: number;
}

/** A ranked hit of `search`: with `foldCopies`, its copy group's best-ranked match. */
export interface SearchResultRef extends SearchHitRef {
  /**
   * With `foldCopies`: ids of the group's other matches (copies of one another: one text republished), earliest
   * first (time, then seq); empty for an article without copies among the matches. Absent without folding.
   */
  copies?: string[];
}

export interface SearchRefs {
  /** Matches, or with `foldCopies` copy groups among the matches (an article in no group is one). */
  total: number;
  hits: SearchResultRef[];
}

/** What surfaces print: a hit with its display fields and a highlighted snippet. */
export interface SearchHit {
  id: string;
  title: string;
  /** The title, without a wire desk's section ("عام / "), with every word that matches a query term wrapped in the
   * snippet's markers. */
  title_highlight: string;
  source: string;
  published_at: string | null;
  url: string;
  /** Display text around the best match; matches wrapped in `[[` and `]]` markers (see stages/search/snippet). */
  snippet: string;
  score: number;
  /**
   * The other matches of this hit's copy group (the same text republished), earliest first, wherever they would rank:
   * a group is one hit. Usually empty.
   */
  copies: SearchHitCopy[];
}

/** A copy folded under the best-ranked match of its copy group (SearchQuery.foldCopies). */
export interface SearchHitCopy {
  id: string;
  source: string;
  published_at: string | null;
  url: string;
}

export interface SearchResult {
  /** Hits across all pages: copy groups among the matches, each counted once however many outlets carry it. */
  total: number;
  hits: SearchHit[];
}

/** A query with nothing in it: the base for building one-term queries (`{ ...EMPTY_QUERY, terms: [term] }`). */
export const EMPTY_QUERY: SearchQuery = {
  terms: [],
  phrases: [],
  anyOf: [],
  excluded: [],
  sources: [],
  from: null,
  to: null,
  limit: 0,
  offset: 0,
  recency: false,
};
