import { describe, expect, it } from "vitest";
import { toVectorTerms } from "../stages/stories/story-vector.ts";
import { StoryTermsCache } from "./story-terms-cache.ts";

const article = (id: string, contentHash: string, title: string) => ({
  id,
  contentHash,
  title,
  text: "أعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة الرياض.",
});

describe("StoryTermsCache", () => {
  it("gives the terms toVectorTerms computes, and the kept object on a second call", () => {
    const cache = new StoryTermsCache();
    const a = article("a", "h1", "افتتاح مستشفى جديد في الرياض");
    const first = cache.termsOf(a);
    expect(first).toEqual(toVectorTerms(a.title, a.text));
    expect(cache.termsOf(a)).toBe(first);
  });

  it("analyzes again when the article's content hash changed (an edited article)", () => {
    const cache = new StoryTermsCache();
    const before = cache.termsOf(article("a", "h1", "افتتاح مستشفى جديد في الرياض"));
    const edited = article("a", "h2", "افتتاح مدرسة جديدة في جدة");
    const after = cache.termsOf(edited);
    expect(after).not.toBe(before);
    expect(after).toEqual(toVectorTerms(edited.title, edited.text));
  });

  it("drops the least recently used article past its size", () => {
    const cache = new StoryTermsCache(2);
    const a = cache.termsOf(article("a", "h", "مستشفى"));
    const b = cache.termsOf(article("b", "h", "مدرسة"));
    cache.termsOf(article("a", "h", "مستشفى"));
    cache.termsOf(article("c", "h", "جامعة"));
    expect(cache.size).toBe(2);
    expect(cache.termsOf(article("a", "h", "مستشفى"))).toBe(a);
    expect(cache.termsOf(article("b", "h", "مدرسة"))).not.toBe(b);
  });
});
