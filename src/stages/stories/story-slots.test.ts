import { describe, expect, it } from "vitest";
import { StorySlots } from "./story-slots.ts";

describe("StorySlots", () => {
  it("gives each open story its own slot with its first article's time", () => {
    const slots = new StorySlots<string>();
    const a = slots.open("a", 10);
    const b = slots.open("b", 20);
    expect(a).not.toBe(b);
    expect([slots.item(a), slots.firstMs[a], slots.lastMs[a], slots.merged[a]]).toEqual(["a", 10, 10, 0]);
    expect(slots.item(b)).toBe("b");
  });

  it("keeps a retired slot describing its story until recycle, then reuses it", () => {
    const slots = new StorySlots<string>();
    const a = slots.open("a", 10);
    slots.merged[a] = 1;
    slots.retire(a);
    const b = slots.open("b", 20);
    expect(b).not.toBe(a);
    expect([slots.item(a), slots.merged[a]]).toEqual(["a", 1]);
    slots.recycle();
    const c = slots.open("c", 30);
    expect(c).toBe(a);
    expect([slots.item(c), slots.firstMs[c], slots.merged[c]]).toEqual(["c", 30, 0]);
  });

  it("counts shared terms per count, starting again at each count", () => {
    const slots = new StorySlots<string>();
    const a = slots.open("a", 0);
    const first = slots.startCount();
    expect([slots.hit(a, first), slots.hit(a, first), slots.hit(a, first)]).toEqual([true, false, false]);
    expect(slots.hits[a]).toBe(3);
    const second = slots.startCount();
    expect(slots.hit(a, second)).toBe(true);
    expect(slots.hits[a]).toBe(1);
  });

  it("grows past its initial size keeping every slot's values", () => {
    const slots = new StorySlots<number>();
    for (let i = 0; i < 3000; i++) slots.open(i, i * 1000);
    expect([slots.item(2999), slots.firstMs[5], slots.lastMs[2999]]).toEqual([2999, 5000, 2_999_000]);
  });
});
