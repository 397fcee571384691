/**
 * Online story clustering: each article, in (time, id) order, joins the best recent story by TF-IDF cosine to the
 * story centroid plus headline-key overlap, damped by a Gaussian time decay, or opens a new story; copies join
 * their original's story; a periodic merge pass joins stories that split early. Stories stage, in-memory, pure.
 */
import { cosine, type SparseVector, type StoryTerms, TermStats, toSparseVector } from "./story-vector.ts";

/** Hours a story stays open for new articles after its last one (notes §5.10: expire after days without updates). */
export const STORY_WINDOW_HOURS = 96;
/** σ of the Gaussian time decay against the story's newest article; Miranda et al. use 72 h, shortened for a daily press. */
export const STORY_TIME_SIGMA_HOURS = 48;
/** Weight of the centroid cosine in the join score. */
export const COSINE_WEIGHT = 0.7;
/** Weight of headline-key overlap (share of the article's title keys seen in the story's titles). */
export const TITLE_KEY_WEIGHT = 0.3;
/**
 * Join when the decayed score reaches this. A first value, not yet tuned: the bench (bench/stories/run.ts,
 * "clustering vs hand labels") measured pairwise P 0.871 / R 0.464 (F1 0.605) with it; recall is the gap.
 */
export const JOIN_MIN_SCORE = 0.3;
/** Centroid terms kept per story: bounds memory and cosine cost while keeping the story's vocabulary. */
export const CENTROID_MAX_TERMS = 80;
/** Stories scored per article, those sharing most terms first: keeps per-article cost flat as the window fills. */
export const MAX_CANDIDATE_STORIES = 24;
/** An article's heaviest terms that look up candidate stories; its full vector is still scored. */
const QUERY_TERMS = 16;
/** Postings longer than this (frequent terms) do not propose candidates: rare shared terms decide. */
const MAX_FOLLOWED_POSTINGS = 64;
/** Articles between merge passes (and posting compactions); fixed in stream positions so batching cannot change it. */
export const MERGE_EVERY_ARTICLES = 1000;
/** Two stories merge when their centroids' cosine reaches this and their times overlap within the window. */
export const MERGE_MIN_COSINE = 0.55;
/** Centroid terms two stories must share before their cosine is computed: a cheap filter, far below what 0.55 needs. */
const MERGE_MIN_SHARED_TERMS = 8;

const HOUR_MS = 3_600_000;

export interface ClusterInput {
  id: string;
  sourceId: string;
  title: string;
  timeMs: number;
  terms: StoryTerms;
  /** The original of this article's copy group, when it is a copy (dedupe stage). */
  duplicateOf: string | null;
}

/** A story as surfaces show it. */
export interface Story {
  id: string;
  headline: string;
  /** Every article, copies included. */
  articleCount: number;
  /** Articles that are not copies of another member. */
  originalCount: number;
  sources: string[];
  firstSeenMs: number;
  lastUpdateMs: number;
  /** Member ids in arrival order. */
  articleIds: string[];
}

interface StoryState {
  id: string;
  centroid: Map<string, number>;
  vector: SparseVector;
  keyCounts: Map<string, number>;
  members: ClusterInput[];
  firstMs: number;
  lastMs: number;
  mergedInto: string | null;
}

export interface Assignment {
  storyId: string;
  /** True when the article opened the story. */
  opened: boolean;
  score: number;
}

function toVector(centroid: Map<string, number>): SparseVector {
  const kept = [...centroid]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, CENTROID_MAX_TERMS);
  const norm = Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0)) || 1;
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { terms: kept.map(([t]) => t), weights: Float64Array.from(kept, ([, w]) => w / norm) };
}

export class StoryClusterer {
  readonly stats = new TermStats();
  private readonly stories = new Map<string, StoryState>();
  private readonly storyOfArticle = new Map<string, string>();
  private readonly vectorOfArticle = new Map<string, SparseVector>();
  private postings = new Map<string, string[]>();
  private active: StoryState[] = [];
  private seen = 0;
  private lastPassMs = Number.NEGATIVE_INFINITY;

