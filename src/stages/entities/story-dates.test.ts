import { describe, expect, it } from "vitest";
import { toStoryDates } from "./story-dates.ts";

const article = (text: string, publishedAt: string) => ({
  title: "",
  text,
  publishedAt,
  fetchedAt: publishedAt,
});

describe("toStoryDates", () => {
  it("counts the days the originals name, each resolved against its own publish date", () => {
    const dates = toStoryDates([
      article("وقع الانفجار ظهر اليوم الخميس في أبها", "2015-08-06T12:00:00Z"),
      article("أدان المجلس تفجير أمس الخميس", "2015-08-07T08:00:00Z"),
      article("شيع المصلون ضحايا تفجير الخميس الماضي، وتقام الصلاة غداً", "2015-08-09T08:00:00Z"),
    ]);
    // Three reports name Thursday 6 August; tomorrow (the 10th) is named once, in a story of three: left out.
    expect(dates).toEqual([{ day: "2015-08-06", articles: 3 }]);
  });

  it("lists days in calendar order, a lone article's days included", () => {
    expect(toStoryDates([article("يبدأ المعرض غداً ويستمر حتى 20 أغسطس", "2015-08-06T12:00:00Z")])).toEqual([
      { day: "2015-08-07", articles: 1 },
      { day: "2015-08-20", articles: 1 },
    ]);
  });

  it("skips an article whose times do not parse", () => {
    expect(toStoryDates([article("وقع أمس", "not a time")])).toEqual([]);
  });
});
