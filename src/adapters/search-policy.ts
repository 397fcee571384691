/**
 * Search policy shared by every SearchIndex adapter: field weights, title and freshness boosts, ranking caps.
 * Pure: constants plus the shared check of a query's paging and time bounds. Each engine turns them into its own
 * scoring (FTS5 bm25, PostgreSQL ts_rank), same meaning.
 */
import { ARTICLE_TEXT_CHARS_MIN } from "../domain/article.ts";
import { AkhbarError } from "../domain/errors.ts";
import { parseIsoTimeMs } from "../domain/parse-iso-time.ts";
import type { SearchQuery } from "../domain/search.ts";

/**
 * Relative field weights (title, body, surface). FTS5 takes them as bm25 column weights; ts_rank takes them
 * divided by the largest (its weights must lie in 0..1). `surface` repeats the title and body tokens unstemmed;
 * its hits count once more for the spelling the user typed.
 */
export const FIELD_WEIGHT_TITLE = 3;
export const FIELD_WEIGHT_BODY = 1;
export const FIELD_WEIGHT_SURFACE = 1;

/**
 * Score multiplier for articles whose title holds every query word (through its stems): a headline match is
 * what a news reader means. Neither bm25 nor ts_rank lets a weight lift a title hit far above a body that repeats
 * the word (both saturate per term); 2 puts such a title match above a body that repeats the word five times
 * (contract suite) while a much stronger body match can still pass a weak title match.
 */
export const TITLE_MATCH_MULTIPLIER = 2;

/** Articles without text (domain/article.ts), which search scales down. */
export { ARTICLE_TEXT_CHARS_MIN };

/**
 * Score multiplier for an article without text (under ARTICLE_TEXT_CHARS_MIN characters). Length normalization lifts such a short
 * document near the score ceiling of every word it holds: on the dev corpus (average document 585 tokens, a
 * headline's document about 10) a headline over nothing outscored the same headline over a full article by 1.01-1.6
 * times when both matched every word in the title, so a search for a story led with the item a reader cannot read.
 * 0.5 undoes the title boost for it (1 / TITLE_MATCH_MULTIPLIER): a headline with nothing under it ranks as an
 * article that names the words in its text only, below the articles with text under a matching headline and still
 * found when none is.
 */
export const TEXTLESS_MULTIPLIER = 0.5;

/**
 * Freshness prior: score × (FLOOR + (1 − FLOOR) × 0.5^(age / HALF_LIFE)). Age is measured from the newest stored
 * article, not the wall clock, so an archive or a paused crawler still ranks by relative freshness. A 3-day
 * half-life fits a news cycle; the floor keeps a strongly relevant old article above a weak fresh one.
 */
export const RECENCY_HALF_LIFE_DAYS = 3;
export const RECENCY_FLOOR = 0.35;

/**
 * A query without source or time filters that matches more articles than this ranks only the newest this many
 * matches (by seq) for the pages inside that window; `total` still counts them all and deeper pages continue
 * with the older matches (contract suite). Such a broad query has no single best answer, and newer is the better
 * tie-breaker for news; filtered queries always rank every match. Measured on the dev corpus (28k articles, the
 * 60 queries of bench/search-queries.ts, FTS5 ranking alone, quiet 2-core machine): p50/p99 3.58/8.61 ms with
 * 2000, 2.12/5.74 with 1000, 1.36/4.43 with 500. PostgreSQL's ts_rank reads each candidate's whole tsvector
 * (~10 µs per candidate against ~1 µs for FTS5's bm25) and was 13-18 ms at p50 with 2000, ~8 ms with 500.
 * One value for both engines keeps one meaning: the same query ranks the same window everywhere.
 */
export const RANK_CANDIDATES_MAX = 500;

/**
 * Proximity: a query of PROXIMITY_TERMS_MIN to PROXIMITY_TERMS_MAX loose words whose stems all stand within a window
 * in one field (title or body), in any order, scores PROXIMITY_MULTIPLIER times more. The window is FTS5's NEAR(…, N)
 * with N = PROXIMITY_GAP_TOKENS, which counts the positions between the first word and the last, the query's own
 * words included: two words with at most one other between them, three side by side. Without it «13 شهيدا» or
 * «هيئة حقوق الإنسان» ranked articles naming the words apart (بعد 13 عاماً … الشهيد) above those naming the thing.
 * Tuned on testdata/labels/search-proximity.jsonl (28 two- and three-word dev queries, first pages judged by hand;
 * bench/search-proximity.ts): mean P@10 0.875 without; gap 1 × 2: 0.914 (× 3 the same); gap 1 × 1.5: 0.900; gap 3
 * × 1.5: 0.893, × 2: 0.896; gap 6 × 1.5: 0.889; gap 0 × 2: 0.879 (two hits unjudged). A weak step, as the title boost
 * already lifts the headlines that name the thing: 5 of the 28 first pages changed, 4 for the better, none worse.
 */
export const PROXIMITY_GAP_TOKENS = 1;
export const PROXIMITY_MULTIPLIER = 2;
export const PROXIMITY_TERMS_MIN = 2;
/** More words would need every order of them spelled out in PostgreSQL's tsquery (3 words: 6 orders). */
export const PROXIMITY_TERMS_MAX = 3;

/** Larger pages are refused: surfaces page through results, and ranking a huge page is wasted work. */
export const SEARCH_LIMIT_MAX = 1000;

/**
 * Upper bound on stem combinations expanded for one phrase (each word may have several variant stems).
 * 16 covers a 4-word phrase with two variants on each word; past that only the first stem of each word is
 * used, which still matches the common spelling, and the surface phrase still matches the exact form.
 */
export const PHRASE_STEM_COMBINATIONS_MAX = 16;

/** The engine-independent part of a SearchQuery, validated: paging and time bounds in epoch ms. */
export interface SearchBounds {
  sources: string[] | null;
  from: number | null;
  to: number | null;
  limit: number;
  offset: number;
}

/** Checks paging and parses the time bounds; throws `search.bad_query` naming the bad value. */
export function readSearchBounds(query: SearchQuery): SearchBounds {
  if (!Number.isInteger(query.limit) || query.limit < 0 || query.limit > SEARCH_LIMIT_MAX) {
    throw badQuery(`limit must be an integer from 0 to ${SEARCH_LIMIT_MAX}, got ${query.limit}`);
  }
  if (!Number.isInteger(query.offset) || query.offset < 0) {
    throw badQuery(`offset must be a non-negative integer, got ${query.offset}`);
  }
  return {
    sources: query.sources.length === 0 ? null : [...query.sources],
    from: query.from === null ? null : timeOf(query.from, "from"),
    to: query.to === null ? null : timeOf(query.to, "to"),
    limit: query.limit,
    offset: query.offset,
  };
}

function timeOf(iso: string, name: string): number {
  const ms = parseIsoTimeMs(iso);
  if (ms === null) throw badQuery(`${name} is not an ISO date or time: ${iso}`);
  return ms;
}

function badQuery(message: string): AkhbarError {
  return new AkhbarError("search.bad_query", `search: ${message}`);
}
