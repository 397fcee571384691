/**
 * Dates for Arabic readers, from Intl with Node's full ICU: a time as an age ("قبل 3 ساعات") while it is recent, else as
 * a Gregorian date ("6 أغسطس 2015، 9:37 م"), with the Umm al-Qura Hijri date beside it ("21 شوال 1436 هـ"); and
 * calendar spans a text mentions. Pure (the caller passes `now`).
 */

/**
 * Time zone dates are shown in. The dev corpus and most default sources are Gulf outlets; a reader in another
 * zone still sees the exact instant in the `datetime` attribute, and the page script re-renders relative times.
 */
export const DISPLAY_TIME_ZONE = "Asia/Riyadh";
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

const DAY = new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: "long", timeZone: DISPLAY_TIME_ZONE });
const TIME_OF_DAY = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  timeStyle: "short",
  timeZone: DISPLAY_TIME_ZONE,
});
/** Umm al-Qura, the calendar Saudi Arabia uses officially; "هـ" is the era ICU appends. */
const HIJRI_DAY = new Intl.DateTimeFormat("ar-u-ca-islamic-umalqura-nu-latn", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: DISPLAY_TIME_ZONE,
});
const RELATIVE = new Intl.RelativeTimeFormat(DISPLAY_LOCALE, { numeric: "auto" });

/** Units an age under a day is told in, largest first; from a day on it is told in calendar days (ageOf). */
const AGE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const DAY_MS = 86_400_000;
/** The date alone in DISPLAY_TIME_ZONE, as "2015-08-06" (en-CA writes ISO order), to count calendar days. */
const ISO_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: DISPLAY_TIME_ZONE });

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
 * The one formatter every reader page's times go through. Dates are in DISPLAY_TIME_ZONE; null for an unparsable
 * time. Example at now = 2015-08-06T21:37:00Z: "2015-08-06T18:37:00Z" → {day: "6 أغسطس 2015",
 * dayAndTime: "6 أغسطس 2015، 9:37 م", hijri: "21 شوال 1436 هـ", age: "قبل 3 ساعات"}; a month earlier, age is null.
 */
export function formatArabicTime(iso: string | null, nowMs: number): ArabicTime | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const day = DAY.format(ms);
  return {
    day,
    dayAndTime: `${day}، ${TIME_OF_DAY.format(ms)}`,
    hijri: HIJRI_DAY.format(ms),
    age: ageOf(ms, nowMs),
  };
}

/**
 * "قبل 3 ساعات" for -3 h; null at RELATIVE_TIME_MAX_MS or beyond. From a day away on, the age counts calendar days in
 * DISPLAY_TIME_ZONE, not 24-hour spans: at 0:37 on 7 August, 23:00 on 5 August (25.6 h earlier) is "أول أمس".
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

/** Days since 1970-01-01 of the calendar day `ms` falls on in DISPLAY_TIME_ZONE. */
function calendarDay(ms: number): number {
  return Date.parse(ISO_DAY.format(ms)) / DAY_MS;
}

/** The calendar day (YYYY-MM-DD) `ms` falls on in DISPLAY_TIME_ZONE: the day a reader's "on 26 July" means. */
export function displayDayOf(ms: number): string {
  return ISO_DAY.format(ms);
}

/**
 * The last millisecond of a calendar day (YYYY-MM-DD) in DISPLAY_TIME_ZONE: "2015-07-26" → 2015-07-26T20:59:59.999Z
 * (Riyadh is UTC+3). The zone's offset is read at that midnight, so a zone with summer time is right too.
 */
export function displayDayEndMs(day: string): number {
  const nextMidnightUtc = Date.parse(`${day}T00:00:00Z`) + DAY_MS;
  // The wall time DISPLAY_TIME_ZONE shows at that UTC instant, read as if it were UTC, less the instant: the offset.
  const wall = ZONE_WALL_TIME.formatToParts(nextMidnightUtc);
  const part = (type: string) => Number(wall.find((p) => p.type === type)?.value);
  const offsetMs =
    Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")) -
    nextMidnightUtc;
  return nextMidnightUtc - offsetMs - 1;
}

/**
 * The first millisecond of a calendar day (YYYY-MM-DD) in DISPLAY_TIME_ZONE: "2015-07-26" → 2015-07-25T21:00:00.000Z
 * (Riyadh is UTC+3), the instant after the day before ends.
 */
export function displayDayStartMs(day: string): number {
  const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  return displayDayEndMs(dayBefore) + 1;
}

const ZONE_WALL_TIME = new Intl.DateTimeFormat("en-US", {
  timeZone: DISPLAY_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** "2015-07-22T07:00:00Z" → "22 يوليو 2015" (no time); null for an unparsable time. For chart labels. */
export function formatArabicDay(iso: string | null): string | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : DAY.format(ms);
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
