/**
 * Dates for Arabic readers, from Intl with Node's full ICU: a time as an age ("قبل 3 ساعات") while it is recent, else as
 * a Gregorian date ("6 أغسطس 2015، 9:37 م"), with the Umm al-Qura Hijri date beside it ("21 شوال 1436 هـ"); and
 * calendar spans a text mentions. Pure but for the display time zone, which the composition root sets once
 * (setDisplayTimeZone); the caller passes `now`.
 */

import { DEFAULT_DISPLAY_TIME_ZONE } from "../../config/load-config.ts";

/**
 * Arabic with Western digits: the article texts of the corpus (SaudiNewsNet) and most Arabic news sites print
 * Western digits, and mixing ٢٠١٥ in dates with 2015 in the text reads badly.
 */
export const DISPLAY_LOCALE = "ar-u-nu-latn";
/**
 * Times younger than this read as an age, older ones as a date: "قبل 11 سنة" on every card of an archive says nothing
 * a reader can place (product review 2026-11-30, item 5), while within a week an age is what news readers scan for.
 * The page script (assets/app.js RELATIVE_MAX_MS) holds the same value.
 */
export const RELATIVE_TIME_MAX_MS = 7 * 86_400_000;

/** The formatters of one zone, made once per zone (an Intl.DateTimeFormat costs ~0.1 ms to build). */
interface ZoneFormatters {
  zone: string;
  /** "6 أغسطس 2015" */
  day: Intl.DateTimeFormat;
  /** "9:37 م" */
  timeOfDay: Intl.DateTimeFormat;
  /** Umm al-Qura, the calendar Saudi Arabia uses officially; "هـ" is the era ICU appends. */
  hijriDay: Intl.DateTimeFormat;
  /** The date alone, as "2015-08-06" (en-CA writes ISO order), to count calendar days. */
  isoDay: Intl.DateTimeFormat;
  /** The zone's wall time in numbers, to read its offset at an instant. */
  wallTime: Intl.DateTimeFormat;
}

function toZoneFormatters(zone: string): ZoneFormatters {
  return {
    zone,
    day: new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: "long", timeZone: zone }),
    timeOfDay: new Intl.DateTimeFormat(DISPLAY_LOCALE, { timeStyle: "short", timeZone: zone }),
    hijriDay: new Intl.DateTimeFormat("ar-u-ca-islamic-umalqura-nu-latn", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: zone,
    }),
    isoDay: new Intl.DateTimeFormat("en-CA", { timeZone: zone }),
    wallTime: new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    }),
  };
}

/**
 * The zone dates are shown in and a day a reader names is read in: AKHBAR_TIME_ZONE, set once at start-up
 * (setDisplayTimeZone), else DEFAULT_DISPLAY_TIME_ZONE. A reader elsewhere still sees the exact instant in each
 * `datetime` attribute.
 */
let zoneFormatters = toZoneFormatters(DEFAULT_DISPLAY_TIME_ZONE);

/**
 * Sets the display time zone (an IANA name, "Africa/Cairo"); the composition root calls it once from the config.
 * Throws RangeError for a zone Intl does not know (loadConfig has checked it already).
 */
export function setDisplayTimeZone(zone: string): void {
  if (zone !== zoneFormatters.zone) zoneFormatters = toZoneFormatters(zone);
}

/** The display time zone in use (DEFAULT_DISPLAY_TIME_ZONE unless set): pages hand it to their script. */
export function displayTimeZone(): string {
  return zoneFormatters.zone;
}

const RELATIVE = new Intl.RelativeTimeFormat(DISPLAY_LOCALE, { numeric: "auto" });

/** Units an age under a day is told in, largest first; from a day on it is told in calendar days (ageOf). */
const AGE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const DAY_MS = 86_400_000;

/** One instant in the forms the reader shows it (see formatArabicTime). */
export interface ArabicTime {
  /** "6 أغسطس 2015" */
  day: string;
  /** "6 أغسطس 2015، 9:37 م" */
  dayAndTime: string;
  /** "21 شوال 1436 هـ" */
  hijri: string;
  /** "قبل 3 ساعات", "أمس", "الآن"; null once the time is RELATIVE_TIME_MAX_MS away from now (either way). */
  age: string | null;
}

/**
 * The one formatter every reader page's times go through. Dates are in the display time zone; null for an unparsable
 * time. Example at now = 2015-08-06T21:37:00Z: "2015-08-06T18:37:00Z" → {day: "6 أغسطس 2015",
 * dayAndTime: "6 أغسطس 2015، 9:37 م", hijri: "21 شوال 1436 هـ", age: "قبل 3 ساعات"}; a month earlier, age is null.
 */
