import { describe, expect, it } from "vitest";
import { resolveSourceIds } from "./source-names.ts";

const OUTLETS = [
  { id: "okaz", name: "عكاظ" },
  { id: "aljazirah", name: "الجزيرة (السعودية)" },
  { id: "aawsat", name: "الشرق الأوسط" },
  { id: "sabq", name: "سبق" },
];

describe("resolveSourceIds", () => {
  it.each([
    ["an id stays", ["sabq"], ["sabq"]],
    ["an outlet's Arabic name is its id", ["عكاظ"], ["okaz"]],
    ["a name matches on folded spelling (hamza, ة)", ["الشرق الاوسط"], ["aawsat"]],
    ["a name without its qualifier", ["الجزيرة"], ["aljazirah"]],
    ["a value naming no outlet stays as typed, to be called unknown", ["nope"], ["nope"]],
    ["ids and names together, without repeats", ["عكاظ", "okaz", "سبق"], ["okaz", "sabq"]],
  ])("%s", (_why, values, ids) => {
    expect(resolveSourceIds(values, OUTLETS)).toEqual(ids);
  });
});
