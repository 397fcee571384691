import { describe, expect, it } from "vitest";
import { findCitedSource, NAMED_ALIASES } from "./find-cited-source.ts";

describe("findCitedSource", () => {
  const rows: { lines: string[]; host: string | null; expected: string | null; why: string }[] = [
    {
      lines: ["الرياض (واس) - أعلنت الوزارة اليوم عن خطة جديدة."],
      host: "al-madina.com",
      expected: "واس",
      why: "an agency in parentheses at the dateline",
    },
    {
      lines: ["أعلنت الوزارة اليوم عن خطة جديدة.", "المصدر: الجزيرة"],
      host: null,
      expected: "الجزيرة",
      why: "a credit line under the text",
    },
    {
      lines: ["وذكرت وكالة الأنباء السعودية أن الخطة تبدأ الشهر المقبل."],
      host: null,
      expected: "واس",
      why: "an agency's full name anywhere in a line",
    },
    {
      lines: ["PARIS (AFP) - The ministry announced a new plan today."],
      host: "example.com",
      expected: "أ ف ب",
      why: "a Latin alias in parentheses still counts in English copy",
    },
    {
      lines: ["The ministry announced a new plan today, according to officials."],
      host: null,
      expected: null,
      why: "English copy without a credit",
    },
    {
      lines: ["الرياض (واس) - أعلنت الوزارة اليوم عن خطة جديدة."],
      host: "spa.gov.sa",
      expected: null,
      why: "an agency's credit on its own site is not a citation",
    },
  ];
  for (const row of rows) {
    it(`answers ${row.expected ?? "null"} for ${row.why}`, () => {
      expect(findCitedSource(row.lines, row.host)).toBe(row.expected);
    });
  }

  it("trusts only Arabic named aliases, so lines without Arabic letters can skip the fold", () => {
    expect(NAMED_ALIASES.length).toBeGreaterThan(0);
    for (const alias of NAMED_ALIASES) expect(alias).toMatch(/[\u0600-\u06FF]/);
  });
});
