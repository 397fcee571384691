import { describe, expect, it } from "vitest";
import { CachedReaderData } from "./cached-reader-data.ts";
import type { ReaderData, RelatedArticles, StorySummary } from "./reader-data.ts";

function summary(id: string): StorySummary {
  return {
    id,
    headline: id,
    lead: "",
    articleCount: 1,
    sources: ["s"],
    firstSeen: null,
    lastUpdate: null,
    leadArticleId: id,
  };
}

/** A ReaderData that counts its calls and answers with the current `version` in the headline. */
function countingReader() {
  const calls = { top: 0, story: 0, related: 0 };
  const state = { version: 1, fail: false };
  const reader: ReaderData = {
    capabilities: { clusteredStories: true, similarMethod: "test" },
    async topStories(query) {
      calls.top += 1;
      return { total: 1, stories: [summary(`v${state.version}-${query.offset}`)] };
    },
    async story(id) {
      calls.story += 1;
      if (state.fail) throw new Error("store down");
      return { ...summary(`${id}-v${state.version}`), articles: [], entities: [], dates: [] };
    },
    async storyEntities(id) {
      calls.story += 1;
      return { id, headline: `${id}-v${state.version}`, entities: [] };
    },
    async storyOfArticle(id) {
      return summary(id);
    },
    async related(_id, options): Promise<RelatedArticles> {
      calls.related += 1;
      return { similar: [], readAlso: null, ...(options?.sameStory === false ? {} : { sameStory: [] }) };
    },
  };
  return { reader, calls, state };
}

describe("CachedReaderData", () => {
  it("answers repeated calls from the cache while the change mark stays the same", async () => {
    const { reader, calls } = countingReader();
    const cached = new CachedReaderData(reader, async () => "m1");
    const query = { sources: [], limit: 20, offset: 0 };
    const first = await cached.topStories(query);
    expect(await cached.topStories(query)).toBe(first);
    await cached.related("a");
    await cached.related("a");
    expect(calls).toEqual({ top: 1, story: 0, related: 1 });
    expect(cached.capabilities).toBe(reader.capabilities);
  });

  it("keeps the page's related lists apart from the API's, which add the story's coverage", async () => {
    const { reader, calls } = countingReader();
    const cached = new CachedReaderData(reader, async () => "m1");
    expect((await cached.related("a", { sameStory: false })).sameStory).toBeUndefined();
    expect((await cached.related("a")).sameStory).toEqual([]);
    await cached.related("a", { sameStory: true });
    expect(calls.related).toBe(2);
  });

  it("keeps different queries apart", async () => {
    const { reader, calls } = countingReader();
    const cached = new CachedReaderData(reader, async () => "m1");
    const page1 = await cached.topStories({ sources: [], limit: 20, offset: 0 });
    const page2 = await cached.topStories({ sources: [], limit: 20, offset: 20 });
    const filtered = await cached.topStories({ sources: ["x"], limit: 20, offset: 0 });
    expect(page1.stories[0]?.id).toBe("v1-0");
    expect(page2.stories[0]?.id).toBe("v1-20");
    expect(filtered).not.toBe(page1);
    expect(calls.top).toBe(3);
  });

  it("recomputes every answer once the change mark moves (a write happened)", async () => {
    const { reader, calls, state } = countingReader();
    let mark = "m1";
    const cached = new CachedReaderData(reader, async () => mark);
    expect((await cached.story("s"))?.id).toBe("s-v1");
    state.version = 2;
    mark = "m2";
    expect((await cached.story("s"))?.id).toBe("s-v2");
    expect(calls.story).toBe(2);
  });

  it("does not keep a failed answer", async () => {
    const { reader, calls, state } = countingReader();
    const cached = new CachedReaderData(reader, async () => "m1");
    state.fail = true;
    await expect(cached.story("s")).rejects.toThrow("store down");
    state.fail = false;
    expect((await cached.story("s"))?.id).toBe("s-v1");
    expect(calls.story).toBe(2);
  });

  it("forgets the least recently used answer beyond its size", async () => {
    const { reader, calls } = countingReader();
    const cached = new CachedReaderData(reader, async () => "m1", 2);
    await cached.related("a");
    await cached.related("b");
    await cached.related("a");
    await cached.related("c");
    expect(calls.related).toBe(3);
    await cached.related("a");
    expect(calls.related).toBe(3);
    await cached.related("b");
    expect(calls.related).toBe(4);
  });
});
