import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../../domain/errors.ts";
import { intParam, slugListParam } from "./page-params.ts";

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
  ])("%s", (_why, value, reason) => {
    expect(reasonOf(value)).toBe(reason);
  });
});
