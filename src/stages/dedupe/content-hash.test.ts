import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { tokenizeNormalized } from "../arabic/tokenize.ts";
import { contentHash } from "./content-hash.ts";

/** قالَ المسؤول (the official said), with a fatha. */
const QALA_AL_MASUL = "\u0642\u0627\u0644\u064e \u0627\u0644\u0645\u0633\u0624\u0648\u0644";

describe("contentHash", () => {
  it.each([
    {
      why: "tashkeel, hamza seat and spacing do not change the key",
      a: QALA_AL_MASUL,
      b: "\u0642\u0627\u0644  \u0627\u0644\u0645\u0633\u0626\u0648\u0644",
    },
    {
      why: "presentation forms (lam-alef ligature, rial sign) key like their letters",
      a: "\ufefb\u062a\u0641\u0627\u0642 \ufdfc",
      b: "\u0644\u0627\u062a\u0641\u0627\u0642 \u0631\u064a\u0627\u0644",
    },
    {
      why: "punctuation between words is not part of the key",
      a: "\u0642\u0627\u0644\u060c \u0646\u0639\u0645.",
      b: "\u0642\u0627\u0644 \u0646\u0639\u0645",
    },
  ])("gives one key when $why", ({ a, b }) => {
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it("gives different texts different keys", () => {
    expect(contentHash("\u0642\u0627\u0644 \u0646\u0639\u0645")).not.toBe(
      contentHash("\u0642\u0627\u0644 \u0644\u0627"),
    );
  });

  it("gives an empty key to a body with no words", () => {
    expect(contentHash("")).toBe("");
    expect(contentHash("  ,.  \u200f")).toBe("");
  });

  it("keeps the keys stored by earlier versions (SHA-1 of the normalized words joined by one space)", () => {
    expect(contentHash(QALA_AL_MASUL)).toBe("8baf98dbb45e8a30087d495d7d3998cbd2892cea");
  });

  it("hashes the words tokenizeNormalized finds in the normalized text", () => {
    const chars = [
      "\u0627",
      "\u0623",
      "\u064e",
      "\u0640",
      "\ufefb",
      " ",
      "\u060c",
      "a",
      "\u0301",
      "\u200c",
      "1",
      "\u0661",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const words = tokenizeNormalized(normalizeArabic(text));
        const expected = words.length === 0 ? "" : contentHash(words.join(" "));
        expect(contentHash(text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
