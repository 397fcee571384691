import { describe, expect, it } from "vitest";
import type { ReaderData, StorySummary } from "./reader-data.ts";
import { TopEntitiesCache } from "./top-entities-cache.ts";

/** A reader of one story naming one place, whose name says how many times top stories were read. */
function countingReader() {
  const state = { reads: 0, fail: false };
  const summary = { id: "s", headline: "h" } as StorySummary;
  const reader = {
    capabilities: { clusteredStories: true, similarMethod: "test" },
    async topStories() {
      state.reads += 1;
      if (state.fail) throw new Error("store down");
      return { total: 1, stories: [summary] };
    },
    async storyEntities(id: string) {
      const name = `مكان${state.reads}`;
      return {
        id,
        headline: "h",
        entities: [{ kind: "place" as const, key: name, name, mentions: 1, articles: 1 }],
      };
    },
  } as unknown as ReaderData;
  return { reader, state };
}

describe("TopEntitiesCache", () => {
  it("answers from the cache while the change mark stays, whatever the age", async () => {
    const { reader, state } = countingReader();
    const clock = { ms: 0 };
    const cache = new TopEntitiesCache(reader, async () => "m1", { maxAgeMs: 1_000, nowMs: () => clock.ms });
    const first = await cache.topEntities([]);
    clock.ms = 60_000;
    expect(await cache.topEntities([])).toBe(first);
    expect(state.reads).toBe(1);
  });

  it("keeps an answer for the max age after a write, and computes it again once older", async () => {
    const { reader, state } = countingReader();
    const clock = { ms: 0 };
    let mark = 1;
    const cache = new TopEntitiesCache(reader, async () => `m${mark}`, {
      maxAgeMs: 1_000,
      nowMs: () => clock.ms,
    });
    const first = await cache.topEntities([]);
    mark = 2;
    clock.ms = 999;
    expect(await cache.topEntities([])).toBe(first);
    clock.ms = 1_000;
    const second = await cache.topEntities([]);
    expect(second.entities.map((e) => e.name)).toEqual(["مكان2"]);
    expect(state.reads).toBe(2);
    // Computed at mark 2: kept while the store stays there.
    clock.ms = 10_000;
    expect(await cache.topEntities([])).toBe(second);
  });

  it("keeps each outlet filter apart, shares one computation between concurrent calls, and keeps no failure", async () => {
    const { reader, state } = countingReader();
    const cache = new TopEntitiesCache(reader, async () => "m1", { maxAgeMs: 0, nowMs: () => 0 });
    const [a, b] = await Promise.all([cache.topEntities(["x"]), cache.topEntities(["x"])]);
    expect(a).toBe(b);
    await cache.topEntities(["y"]);
    expect(state.reads).toBe(2);
    state.fail = true;
    await expect(cache.topEntities(["z"])).rejects.toThrow("store down");
    state.fail = false;
    expect((await cache.topEntities(["z"])).storiesRead).toBe(1);
  });

  it("ages every answer when the store has no change mark", async () => {
    const { reader, state } = countingReader();
    const clock = { ms: 0 };
    const cache = new TopEntitiesCache(reader, undefined, { maxAgeMs: 1_000, nowMs: () => clock.ms });
    await cache.topEntities([]);
    clock.ms = 500;
    await cache.topEntities([]);
    clock.ms = 1_500;
    await cache.topEntities([]);
    expect(state.reads).toBe(2);
  });
});
