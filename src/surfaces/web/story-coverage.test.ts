import { describe, expect, it } from "vitest";
import type { StoryArticle } from "./reader-data.ts";
import { type CoverageCard, inCoverageOrder, toStoryCoverage, wirePartOf } from "./story-coverage.ts";

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

/** A wire release's member: `title` on SPA ("was") at `minute` past 20:00 on 2015-08-10. */
function wire(id: string, title: string, minute: number, text = ""): StoryArticle {
  const at = `2015-08-10T20:${String(minute).padStart(2, "0")}:00Z`;
  return { ...member(id, 20), title, sourceId: "was", publishedAt: at, ...wirePartOf(title, text) };
}

/** Each card as "head: copies", its parts (same shape) after a "+". */
const shape = (articles: StoryArticle[]) => toStoryCoverage(articles).cards.map(cardShape);
const cardShape = (c: CoverageCard): string =>
  `${c.head.id}:${c.copies.map((m) => m.id).join(",")}${c.parts.length === 0 ? "" : ` + [${c.parts.map(cardShape).join(" ")}]`}`;

const CABINET = "عام / نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء";

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
    {
      name: "folds a wire release's continuation parts into its first part's card, in part order",
      articles: [
        wire("p3", `${CABINET} إضافة ثالثة`, 1),
        wire("first", CABINET, 2),
        wire("p1", `${CABINET} إضافة أولى`, 3),
        member("other", 21),
      ],
      cards: ["first: + [p1: p3:]", "other:"],
      firstId: "p3",
    },
    {
      name: "knows the last part whose title has no mark by the mark opening its text (SPA's cabinet session)",
      articles: [
        wire("first", CABINET, 2),
        wire("p5", CABINET, 1, "إضافة خامسة وأخيرة\n\n3 - تعيين مدير عام"),
      ],
      cards: ["first: + [p5:]"],
      firstId: "p5",
    },
    {
      name: "brings a part's copies along inside its card, and finds the first part through an outlet's copy of it",
      articles: [
        { ...member("alweeam", 18), title: "جامعة كوينزلاند تكرم مبتعثاً" },
        wire("part", "عام / جامعة كوينزلاند تكرم مبتعثاً إضافة أولى وأخيرة", 30),
        {
          ...member("copy", 21, "part"),
          title: "جامعة كوينزلاند تكرم مبتعثاً إضافة أولى وأخيرة",
          wirePart: 1,
        },
      ],
      cards: ["alweeam: + [part:copy]"],
      firstId: "alweeam",
    },
    {
      name: "leaves a part alone when its release's first part is not in the story",
      articles: [wire("p2", `${CABINET} إضافة ثانية`, 1), member("other", 21)],
      cards: ["p2:", "other:"],
      firstId: "p2",
    },
    {
      name: "leaves a same-headline part of another day apart (WIRE_PART_MAX_HOURS)",
      articles: [
        wire("first", CABINET, 2),
        { ...wire("p1", `${CABINET} إضافة أولى`, 3), publishedAt: "2015-08-12T20:03:00Z" },
      ],
      cards: ["first:", "p1:"],
      firstId: "first",
    },
  ];
  it.each(rows)("$name", ({ articles, cards, firstId }) => {
    expect(shape(articles)).toEqual(cards);
    expect(toStoryCoverage(articles).firstId).toBe(firstId);
  });

  it("draws every member exactly once: the cards, their copies and parts add up to the article count", () => {
    // A mixed story: originals, copies here, copies of originals elsewhere, same times.
    const articles: StoryArticle[] = [];
    for (let i = 0; i < 40; i++) {
      const kind = i % 4;
      const dup = kind === 0 ? null : kind === 1 ? `m${i - 1}` : kind === 2 ? `far${i % 3}` : `m${i - 3}`;
      articles.push(member(`m${i}`, i % 7, dup));
    }
    articles.push(
      wire("release", CABINET, 1),
      wire("part", `${CABINET} إضافة أولى`, 2),
      member("pc", 3, "part"),
    );
    const { cards } = toStoryCoverage(articles);
    const ids = (c: CoverageCard): string[] => [
      c.head.id,
      ...c.copies.map((m) => m.id),
      ...c.parts.flatMap(ids),
    ];
    const drawn = cards.flatMap(ids);
    expect(drawn).toHaveLength(articles.length);
    expect(new Set(drawn).size).toBe(articles.length);
  });
});

describe("toStoryCoverage newest first", () => {
  const undated = (id: string, duplicateOf: string | null = null): StoryArticle => ({
    ...member(id, 0, duplicateOf),
    publishedAt: null,
  });
  const newest = (articles: StoryArticle[]) => toStoryCoverage(articles, "newest");
  it.each([
    [
      "lists the cards newest first, each card's copies still earliest first",
      [member("a", 9), member("b", 10), member("c", 11, "a"), member("d", 10, "a"), member("e", 12)],
      ["e:", "b:", "a:d,c"],
    ],
    [
      "orders a card by its earliest member, as oldest first does: a late copy does not lift its original",
      [member("a", 9), member("b", 10), member("c", 23, "a")],
      ["b:", "a:c"],
    ],
    [
      "keeps undated cards last, in their own order",
      [undated("u1"), member("a", 9), undated("u2"), member("b", 10)],
      ["b:", "a:", "u1:", "u2:"],
    ],
    [
      "reverses cards of one time by id, the reverse of oldest first",
      [member("x", 9), member("y", 9)],
      ["y:", "x:"],
    ],
  ])("%s", (_why, articles, cards) => {
    expect(newest(articles).cards.map(cardShape)).toEqual(cards);
  });

  it("keeps the first report, the release's parts inside their card, and every member once", () => {
    const articles = [
      member("a", 9),
      wire("w1", CABINET, 1),
      wire("w2", `${CABINET} إضافة أولى`, 5),
      member("c", 8, "a"),
    ];
    const oldest = toStoryCoverage(articles);
    const latest = newest(articles);
    expect(latest.firstId).toBe(oldest.firstId);
    expect(latest.cards.map(cardShape)).toEqual([...oldest.cards.map(cardShape)].reverse());
  });
});

describe("inCoverageOrder", () => {
  it("returns oldest first as given and newest first reversed with undated last", () => {
    const t = (x: number) => x;
    const U = Number.MAX_SAFE_INTEGER;
    expect(inCoverageOrder([1, 2, 3, U], "oldest", t)).toEqual([1, 2, 3, U]);
    expect(inCoverageOrder([1, 2, 2, 3, U], "newest", t)).toEqual([3, 2, 2, 1, U]);
  });
});
