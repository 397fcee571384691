import { describe, expect, it } from "vitest";
import { PostingLists } from "./posting-lists.ts";

/** Deterministic pseudo-random 32-bit numbers (xorshift32). */
function randomUint32(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

function slotsOf(lists: PostingLists, key: number): number[] {
  const at = lists.at(key);
  return at === undefined ? [] : typeof at === "number" ? [at] : [...at];
}

describe("PostingLists", () => {
  it("keeps a lone slot and then a list, oldest first, for keys of 2^31 and above", () => {
    const lists = new PostingLists();
    lists.push(0xfffffff0, 1);
    expect(lists.at(0xfffffff0)).toBe(1);
    lists.push(0xfffffff0, 5);
    lists.push(0xfffffff0, 9);
    expect(slotsOf(lists, 0xfffffff0)).toEqual([1, 5, 9]);
    lists.drop(0xfffffff0, 1);
    lists.drop(0xfffffff0, 9);
    expect(lists.at(0xfffffff0)).toBe(5);
    lists.drop(0xfffffff0, 5);
    expect(lists.at(0xfffffff0)).toBeUndefined();
  });

  it("agrees with a Map of arrays through growth and deletions in colliding probe runs", () => {
    const next = randomUint32(0x2545f491);
    const lists = new PostingLists();
    const model = new Map<number, number[]>();
    // Few distinct keys with low bits zero (like sampled shingles) and many pushes: long lists, shared homes.
    const keyPool = Array.from({ length: 5000 }, () => next() & ~3);
    const live: [number, number][] = [];
    for (let slot = 0; slot < 40_000; slot++) {
      const key = keyPool[next() % keyPool.length]!;
      lists.push(key, slot);
      const list = model.get(key);
      if (list === undefined) model.set(key, [slot]);
      else list.push(slot);
      live.push([key, slot]);
      // Evict oldest first most of the time, sometimes a random live posting.
      if (live.length > 3000) {
        const at = next() % 10 === 0 ? next() % live.length : 0;
        const [k, s] = live.splice(at, 1)[0]!;
        lists.drop(k, s);
        const l = model.get(k)!;
        l.splice(l.indexOf(s), 1);
        if (l.length === 0) model.delete(k);
      }
    }
    for (const key of keyPool) expect(slotsOf(lists, key)).toEqual(model.get(key) ?? []);
    expect(lists.at(1)).toBeUndefined();
  });
});
