/**
 * Related articles for one stored article: search neighbours of any of its title words within ±RELATED_WINDOW_DAYS,
 * the best few per story vectorized with IDF over them and the anchor (against a background), plus its story's
 * members (from their placements, never scored); then stages/related picks the lists. Pipeline: reads the ports,
 * calls the pure stage.
 */

import type { ArticleSummary } from "../domain/article.ts";
import { AkhbarError } from "../domain/errors.ts";
import { articleTimeMs } from "../domain/parse-iso-time.ts";
import type { QueryTerm, SearchQuery } from "../domain/search.ts";
import type { PlacedArticle } from "../domain/story.ts";
import type { SearchIndex } from "../ports/search-index.ts";
import type { Storage } from "../ports/storage.ts";
import {
  DEFAULT_SIMILAR_RANKING,
  findRelated,
  type RelatedCandidate,
  type SimilarRanking,
} from "../stages/related/find-related.ts";
import { parseQuery } from "../stages/search/parse-query.ts";
import {
  type SparseVector,
  TermStats,
  toIdentifiedVector,
  toVectorTerms,
} from "../stages/stories/story-vector.ts";
import type { StoryTermsCache } from "./story-terms-cache.ts";

/** Neighbours are looked for this far either side of the anchor: older or newer news is rarely "similar". */
export const RELATED_WINDOW_DAYS = 3;
/** Title words searched, longest first (a cheap stand-in for the rarest). */
export const RELATED_SEARCH_TERMS = 6;
/**
 * Search neighbours asked for (best bm25 first): enough that RELATED_NEIGHBOURS_MAX still come from many stories
 * after the anchor's own story and the per-story cap are taken out. Ranking costs the same for any number asked.
 */
export const RELATED_SEARCH_HITS = 80;
/**
 * Neighbours whose rows are read and analyzed (~0.15 ms each when these were measured; analysis now stems only the
 * first BODY_MAX_WORDS body words, about half that), at most RELATED_NEIGHBOURS_PER_STORY per story: a list shows one
 * article per story. On 300 dev anchors, one process, load 11 (similar items per list, CPU per list
 * p50): 15 of 60 hits 4.05 at 8.5 ms, 20 of 80 4.15 at 9.9 ms, 30 of 120 4.21 at 13.1 ms; at load 15, 40 of 120
 * 4.17 at 17.2 ms and 60 uncapped 4.06 at 20.7 ms. 20 costs what the per-word search did (10.4 ms, 1.4 items).
 */
export const RELATED_NEIGHBOURS_MAX = 20;
export const RELATED_NEIGHBOURS_PER_STORY = 2;
/**
 * Articles counted for IDF beyond the pool, as holding none of its words. The pool is the anchor's nearest search
 * neighbours, so on its own document frequencies the words they were found by look common and cosines fall under
 * SIMILAR_MIN_COSINE (then 0.08, tuned with a whole stream's IDF): 1.3 similar items per list without, 4.2 with 1,000
 * on 300 dev anchors (300: 3.8, 3,000: 4.4; measured with 30 neighbours). The floor is now set on this IDF (0.12). The ±3-day window holds ~8,000 dev articles; 1,000 keeps a generic word shared
 * by the whole pool weighing well under a name shared by two articles.
 */
export const RELATED_IDF_BACKGROUND_DOCS = 1000;

const DAY_MS = 86_400_000;

export interface RelatedArticle {
  /** Without its HTML: the lists show titles and leads, and a neighbour's HTML is most of its row. */
  article: ArticleSummary;
  placement: PlacedArticle | null;
}

export interface RelatedArticleLists {
  anchor: RelatedArticle;
  /** Other coverage of the anchor's story, one per copy group (its original), earliest first. */
  sameStory: RelatedArticle[];
  /** Copies of the anchor (collapsed away from the lists above), earliest first. */
  copies: RelatedArticle[];
  /**
   * The original of the anchor's copy group when the anchor is a copy, wherever it is placed (a copy can sit in
   * another story than its original); null for an original, an unplaced anchor, or without coverage.
   */
  original: RelatedArticle | null;
  /**
   * Articles whose text holds the anchor's but starts otherwise (a roundup carrying it; domain/story.ts
   * ArticleContainment), earliest first: found by the copy floor, yet no copy, so not in `copies`.
   */
  containedIn: RelatedArticle[];
  /** Articles whose text is inside the anchor's, which starts otherwise (the anchor is the roundup), earliest first. */
  contains: RelatedArticle[];
  /** "مقالات مشابهة". */
  similar: RelatedArticle[];
  /** "اقرأ أيضاً". */
  readAlso: RelatedArticle | null;
}

