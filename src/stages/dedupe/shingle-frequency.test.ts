import { describe, expect, it } from "vitest";
import { ShingleFrequency } from "./shingle-frequency.ts";

describe("ShingleFrequency", () => {
  it("counts the texts that contain a shingle and forgets a removed text", () => {
    const f = new ShingleFrequency();
    f.addText(Uint32Array.of(11, 22));
    f.addText(Uint32Array.of(22, 33));
    expect([f.textsWith(11), f.textsWith(22), f.textsWith(33), f.textsWith(44)]).toEqual([1, 2, 1, 0]);
    f.removeText(Uint32Array.of(22, 33));
    expect([f.textsWith(22), f.textsWith(33)]).toEqual([1, 0]);
  });
  it("keeps only the shingles found in at most the given number of texts", () => {
    const f = new ShingleFrequency();
    for (let i = 0; i < 5; i++) f.addText(Uint32Array.of(7, 100 + i));
    expect([...f.distinctiveOf(Uint32Array.of(7, 100, 999), 3)]).toEqual([100, 999]);
    expect([...f.distinctiveOf(Uint32Array.of(7, 100, 999), 5)]).toEqual([7, 100, 999]);
  });
});
