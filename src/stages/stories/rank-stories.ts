/**
 * Home-page ranking of stories: size (articles that are not copies), source diversity and recency, combined as
 * a product so a big old story and a fresh single article both fall behind a fresh, widely covered one.
 * Stories stage, pure.
 */

/** Recency time constant: a story a day older than the newest one weighs 1/e as much (news pages turn daily). */
export const RANK_RECENCY_TAU_HOURS = 24;

const HOUR_MS = 3_600_000;

export interface RankableStory {
  id: string;
  originalCount: number;
  /** Distinct publishers. */
  sourceCount: number;
  lastUpdateMs: number;
}

/** The rank score at `nowMs`: (1 + ln originals) · (1 + ln outlets) · e^(−age/τ). */
export function scoreStory(s: RankableStory, nowMs: number): number {
  const size = 1 + Math.log(Math.max(1, s.originalCount));
  const diversity = 1 + Math.log(Math.max(1, s.sourceCount));
  const ageH = Math.max(0, nowMs - s.lastUpdateMs) / HOUR_MS;
  return size * diversity * Math.exp(-ageH / RANK_RECENCY_TAU_HOURS);
}

/**
 * Stories best first at `nowMs` (ties: newer, then smaller id). Example: at the same time, a story of 3 originals
 * from 3 outlets ranks above a one-article story.
 */
export function rankStories<T extends RankableStory>(stories: readonly T[], nowMs: number): T[] {
  const scored = stories.map((s) => ({ s, score: scoreStory(s, nowMs) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.s.lastUpdateMs - a.s.lastUpdateMs ||
      (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0),
  );
  return scored.map((x) => x.s);
}
