import { describe, expect, it } from "vitest";
import type { StoryArticle } from "./reader-data.ts";
import { toStoryCoverage } from "./story-coverage.ts";

/** A member at `hour` o'clock on 2015-08-10, a copy of `duplicateOf` when given. */
function member(id: string, hour: number, duplicateOf: string | null = null): StoryArticle {
  return {
    id,
    title: id,
    sourceId: `s-${id}`,
    citedSource: null,
    publishedAt: `2015-08-10T${String(hour).padStart(2, "0")}:00:00Z`,
    url: `https://example.com/${id}`,
    lead: "",
    duplicateOf,
  };
}

/** Each card as "head: copies". */
const shape = (articles: StoryArticle[]) =>
  toStoryCoverage(articles).cards.map((c) => `${c.head.id}:${c.copies.map((m) => m.id).join(",")}`);

describe("toStoryCoverage", () => {
  const rows: { name: string; articles: StoryArticle[]; cards: string[]; firstId: string | null }[] = [
    {
      name: "puts copies inside their original's card, earliest first",
      articles: [member("a", 9), member("b", 10), member("c", 11, "a"), member("d", 10, "a")],
      cards: ["a:d,c", "b:"],
      firstId: "a",
    },
    {
      name: "orders cards by their earliest member: a copy published before its wire original leads",
      articles: [member("w", 12), member("x", 10), member("c", 9, "w")],
      cards: ["w:c", "x:"],
      firstId: "c",
    },
    {
      name: "keeps a copy whose original is in another story, as the head of its own card",
      articles: [member("a", 9), member("o1", 10, "elsewhere")],
      cards: ["a:", "o1:"],
      firstId: "a",
    },
    {
      name: "groups copies of one original placed elsewhere under the earliest of them",
      articles: [member("o2", 11, "elsewhere"), member("o1", 10, "elsewhere"), member("o3", 12, "elsewhere")],
      cards: ["o1:o2,o3"],
      firstId: "o1",
    },
    {
      name: "sorts undated members last",
      articles: [{ ...member("u", 0), publishedAt: null }, member("a", 9)],
      cards: ["a:", "u:"],
      firstId: "a",
    },
    { name: "has no card and no first report without members", articles: [], cards: [], firstId: null },
  ];
  it.each(rows)("$name", ({ articles, cards, firstId }) => {
    expect(shape(articles)).toEqual(cards);
    expect(toStoryCoverage(articles).firstId).toBe(firstId);
  });

  it("draws every member exactly once: the cards and their copies add up to the article count", () => {
    // A mixed story: originals, copies here, copies of originals elsewhere, same times.
    const articles: StoryArticle[] = [];
    for (let i = 0; i < 40; i++) {
      const kind = i % 4;
      const dup = kind === 0 ? null : kind === 1 ? `m${i - 1}` : kind === 2 ? `far${i % 3}` : `m${i - 3}`;
      articles.push(member(`m${i}`, i % 7, dup));
    }
    const { cards } = toStoryCoverage(articles);
    const drawn = cards.flatMap((c) => [c.head.id, ...c.copies.map((m) => m.id)]);
    expect(drawn).toHaveLength(articles.length);
    expect(new Set(drawn).size).toBe(articles.length);
  });
});