export interface RelatedOptions {
  /**
   * Also read the story's members and the rows of its other coverage and of the anchor's copies (`sameStory`,
   * `copies`); when false both lists come back empty. Default true. The article page asks for a few (`coverageMax`)
   * and links the story for the rest: the rows of a big story's coverage (hundreds of articles) were most of the
   * slowest first views.
   */
  coverage?: boolean;
  /**
   * Rows read at most of `sameStory` and of `copies` each (the earliest); default all. The article page shows a few
   * and links the story for the rest, so a big story's hundreds of rows are not read for it.
   */
  coverageMax?: number;
  /**
   * Only the copies placed in the anchor's own story, its original (given apart as `original`) left out, cut to
   * `coverageMax` after that, so a page asking for a few shows that many when the story holds them. Default false:
   * every other member of the anchor's copy group.
   */
  copiesInStory?: boolean;
  /**
   * Keeps the pool's analyzed terms between calls: a neighbour recurs in its days' lists, and analysis was about a
   * fifth of an article page's first-view CPU. Default: every pool article analyzed afresh.
   */
  termsCache?: StoryTermsCache;
  /** How the similar list ranks its pool; default DEFAULT_SIMILAR_RANKING (benchmarks vary it). */
  ranking?: SimilarRanking;
}

/** An empty vector: story members are listed by placement only, never scored against the anchor. */
const NO_TERMS: SparseVector = { terms: [], weights: new Float64Array(0) };

/**
 * The three lists for `articleId`, or null when the article is unknown. Throws `store.stories_unsupported`.
 * The similar pool (and its IDF) is the anchor and its best in-window search neighbours; the story's members are
 * same-story coverage, placed from their placements alone, so a story of hundreds costs one placement read.
 */
export async function findRelatedArticles(
  storage: Storage,
  articleId: string,
  options: RelatedOptions = {},
): Promise<RelatedArticleLists | null> {
  const stories = storage.stories;
  if (stories === undefined) {
    throw new AkhbarError("store.stories_unsupported", "store: this storage backend keeps no stories yet");
  }
  const [anchor] = await storage.articles.getArticleSummaries([articleId]);
  if (anchor === undefined) return null;
  const [anchorPlacement] = await stories.getPlacements([anchor.id]);
  const coverage = options.coverage !== false;
  // The story's members are read only for the coverage lists: a big story's are hundreds of rows (580 in the dev
  // corpus's biggest, 2 ms).
  const members = (
    anchorPlacement === undefined || !coverage ? [] : await stories.listStoryMembers(anchorPlacement.storyId)
  ).filter((m) => m.articleId !== anchor.id);
  const hits = await searchNeighbourIds(storage.search, anchor, RELATED_SEARCH_HITS);
  const placements = new Map<string, PlacedArticle>();
  for (const p of await stories.getPlacements(hits)) placements.set(p.articleId, p);
  // Hits of the anchor's own story are told by their placements: a merge moves its stories' placements to the story
  // it keeps, so a placement's story id is the live one listStoryMembers resolves aliases to.
  const hitIds =
    anchorPlacement === undefined
      ? hits
      : hits.filter((id) => placements.get(id)?.storyId !== anchorPlacement.storyId);
  // Rows are read and analyzed only for the best few of each story: a list shows one article per story.
  const perStory = new Map<string, number>();
  const neighbourIds: string[] = [];
  for (const id of hitIds) {
    if (neighbourIds.length >= RELATED_NEIGHBOURS_MAX) break;
    const story = placements.get(id)?.storyId ?? id;
    const n = perStory.get(story) ?? 0;
    if (n >= RELATED_NEIGHBOURS_PER_STORY) continue;
    perStory.set(story, n + 1);
    neighbourIds.push(id);
  }
  const rows = await storage.articles.getArticleSummaries(neighbourIds);
  const pool = [anchor, ...rows];
  if (anchorPlacement !== undefined) placements.set(anchor.id, anchorPlacement);
  const stats = new TermStats();
  const cache = options.termsCache;
  // Term frequencies alone: a vector is made of nothing else (toVectorTerms).
  const terms = pool.map((a) => (cache === undefined ? toVectorTerms(a.title, a.text) : cache.termsOf(a)));
  // Each article's term ids, so its vector looks no term up again.
  const termIds = terms.map((t) => stats.addDocument(t));
  stats.addEmptyDocuments(RELATED_IDF_BACKGROUND_DOCS);
  const byId = new Map<string, ArticleSummary>(pool.map((a) => [a.id, a]));
  const candidates: RelatedCandidate[] = pool.map((a, i) => {
    const p = placements.get(a.id);
    return {
      id: a.id,
      storyId: p?.storyId ?? a.id,
      groupId: p?.groupId ?? a.id,
      duplicateOf: p?.duplicateOf ?? null,
      sourceId: a.sourceId,
      timeMs: articleTimeMs(a) ?? 0,
      vector: toIdentifiedVector(terms[i]!, stats, termIds[i]).vector,
    };
  });
  for (const m of members) {
    placements.set(m.articleId, m);
    candidates.push({
      id: m.articleId,
      storyId: m.storyId,
      groupId: m.groupId,
      duplicateOf: m.duplicateOf,
      sourceId: m.sourceId,
      timeMs: m.timeMs,
      vector: NO_TERMS,
    });
  }
  const lists = findRelated(candidates[0]!, candidates, options.ranking ?? DEFAULT_SIMILAR_RANKING);
  const anchorGroup = anchorPlacement?.groupId ?? anchor.id;
  const originalId = coverage ? (anchorPlacement?.duplicateOf ?? null) : null;
  const anchorStory = anchorPlacement?.storyId;
  const copiesAll = !coverage
    ? []
    : candidates
        .filter((c) => c.id !== anchor.id && c.groupId === anchorGroup)
        .filter((c) => options.copiesInStory !== true || (c.storyId === anchorStory && c.id !== originalId))
        .sort((a, b) => a.timeMs - b.timeMs || (a.id < b.id ? -1 : 1));
  const coverageMax = options.coverageMax ?? Number.POSITIVE_INFINITY;
  const copies = copiesAll.slice(0, coverageMax);
  const sameStory = coverage ? lists.sameStory.slice(0, coverageMax) : [];
  if (originalId !== null && !placements.has(originalId)) {
    for (const p of await stories.getPlacements([originalId])) placements.set(p.articleId, p);
  }
  const containments = coverage ? await stories.listContainments([anchor.id]) : [];
  const containedInIds = containments.filter((c) => c.innerId === anchor.id).map((c) => c.outerId);
  const containsIds = containments.filter((c) => c.outerId === anchor.id).map((c) => c.innerId);
  const unplaced = [...containedInIds, ...containsIds].filter((id) => !placements.has(id));
  for (const p of await stories.getPlacements(unplaced)) placements.set(p.articleId, p);
  const unread = [
    ...sameStory.map((c) => c.id),
    ...copies.map((c) => c.id),
    ...(originalId === null ? [] : [originalId]),
    ...containedInIds,
    ...containsIds,
  ];
  for (const a of await storage.articles.getArticleSummaries(unread.filter((id) => !byId.has(id)))) {
    byId.set(a.id, a);
  }
  const pick = (c: { id: string }): RelatedArticle[] => {
    const article = byId.get(c.id);
    return article === undefined ? [] : [{ article, placement: placements.get(c.id) ?? null }];
  };
  const earliestFirst = (ids: readonly string[]): RelatedArticle[] =>
    ids
      .flatMap((id) => pick({ id }))
      .sort((a, b) => {
        const ta = a.placement?.timeMs ?? articleTimeMs(a.article) ?? 0;
        const tb = b.placement?.timeMs ?? articleTimeMs(b.article) ?? 0;
        return ta - tb || (a.article.id < b.article.id ? -1 : 1);
      });
  return {
    anchor: { article: anchor, placement: anchorPlacement ?? null },
    sameStory: sameStory.flatMap(pick),
    copies: copies.flatMap(pick),
    original: originalId === null ? null : (pick({ id: originalId })[0] ?? null),
    containedIn: earliestFirst(containedInIds),
    contains: earliestFirst(containsIds),
    similar: lists.similar.flatMap(pick),
    readAlso: lists.readAlso === null ? null : (pick(lists.readAlso)[0] ?? null),
  };
}

