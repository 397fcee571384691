import { describe, expect, it } from "vitest";
import { parseVisibleDate, toIsoTimestamp } from "./parse-visible-date.ts";

describe("parseVisibleDate", () => {
  const rows: { text: string; expected: string | null; why: string }[] = [
    { text: "18 نيسان 2020", expected: "2020-04-18", why: "Levantine month name" },
    { text: "الثلاثاء ١٤ يناير ٢٠٢٠", expected: "2020-01-14", why: "weekday and Arabic-Indic digits" },
    {
      text: "26 أيلول/سبتمبر 2020",
      expected: "2020-09-26",
      why: "Levantine and Egyptian names side by side",
    },
    { text: "الأربعاء 18/مارس/2020 - 02:30 م", expected: "2020-03-18", why: "slashes around the month name" },
    { text: "الأحد 26 / يناير / 2020", expected: "2020-01-26", why: "spaced slashes around the month name" },
    { text: "7 من يوليو 2015", expected: "2015-07-07", why: "من between day and month" },
    { text: "June 2, 2020", expected: "2020-06-02", why: "English month first" },
    { text: "2020/04/15", expected: "2020-04-15", why: "numeric, year first" },
    { text: "15-04-2020", expected: "2020-04-15", why: "numeric, day first" },
    { text: "عمان 18 نيسان (بترا)", expected: null, why: "a dateline without a year" },
    { text: "عدد 12/مارس", expected: null, why: "a month name without a year" },
    { text: "31 فبراير 1990", expected: null, why: "a year before the web era" },
  ];
  for (const row of rows) {
    it(`reads ${row.expected ?? "nothing"} from ${row.why}`, () => {
      expect(parseVisibleDate(row.text)).toBe(row.expected);
    });
  }
});

describe("toIsoTimestamp", () => {
  it("keeps the publisher's offset and date, and falls back to a printed date", () => {
    expect(toIsoTimestamp("2020-06-23T01:00:00+0300")).toBe("2020-06-23T01:00:00+03:00");
    expect(toIsoTimestamp("2020-03-10 13:23:36")).toBe("2020-03-10T13:23:36");
    expect(toIsoTimestamp("الأربعاء 18/مارس/2020")).toBe("2020-03-18");
    expect(toIsoTimestamp("not a date")).toBeNull();
  });
});
