import { describe, expect, it } from "vitest";
import { StoryClusterer } from "./story-clusterer.ts";
import { toStoryTerms } from "./story-vector.ts";

/** One outlet's close of a Sunday, written as such texts are (paraphrased, figures invented). */
const SUNDAY_CLOSE = {
  id: "close-sun",
  sourceId: "outlet-a",
  title: "الأسهم السعودية تغلق على تراجع بـ 49 نقطة",
  text: "أغلق مؤشر سوق الأسهم السعودية تداولات اليوم متراجعا 49 نقطة إلى مستوى 9100 نقطة بتداولات بلغت قيمتها خمسة مليارات ريال، وتراجعت أسهم المصارف والبتروكيماويات وارتفعت أسهم التجزئة.",
  timeMs: Date.UTC(2015, 6, 26, 16),
};
/** Another outlet's close of the Monday: the same template, the other way. */
const MONDAY_CLOSE = {
  id: "close-mon",
  sourceId: "outlet-b",
  title: "الأسهم السعودية تغلق على ارتفاع بـ 24 نقطة",
  text: "أغلق مؤشر سوق الأسهم السعودية تداولات اليوم مرتفعا 24 نقطة إلى مستوى 9124 نقطة بتداولات بلغت قيمتها أربعة مليارات ريال، وارتفعت أسهم المصارف والبتروكيماويات وتراجعت أسهم التجزئة.",
  timeMs: Date.UTC(2015, 6, 27, 16),
};
/** A third outlet's print edition of the Sunday close, the next morning: the same move. */
const SUNDAY_PRINT = {
  id: "close-sun-print",
  sourceId: "outlet-c",
  title: "الأسهم السعودية تتراجع 49 نقطة",
  text: "تراجع مؤشر سوق الأسهم السعودية أمس 49 نقطة إلى مستوى 9100 نقطة بتداولات بلغت قيمتها خمسة مليارات ريال، وتراجعت أسهم المصارف والبتروكيماويات.",
  timeMs: Date.UTC(2015, 6, 27, 4),
};

/** The Sunday close reprinted (a copy) under an editor's headline that reads the other way. */
const SUNDAY_COPY = {
  ...SUNDAY_CLOSE,
  id: "close-sun-copy",
  sourceId: "outlet-d",
  title: "المصارف تصعد بالأسهم السعودية",
  timeMs: Date.UTC(2015, 6, 26, 18),
  duplicateOf: "close-sun",
};

function place(
  articles: (typeof SUNDAY_CLOSE & { duplicateOf?: string })[],
  marketMovesAsInstances: boolean,
): (string | null)[] {
  const c = new StoryClusterer({ tuning: { marketMovesAsInstances } });
  return articles.map(
    (a) => c.add({ ...a, terms: toStoryTerms(a.title, a.text), duplicateOf: a.duplicateOf ?? null }).storyId,
  );
}

describe("StoryClusterer with market moves as instances", () => {
  it("joins the next day's close that rose to the close that fell without the rule (the chain it stops)", () => {
    expect(place([SUNDAY_CLOSE, MONDAY_CLOSE], false)).toEqual(["close-sun", "close-sun"]);
  });
  it("keeps the next day's close that rose apart from the close that fell", () => {
    expect(place([SUNDAY_CLOSE, MONDAY_CLOSE], true)).toEqual(["close-sun", "close-mon"]);
  });
  it("still joins another outlet's next-morning print of the same close", () => {
    expect(place([SUNDAY_CLOSE, SUNDAY_PRINT], true)).toEqual(["close-sun", "close-sun"]);
  });
  it("lets a copy follow its original whatever move its own headline names", () => {
    expect(place([SUNDAY_CLOSE, MONDAY_CLOSE, SUNDAY_COPY], true)).toEqual([
      "close-sun",
      "close-mon",
      "close-sun",
    ]);
  });
});