  /** Assigns one article (call in (time, id) order). */
  add(article: ClusterInput): Assignment {
    this.seen++;
    this.stats.addDocument(article.terms);
    const vector = toSparseVector(article.terms, this.stats);
    this.vectorOfArticle.set(article.id, vector);
    let target: StoryState | undefined;
    let score = 1;
    if (article.duplicateOf !== null) {
      const sid = this.storyOfArticle.get(article.duplicateOf);
      if (sid !== undefined) target = this.resolve(sid);
    }
    if (target === undefined) {
      const best = this.bestStory(article, vector);
      if (best !== null && best.score >= JOIN_MIN_SCORE) {
        target = best.story;
        score = best.score;
      } else score = best?.score ?? 0;
    }
    const opened = target === undefined;
    if (target === undefined) {
      target = {
        id: article.id,
        centroid: new Map(),
        vector,
        keyCounts: new Map(),
        members: [],
        firstMs: article.timeMs,
        lastMs: article.timeMs,
        mergedInto: null,
      };
      this.stories.set(target.id, target);
      this.active.push(target);
    }
    this.join(target, article, vector);
    if (this.seen % MERGE_EVERY_ARTICLES === 0) this.mergePass(article.timeMs);
    return { storyId: target.id, opened, score };
  }

  /** The story an article belongs to now (after merges). */
  storyOf(articleId: string): string | undefined {
    const sid = this.storyOfArticle.get(articleId);
    return sid === undefined ? undefined : this.resolve(sid).id;
  }

  /** The article's TF-IDF vector as computed when it arrived (for related articles). */
  vectorOf(articleId: string): SparseVector | undefined {
    return this.vectorOfArticle.get(articleId);
  }

  /** Every live story, oldest first. */
  listStories(): Story[] {
    const out: Story[] = [];
    for (const s of this.stories.values()) if (s.mergedInto === null) out.push(this.describe(s));
    return out.sort((a, b) => a.firstSeenMs - b.firstSeenMs || (a.id < b.id ? -1 : 1));
  }

  private resolve(storyId: string): StoryState {
    let s = this.stories.get(storyId)!;
    while (s.mergedInto !== null) s = this.stories.get(s.mergedInto)!;
    return s;
  }

  private bestStory(
    article: ClusterInput,
    vector: SparseVector,
  ): { story: StoryState; score: number } | null {
    const shared = new Map<string, number>();
    for (const term of heaviestTerms(vector, QUERY_TERMS)) {
      const list = this.postings.get(term);
      if (list === undefined || list.length > MAX_FOLLOWED_POSTINGS) continue;
      for (const sid of list) shared.set(sid, (shared.get(sid) ?? 0) + 1);
    }
    const minMs = article.timeMs - STORY_WINDOW_HOURS * HOUR_MS;
    // Only stories sharing at least two terms compete unless few do: one shared word is no evidence of a story.
    const ranked: [string, number][] = [];
    for (const e of shared) if (e[1] >= 2 || shared.size < MAX_CANDIDATE_STORIES) ranked.push(e);
    ranked.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    let best: { story: StoryState; score: number } | null = null;
    const scored = new Set<string>();
    for (const [sid] of ranked) {
      const story = this.resolve(sid);
      if (story.lastMs < minMs || scored.has(story.id)) continue;
      scored.add(story.id);
      if (scored.size > MAX_CANDIDATE_STORIES) break;
      const score = this.scoreAgainst(article, vector, story);
      if (best === null || score > best.score || (score === best.score && story.id < best.story.id)) {
        best = { story, score };
      }
    }
    return best;
  }

  private scoreAgainst(article: ClusterInput, vector: SparseVector, story: StoryState): number {
    const cos = cosine(vector, story.vector);
    let keys = 0;
    for (const k of article.terms.titleKeys) if (story.keyCounts.has(k)) keys++;
    const keyShare = article.terms.titleKeys.length === 0 ? 0 : keys / article.terms.titleKeys.length;
    const dh = Math.max(0, article.timeMs - story.lastMs) / HOUR_MS;
    const decay = Math.exp(-(dh * dh) / (2 * STORY_TIME_SIGMA_HOURS * STORY_TIME_SIGMA_HOURS));
    return (COSINE_WEIGHT * cos + TITLE_KEY_WEIGHT * keyShare) * decay;
  }

  private join(story: StoryState, article: ClusterInput, vector: SparseVector): void {
    story.members.push(article);
    this.storyOfArticle.set(article.id, story.id);
    story.lastMs = Math.max(story.lastMs, article.timeMs);
    story.firstMs = Math.min(story.firstMs, article.timeMs);
    // Copies add nothing new to the story's vocabulary; counting them would let one wire text dominate.
    if (article.duplicateOf === null || story.members.length === 1) {
      for (let i = 0; i < vector.terms.length; i++) {
        const t = vector.terms[i]!;
        story.centroid.set(t, (story.centroid.get(t) ?? 0) + vector.weights[i]!);
      }
      for (const k of article.terms.titleKeys) story.keyCounts.set(k, (story.keyCounts.get(k) ?? 0) + 1);
      if (story.centroid.size > 2 * CENTROID_MAX_TERMS) {
        story.centroid = new Map(toVectorEntries(story.centroid));
      }
      story.vector = toVector(story.centroid);
    }
    for (const t of vector.terms) {
      const list = this.postings.get(t);
      if (list === undefined) this.postings.set(t, [story.id]);
      else if (list[list.length - 1] !== story.id) list.push(story.id);
    }
  }

