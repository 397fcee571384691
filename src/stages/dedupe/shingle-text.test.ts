import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SHINGLE_OPTIONS, toShingleWords } from "./shingle-text.ts";

/** Words of news text, stop words and an edit word among them, so some are dropped before the count. */
const WORDS = [
  "الرياض",
  "واس",
  "قال",
  "في",
  "الوزير",
  "أميركا",
  "المملكة",
  "حفظه",
  "2015",
  "مُحَمَّد",
  "و",
  "الأمير",
];
const SEPARATORS = [" ", " ", " ", "، ", ".\n", " - ", "\n"];

/** Texts of up to 900 words: several of toShingleWords' stretches of characters. */
const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 900 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));

describe("toShingleWords", () => {
  it("gives with maxWords the first maxWords of the whole text's words", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 700 }), (s, max) => {
        expect(toShingleWords(s, DEFAULT_SHINGLE_OPTIONS, max)).toEqual(toShingleWords(s).slice(0, max));
      }),
      { numRuns: 300 },
    );
  });

  it("reads a word longer than a stretch whole", () => {
    const long = "ب".repeat(4000);
    expect(toShingleWords(`الوزير ${long} المملكة`, DEFAULT_SHINGLE_OPTIONS, 2)).toEqual(
      toShingleWords(`الوزير ${long} المملكة`).slice(0, 2),
    );
  });
});
