import { describe, expect, it } from "vitest";
import { parseFeedDate } from "./feed-date.ts";

describe("parseFeedDate", () => {
  const rows: { input: string | null; expected: string | null; why: string }[] = [
    {
      input: "Sun, 12 May 2024 14:30:00 +0300",
      expected: "2024-05-12T11:30:00.000Z",
      why: "RFC 822 with a numeric zone",
    },
    { input: "Sun, 12 May 2024 14:30:00 GMT", expected: "2024-05-12T14:30:00.000Z", why: "RFC 1123 GMT" },
    {
      input: "12 May 2024 14:30 EST",
      expected: "2024-05-12T19:30:00.000Z",
      why: "no weekday, no seconds, US zone",
    },
    {
      input: "Sun, 12 May 2024 14:30:00 AST",
      expected: "2024-05-12T11:30:00.000Z",
      why: "AST as Arabia Standard Time",
    },
    {
      input: "Sun, 12 May 2024 14:30:00 GMT+3",
      expected: "2024-05-12T11:30:00.000Z",
      why: "GMT+3 as written by some CMSs",
    },
    {
      input: "Sun, 12 May 2024 14:30:00 +03:00",
      expected: "2024-05-12T11:30:00.000Z",
      why: "colon in an RFC 822 offset",
    },
    {
      input: "Sunday, 12 September 2024 14:30:00 +0000",
      expected: "2024-09-12T14:30:00.000Z",
      why: "full day and month names",
    },
    { input: "Sun, 12 May 2024 14:30:00", expected: "2024-05-12T14:30:00.000Z", why: "no zone means UTC" },
    { input: "2024-05-12T14:30:00+03:00", expected: "2024-05-12T11:30:00.000Z", why: "ISO 8601 with offset" },
    {
      input: "2024-05-12T14:30:00.123Z",
      expected: "2024-05-12T14:30:00.000Z",
      why: "ISO 8601 with fraction",
    },
    { input: "2024-05-12 14:30:00", expected: "2024-05-12T14:30:00.000Z", why: "SQL-style, no zone" },
    { input: "2024-05-12", expected: "2024-05-12T00:00:00.000Z", why: "date only" },
    {
      input: "\u0662\u0660\u0662\u0664-\u0660\u0665-\u0661\u0662T\u0661\u0664:\u0663\u0660:\u0660\u0660Z",
      expected: "2024-05-12T14:30:00.000Z",
      why: "Arabic-Indic digits",
    },
    { input: "not a date", expected: null, why: "junk" },
    { input: "", expected: null, why: "empty" },
    { input: null, expected: null, why: "absent" },
    { input: "32 May 2024 10:00:00 GMT", expected: null, why: "impossible day" },
  ];
  for (const row of rows) it(`reads ${row.why}`, () => expect(parseFeedDate(row.input)).toBe(row.expected));
});
