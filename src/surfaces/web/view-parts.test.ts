import { describe, expect, it } from "vitest";
import { pager, pageTitleSuffix, pastEndNote, storyCard } from "./view-parts.ts";

describe("storyCard", () => {
  const story = {
    id: "s1",
    headline: "عنوان القصة",
    lead: "",
    articleCount: 3,
    sources: ["okaz"],
    firstSeen: "2015-08-11T06:00:00.000Z",
    lastUpdate: "2015-08-11T18:37:00.000Z",
    leadArticleId: "a1",
  };

  it("gives a story's last update with its time of day once it is too old for an age (product review)", () => {
    const old = storyCard(story, { sources: new Map(), nowMs: Date.parse("2026-12-01T00:00:00Z") }).value;
    expect(old).toContain(">11 أغسطس 2015، 9:37 م</time>");
    const fresh = storyCard(story, { sources: new Map(), nowMs: Date.parse("2015-08-11T21:37:00Z") }).value;
    expect(fresh).toContain('data-relative="11 أغسطس 2015، 9:37 م">قبل 3 ساعات</time>');
  });

  it.each([
    {
      why: "some of its articles are recent: says how many",
      recent: 2,
      span: undefined,
      line: "مقالان في آخر 24 ساعة",
    },
    { why: "a past day's list names that day", recent: 2, span: "في هذا اليوم", line: "مقالان في هذا اليوم" },
    { why: "all of them are recent: the total says it", recent: 3, span: undefined, line: null },
    { why: "none is: the last update says it", recent: 0, span: undefined, line: null },
  ])("tells a top story's recent articles when $why", ({ recent, span, line }) => {
    const ctx = { sources: new Map(), nowMs: Date.parse("2015-08-11T21:37:00Z") };
    const card = storyCard(
      { ...story, recentArticleCount: recent },
      ctx,
      span === undefined ? {} : { recentSpan: span },
    ).value;
    if (line === null) expect(card).not.toMatch(/في (آخر 24 ساعة|هذا اليوم)/);
    else expect(card).toContain(`<li>${line}</li>`);
  });

  it("lays out an Arabic headline and lead opening with a Latin word right to left (dir=auto took the first letter)", () => {
    const ctx = { sources: new Map(), nowMs: Date.parse("2015-08-11T21:37:00Z") };
    const card = storyCard(
      { ...story, headline: "iPhone 6s يصل إلى الأسواق السعودية", lead: "CNN: قالت الشبكة إن الطلب كبير" },
      ctx,
    ).value;
    expect(card).toContain('<h2 dir="rtl"><a href="/story/s1">iPhone 6s');
    expect(card).toContain('<p dir="rtl">CNN:');
    const english = storyCard({ ...story, headline: "Saudi stocks close higher" }, ctx).value;
    expect(english).toContain('<h2 dir="ltr">');
  });

  it("names the outlets a list is filtered by first in the outlets line, the others after in their order", () => {
    const ctx = { sources: new Map(), nowMs: Date.parse("2015-08-11T21:37:00Z") };
    const many = { ...story, sources: ["was", "okaz", "sabq", "alriyadh", "alyaum"] };
    const line = (card: string) => card.slice(card.indexOf('<ul class="meta">'), card.indexOf("</li>"));
    expect(line(storyCard(many, ctx).value)).toMatch(/<bdi>was<\/bdi>، <bdi>okaz<\/bdi>/);
    // alyaum is fifth, past the four the line shows: filtered by it, it leads.
    const byAlyaum = line(storyCard(many, ctx, { firstSources: new Set(["alyaum"]) }).value);
    expect(byAlyaum).toMatch(
      /^<ul class="meta">\s*<li><bdi>alyaum<\/bdi>، <bdi>was<\/bdi>، <bdi>okaz<\/bdi>، <bdi>sabq<\/bdi> وغيرها$/,
    );
  });
});

