import { describe, expect, it } from "vitest";
import type { FeedEntry } from "../feeds/feed-document.ts";
import { entryToDraft } from "./entry-to-draft.ts";

const STORY = "أكد الوزير أن الخطة تبدأ الأسبوع المقبل.";
const entry: FeedEntry = {
  guid: null,
  url: "https://news.example/a/1",
  title: "الوزير يعلن الخطة",
  published: null,
  updated: null,
  summary: null,
  contentHtml: null,
  author: null,
  image: null,
  categories: [],
};
const ctx = {
  sourceId: "news.example",
  url: "https://news.example/a/1",
  feedUrl: "https://news.example/feed",
  now: "2026-01-01T00:00:00.000Z",
};

describe("entryToDraft", () => {
  it("strips widget residue from a feed's content:encoded as from its plain summary", () => {
    const fromHtml = entryToDraft(
      { ...entry, contentHtml: `<p>${STORY}</p><p>شارك | طباعة | واتساب</p>` },
      ctx,
    );
    const fromSummary = entryToDraft({ ...entry, summary: `${STORY}\nشارك | طباعة | واتساب` }, ctx);
    expect(fromHtml.text).toBe(STORY);
    expect(fromSummary.text).toBe(STORY);
    expect(fromHtml.contentHash).toBe(fromSummary.contentHash);
  });
});
