/**
 * Related articles for one anchor: (a) other coverage of its story, copies collapsed, originals first; (b)
 * "مقالات مشابهة" from other stories, relevant (TF-IDF cosine), fresh, one per story and copy group; (c) one
 * "اقرأ أيضاً" pick. Related stage, pure: the caller fetches candidates (search index).
 */
import { cosine, type SparseVector } from "../stories/story-vector.ts";

/** Items in the "مقالات مشابهة" list. */
export const SIMILAR_MAX_ITEMS = 5;
/** Freshness decay time constant in hours: notes §4 gives τ ≈ 24–48 h for news. */
export const FRESHNESS_TAU_HOURS = 48;
/**
 * Below this cosine a candidate is not similar. Hand labels (testdata/labels/similar-relevance.jsonl, tune half, 17
 * anchors): of the listed candidates at cosine 0.08-0.12, 5 of 38 were related and 15 unrelated; at 0.12-0.16, 20 of
 * 34 were related and 3 unrelated. 0.08 (items per list) let a list fill with shared generic words. Test half (23
 * anchors, with the MMR change): P@5 0.417 -> 0.409, weak or unrelated items 0.46 -> 0.33 of the list.
 */
export const SIMILAR_MIN_COSINE = 0.12;
/**
 * A candidate whose cosine with an item already listed reaches this is left out: one event whose coverage split into
 * two stories (or a rewrite the copy rule missed) shows once. Two different stories of one topic score 0.1-0.4 against
 * each other in the dev pools. Hand labels, tune half (bench/stories/similar-relevance.ts): at 0.5 no list changes
 * (P@5 0.459), at 0.35 P@5 0.447, at 0.25 0.400 (related stories dropped), so the cap stays where only near-copies
 * meet it. This is the list's redundancy check in place of MMR's novelty term (see below).
 */
export const SIMILAR_MAX_LISTED_COSINE = 0.5;
/** A newer article ("follow-up") gets this relevance boost; notes §4 step 4. */
export const FOLLOW_UP_BOOST = 1.1;

/** How "مقالات مشابهة" ranks its pool: the tunables above, as one value a benchmark can vary. */
export interface SimilarRanking {
  freshnessTauHours: number;
  minCosine: number;
  /** A candidate at least this close (cosine) to an item already listed is left out (SIMILAR_MAX_LISTED_COSINE). */
  maxListedCosine: number;
}

export const DEFAULT_SIMILAR_RANKING: SimilarRanking = {
  freshnessTauHours: FRESHNESS_TAU_HOURS,
  minCosine: SIMILAR_MIN_COSINE,
  maxListedCosine: SIMILAR_MAX_LISTED_COSINE,
};

const HOUR_MS = 3_600_000;

export interface RelatedCandidate {
  id: string;
  storyId: string;
  /** Copy group key (DuplicateGroups.groupIdOf). */
  groupId: string;
  /** The group's original when this is a copy. */
  duplicateOf: string | null;
  sourceId: string;
  timeMs: number;
  vector: SparseVector;
}

export interface RelatedLists {
  /** Other coverage of the anchor's story: one per copy group (its original), earliest first. */
  sameStory: RelatedCandidate[];
  /** "مقالات مشابهة": other stories, best first, never two of one story or copy group. */
  similar: RelatedCandidate[];
  /**
   * "اقرأ أيضاً": the most relevant follow-up (newer than the anchor) of a story not in `similar`, else the most
   * relevant such article; null only when fewer than two stories qualify (`similar` gives up its last slot for it).
   */
  readAlso: RelatedCandidate | null;
}

/** Keeps one member per copy group: the original when present, else the earliest (then smallest id). */
function collapseGroups(items: readonly RelatedCandidate[]): RelatedCandidate[] {
  const best = new Map<string, RelatedCandidate>();
  for (const c of items) {
    const cur = best.get(c.groupId);
    const better =
      cur === undefined || (c.duplicateOf === null) !== (cur.duplicateOf === null)
        ? cur === undefined || c.duplicateOf === null
        : c.timeMs < cur.timeMs || (c.timeMs === cur.timeMs && c.id < cur.id);
    if (better) best.set(c.groupId, c);
  }
  return [...best.values()];
}

/**
 * Builds the three lists. Candidates may contain the anchor, its copies and any number of articles per story;
 * the output never does. Deterministic: ties break by id.
 */
export function findRelated(
  anchor: RelatedCandidate,
  candidates: readonly RelatedCandidate[],
  ranking: SimilarRanking = DEFAULT_SIMILAR_RANKING,
): RelatedLists {
  const others = candidates.filter((c) => c.id !== anchor.id && c.groupId !== anchor.groupId);
  const sameStory = collapseGroups(others.filter((c) => c.storyId === anchor.storyId)).sort(
    (a, b) => a.timeMs - b.timeMs || (a.id < b.id ? -1 : 1),
  );
  const pool: { c: RelatedCandidate; rel: number }[] = [];
  for (const c of collapseGroups(others.filter((o) => o.storyId !== anchor.storyId))) {
    const cos = cosine(anchor.vector, c.vector);
    if (cos < ranking.minCosine) continue;
    const ageH = Math.abs(c.timeMs - anchor.timeMs) / HOUR_MS;
    const boost = c.timeMs > anchor.timeMs ? FOLLOW_UP_BOOST : 1;
    pool.push({ c, rel: cos * Math.exp(-ageH / ranking.freshnessTauHours) * boost });
  }
  pool.sort((a, b) => b.rel - a.rel || (a.c.id < b.c.id ? -1 : 1));
  // A short pool keeps its last story for "اقرأ أيضاً" rather than leaving that pick empty (a third of the dev
  // corpus's articles had none when "مقالات مشابهة" took every story).
  const stories = new Set(pool.map(({ c }) => c.storyId)).size;
  const similarMax = stories > SIMILAR_MAX_ITEMS ? SIMILAR_MAX_ITEMS : Math.max(1, stories - 1);
  // Best first, one per story (copy groups are collapsed already), none that nearly repeats a listed item: that is
  // the list's diversity. The MMR novelty term this replaced (0.7 rel - 0.3 max cosine to listed items) weighed a
  // decayed cosine against a raw one, so a second close story lost to a loose one: P@5 0.365 -> 0.459 without it on
  // the tune half of the hand labels, about neutral on a whole-corpus reading (testdata/labels/README.md).
  const similar: RelatedCandidate[] = [];
  const usedStories = new Set<string>();
  for (const { c } of pool) {
    if (similar.length >= similarMax) break;
    if (usedStories.has(c.storyId)) continue;
    if (similar.some((s) => cosine(c.vector, s.vector) >= ranking.maxListedCosine)) continue;
    similar.push(c);
    usedStories.add(c.storyId);
  }
  const repeatsNone = (c: RelatedCandidate) =>
    !usedStories.has(c.storyId) &&
    !similar.some((s) => cosine(c.vector, s.vector) >= ranking.maxListedCosine);
  const readAlso =
    pool.find(({ c }) => c.timeMs > anchor.timeMs && repeatsNone(c))?.c ??
    pool.find(({ c }) => repeatsNone(c))?.c ??
    null;
  return { sameStory, similar, readAlso };
}
