/**
 * Home-page ranking of stories by the coverage they are getting at a time: each outlet's articles weigh by their own
 * age, an outlet's weight grows slower than its article count, and outlets add up. A big old story that gets one new
 * article is lifted by that article only. Stories stage, pure.
 */
import type { RankMember } from "../../domain/story.ts";

/** Article age time constant: an article a day old weighs 1/e of a new one (news pages turn daily). */
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
 * outlets 2, from one outlet log2 3 = 1.58; one article a day old 0.45.
 */
export function scoreCoverage(
  members: readonly RankMember[],
  nowMs: number,
  tauHours = RANK_RECENCY_TAU_HOURS,
): number {
  const byOutlet = new Map<string, number>();
  for (const m of members) {
    if (m.late || m.timeMs > nowMs) continue;
    const weight = Math.exp(-(nowMs - m.timeMs) / HOUR_MS / tauHours);
    byOutlet.set(m.sourceId, (byOutlet.get(m.sourceId) ?? 0) + weight);
  }
  let score = 0;
  for (const w of byOutlet.values()) score += Math.log2(1 + w);
  return score;
}

/**
 * Each story's coverage at `nowMs` from `members` (any order; those after `nowMs` are left out, so a past time reads
 * the coverage as it stood), best first (ties: newer update, then smaller id). A story with no member up to `nowMs`
 * is left out. `tauHours` is for benchmarks comparing time constants.
 */
export function rankStories(
  members: readonly RankMember[],
  nowMs: number,
  tauHours = RANK_RECENCY_TAU_HOURS,
): StoryCoverage[] {
  const byStory = new Map<string, RankMember[]>();
  for (const m of members) {
    if (m.timeMs > nowMs) continue;
    const list = byStory.get(m.storyId);
    if (list === undefined) byStory.set(m.storyId, [m]);
    else list.push(m);
  }
  const recentFromMs = nowMs - RANK_RECENT_HOURS * HOUR_MS;
  const ranked: StoryCoverage[] = [];
  for (const [id, list] of byStory) {
    const counted = list.filter((m) => !m.late);
    const recent = counted.filter((m) => m.timeMs > recentFromMs);
    ranked.push({
      id,
      score: scoreCoverage(list, nowMs, tauHours),
      lastUpdateMs: Math.max(...(counted.length > 0 ? counted : list).map((m) => m.timeMs)),
      recentArticles: recent.length,
      recentSources: new Set(recent.map((m) => m.sourceId)).size,
    });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score || b.lastUpdateMs - a.lastUpdateMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ranked;
}
