import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../../domain/errors.ts";
import { slugListParam } from "./page-params.ts";

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