describe("pager", () => {
  const href = (offset: number) => `?offset=${offset}`;
  /**
   * The pager's items as a reader reads them on a wide screen or a phone (app.css hides .pager-narrow on the one and
   * .pager-wide on the other): [n] the current page, … a gap.
   */
  const items = (total: number, offset: number, maxOffset?: number, screen: "wide" | "narrow" = "wide") =>
    [
      ...pager(total, 25, offset, href, maxOffset).value.matchAll(
        /<li(?: class="(pager-wide|pager-narrow)")?[^>]*>(?:<a href="\?offset=(\d+)"(?: rel="(prev|next)")?[^>]*>([^<]*)<\/a>|<span aria-current="page">(\d+)<\/span>|<span class="pager-gap">…<\/span>)<\/li>/g,
      ),
    ]
      .filter(([, only]) => only !== (screen === "wide" ? "pager-narrow" : "pager-wide"))
      .map(([, , to, rel, text, current]) =>
        current !== undefined
          ? `[${current}]`
          : to === undefined
            ? "…"
            : rel !== undefined
              ? `${rel}:${to}`
              : `${text}:${to}`,
      );

  it.each([
    ["one page needs no pager", 20, 0, undefined, []],
    [
      "the first page links the last one, past a gap (a story's newest coverage is on it)",
      580,
      0,
      undefined,
      ["[1]", "2:25", "3:50", "…", "24:575", "next:25"],
    ],
    [
      "a middle page keeps the first and the last besides its window",
      580,
      250,
      undefined,
      ["prev:225", "1:0", "…", "9:200", "10:225", "[11]", "12:275", "13:300", "…", "24:575", "next:275"],
    ],
    [
      "no gap where the window reaches the end",
      580,
      525,
      undefined,
      ["prev:500", "1:0", "…", "20:475", "21:500", "[22]", "23:550", "24:575", "next:550"],
    ],
    [
      "a page past the end goes back to the last page, not to another empty one",
      580,
      5000,
      undefined,
      ["prev:575", "1:0", "…", "24:575"],
    ],
    [
      "no page past the deepest offset the page accepts (a 400 from there)",
      50_000,
      0,
      10_000,
      ["[1]", "2:25", "3:50", "…", "401:10000", "next:25"],
    ],
  ])("%s", (_why, total, offset, maxOffset, expected) => {
    expect(items(total, offset, maxOffset)).toEqual(expected);
  });

  it.each([
    ["the first page: first, last and next", 375, 0, ["[1]", "…", "15:350", "next:25"]],
    ["the second page: no gap before it", 375, 25, ["prev:0", "1:0", "[2]", "…", "15:350", "next:50"]],
    [
      "a middle page: its neighbours are previous and next, a gap each side",
      375,
      100,
      ["prev:75", "1:0", "…", "[5]", "…", "15:350", "next:125"],
    ],
    [
      "the third page: a gap a wide screen does not have",
      375,
      50,
      ["prev:25", "1:0", "…", "[3]", "…", "15:350", "next:75"],
    ],
    ["the last page", 375, 350, ["prev:325", "1:0", "…", "[15]"]],
  ])(
    "on a phone, links only the first, current and last pages besides previous and next: %s",
    (_why, total, offset, expected) => {
      expect(items(total, offset, undefined, "narrow")).toEqual(expected);
    },
  );

  it("keeps the wide window of a 15-page story's middle page on a wide screen", () => {
    expect(items(375, 50)).toEqual([
      "prev:25",
      "1:0",
      "2:25",
      "[3]",
      "4:75",
      "5:100",
      "…",
      "15:350",
      "next:75",
    ]);
  });

  it("says a page past the end ended the list and links its last page", () => {
    expect(pastEndNote(580, 25, href).value).toContain(
      '<a href="?offset=575">اذهب إلى الصفحة الأخيرة (24)</a>',
    );
  });

  it.each([
    [0, ""],
    [10, ""],
    [25, " — الصفحة 2"],
    [575, " — الصفحة 24"],
  ])("titles offset %i as '%s'", (offset, suffix) => {
    expect(pageTitleSuffix(offset, 25)).toBe(suffix);
  });
});
