/**
 * Dates for Arabic readers: an absolute form ("٢٢ يوليو ٢٠١٥، ١٠:٠٠ ص" style, Gregorian) and a relative one
 * ("منذ ساعتين"), both from Intl with Node's full ICU. Pure (the caller passes `now`).
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

const ABSOLUTE = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: DISPLAY_TIME_ZONE,
});
const DAY_ONLY = new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: "long", timeZone: DISPLAY_TIME_ZONE });
const RELATIVE = new Intl.RelativeTimeFormat(DISPLAY_LOCALE, { numeric: "auto" });

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "2015-07-22T07:00:00Z" → "22 يوليو 2015 في 10:00 ص"; null for an unparsable time. */
export function formatArabicDate(iso: string | null): string | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : ABSOLUTE.format(ms);
}

/** "2015-07-22T07:00:00Z" → "22 يوليو 2015" (no time); null for an unparsable time. */
export function formatArabicDay(iso: string | null): string | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : DAY_ONLY.format(ms);
}

/** Relative to `nowMs`: "منذ 3 ساعات", "أمس", "الآن"; null for an unparsable time. */
export function formatArabicRelative(iso: string | null, nowMs: number): string | null {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const diff = ms - nowMs;
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return RELATIVE.format(Math.trunc(diff / size), unit);
  }
  return "الآن";
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
