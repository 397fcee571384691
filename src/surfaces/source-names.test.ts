import { describe, expect, it } from "vitest";
import { isKnownCountryCode, resolveSearchSources, resolveSourceIds } from "./source-names.ts";

const OUTLETS = [
  { id: "okaz", name: "عكاظ" },
  { id: "aljazirah", name: "الجزيرة (السعودية)" },
  { id: "aawsat", name: "الشرق الأوسط" },
  { id: "sabq", name: "سبق" },
  { id: "spa", name: "وكالة الأنباء السعودية (واس)" },
];

describe("resolveSourceIds", () => {
  it.each([
    ["an id stays", ["sabq"], ["sabq"]],
    ["an outlet's Arabic name is its id", ["عكاظ"], ["okaz"]],
    ["a name matches on folded spelling (hamza, ة)", ["الشرق الاوسط"], ["aawsat"]],
    ["a name without its qualifier", ["الجزيرة"], ["aljazirah"]],
    ["an agency's acronym in its name's parentheses", ["واس"], ["spa"]],
    ["an agency's name without its acronym", ["وكالة الانباء السعودية"], ["spa"]],
    ["a paper's parenthesized country is no name of it", ["السعودية"], ["السعودية"]],
    ["a value naming no outlet stays as typed, to be called unknown", ["nope"], ["nope"]],
    ["ids and names together, without repeats", ["عكاظ", "okaz", "سبق"], ["okaz", "sabq"]],
  ])("%s", (_why, values, ids) => {
    expect(resolveSourceIds(values, OUTLETS)).toEqual(ids);
  });
});

describe("resolveSearchSources", () => {
  it("takes source: words out of the text and resolves them with the listed sources", () => {
    expect(resolveSearchSources("تفجير source:عكاظ", ["sabq"], OUTLETS)).toEqual({
      text: "تفجير",
      sources: ["sabq", "okaz"],
      unknown: [],
    });
  });

  it("keeps a source: inside a quoted phrase as words, and reports what names no outlet", () => {
    expect(resolveSearchSources('"source:okaz كلمة" source:nope', [], OUTLETS)).toEqual({
      text: '"source:okaz كلمة"',
      sources: ["nope"],
      unknown: ["nope"],
    });
  });
});

describe("isKnownCountryCode", () => {
  it.each([
    ["an upper-case code", "SA", true],
    ["a lower-case code, as a URL writes it", "eg", true],
    ["Palestine, which ISO 3166 lists", "PS", true],
    ["ICU's Unknown Region", "ZZ", false],
    ["a user-assigned code", "XX", false],
    ["the European Union, a region ICU names that is no country", "EU", false],
    ["the United Nations", "un", false],
    ["a country's name", "saudi", false],
    ["a digit", "S1", false],
  ])("%s: %s", (_why, code, known) => {
    expect(isKnownCountryCode(code)).toBe(known);
  });
});
