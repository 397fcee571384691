/**
 * Related articles for one stored article: search neighbours of its title words within ±RELATED_WINDOW_DAYS,
 * vectorized with IDF over them and the anchor, plus its story's members (from their placements, never scored); then
 * stages/related picks the lists. Pipeline: reads the ports, calls the pure stage.
 */

import type { ArticleSummary } from "../domain/article.ts";
import { AkhbarError } from "../domain/errors.ts";
import { parseIsoTimeMs } from "../domain/parse-iso-time.ts";
import type { QueryTerm, SearchQuery } from "../domain/search.ts";
import type { PlacedArticle } from "../domain/story.ts";
import type { Storage } from "../ports/storage.ts";
import { findRelated, type RelatedCandidate } from "../stages/related/find-related.ts";
import { parseQuery } from "../stages/search/parse-query.ts";
import {
  type SparseVector,
  TermStats,
  toSparseVector,
  toStoryTerms,
} from "../stages/stories/story-vector.ts";

/** Neighbours are looked for this far either side of the anchor: older or newer news is rarely "similar". */
export const RELATED_WINDOW_DAYS = 3;
/** Title words searched, longest first (a cheap stand-in for the rarest). */
export const RELATED_SEARCH_TERMS = 6;
/** Hits read per word: 6 × 25 = about 150 neighbours, the pool the related stage was tuned on. */
export const RELATED_HITS_PER_TERM = 25;

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
  /** "مقالات مشابهة". */
  similar: RelatedArticle[];
  /** "اقرأ أيضاً". */
  readAlso: RelatedArticle | null;
}

export interface RelatedOptions {
  /**
   * Also read the rows of the story's other coverage and of the anchor's copies (`sameStory`, `copies`); when false
   * both lists come back empty. Default true. The article page leaves it off: it links the story instead, and the
   * rows of a big story's coverage (hundreds of articles) were most of the slowest first views.
   */
  coverage?: boolean;
}

/** An empty vector: story members are listed by placement only, never scored against the anchor. */
const NO_TERMS: SparseVector = { terms: [], weights: new Float64Array(0) };

/**
 * The three lists for `articleId`, or null when the article is unknown. Throws `store.stories_unsupported`.
 * The similar pool (and its IDF) is the anchor and its in-window search neighbours; the story's members are
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
  const members = (
    anchorPlacement === undefined ? [] : await stories.listStoryMembers(anchorPlacement.storyId)
  ).filter((m) => m.articleId !== anchor.id);
  const anchorMs = timeOf(anchor);
  const neighbourIds = new Set<string>();
  for (const term of titleTerms(anchor.title)) {
    const hits = await storage.search.searchNeighbours(term, RELATED_HITS_PER_TERM);
    for (const h of hits) neighbourIds.add(h.id);
  }
  for (const m of members) neighbourIds.delete(m.articleId);
  neighbourIds.delete(anchor.id);
  const inWindow = (timeMs: number) => Math.abs(timeMs - anchorMs) <= RELATED_WINDOW_DAYS * DAY_MS;
  // A placement carries its article's time, so neighbours outside the window are dropped before their full rows are
  // read: most search neighbours are (85% on the dev corpus: 123 read, 18 kept).
  const placements = new Map<string, PlacedArticle>();
  for (const p of await stories.getPlacements([...neighbourIds])) placements.set(p.articleId, p);
  const toRead = [...neighbourIds].filter((id) => {
    const p = placements.get(id);
    return p === undefined || inWindow(p.timeMs);
  });
  const rows = await storage.articles.getArticleSummaries(toRead);
  const pool = [anchor, ...rows.filter((a) => inWindow(timeOf(a)))];
  if (anchorPlacement !== undefined) placements.set(anchor.id, anchorPlacement);
  const stats = new TermStats();
  const terms = pool.map((a) => toStoryTerms(a.title, a.text));
  for (const t of terms) stats.addDocument(t);
  const byId = new Map<string, ArticleSummary>(pool.map((a) => [a.id, a]));
  const candidates: RelatedCandidate[] = pool.map((a, i) => {
    const p = placements.get(a.id);
    return {
      id: a.id,
      storyId: p?.storyId ?? a.id,
      groupId: p?.groupId ?? a.id,
      duplicateOf: p?.duplicateOf ?? null,
      sourceId: a.sourceId,
      timeMs: timeOf(a),
      vector: toSparseVector(terms[i]!, stats),
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
  const lists = findRelated(candidates[0]!, candidates);
  const anchorGroup = anchorPlacement?.groupId ?? anchor.id;
  const copies =
    options.coverage === false
      ? []
      : candidates
          .filter((c) => c.id !== anchor.id && c.groupId === anchorGroup)
          .sort((a, b) => a.timeMs - b.timeMs || (a.id < b.id ? -1 : 1));
  const sameStory = options.coverage === false ? [] : lists.sameStory;
  const unread = [...sameStory, ...copies].map((c) => c.id).filter((id) => !byId.has(id));
  for (const a of await storage.articles.getArticleSummaries(unread)) byId.set(a.id, a);
  const pick = (c: RelatedCandidate): RelatedArticle[] => {
    const article = byId.get(c.id);
    return article === undefined ? [] : [{ article, placement: placements.get(c.id) ?? null }];
  };
  return {
    anchor: { article: anchor, placement: anchorPlacement ?? null },
    sameStory: sameStory.flatMap(pick),
    copies: copies.flatMap(pick),
    similar: lists.similar.flatMap(pick),
    readAlso: lists.readAlso === null ? null : (pick(lists.readAlso)[0] ?? null),
  };
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

/** Published, else fetched, in epoch ms, read as the store reads it (offset-less times are UTC): its `time_ms`. */
export function timeOf(a: Pick<ArticleSummary, "publishedAt" | "fetchedAt">): number {
  return parseIsoTimeMs(a.publishedAt ?? a.fetchedAt) ?? parseIsoTimeMs(a.fetchedAt) ?? 0;
}
