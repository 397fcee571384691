import { describe, expect, it } from "vitest";
import {
  articlesLabel,
  copiedArticlesLabel,
  feedsLabel,
  lettersLabel,
  originalArticlesLabel,
  otherArticlesLabel,
  outletsLabel,
  resultsLabel,
  secondsLabel,
  storiesLabel,
} from "./count-label.ts";

describe("Arabic counted nouns", () => {
  it.each([
    [0, "لا مصادر"],
    [1, "مصدر واحد"],
    [2, "مصدران"],
    [3, "3 مصادر"],
    [10, "10 مصادر"],
    [11, "11 مصدرًا"],
    [99, "99 مصدرًا"],
    [100, "100 مصدر"],
    [103, "103 مصادر"],
    [111, "111 مصدرًا"],
  ])("%i outlets: %s", (n, label) => {
    expect(outletsLabel(n)).toBe(label);
  });

  it.each([
    [1, "مقال واحد منقول", "مقال واحد آخر"],
    [2, "مقالان منقولان", "مقالان آخران"],
    [5, "5 مقالات منقولة", "5 مقالات أخرى"],
    [12, "12 مقالًا منقولًا", "12 مقالًا آخر"],
    [200, "200 مقال منقول", "200 مقال آخر"],
  ])("%i copies: adjectives agree with the noun (%s, %s)", (n, copied, other) => {
    expect(copiedArticlesLabel(n)).toBe(copied);
    expect(otherArticlesLabel(n)).toBe(other);
    expect(copied.startsWith(articlesLabel(n))).toBe(true);
  });

  // One row per form Arabic number agreement asks for, as a tooltip or a note shows the count.
  it.each([
    [
      "none: لا with the plural (the timeline's empty bars said «0 مقال»)",
      0,
      "لا مقالات",
      "لا قصص",
      "لا نتائج",
    ],
    ["one: the singular with واحد after it", 1, "مقال واحد", "قصة واحدة", "نتيجة واحدة"],
    ["two: the dual, no numeral", 2, "مقالان", "قصتان", "نتيجتان"],
    ["3 to 10: the plural", 3, "3 مقالات", "3 قصص", "3 نتائج"],
    ["10 still takes the plural", 10, "10 مقالات", "10 قصص", "10 نتائج"],
    ["11 to 99: the accusative singular", 11, "11 مقالًا", "11 قصة", "11 نتيجة"],
    ["a hundred: the genitive singular", 100, "100 مقال", "100 قصة", "100 نتيجة"],
  ])("%s", (_why, n, articles, stories, results) => {
    expect(articlesLabel(n)).toBe(articles);
    expect(storiesLabel(n)).toBe(stories);
    expect(resultsLabel(n)).toBe(results);
  });

  it.each([
    [1, "ثانية واحدة", "خلاصة واحدة", "حرف واحد"],
    [2, "ثانيتين", "خلاصتان", "حرفين"],
    [5, "5 ثوانٍ", "5 خلاصات", "5 أحرف"],
    [30, "30 ثانية", "30 خلاصة", "30 حرفًا"],
    [1000, "1000 ثانية", "1000 خلاصة", "1000 حرف"],
  ])("%i seconds, feeds and letters agree too: %s, %s, %s", (n, seconds, feeds, letters) => {
    expect(secondsLabel(n)).toBe(seconds);
    expect(feedsLabel(n)).toBe(feeds);
    expect(lettersLabel(n)).toBe(letters);
  });

  it("says the entity note's originals with an agreeing adjective: 40 مقالًا أصليًا", () => {
    expect(originalArticlesLabel(40)).toBe("40 مقالًا أصليًا");
  });
});
