import { describe, expect, it } from "vitest";
import { countNoun } from "./count-noun.ts";

describe("countNoun", () => {
  it.each([
    ["one takes the singular", 1, "copy", "copies", "1 copy"],
    ["two take the plural", 2, "copy", "copies", "2 copies"],
    ["zero takes the plural in English", 0, "result", undefined, "0 results"],
  ])("%s", (_why, n, singular, plural, text) => {
    expect(countNoun(n, singular, plural)).toBe(text);
  });
});
