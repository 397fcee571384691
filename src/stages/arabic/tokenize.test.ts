import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeArabic } from "./normalize-arabic.ts";
import { tokenize, tokenizeNormalized } from "./tokenize.ts";

describe("tokenize", () => {
  it("keeps a word with harakat as one token with offsets into the display text", () => {
    const text = "قال مُحَمَّد:";
    const tokens = tokenize(text);
    expect(tokens).toEqual([
      { start: 0, end: 3, norm: "قال" },
      { start: 4, end: 12, norm: "محمد" },
    ]);
    expect(text.slice(tokens[1]!.start, tokens[1]!.end)).toBe("مُحَمَّد");
  });

  const rows: { why: string; input: string; norms: string[] }[] = [
    { why: "tatweel stays inside the word", input: "الســلام عليكم", norms: ["السلام", "عليكم"] },
    { why: "a zero-width non-joiner inside a word does not split it", input: "مص\u200cر", norms: ["مصر"] },
    { why: "punctuation splits words", input: "غزة،رفح؛(القدس)", norms: ["غزه", "رفح", "القدس"] },
    { why: "digits are words, Arabic-Indic ones become ASCII", input: "عام ٢٠١٥م", norms: ["عام", "2015م"] },
    { why: "Latin words are lowercased", input: "BBC عربي", norms: ["bbc", "عربي"] },
    { why: "a lone haraka is no word", input: "\u064e \u0651", norms: [] },
  ];
  for (const row of rows) {
    it(`tokenizes: ${row.why}`, () => {
      expect(tokenize(row.input).map((t) => t.norm)).toEqual(row.norms);
    });
  }

  it("leaves leading and trailing invisibles out of a token's span", () => {
    const text = "\u200fمصر\u200f";
    expect(tokenize(text)).toEqual([{ start: 1, end: 4, norm: "مصر" }]);
  });

  it("includes trailing harakat in a token's span", () => {
    expect(tokenize("كتابٌ")).toEqual([{ start: 0, end: 5, norm: "كتاب" }]);
  });

  it("agrees with normalize-then-tokenizeNormalized on mixed text", () => {
    const chars = [..."ابتحكمنوي ءأةى،.-٠١\u064e\u0651\u0640\u200c\u200f\ufefb\ufdfcA\u0301"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (parts) => {
        const s = parts.join("");
        expect(tokenize(s).map((t) => t.norm)).toEqual(tokenizeNormalized(normalizeArabic(s)));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives offsets that always lie inside the display text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        for (const t of tokenize(s)) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(t.start).toBeLessThan(t.end);
        }
      }),
    );
  });
});

describe("tokenizeNormalized", () => {
  it("splits normalized text into letter and digit runs", () => {
    expect(tokenizeNormalized("قال محمد، 2015 - bbc")).toEqual(["قال", "محمد", "2015", "bbc"]);
  });
});