export function formatArabicTime(iso: string | null, nowMs: number): ArabicTime | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const day = zoneFormatters.day.format(ms);
  return {
    day,
    dayAndTime: `${day}، ${zoneFormatters.timeOfDay.format(ms)}`,
    hijri: zoneFormatters.hijriDay.format(ms),
    age: ageOf(ms, nowMs),
  };
}

/**
 * "قبل 3 ساعات" for -3 h; null at RELATIVE_TIME_MAX_MS or beyond. From a day away on, the age counts calendar days in
 * the display time zone, not 24-hour spans: at 0:37 on 7 August, 23:00 on 5 August (25.6 h earlier) is "أول أمس".
 */
function ageOf(ms: number, nowMs: number): string | null {
  const diffMs = ms - nowMs;
  if (Math.abs(diffMs) >= RELATIVE_TIME_MAX_MS) return null;
  if (Math.abs(diffMs) >= DAY_MS) return RELATIVE.format(calendarDay(ms) - calendarDay(nowMs), "day");
  for (const [unit, size] of AGE_UNITS) {
    if (Math.abs(diffMs) >= size) return RELATIVE.format(Math.trunc(diffMs / size), unit);
  }
  return "الآن";
}

/** Days since 1970-01-01 of the calendar day `ms` falls on in the display time zone. */
function calendarDay(ms: number): number {
  return Date.parse(zoneFormatters.isoDay.format(ms)) / DAY_MS;
}

/** The calendar day (YYYY-MM-DD) `ms` falls on in the display time zone: the day a reader's "on 26 July" means. */
export function displayDayOf(ms: number): string {
  return zoneFormatters.isoDay.format(ms);
}

/**
 * The last millisecond of a calendar day (YYYY-MM-DD) in the display time zone: "2015-07-26" → 2015-07-26T20:59:59.999Z
 * (Riyadh is UTC+3). The offset is the one in force at the day's end, so a zone with summer time is right too, one
 * whose clocks change at midnight included ("2023-04-27" in Africa/Cairo ends 2023-04-27T21:59:59.999Z).
 */
export function displayDayEndMs(day: string): number {
  const nextMidnightUtc = Date.parse(`${day}T00:00:00Z`) + DAY_MS;
  // Local midnight is UTC midnight less the zone's offset; the offset is read at UTC midnight first, then again at
  // the instant that gives, since a zone that springs forward at midnight (Cairo, Beirut) has another offset there.
  let offsetMs = zoneOffsetMs(nextMidnightUtc);
  offsetMs = zoneOffsetMs(nextMidnightUtc - offsetMs);
  return nextMidnightUtc - offsetMs - 1;
}

/** The display time zone's offset from UTC at `ms`: its wall time there, read as if it were UTC, less `ms`. */
function zoneOffsetMs(ms: number): number {
  const wall = zoneFormatters.wallTime.formatToParts(ms);
  const part = (type: string) => Number(wall.find((p) => p.type === type)?.value);
  return (
    Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")) - ms
  );
}

/**
 * The first millisecond of a calendar day (YYYY-MM-DD) in the display time zone: "2015-07-26" → 2015-07-25T21:00:00.000Z
 * (Riyadh is UTC+3), the instant after the day before ends.
 */
export function displayDayStartMs(day: string): number {
  const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  return displayDayEndMs(dayBefore) + 1;
}

/** "2015-07-22T07:00:00Z" → "22 يوليو 2015" (no time); null for an unparsable time. For chart labels. */
export function formatArabicDay(iso: string | null): string | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : zoneFormatters.day.format(ms);
}

const CALENDAR_DAY = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const CALENDAR_MONTH = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const DAY_IN_UTC = new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: "long", timeZone: "UTC" });
const CALENDAR_SHORT_DAY = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});

/**
 * A calendar span a text means (stages/entities findDates), in words: "الخميس، 6 أغسطس 2015" for a day, "أغسطس 2015"
 * for a month, "من 8 أغسطس إلى 14 أغسطس 2015" for a week, "2015" (or "2014–2015") for a year. Days are ISO
 * (YYYY-MM-DD); null when one is not a date.
 */
export function formatDateSpan(
  first: string,
  last: string,
  granularity: "day" | "week" | "month" | "year",
): string | null {
  const a = Date.parse(`${first}T00:00:00Z`);
  const b = Date.parse(`${last}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  switch (granularity) {
    case "day":
      return CALENDAR_DAY.format(a);
    case "month":
      return CALENDAR_MONTH.format(a);
    case "week":
      return `من ${CALENDAR_SHORT_DAY.format(a)} إلى ${DAY_IN_UTC.format(b)}`;
    case "year": {
      const from = first.slice(0, 4);
      const to = last.slice(0, 4);
      // A Hijri year spans two Gregorian ones.
      return from === to ? from : `${from}–${to}`;
    }
  }
}