  /** Merges overlapping active stories into the older one, then rebuilds postings over active stories only. */
  private mergePass(nowMs: number): void {
    const minMs = nowMs - STORY_WINDOW_HOURS * HOUR_MS;
    this.active = this.active.filter((s) => s.mergedInto === null && s.lastMs >= minMs);
    this.active.sort((a, b) => a.firstMs - b.firstMs || (a.id < b.id ? -1 : 1));
    const byTerm = new Map<string, StoryState[]>();
    for (const s of this.active) {
      for (const t of s.vector.terms.slice(0)) {
        const list = byTerm.get(t);
        if (list === undefined) byTerm.set(t, [s]);
        else list.push(s);
      }
    }
    const since = this.lastPassMs;
    this.lastPassMs = nowMs;
    for (const s of this.active) {
      // Only stories that changed since the last pass can newly overlap another one.
      if (s.mergedInto !== null || s.lastMs < since) continue;
      const shared = new Map<StoryState, number>();
      for (const t of s.vector.terms) {
        const list = byTerm.get(t);
        if (list === undefined || list.length > MAX_FOLLOWED_POSTINGS) continue;
        for (const o of list) if (o !== s && o.mergedInto === null) shared.set(o, (shared.get(o) ?? 0) + 1);
      }
      for (const [o, n] of shared) {
        // Merge only into the older story so a pass never depends on iteration direction.
        if (n < MERGE_MIN_SHARED_TERMS || o.mergedInto !== null) continue;
        if (o.firstMs < s.firstMs || (o.firstMs === s.firstMs && o.id < s.id)) continue;
        if (cosine(s.vector, o.vector) >= MERGE_MIN_COSINE) this.absorb(s, o);
      }
    }
    this.active = this.active.filter((s) => s.mergedInto === null);
    this.postings = new Map();
    for (const s of this.active) {
      for (const t of s.vector.terms) {
        const list = this.postings.get(t);
        if (list === undefined) this.postings.set(t, [s.id]);
        else list.push(s.id);
      }
    }
  }

  private absorb(into: StoryState, from: StoryState): void {
    from.mergedInto = into.id;
    for (const m of from.members) into.members.push(m);
    for (const [t, w] of from.centroid) into.centroid.set(t, (into.centroid.get(t) ?? 0) + w);
    for (const [k, n] of from.keyCounts) into.keyCounts.set(k, (into.keyCounts.get(k) ?? 0) + n);
    into.firstMs = Math.min(into.firstMs, from.firstMs);
    into.lastMs = Math.max(into.lastMs, from.lastMs);
    into.centroid = new Map(toVectorEntries(into.centroid));
    into.vector = toVector(into.centroid);
  }

  private describe(s: StoryState): Story {
    let headline = s.members[0]!.title;
    let bestKeys = -1;
    let originals = 0;
    for (const m of s.members) {
      if (m.duplicateOf !== null) continue;
      originals++;
      let n = 0;
      for (const k of m.terms.titleKeys) n += s.keyCounts.get(k) ?? 0;
      if (n > bestKeys && m.title !== "") {
        bestKeys = n;
        headline = m.title;
      }
    }
    return {
      id: s.id,
      headline,
      articleCount: s.members.length,
      originalCount: originals,
      sources: [...new Set(s.members.map((m) => m.sourceId))].sort(),
      firstSeenMs: s.firstMs,
      lastUpdateMs: s.lastMs,
      articleIds: s.members.map((m) => m.id),
    };
  }
}

/** The `n` heaviest terms of a vector (ties by term order). */
function heaviestTerms(v: SparseVector, n: number): string[] {
  const idx = Array.from(v.terms, (_, i) => i);
  idx.sort((a, b) => v.weights[b]! - v.weights[a]! || a - b);
  return idx.slice(0, n).map((i) => v.terms[i]!);
}

/** The heaviest CENTROID_MAX_TERMS entries of a centroid, unnormalized (sums keep accumulating). */
function toVectorEntries(centroid: Map<string, number>): [string, number][] {
  return [...centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CENTROID_MAX_TERMS);
}
