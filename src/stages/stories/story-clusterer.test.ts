import { describe, expect, it } from "vitest";
import { type ClusterTuning, StoryClusterer } from "./story-clusterer.ts";
import { toStoryTerms } from "./story-vector.ts";

const H = 3_600_000;
const DAYS = 8;
/** Invented daily market closes: one template, another day's numbers (each day's close is its own event). */
const CLOSES = Array.from({ length: DAYS }, (_, d) => ({
  id: `close-${d}`,
  title: `مؤشر سوق الأسهم يغلق مرتفعا ${100 + d * 7} نقطة`,
  text: `أغلق مؤشر سوق الأسهم اليوم مرتفعا ${100 + d * 7} نقطة عند مستوى ${9000 + d * 13} نقطة بتداولات بلغت ${4 + d} مليارات ريال وارتفعت أسهم ${60 + d} شركة وتراجعت أسهم ${70 - d} شركة`,
  timeMs: d * 24 * H + 15 * H,
}));
/** Other news between the closes, so document frequencies are not the template's alone. */
const OTHER = Array.from({ length: DAYS }, (_, d) => ({
  id: `other-${d}`,
  title: d % 2 === 0 ? "افتتاح مستشفى جديد في أبها" : "الهلال يفوز على النصر في الديربي",
  text:
    d % 2 === 0
      ? "أعلنت وزارة الصحة افتتاح مستشفى جديد في أبها بسعة مئتي سرير لخدمة سكان منطقة عسير"
      : "فاز فريق الهلال على النصر بهدفين في مباراة الديربي على ملعب الملك فهد الدولي بالرياض",
  timeMs: d * 24 * H + 9 * H,
}));

function storiesOfCloses(tuning: Partial<ClusterTuning>): Set<string | undefined> {
  const c = new StoryClusterer({ tuning });
  for (const a of [...CLOSES, ...OTHER].sort((x, y) => x.timeMs - y.timeMs)) {
    c.add({
      id: a.id,
      sourceId: "was",
      title: a.title,
      timeMs: a.timeMs,
      terms: toStoryTerms(a.title, a.text),
      duplicateOf: null,
    });
  }
  // Stories stay open for STORY_WINDOW_HOURS after their last article, so every close's story is still known.
  return new Set(CLOSES.map((a) => c.storyOf(a.id)));
}

describe("StoryClusterer long-range chaining", () => {
  it("chains a week of daily template closes into one story when story age is ignored", () => {
    expect(storiesOfCloses({ ageGraceHours: Number.POSITIVE_INFINITY }).size).toBe(1);
  });
  it("stops a daily template from chaining past the age grace period", () => {
    expect(storiesOfCloses({}).size).toBeGreaterThanOrEqual(3);
  });
  it("still joins the next day's close inside the grace period", () => {
    const c = new StoryClusterer({ tuning: { ageGraceHours: 24, ageSigmaHours: 24 } });
    const [a, b] = CLOSES;
    const first = c.add({
      id: a!.id,
      sourceId: "was",
      title: a!.title,
      timeMs: a!.timeMs,
      terms: toStoryTerms(a!.title, a!.text),
      duplicateOf: null,
    });
    const next = c.add({
      id: b!.id,
      sourceId: "was",
      title: b!.title,
      timeMs: a!.timeMs + 20 * H,
      terms: toStoryTerms(b!.title, b!.text),
      duplicateOf: null,
    });
    expect(next.storyId).toBe(first.storyId);
  });
});

describe("StoryClusterer headline", () => {
  it("shows a wire story's headline without the desk section and the part mark", () => {
    const c = new StoryClusterer();
    const text =
      "عقد مجلس الوزراء جلسته الأسبوعية في الرياض برئاسة ولي العهد وناقش عددا من الموضوعات وأقر تنظيم هيئة النقل";
    const titles = [
      "عام / مجلس الوزراء يعقد جلسته الأسبوعية",
      "عام / مجلس الوزراء يعقد جلسته الأسبوعية إضافة ثانية",
    ];
    const ids = titles.map((title, i) => {
      const terms = toStoryTerms(title, text);
      return c.add({ id: `spa-${i}`, sourceId: "was", title, timeMs: i * H, terms, duplicateOf: null })
        .storyId;
    });
    expect(ids[1]).toBe(ids[0]);
    expect(c.listStories().map((s) => s.headline)).toEqual(["مجلس الوزراء يعقد جلسته الأسبوعية"]);
  });
});
