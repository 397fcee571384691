import { afterEach, describe, expect, it } from "vitest";
import { articleTimeMs, parseIsoTimeMs } from "./parse-iso-time.ts";

describe("parseIsoTimeMs", () => {
  it.each([
    { why: "an offset-less time is UTC", text: "2015-07-21T02:16:13", ms: Date.UTC(2015, 6, 21, 2, 16, 13) },
    { why: "a date alone is UTC midnight", text: "2015-07-21", ms: Date.UTC(2015, 6, 21) },
    {
      why: "an offset without colon",
      text: "2015-07-21T05:16:13+0300",
      ms: Date.UTC(2015, 6, 21, 2, 16, 13),
    },
    { why: "a space instead of T", text: "2015-07-21 02:16", ms: Date.UTC(2015, 6, 21, 2, 16) },
    { why: "words are not times", text: "yesterday", ms: null },
  ])("$why", ({ text, ms }) => {
    expect(parseIsoTimeMs(text)).toBe(ms);
  });
});

describe("articleTimeMs", () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it("takes the published time, else the fetched time, else null", () => {
    const fetchedAt = "2015-07-22T00:00:00Z";
    expect(articleTimeMs({ publishedAt: "2015-07-21T02:16:13Z", fetchedAt })).toBe(
      Date.UTC(2015, 6, 21, 2, 16, 13),
    );
    expect(articleTimeMs({ publishedAt: null, fetchedAt })).toBe(Date.UTC(2015, 6, 22));
    expect(articleTimeMs({ publishedAt: "soon", fetchedAt })).toBe(Date.UTC(2015, 6, 22));
    expect(articleTimeMs({ publishedAt: null })).toBeNull();
  });

  it("reads an offset-less time as UTC on a host in another zone, as the stores' time_ms does", () => {
    process.env.TZ = "Asia/Riyadh";
    // The guard that the zone took effect: Date.parse reads the same text as Riyadh local time (UTC+3).
    expect(Date.parse("2015-07-21T02:16:13")).toBe(Date.UTC(2015, 6, 20, 23, 16, 13));
    expect(articleTimeMs({ publishedAt: "2015-07-21T02:16:13" })).toBe(Date.UTC(2015, 6, 21, 2, 16, 13));
  });
});
