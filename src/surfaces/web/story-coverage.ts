/**
 * A story's coverage as cards: one card per copy group present in the story, its displayed article on top and the
 * group's other members inside it, and a wire release's continuation parts inside its first part's card, so every
 * member is drawn exactly once. Surface helper, pure.
 */
import { articleTimeMs } from "../../domain/parse-iso-time.ts";
import { wirePartNumber } from "../../stages/dedupe/strip-syndication-marks.ts";
import { linkWireParts } from "../../stages/dedupe/wire-release-parts.ts";
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
  /**
   * A wire release's continuation parts ("… إضافة ثانية", linkWireParts) when this card holds its first part: each part
   * a card of its own copy group, in part order. A part is a new text, not a copy, yet a reader reads it as the rest
   * of this card's release, not as other coverage (dev corpus: 20 parts, each its own card in 14 stories).
   */
  parts: CoverageCard[];
}

/** The coverage of a story: its cards, by their earliest member, and the story's earliest member. */
export interface StoryCoverage {
  cards: CoverageCard[];
  /** The member published first, copies included ("الأسبق"); null for a story without articles. */
  firstId: string | null;
}

/**
 * The orders a story's coverage is read in: `oldest` first (the default: how the story unfolded, its first report on
 * top) or `newest` first (what came in last, for a story followed over days). Undated coverage is last in both.
 */
export const COVERAGE_ORDERS = ["oldest", "newest"] as const;
export type CoverageOrder = (typeof COVERAGE_ORDERS)[number];

/**
 * `items`, given in coverage order (oldest first, ties by id, undated last: `timeMs` MAX_SAFE_INTEGER as
 * coverageTimeMs gives), in `order`: newest first, items of one time in the reverse of their given order, the
 * undated still last in theirs. Example: [a 09:00, b 10:00, u undated] newest → [b, a, u].
 */
export function inCoverageOrder<T>(
  items: readonly T[],
  order: CoverageOrder,
  timeMs: (item: T) => number,
): T[] {
  if (order === "oldest") return [...items];
  const undated = (t: number) => t === Number.MAX_SAFE_INTEGER;
  return items
    .map((item, i) => ({ item, i, t: timeMs(item) }))
    .sort((a, b) =>
      undated(a.t) || undated(b.t)
        ? Number(undated(a.t)) - Number(undated(b.t)) || a.i - b.i
        : b.t - a.t || b.i - a.i,
    )
    .map((x) => x.item);
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
 * A card whose head is a wire release's continuation part goes inside the card holding the release's first part
 * (CoverageCard.parts); `cards` are the others.
 *
 * Example: originals a (09:00), b (10:00); c copy of a at 08:00; d copy of x (not in the story) at 11:00 →
 * cards [a + [c]] (first 08:00), [b], [d] (head d, its original elsewhere); firstId c. With e "b's headline إضافة
 * أولى" at 10:00: [b] holds e's card in its parts. `order` newest lists the cards [d], [b], [a + [c]]: only the
 * cards' order changes, never what a card holds or the order inside it.
 */
export function toStoryCoverage(
  articles: readonly StoryArticle[],
  order: CoverageOrder = "oldest",
): StoryCoverage {
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
      parts: [],
    });
  }
  cards.sort((a, b) => a.firstMs - b.firstMs || byTimeThenId(a.head, b.head));
  return {
    cards: inCoverageOrder(foldWireParts(cards), order, (c) => c.firstMs),
    firstId: sorted[0]?.id ?? null,
  };
}

/** Moves each card headed by a continuation part into the card its release's first part heads. */
function foldWireParts(cards: CoverageCard[]): CoverageCard[] {
  const heads = cards.map((c) => ({
    id: c.head.id,
    sourceId: c.head.sourceId,
    title: c.head.title,
    part: c.head.wirePart ?? null,
    timeMs: coverageTimeMs(c.head),
  }));
  const links = linkWireParts(heads);
  if (links.length === 0) return cards;
  const cardOf = new Map<string, CoverageCard>();
  for (const c of cards) cardOf.set(c.head.id, c);
  const partNumber = new Map(links.map((l) => [l.partId, l.part]));
  const folded = new Set<CoverageCard>();
  // Only copy-group heads are linked (a part's copies ride with its card), so a first part is never itself a part.
  for (const l of links) {
    const part = cardOf.get(l.partId)!;
    const release = cardOf.get(l.firstId)!;
    release.parts.push(part);
    folded.add(part);
  }
  for (const c of cards) {
    c.parts.sort(
      (a, b) => partNumber.get(a.head.id)! - partNumber.get(b.head.id)! || byTimeThenId(a.head, b.head),
    );
    // The release's card sorts by its earliest member, parts included (SPA's parts may come seconds before).
    for (const p of c.parts) c.firstMs = Math.min(c.firstMs, p.firstMs);
  }
  return cards
    .filter((c) => !folded.has(c))
    .sort((a, b) => a.firstMs - b.firstMs || byTimeThenId(a.head, b.head));
}

/** StoryArticle.wirePart for a title and text, as a spread (`{}` for no part). */
export function wirePartOf(title: string, text: string): { wirePart?: number } {
  const part = wirePartNumber(title, text.slice(0, WIRE_PART_OPENING_CHARS));
  return part === null ? {} : { wirePart: part };
}

/** The mark opening a text sits on its first line: this much of the text is enough to find it. */
const WIRE_PART_OPENING_CHARS = 80;

/**
 * For each member of a wire release's continuation part (its copies too): the head of the card holding the release's
 * first part, as toStoryCoverage folds them; the JSON of a story (API and CLI) says it as `part_of`.
 */
export function wirePartOfIds(articles: readonly StoryArticle[]): Map<string, string> {
  const partOf = new Map<string, string>();
  for (const card of toStoryCoverage(articles).cards)
    for (const part of card.parts)
      for (const m of [part.head, ...part.copies]) partOf.set(m.id, card.head.id);
  return partOf;
}
