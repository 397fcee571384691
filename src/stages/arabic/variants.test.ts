import { describe, expect, it } from "vitest";
import { normalizeArabic } from "./normalize-arabic.ts";
import { SPELLING_VARIANTS } from "./spelling-variants.ts";
import { stemArabic } from "./stem-arabic.ts";
import { tokenize } from "./tokenize.ts";
import { foldVariant, variantsOf } from "./variants.ts";

const stem = (word: string) => stemArabic(normalizeArabic(word));

describe("spelling variant table", () => {
  it("is sorted by name", () => {
    const names = SPELLING_VARIANTS.map((g) => g.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it("holds single-word forms only", () => {
    for (const group of SPELLING_VARIANTS) {
      for (const form of group.forms) expect(tokenize(form), form).toHaveLength(1);
    }
  });

  it("never puts one stem in two groups", () => {
    const owner = new Map<string, string>();
    for (const group of SPELLING_VARIANTS) {
      for (const form of group.forms) {
        const s = stem(form);
        const previous = owner.get(s);
        expect(
          previous === undefined || previous === group.name,
          `${s} in ${previous} and ${group.name}`,
        ).toBe(true);
        owner.set(s, group.name);
      }
    }
  });
});

describe("foldVariant", () => {
  const rows: { why: string; a: string; b: string }[] = [
    { why: "Congress with غ or ج", a: "الكونغرس", b: "كونجرس" },
    { why: "Google with غ, ج or ق", a: "غوغل", b: "قوقل" },
    { why: "England with ج or ك", a: "إنجلترا", b: "إنكلترا" },
    { why: "Europe with or without و, adjective included", a: "الأوروبية", b: "أوربا" },
    { why: "Putin with or without ي", a: "بوتين", b: "بوتن" },
    { why: "Guardian with غ or ج", a: "الغارديان", b: "جارديان" },
    { why: "McGurk with غ or ج", a: "ماكغورك", b: "ماكجورك" },
  ];
  for (const row of rows) {
    it(`folds ${row.a} and ${row.b} to one key: ${row.why}`, () => {
      expect(foldVariant(stem(row.a))).toBe(foldVariant(stem(row.b)));
    });
  }

  it("leaves a stem outside every group unchanged", () => {
    expect(foldVariant("حكوم")).toBe("حكوم");
    expect(variantsOf("حكوم")).toEqual(["حكوم"]);
  });

  it("lists every stem of a group, key first", () => {
    expect(variantsOf(stem("جوجل"))).toEqual(["غوغل", "جوجل", "قوقل"]);
  });
});
