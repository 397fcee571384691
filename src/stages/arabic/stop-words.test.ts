import { describe, expect, it } from "vitest";
import { normalizeArabic } from "./normalize-arabic.ts";
import { isStopWord } from "./stop-words.ts";

describe("isStopWord", () => {
  const rows: { why: string; word: string; stop: boolean }[] = [
    { why: "على is a preposition (normalized to علي)", word: "على", stop: true },
    { why: "إلى is a preposition", word: "إلى", stop: true },
    { why: "الذي is a relative pronoun", word: "الذي", stop: true },
    { why: "وفي is a clitic preposition", word: "وفي", stop: true },
    { why: "حكومة is content", word: "حكومة", stop: false },
    { why: "غزة is content", word: "غزة", stop: false },
  ];
  for (const row of rows) {
    it(`${row.stop ? "flags" : "does not flag"} ${row.word}: ${row.why}`, () => {
      expect(isStopWord(normalizeArabic(row.word))).toBe(row.stop);
    });
  }
});
