import { describe, expect, it } from "vitest";
import { formatUtcTime } from "./utc-time.ts";

describe("formatUtcTime", () => {
  it.each([
    ["a stored UTC time, to the minute", "2015-07-26T10:05:59.000Z", "2015-07-26 10:05 UTC"],
    [
      "a time with an offset, converted rather than printed as written",
      "2015-07-26T13:05:00+03:00",
      "2015-07-26 10:05 UTC",
    ],
    ["an offset that crosses midnight moves the day", "2015-07-26T01:00:00+03:00", "2015-07-25 22:00 UTC"],
    ["no time", null, "undated"],
    ["an unparsable time", "yesterday", "undated"],
  ])("%s", (_why, iso, text) => {
    expect(formatUtcTime(iso)).toBe(text);
  });
});
