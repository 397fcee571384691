import { describe, expect, it } from "vitest";
import type { SourceSummary } from "../../../ports/source-store.ts";
import type { ViewContext } from "../view-parts.ts";
import { type HomeTitleView, homeTitle } from "./home-page.ts";

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
