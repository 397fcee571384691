/**
 * A story's dates: the days its original articles say the news happened or will happen ("أمس", "الخميس الماضي",
 * "21 شوال 1436هـ"), resolved against each article's own publish date, the days several reports name first. Tells
 * when an event took place apart from when it was reported. Entities stage, pure.
 */
import { findDates } from "./find-dates.ts";

/** Originals read per story, earliest first (as for entities: the first reports say when it happened). */
export const STORY_DATE_ARTICLES_MAX = 40;
/** Characters of each text read: the lead says when; later paragraphs go back to background dates. */
export const STORY_DATE_LEAD_CHARS = 1200;
/** Days listed per story. */
export const STORY_DATES_MAX = 4;
/** In a story of this many originals or more, a day only one of them names is left out. */
export const STORY_DATE_MIN_ARTICLES_FROM = 3;

/** One day a story's coverage names, and how many of its originals name it. */
export interface StoryDate {
  /** YYYY-MM-DD. */
  day: string;
  articles: number;
}

/**
 * The days a story's originals (earliest first; at most STORY_DATE_ARTICLES_MAX are read) name in their titles and
 * leads, those named by more originals first (at most STORY_DATES_MAX), returned in calendar order. Articles
 * without a parsable publish or fetch time are skipped.
 */
export function toStoryDates(
  originals: readonly { title: string; text: string; publishedAt: string | null; fetchedAt: string }[],
): StoryDate[] {
  const read = originals.slice(0, STORY_DATE_ARTICLES_MAX);
  const counts = new Map<string, number>();
  for (const a of read) {
    const published = new Date(a.publishedAt ?? a.fetchedAt);
    if (Number.isNaN(published.getTime())) continue;
    const days = new Set<string>();
    for (const d of findDates(`${a.title}\n${a.text.slice(0, STORY_DATE_LEAD_CHARS)}`, published)) {
      if (d.granularity === "day") days.add(d.first);
    }
    for (const day of days) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const minArticles = read.length >= STORY_DATE_MIN_ARTICLES_FROM ? 2 : 1;
  return [...counts]
    .filter(([, n]) => n >= minArticles)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, STORY_DATES_MAX)
    .map(([day, articles]) => ({ day, articles }))
    .sort((a, b) => (a.day < b.day ? -1 : 1));
}
