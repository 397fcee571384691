import { afterEach, describe, expect, it } from "vitest";
import {
  displayDayEndMs,
  displayDayOf,
  displayDayStartMs,
  displayTimeZone,
  formatArabicTime,
  setDisplayTimeZone,
} from "./format-arabic-date.ts";

/** A fixed clock: 7 Aug 2015, 0:37 in Riyadh. */
const NOW = Date.parse("2015-08-06T21:37:00Z");

describe("formatArabicTime at a fixed clock", () => {
  it.each([
    // why, instant, day and time (Riyadh), Hijri, age
    [
      "a report three hours old reads as an age",
      "2015-08-06T18:37:00Z",
      "6 أغسطس 2015، 9:37 م",
      "21 شوال 1436 هـ",
      "قبل 3 ساعات",
    ],
    ["under a minute is now", "2015-08-06T21:36:30Z", "7 أغسطس 2015، 12:36 ص", "22 شوال 1436 هـ", "الآن"],
    ["minutes", "2015-08-06T21:00:00Z", "7 أغسطس 2015، 12:00 ص", "22 شوال 1436 هـ", "قبل 37 دقيقة"],
    [
      "25.6 h back but two Riyadh days back is the day before yesterday",
      "2015-08-05T20:00:00Z",
      "5 أغسطس 2015، 11:00 م",
      "20 شوال 1436 هـ",
      "أول أمس",
    ],
    [
      "a day and a half back on the previous Riyadh day is yesterday",
      "2015-08-05T21:30:00Z",
      "6 أغسطس 2015، 12:30 ص",
      "21 شوال 1436 هـ",
      "أمس",
    ],
    [
      "under a day back across midnight is still told in hours",
      "2015-08-06T12:00:00Z",
      "6 أغسطس 2015، 3:00 م",
      "21 شوال 1436 هـ",
      "قبل 9 ساعات",
    ],
    [
      "just under a week still has an age, in calendar days (31 July to 7 August)",
      "2015-07-30T21:38:00Z",
      "31 يوليو 2015، 12:38 ص",
      "15 شوال 1436 هـ",
      "قبل 7 أيام",
    ],
    ["a week old has a date only", "2015-07-30T21:37:00Z", "31 يوليو 2015، 12:37 ص", "15 شوال 1436 هـ", null],
    [
      "the Riyadh day, not the UTC one (22:30Z is 1:30 next morning)",
      "2015-08-06T22:30:00Z",
      "7 أغسطس 2015، 1:30 ص",
      "22 شوال 1436 هـ",
      "خلال 53 دقيقة",
    ],
    [
      "Eid al-Fitr 1436 fell on 17 July 2015 (Umm al-Qura)",
      "2015-07-17T12:00:00Z",
      "17 يوليو 2015، 3:00 م",
      "1 شوال 1436 هـ",
      null,
    ],
    [
      "an archive item eleven years back",
      "2004-08-06T06:05:00Z",
      "6 أغسطس 2004، 9:05 ص",
      "20 جمادى الآخرة 1425 هـ",
      null,
    ],
  ])("%s", (_why, iso, dayAndTime, hijri, age) => {
    const t = formatArabicTime(iso, NOW);
    expect(t).toEqual({ day: dayAndTime.split("، ")[0], dayAndTime, hijri, age });
  });

  it("gives null for a missing or unparsable time", () => {
    expect(formatArabicTime(null, NOW)).toBeNull();
    expect(formatArabicTime("yesterday", NOW)).toBeNull();
  });

  it("puts no bidi controls into the text (ICU may add them around numbers in some locales)", () => {
    const t = formatArabicTime("2015-08-06T18:37:00Z", NOW)!;
    expect(Object.values(t).join("")).not.toMatch(/[\u200e\u200f\u061c\u2066-\u2069]/);
  });
});

describe("the display time zone", () => {
  afterEach(() => setDisplayTimeZone("Asia/Riyadh"));

  it("is Riyadh unless set, and a set zone moves days, times and day bounds together", () => {
    expect(displayTimeZone()).toBe("Asia/Riyadh");
    expect(displayDayOf(Date.parse("2015-08-01T22:30:00Z"))).toBe("2015-08-02");
    expect(new Date(displayDayStartMs("2015-08-02")).toISOString()).toBe("2015-08-01T21:00:00.000Z");
    setDisplayTimeZone("Africa/Casablanca");
    expect(displayTimeZone()).toBe("Africa/Casablanca");
    // Morocco kept summer time (UTC+1) in August 2015.
    expect(displayDayOf(Date.parse("2015-08-01T22:30:00Z"))).toBe("2015-08-01");
    expect(new Date(displayDayEndMs("2015-08-01")).toISOString()).toBe("2015-08-01T22:59:59.999Z");
    expect(formatArabicTime("2015-08-01T22:30:00Z", NOW)!.dayAndTime).toBe("1 أغسطس 2015، 11:30 م");
  });

  it.each([
    // why, zone, day, its first and last instants
    [
      "clocks spring forward at the midnight that ends it",
      "Africa/Cairo",
      "2023-04-27",
      "2023-04-26T22:00:00.000Z",
      "2023-04-27T21:59:59.999Z",
    ],
    [
      "the day clocks spring forward on, an hour short",
      "Africa/Cairo",
      "2023-04-28",
      "2023-04-27T22:00:00.000Z",
      "2023-04-28T20:59:59.999Z",
    ],
    [
      "clocks fall back at its midnight: the repeated hour is still its own",
      "Africa/Cairo",
      "2023-10-26",
      "2023-10-25T21:00:00.000Z",
      "2023-10-26T21:59:59.999Z",
    ],
    [
      "Beirut springs forward at the midnight that ends it too",
      "Asia/Beirut",
      "2024-03-30",
      "2024-03-29T22:00:00.000Z",
      "2024-03-30T21:59:59.999Z",
    ],
  ])("bounds a day where %s (%s %s)", (_why, zone, day, start, end) => {
    setDisplayTimeZone(zone);
    expect(new Date(displayDayStartMs(day)).toISOString()).toBe(start);
    expect(new Date(displayDayEndMs(day)).toISOString()).toBe(end);
  });
});
