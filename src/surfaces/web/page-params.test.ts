import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../../domain/errors.ts";
import { dayWindowParam, slugListParam } from "./page-params.ts";

const reader = (values: string[]) => (name: string) => (name === "source" ? values : []);

describe("slugListParam", () => {
  it("reads repeated and comma-separated ids, trimmed, without repeats", () => {
    expect(slugListParam(reader(["okaz, sabq", "okaz", ""]), "source")).toEqual(["okaz", "sabq"]);
  });

  it.each([
    ["an Arabic name is no id", "عكاظ"],
    ["markup is no id", "<b>"],
    ["an id starts with a letter or digit", "-okaz"],
  ])("refuses a value that is not an identifier: %s", (_why, value) => {
    let caught: unknown;
    try {
      slugListParam(reader(["okaz", value]), "source", "api");
    } catch (err) {
      caught = err;
    }
    expect(isAkhbarError(caught, "api.bad_param")).toBe(true);
    expect((caught as { details?: unknown }).details).toMatchObject({
      param: "source",
      reason: "not_identifier",
    });
  });
});

describe("dayWindowParam", () => {
  const day = (values: string[]) => (name: string) => (name === "day" ? values : []);
  it("reads a day as its Riyadh midnight to midnight, the window the home page and /api/stories?day= share", () => {
    expect(dayWindowParam(day(["2015-07-26"]))).toEqual({
      day: "2015-07-26",
      sinceMs: Date.parse("2015-07-25T21:00:00.000Z"),
      untilMs: Date.parse("2015-07-26T20:59:59.999Z"),
    });
  });
  it("reads an ISO time as the Riyadh day it falls on (23:30 UTC on the 26th is the 27th there)", () => {
    expect(dayWindowParam(day(["2015-07-26T23:30:00Z"]))?.day).toBe("2015-07-27");
  });
  it("is null when absent and refuses a date that does not exist, in the scope asked", () => {
    expect(dayWindowParam(day([]))).toBeNull();
    expect(() => dayWindowParam(day(["2015-02-30"]), "api")).toThrow(
      /api: parameter "day" is not a real date/,
    );
  });
});
