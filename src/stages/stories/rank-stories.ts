/**
 * Home-page ranking of stories by the coverage they are getting at a time: each outlet's articles weigh by their own
 * age, an outlet's weight grows slower than its article count, and outlets add up. A big old story that gets one new
 * article is lifted by that article only. Stories stage, pure.
 */
import type { RankMember } from "../../domain/story.ts";

/**
 * Article age time constant: an article 16 h old weighs 1/e of a new one. On the 12 judged days of the dev corpus
 * (bench/stories/top-stories-by-day.ts, testdata/labels/README.md "Top stories ranked by the coverage they are getting
 * now"), 24 h kept the day before's big story in the top 10 with 0-2 articles of the day on 4 days, 16 h on none; 12 h
 * weighed the corpus's crawl batches within a day and passed over well-covered stories on 2 days.
 */
export const RANK_RECENCY_TAU_HOURS = 16;
/** The recent coverage a story card may print ("N مقالاً في آخر 24 ساعة") and whose outlets it counts. */
export const RANK_RECENT_HOURS = 24;

const HOUR_MS = 3_600_000;

/** A story's coverage at a time, from its members up to that time. */
export interface StoryCoverage {
  id: string;
  score: number;
  /** Its newest member that is not a late copy (the newest member when all are). */
  lastUpdateMs: number;
  /** Members (copies included, late copies not) in the RANK_RECENT_HOURS up to the time. */
  recentArticles: number;
  /** Their distinct outlets. */
  recentSources: number;
}

/**
 * The coverage score at `nowMs` of members at or before it: Σ over outlets of log2(1 + Σ over its articles of
 * e^(−age/τ)). An outlet's copy of another outlet's article is that outlet's coverage; its second article on the
 * same story adds less than a second outlet does. Example: a new article alone scores 1, two new articles from two
 * outlets 2, from one outlet log2 3 = 1.58; one article τ (16 h) old log2(1 + 1/e) = 0.45.
 */
export function scoreCoverage(
  members: readonly RankMember[],
  nowMs: number,
  tauHours = RANK_RECENCY_TAU_HOURS,
): number {
  const acc = newCoverage();
  for (const m of members)
    if (m.timeMs <= nowMs) addMember(acc, m, nowMs, tauHours * HOUR_MS, Number.POSITIVE_INFINITY);
  return outletScore(acc);
}

/**
 * Each story's coverage at `nowMs` from `members` (any order; those after `nowMs` are left out, so a past time reads
 * the coverage as it stood), best first (ties: newer update, then smaller id). A story with no member up to `nowMs`
 * is left out. `tauHours` is for benchmarks comparing time constants. One pass over the members: the home page ranks
 * a few thousand per view.
 */
export function rankStories(
  members: readonly RankMember[],
  nowMs: number,
  tauHours = RANK_RECENCY_TAU_HOURS,
): StoryCoverage[] {
  const recentFromMs = nowMs - RANK_RECENT_HOURS * HOUR_MS;
  const byStory = new Map<string, Coverage>();
  for (const m of members) {
    if (m.timeMs > nowMs) continue;
    let acc = byStory.get(m.storyId);
    if (acc === undefined) {
      acc = newCoverage();
      byStory.set(m.storyId, acc);
    }
    addMember(acc, m, nowMs, tauHours * HOUR_MS, recentFromMs);
  }
  const ranked: StoryCoverage[] = [];
  for (const [id, acc] of byStory) {
    ranked.push({
      id,
      score: outletScore(acc),
      // A story of late copies alone takes their last update (the store's rule).
      lastUpdateMs: acc.countedLastMs === Number.NEGATIVE_INFINITY ? acc.lastMs : acc.countedLastMs,
      recentArticles: acc.recentArticles,
      recentSources: acc.recentSources.size,
    });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score || b.lastUpdateMs - a.lastUpdateMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ranked;
}

/** One story's coverage as its members are added. */
interface Coverage {
  /** Σ e^(−age/τ) of each outlet's members that are not late copies. */
  outlets: Map<string, number>;
  lastMs: number;
  countedLastMs: number;
  recentArticles: number;
  recentSources: Set<string>;
}

function newCoverage(): Coverage {
  return {
    outlets: new Map(),
    lastMs: Number.NEGATIVE_INFINITY,
    countedLastMs: Number.NEGATIVE_INFINITY,
    recentArticles: 0,
    recentSources: new Set(),
  };
}

/** Adds a member at or before `nowMs`; a late copy moves only `lastMs`. */
function addMember(acc: Coverage, m: RankMember, nowMs: number, tauMs: number, recentFromMs: number): void {
  if (m.timeMs > acc.lastMs) acc.lastMs = m.timeMs;
  if (m.late) return;
  if (m.timeMs > acc.countedLastMs) acc.countedLastMs = m.timeMs;
  acc.outlets.set(m.sourceId, (acc.outlets.get(m.sourceId) ?? 0) + Math.exp(-(nowMs - m.timeMs) / tauMs));
  if (m.timeMs > recentFromMs) {
    acc.recentArticles++;
    acc.recentSources.add(m.sourceId);
  }
}

function outletScore(acc: Coverage): number {
  let score = 0;
  for (const w of acc.outlets.values()) score += Math.log2(1 + w);
  return score;
}
