import { describe, expect, it } from "vitest";
import type { SourceSummary } from "../../../ports/source-store.ts";
import type { StorySummary } from "../reader-data.ts";
import type { ViewContext } from "../view-parts.ts";
import { type HomeTitleView, type HomeView, homeTitle, renderHomePage } from "./home-page.ts";

const okaz: SourceSummary = {
  id: "okaz",
  name: "عكاظ",
  homepage: null,
  country: "SA",
  language: "ar",
  createdAt: "2015-01-01T00:00:00Z",
  articleCount: 3,
  lastArticleAt: "2015-07-26T10:00:00Z",
};
const ctx: ViewContext = { sources: new Map([["okaz", okaz]]), nowMs: Date.parse("2015-07-27T13:00:00Z") };
const none: HomeTitleView = { day: "", source: "", country: "", offset: 0, limit: 20 };

describe("homeTitle", () => {
  const rows: [why: string, view: Partial<HomeTitleView>, text: string][] = [
    ["the newest stories, first page: the plain title", {}, "أهم الأخبار"],
    ["a past day is named", { day: "2015-07-26" }, "أهم أخبار الأحد، 26 يوليو 2015"],
    ["an outlet filter names the outlet inside «»", { source: "okaz" }, "أهم الأخبار في «عكاظ»"],
    [
      "an outlet the reader does not list is named by its id",
      { source: "nosuch" },
      "أهم الأخبار في «nosuch»",
    ],
    [
      "a country filter names the country's outlets",
      { country: "SA" },
      "أهم الأخبار من مصادر المملكة العربية السعودية",
    ],
    ["an outlet says more than its country", { source: "okaz", country: "SA" }, "أهم الأخبار في «عكاظ»"],
    ["a later page gives its number", { offset: 20 }, "أهم الأخبار — الصفحة 2"],
    ["an offset inside a page counts as that page", { offset: 45 }, "أهم الأخبار — الصفحة 3"],
    [
      "day, outlet and page together",
      { day: "2015-07-26", source: "okaz", offset: 20 },
      "أهم أخبار الأحد، 26 يوليو 2015 في «عكاظ» — الصفحة 2",
    ],
  ];
  for (const [why, view, text] of rows)
    it(why, () => {
      expect(homeTitle({ ...none, ...view }, ctx).text).toBe(text);
    });

  it("isolates the day and the outlet's name in the heading", () => {
    expect(homeTitle({ ...none, day: "2015-07-26", source: "okaz" }, ctx).html.value).toBe(
      "أهم أخبار <bdi>الأحد، 26 يوليو 2015</bdi> في «<bdi>عكاظ</bdi>»",
    );
  });
});

describe("home page over outlets that published nothing lately", () => {
  const story: StorySummary = {
    id: "s1",
    headline: "خبر",
    lead: "",
    articleCount: 3,
    sources: ["okaz"],
    firstSeen: "2015-07-26T08:00:00Z",
    lastUpdate: "2015-07-26T10:00:00Z",
    leadArticleId: "a1",
    recentArticleCount: 2,
  };
  const view = (over: Partial<HomeView> = {}): HomeView => ({
    stories: [story],
    total: 1,
    limit: 20,
    offset: 0,
    country: "",
    source: "",
    day: "",
    sourceList: [okaz],
    capabilities: { clusteredStories: true, similarMethod: "story-tfidf" },
    ...over,
  });
  const at = (iso: string): ViewContext => ({ ...ctx, nowMs: Date.parse(iso) });
  const note = (v: HomeView, c: ViewContext) =>
    /<p class="note" role="status" id="stale-note">/.test(renderHomePage(v, c).value);

  it.each([
    // okaz's newest article is 2015-07-26T10:00Z.
    [
      "an archive (a day and more after the newest article) says when it ends",
      "2015-07-27T13:00:00Z",
      {},
      true,
    ],
    ["a live store (the newest article within 24 h) says nothing", "2015-07-27T09:00:00Z", {}, false],
    [
      "a past day chosen says nothing: its heading names the day",
      "2015-08-27T13:00:00Z",
      { day: "2015-07-26" },
      false,
    ],
    ["no stories shown say nothing more", "2015-08-27T13:00:00Z", { stories: [], total: 0 }, false],
  ])("%s", (_why, now, over, shown) => {
    expect(note(view(over as Partial<HomeView>), at(now))).toBe(shown);
  });

  it("gives the newest article's time, up to which the cards' 'في آخر 24 ساعة' count", () => {
    const body = renderHomePage(view(), at("2015-08-27T13:00:00Z")).value;
    const note = body.slice(
      body.indexOf('id="stale-note"'),
      body.indexOf("</p>", body.indexOf('id="stale-note"')),
    );
    expect(note).toContain('datetime="2015-07-26T10:00:00.000Z"');
    expect(note).toContain("26 يوليو 2015");
    expect(note).toContain("«في آخر 24 ساعة»");
  });
});
