import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../domain/errors.ts";
import { intParam, parseDateBound, parseSearchParams, parseUntilMs } from "./search-params.ts";

const params =
  (pairs: Record<string, string[]>) =>
  (name: string): string[] =>
    pairs[name] ?? [];

describe("parseDateBound", () => {
  it.each([
    // Riyadh is UTC+3: a day is the one the reader's pages print beside an article, so an article stamped 23:45 UTC
    // on 31 July (2:45 on 1 August in Riyadh) is inside from=2015-08-01 and outside to=2015-07-31.
    [
      "an ISO day opens at its midnight in the reader's time zone",
      "2015-08-01",
      false,
      "2015-07-31T21:00:00.000Z",
    ],
    [
      "an upper bound takes the whole day, to the next midnight there",
      "2015-08-01",
      true,
      "2015-08-01T21:00:00.000Z",
    ],
    ["slashes and one-digit month and day, as typed by hand", "2015/8/1", false, "2015-07-31T21:00:00.000Z"],
    [
      "Arabic-Indic digits",
      "\u0662\u0660\u0661\u0665-\u0660\u0668-\u0660\u0661",
      false,
      "2015-07-31T21:00:00.000Z",
    ],
    ["a new year's day starts in the old year in UTC", "2016-01-01", false, "2015-12-31T21:00:00.000Z"],
    ["a full ISO time", "2015-08-01T10:00:00Z", false, "2015-08-01T10:00:00.000Z"],
  ])("reads %s", (_why, value, upper, iso) => {
    expect(parseDateBound(value, "from", upper)).toBe(iso);
  });

  it.each([
    ["an impossible day", "2015-02-30"],
    ["month 13 (Date.UTC would roll it into January)", "2015-13-01"],
    ["month 00", "2015-00-10"],
    ["an impossible day in an ISO time (Date.parse would read 2 March)", "2015-02-30T10:00:00Z"],
    ["a year Date.UTC would read as 1999", "0099-03-01"],
    ["an ISO time with a bad clock", "2015-08-01T25:00:00Z"],
    ["day first (ambiguous with month first)", "01/08/2015"],
  ])("refuses %s with details a page can word", (_why, value) => {
    let caught: unknown;
    try {
      parseDateBound(value, "from", false);
    } catch (err) {
      caught = err;
    }
    expect(isAkhbarError(caught, "search.bad_param")).toBe(true);
    expect((caught as { details: unknown }).details).toEqual({ param: "from", reason: "bad_date" });
  });
});

describe("parseSearchParams", () => {
  it("needs q unless a source is given, which then lists that source's newest articles", () => {
    expect(() => parseSearchParams(params({}))).toThrow(/"q" is required/);
    expect(parseSearchParams(params({ source: ["sabq"] }))).toMatchObject({
      query: "",
      options: { sources: ["sabq"] },
    });
  });
});

describe("parseSearchParams integers", () => {
  it.each([
    ["a negative offset is out of range, not malformed", "-1", "out_of_range"],
    ["a fraction is no whole number", "2.5", "not_integer"],
  ])("%s", (_why, value, reason) => {
    let caught: unknown;
    try {
      parseSearchParams(params({ q: ["مكة"], offset: [value] }));
    } catch (err) {
      caught = err;
    }
    expect((caught as { details: unknown }).details).toMatchObject({ param: "offset", reason });
  });
});

describe("intParam", () => {
  const one = (value: string) => (name: string) => (name === "offset" ? [value] : []);
  const reasonOf = (value: string) => {
    try {
      intParam(one(value), "offset", 0, 0, 100, "api");
    } catch (err) {
      return (err as { details?: { reason?: string } }).details?.reason;
    }
    return "accepted";
  };

  it.each([
    ["a whole number in range", "20", "accepted"],
    ["a negative number is out of range, not malformed", "-1", "out_of_range"],
    ["past the maximum", "101", "out_of_range"],
    ["a fraction is no whole number", "1.5", "not_integer"],
    ["words are no number", "abc", "not_integer"],
    ["an exponent is no whole number, though Number() reads 1000", "1e3", "not_integer"],
    ["a leading space is refused, not trimmed", " 5", "not_integer"],
    ["a trailing space is refused, not trimmed", "5 ", "not_integer"],
    ["hexadecimal is no whole number, though Number() reads 16", "0x10", "not_integer"],
    ["an empty value takes the fallback", "", "accepted"],
  ])("%s", (_why, value, reason) => {
    expect(reasonOf(value)).toBe(reason);
  });
});

describe("one integer parser for every surface", () => {
  it("words a bad value the same for search and the reader's routes, apart from the scope", () => {
    const messageOf = (read: () => unknown) => {
      try {
        read();
      } catch (err) {
        return { code: (err as { code: string }).code, message: (err as Error).message };
      }
      return null;
    };
    const search = messageOf(() => parseSearchParams(params({ q: ["مكة"], offset: ["1.5"] })));
    const api = messageOf(() => intParam(params({ offset: ["1.5"] }), "offset", 0, 0, 10_000, "api"));
    expect(search).toEqual({
      code: "search.bad_param",
      message: 'search: parameter "offset" must be a whole number, got "1.5"',
    });
    expect(api).toEqual({
      code: "api.bad_param",
      message: 'api: parameter "offset" must be a whole number, got "1.5"',
    });
  });
});

describe("parseUntilMs", () => {
  it("reads a day as its end in the reader's time zone (Riyadh, UTC+3) and an ISO time as that instant", () => {
    expect(new Date(parseUntilMs("2015-07-26", "until", "api")!).toISOString()).toBe(
      "2015-07-26T20:59:59.999Z",
    );
    expect(new Date(parseUntilMs("2015-07-26T10:00:00Z", "until", "api")!).toISOString()).toBe(
      "2015-07-26T10:00:00.000Z",
    );
    expect(parseUntilMs(undefined, "until", "api")).toBeNull();
    expect(() => parseUntilMs("2015-13-01", "until", "api")).toThrow(/not a real date/);
  });
});

describe("parseSearchParams sort", () => {
  it.each([
    ["absent: best first", [], "relevance"],
    ["empty, as a form's blank choice sends it: best first", [""], "relevance"],
    ["relevance", ["relevance"], "relevance"],
    ["date: newest first", ["date"], "date"],
  ])("reads %s", (_why, sort, expected) => {
    expect(parseSearchParams(params({ q: ["غزة"], sort })).options.sort).toBe(expected);
  });

  it("refuses any other order, and a repeated one, as search.bad_param on sort", () => {
    for (const sort of [["newest"], ["Date"], ["date", "relevance"]]) {
      let caught: unknown;
      try {
        parseSearchParams(params({ q: ["غزة"], sort }));
      } catch (err) {
        caught = err;
      }
      expect(isAkhbarError(caught, "search.bad_param") && caught.details?.param, sort.join()).toBe("sort");
    }
  });
});