/**
 * The anchor's search neighbours, best first, the anchor left out: one search for any of its title words
 * (titleTerms) inside ±RELATED_WINDOW_DAYS of its time. Ranking each word's matches corpus-wide kept mostly newer
 * articles, outside an older anchor's window (1.4 similar items per list on the dev corpus, ≈ 4 with this). The one
 * retrieval behind "similar" lists, with stories or without.
 */
export async function searchNeighbourIds(
  search: SearchIndex,
  anchor: Pick<ArticleSummary, "id" | "title" | "publishedAt" | "fetchedAt">,
  limit: number,
): Promise<string[]> {
  const anchorMs = articleTimeMs(anchor) ?? 0;
  const window = {
    fromMs: anchorMs - RELATED_WINDOW_DAYS * DAY_MS,
    toMs: anchorMs + RELATED_WINDOW_DAYS * DAY_MS,
  };
  // One more than asked: the anchor is its own best neighbour.
  const hits = await search.searchNeighbours(titleTerms(anchor.title), window, limit + 1);
  return hits
    .map((h) => h.id)
    .filter((id) => id !== anchor.id)
    .slice(0, limit);
}

/**
 * The title's analyzed words (the query parser drops stop words), longest first, at most `max`: the words a
 * "more like this" search for the article uses.
 */
export function titleTerms(title: string, max = RELATED_SEARCH_TERMS): QueryTerm[] {
  let query: SearchQuery;
  try {
    query = parseQuery(title.replace(/["\u00ab\u00bb\u201c\u201d\u201e\-\u2212:]/g, " "), {
      limit: 1,
      offset: 0,
    });
  } catch {
    return [];
  }
  const seen = new Set<string>();
  return query.terms
    .filter((t) => !seen.has(t.surface) && seen.add(t.surface) !== undefined)
    .sort((a, b) => b.surface.length - a.surface.length)
    .slice(0, max);
}
