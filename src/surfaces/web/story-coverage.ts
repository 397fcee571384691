/**
 * A story's coverage as cards: one card per copy group present in the story, its displayed article on top and the
 * group's other members inside it, so every member is drawn exactly once. Surface helper, pure.
 */
import { articleTimeMs } from "../../domain/parse-iso-time.ts";
import type { StoryArticle } from "./reader-data.ts";

/** One copy group as the story page draws it. */
export interface CoverageCard {
  /**
   * The group's original (the dedupe stage's wire-first pick); when the original sits in another story (the
   * clusterer placed the copies by their own words), the group's earliest member in this story.
   */
  head: StoryArticle;
  /** The group's other members in this story, earliest first. */
  copies: StoryArticle[];
  /** The earliest time of any of the card's members (epoch ms; undated: MAX_SAFE_INTEGER): cards sort by it. */
  firstMs: number;
}

/** The coverage of a story: its cards, by their earliest member, and the story's earliest member. */
export interface StoryCoverage {
  cards: CoverageCard[];
  /** The member published first, copies included ("الأسبق"); null for a story without articles. */
  firstId: string | null;
}

/** Undated coverage sorts last. */
export function coverageTimeMs(a: { readonly publishedAt: string | null }): number {
  return articleTimeMs(a) ?? Number.MAX_SAFE_INTEGER;
}

function byTimeThenId(a: StoryArticle, b: StoryArticle): number {
  return coverageTimeMs(a) - coverageTimeMs(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Groups `articles` (one story's members) by copy group: an article's group is its `duplicateOf`, or itself when it
 * is an original. Every article lands in exactly one card: sum of (1 + copies) over the cards is `articles.length`.
 *
 * Example: originals a (09:00), b (10:00); c copy of a at 08:00; d copy of x (not in the story) at 11:00 →
 * cards [a + [c]] (first 08:00), [b], [d] (head d, its original elsewhere); firstId c.
 */
export function toStoryCoverage(articles: readonly StoryArticle[]): StoryCoverage {
  const sorted = [...articles].sort(byTimeThenId);
  const groups = new Map<string, StoryArticle[]>();
  for (const a of sorted) {
    // Copies of one original share a card whether or not the original is in this story.
    const key = a.duplicateOf ?? a.id;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const cards: CoverageCard[] = [];
  for (const [key, members] of groups) {
    // The original when it is here; else the earliest member (members are earliest first).
    const head = members.find((m) => m.id === key) ?? members[0]!;
    cards.push({
      head,
      copies: members.filter((m) => m !== head),
      firstMs: coverageTimeMs(members[0]!),
    });
  }
  cards.sort((a, b) => a.firstMs - b.firstMs || byTimeThenId(a.head, b.head));
  return { cards, firstId: sorted[0]?.id ?? null };
}
