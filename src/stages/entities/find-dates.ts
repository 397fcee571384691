/**
 * Dates a news text mentions, resolved to calendar days against the article's publish date (pipeline step 7):
 * written dates ("6 أغسطس 2015", "السادس من آب/أغسطس", "21 شوال 1436هـ", "2015/8/6"), months and years ("أغسطس
 * الماضي", "عام 2014", "شهر رمضان"), and words that mean a day only against the publish date ("أمس", "أول من أمس",
 * "غداً", "الخميس الماضي", "الأسبوع المقبل"). Pure: no clock is read; the publish date is the argument.
 *
 * The publisher's calendar day is the publish instant at a fixed UTC offset (Arabia, +3 h, unless told): an article
 * stamped 22:30 UTC on the 6th was written on the 7th in Riyadh, and its "أمس" is the 6th. Hijri dates are read in
 * the Umm al-Qura calendar (Saudi Arabia's civil calendar) through Intl; a Hijri date Intl cannot place is left out.
 * Weeks run Saturday to Friday, as Arab calendars print them.
 */
import { normalizeArabic, normalizedTable } from "../arabic/normalize-arabic.ts";
import { type Token, tokenize } from "../arabic/tokenize.ts";
import { GIVEN_NAMES, PLACES } from "./entity-lexicon.ts";
import { GREGORIAN_YEAR_MAX, GREGORIAN_YEAR_MIN, unitValue } from "./find-numbers.ts";

export type DateGranularity = "day" | "week" | "month" | "year";

/** One date a text mentions. */
export interface DateMention {
  /** The words as the text writes them. */
  text: string;
  /** Where in the text: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** The first and last calendar day meant (YYYY-MM-DD, Gregorian); equal for a day. */
  first: string;
  last: string;
  granularity: DateGranularity;
  /** Meant against the publish date ("أمس", "الخميس الماضي", "أغسطس المقبل", a day and month without a year). */
  relative: boolean;
  /** The calendar the text wrote it in. */
  calendar: "gregorian" | "hijri";
}

export interface FindDatesOptions {
  /** The publisher's offset from UTC in minutes, to tell its calendar day (default 180, Arabia). */
  utcOffsetMinutes?: number;
}

/** Days since 1970-01-01 (a calendar day, no time). */
type Day = number;

const DAY_MS = 86_400_000;
const n = (w: string) => normalizeArabic(w);
const table = normalizedTable<number>;

/**
 * Gregorian month names (one word): Egyptian and Gulf (أغسطس), Levantine (آب), Maghrebi (أوت). Two-word Levantine
 * names (كانون الثاني, تشرين الأول) are in TWO_WORD_MONTHS.
 */
const MONTHS = table([
  ["يناير", 1],
  ["فبراير", 2],
  ["مارس", 3],
  ["أبريل", 4],
  ["إبريل", 4],
  ["ابريل", 4],
  ["مايو", 5],
  ["يونيو", 6],
  ["يونيه", 6],
  ["يوليو", 7],
  ["يوليه", 7],
  ["أغسطس", 8],
  ["اغسطس", 8],
  ["سبتمبر", 9],
  ["أكتوبر", 10],
  ["اكتوبر", 10],
  ["نوفمبر", 11],
  ["ديسمبر", 12],
  ["شباط", 2],
  ["آذار", 3],
  ["نيسان", 4],
  ["أيار", 5],
  ["حزيران", 6],
  ["تموز", 7],
  ["آب", 8],
  ["أيلول", 9],
  ["جانفي", 1],
  ["فيفري", 2],
  ["أفريل", 4],
  ["ماي", 5],
  ["جوان", 6],
  ["جويلية", 7],
  ["أوت", 8],
]);
const TWO_WORD_MONTHS = new Map([
  [`${n("كانون")} ${n("الثاني")}`, 1],
  [`${n("كانون")} ${n("الأول")}`, 12],
  [`${n("تشرين")} ${n("الأول")}`, 10],
  [`${n("تشرين")} ${n("الثاني")}`, 11],
]);
/** Hijri month names; two-word names are keyed by both words. */
const HIJRI_MONTHS = new Map([
  [n("محرم"), 1],
  [n("صفر"), 2],
  [`${n("ربيع")} ${n("الأول")}`, 3],
  [`${n("ربيع")} ${n("الآخر")}`, 4],
  [`${n("ربيع")} ${n("الثاني")}`, 4],
  [`${n("جمادى")} ${n("الأولى")}`, 5],
  [`${n("جمادى")} ${n("الآخرة")}`, 6],
  [`${n("جمادى")} ${n("الثانية")}`, 6],
  [n("رجب"), 7],
  [n("شعبان"), 8],
  [n("رمضان"), 9],
  [n("شوال"), 10],
  [`${n("ذو")} ${n("القعدة")}`, 11],
  [`${n("ذي")} ${n("القعدة")}`, 11],
  [`${n("ذو")} ${n("الحجة")}`, 12],
  [`${n("ذي")} ${n("الحجة")}`, 12],
]);
/** Month names that are also common words. */
const AMBIGUOUS_MONTHS = new Set([n("صفر"), n("محرم")]);
/** Weekdays, JavaScript numbering (0 Sunday). */
const WEEKDAYS = table([
  ["الأحد", 0],
  ["الاثنين", 1],
  ["الإثنين", 1],
  ["الثلاثاء", 2],
  ["الأربعاء", 3],
  ["الخميس", 4],
  ["الجمعة", 5],
  ["السبت", 6],
]);
/** Weekday words that are also common words ("الأحد" the one, "الاثنين" the two): a day only beside a day word. */
const AMBIGUOUS_WEEKDAYS = new Set([n("الأحد"), n("الاثنين"), n("الإثنين")]);
/** Ordinals 1 to 9 ("الخامس"): a day of the month, and the units of compound ordinals. */
const ORDINAL_UNIT_ROWS: readonly (readonly [string, number])[] = [
  ["الأول", 1],
  ["الثاني", 2],
  ["الثالث", 3],
  ["الرابع", 4],
  ["الخامس", 5],
  ["السادس", 6],
  ["السابع", 7],
  ["الثامن", 8],
  ["التاسع", 9],
];
/** Ordinal day words of a month ("السادس من أغسطس"); compounds (الحادي عشر, الخامس والعشرين) are read apart. */
const ORDINAL_DAYS = table([...ORDINAL_UNIT_ROWS, ["العاشر", 10], ["العشرين", 20], ["الثلاثين", 30]]);
/** Units of a compound ordinal after "عشر" (الحادي عشر = 11) or before "والعشرين" (الخامس والعشرين = 25). */
const ORDINAL_UNITS = table([...ORDINAL_UNIT_ROWS, ["الحادي", 1]]);
/** Day words against the publish date. */
const DAY_WORDS = table([
  ["اليوم", 0],
  ["أمس", -1],
  ["الأمس", -1],
  ["البارحة", -1],
  ["غداً", 1],
  ["غدا", 1],
]);
/** Words before a day word or weekday that say the time of day ("مساء أمس", "صباح الخميس"); the day is the same. */
const TIME_OF_DAY = new Set(
  ["صباح", "مساء", "ظهر", "عصر", "فجر", "ليلة", "ليل", "يوم", "نهار", "منتصف", "ظهيرة", "صبيحة", "عشية"].map(
    n,
  ),
);
const PAST = new Set(
  ["الماضي", "الماضية", "الماضيين", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق", "السابقة"].map(n),
);
const NEXT = new Set(["المقبل", "المقبلة", "المقبلين", "القادم", "القادمة", "القادمين"].map(n));
const CURRENT = new Set(["الجاري", "الجارية", "الحالي", "الحالية"].map(n));
const WEEK = new Set(["الأسبوع"].map(n));
const MONTH = new Set(["الشهر"].map(n));
const YEAR = new Set(["العام", "السنة"].map(n));
/** "هذا العام", "هذه السنة": the current year, month or week. */
const THIS = new Set(["هذا", "هذه"].map(n));
/** Words that make a following number a year ("عام 2014", "العام 2015", "سنة 1990"). */
const YEAR_WORDS = new Set(["عام", "العام", "سنة", "السنة", "لعام", "للعام", "بعام", "منذ"].map(n));
/** Words after "اليوم" that make it a named day, not today ("اليوم الوطني", "اليوم العالمي", "اليوم الأول"). */
const DAY_NAME_WORDS = new Set(
  [
    "الوطني",
    "العالمي",
    "الواحد",
    "التاريخي",
    "الأول",
    "الثاني",
    "الثالث",
    "الأخير",
    "الدراسي",
    "المفتوح",
    "التالي",
    "السابق",
    "نفسه",
    "ذاته",
  ].map(n),
);
/** Words before "اليوم" that point at another day ("ذلك اليوم", "في نفس اليوم"). */
const POINTERS = new Set(["ذلك", "تلك", "نفس", "ذات"].map(n));
/** Words before "اليوم" that make it a paper's name ("صحيفة اليوم", "عين اليوم"). */
const OUTLET_WORDS = new Set(["صحيفة", "لصحيفة", "جريدة", "لجريدة", "عين", "موقع", "روسيا", "لـ"].map(n));
/** Given names: a weekday right after one is a family name ("عبدالعزيز الخميس"). */
const GIVEN = new Set(GIVEN_NAMES.map(n));
const HIJRI_MARK = new Set(["هـ", "ه", "هجري", "هجرية", "للهجرة"].map(n));
const GREGORIAN_MARK = new Set(["م", "ميلادي", "ميلادية", "للميلاد"].map(n));
/** Nouns before a weekday that make it a name or a weekly thing, not a day ("سوق الثلاثاء", "منبر الجمعة"). */
const WEEKDAY_NAME_HEADS = new Set(["سوق", "منبر", "خطب"].map(n));
/** Nouns before "الأمس" that make it the past, not yesterday ("حلفاء الأمس"); "الأمس القريب" is the recent past. */
const FORMER_HEADS = new Set(["حلفاء", "أعداء", "عدو", "نجوم", "أصدقاء"].map(n));
const NEAR = n("القريب");
/** Units after "منذ" and a number that make the number a count, not a year ("منذ 1400 عام"). */
const COUNT_UNITS = new Set(
  [
    "عام",
    "عاما",
    "سنة",
    "سنوات",
    "أعوام",
    "قرن",
    "قرون",
    "يوم",
    "يوما",
    "أيام",
    "شهر",
    "شهرا",
    "أشهر",
    "شهور",
  ].map(n),
);
/** Day words before a weekday or two ("يوم الأحد", "يومي الأحد والاثنين"). */
const DAY_NOUNS = new Set(["يوم", "يومي"].map(n));
/** Words between a weekday and the written date it names ("يوم الأحد الموافق 8 ذو القعدة"). */
const COINCIDING = new Set(["الموافق", "الموافقة", "المصادف"].map(n));
/** ل written apart after الموافق ("الموافق لـ 6 أغسطس"). */
const LAM = n("ل");
/**
 * Words that put what their clause tells ahead of the writer ("سوف تزور طهران الثلاثاء", "من المقرر أن يبدأ المعرض
 * الخميس"); a future verb (س + the present: "سيزور", "ستبدأ") says it too (futureVerb).
 */
const FUTURE_WORDS = new Set(
  [
    "سوف",
    "المقرر",
    "المقررة",
    "المزمع",
    "المزمعة",
    "المرتقب",
    "المرتقبة",
    "المنتظر",
    "المنتظرة",
    "يعتزم",
    "تعتزم",
  ].map(n),
);
/** One-word place names, which can look like a future verb (سيناء، سيول). */
const PLACE_WORDS = new Set(PLACES.flatMap((p) => p.forms.filter((f) => !f.includes(" "))).map(n));
const SPECIAL = n("الخاص");
/** "كان من المقرر": what was planned, which may be past. */
const WAS = new Set(["كان", "كانت"].map(n));
/** Words looked back over, within the clause, for its tense before a bare weekday. */
const TENSE_REACH_WORDS = 6;
/** Words that count a time back from the publish date ("قبل يومين", "منذ ثلاثة أيام"). */
const AGO = new Set(["قبل", "منذ"].map(n));
const ON = n("على");
const NOW = n("الآن");
/** Words that go with a time counted back, before what it is counted from ("قبل يوم واحد من", "قبل عام تقريبا من"). */
const AGO_FILLERS = new Set(["واحد", "واحدة", "فقط", "تقريبا", "تقريباً", "كامل", "كاملة", "كاملين"].map(n));
/**
 * Units of a time counted back: the singular and the dual say their count (1, 2: "قبل يومين"); a plural (count 0)
 * takes a count before it ("ثلاثة أيام", "5 سنوات").
 */
const AGO_UNITS = new Map(
  (
    [
      ["يوم", "day", 1],
      ["يومين", "day", 2],
      ["أيام", "day", 0],
      ["يوما", "day", 0],
      ["أسبوع", "week", 1],
      ["أسبوعين", "week", 2],
      ["أسابيع", "week", 0],
      ["شهر", "month", 1],
      ["شهرين", "month", 2],
      ["أشهر", "month", 0],
      ["شهور", "month", 0],
      ["شهرا", "month", 0],
      ["عام", "year", 1],
      ["عامين", "year", 2],
      ["أعوام", "year", 0],
      ["عاما", "year", 0],
      ["سنة", "year", 1],
      ["سنتين", "year", 2],
      ["سنوات", "year", 0],
    ] as const
  ).map(([w, kind, count]) => [n(w), { kind, count }] as const),
);
/** The earliest Gregorian year read after a year word ("عام 1602"); unmarked 1300-1500 there is Hijri. */
const HISTORY_YEAR_MIN = 1000;
/** Date's range is ±8.64e15 ms; what is resolved against the publish date lies within a few years of it. */
const PUBLISHED_MAX_MS = 8.64e15 - 10_000 * DAY_MS;
const MONTH_WORD = n("شهر");
const FROM = n("من");
const AFTER = n("بعد");
/** Words before a bare month name that make it a month in time ("في يونيو", "خلال رمضان", "مطلع أغسطس"). */
const MONTH_INTRODUCERS = new Set(
  [
    "في",
    "خلال",
    "حتى",
    "منذ",
    "بحلول",
    "مطلع",
    "أوائل",
    "أواسط",
    "منتصف",
    "أواخر",
    "نهاية",
    "بداية",
    "طوال",
    "قبل",
    "بعد",
  ].map(n),
);
/** A year's noun between a month and its year. */
const YEAR_NOUNS = new Set(["عام", "العام", "سنة", "لعام"].map(n));
const FIRST = n("أول");
const SINCE = n("منذ");
const TWENTY = n("والعشرين");
const TEEN = n("عشر");

/**
 * The dates `text` mentions, in text order, resolved against `published`. Example: "وصل أمس الخميس" published
 * 2015-08-07T09:00Z -> [{ text "أمس الخميس", first/last "2015-08-06", granularity "day", relative true }].
 */
export function findDates(text: string, published: Date, options: FindDatesOptions = {}): DateMention[] {
  const offset = options.utcOffsetMinutes ?? 180;
  // An invalid or out-of-range publish date has no days to resolve against (and Date would throw on them).
  if (!(Math.abs(published.getTime() + offset * 60_000) <= PUBLISHED_MAX_MS)) return [];
  const today: Day = Math.floor((published.getTime() + offset * 60_000) / DAY_MS);
  const tokens = splitGluedDateWords(text, tokenize(text));
  const norms = tokens.map((t) => baseOf(t.norm));
  const out: DateMention[] = [];
  /** Only spaces (and a comma) between words k-1 and k: they belong to one phrase. */
  const joined = (k: number) => k > 0 && k < tokens.length && /^[\s،,]*$/.test(between(text, tokens, k));
  /** Word k follows word k-1 after white space only (no comma: "قبل يومين، من …" is two clauses). */
  const spacedApart = (k: number) => k > 0 && k < tokens.length && /^\s+$/.test(between(text, tokens, k));
  /** Joined, or after the closing bracket of a second month name ("يونيو (حزيران) الماضي", "شباط (فبراير) 2015"). */
  const follows = (k: number) =>
    joined(k) || (k > 0 && k < tokens.length && /^\)[\s،,]*$/.test(between(text, tokens, k)));
  /** A slash, dash or dot between words k-1 and k (numeric dates). */
  const dateSep = (k: number) =>
    k > 0 && k < tokens.length && /^\s*[/\-.]\s*$/.test(between(text, tokens, k));

  for (let i = 0; i < tokens.length; ) {
    const written = readNumericDate(i) ?? readWrittenDate(i);
    // Only readRelative reads days among these three (a month, a year or week, or a day word and weekday).
    const named = written === null ? (readMonthYear(i) ?? readYear(i) ?? readRelative(i)) : null;
    let found = written ?? named ?? readAgo(i);
    // "غداً السبت 23 شوال الموافق 8 أغسطس" is one day: a written date after a day word names it, and a date
    // "الموافق" another is the same day in the other calendar.
    if (found !== null && found.granularity === "day" && (written !== null || named !== null))
      found = withSameDayDates(i, found, written !== null);
    if (found === null) {
      i++;
      continue;
    }
    const start = startAfterProclitic(text, tokens[i]!, norms[i]!);
    let end = tokens[found.end - 1]!.end;
    // "آب (أغسطس)": a bracket opened inside the phrase closes with it.
    if (text[end] === ")" && text.slice(start, end).includes("(")) end++;
    out.push({
      text: text.slice(start, end),
      start,
      end,
      first: isoDay(found.first),
      last: isoDay(found.last),
      granularity: found.granularity,
      relative: found.relative,
      calendar: found.calendar,
    });
    i = found.end;
  }
  return out;

  /** "2015/8/6", "6/8/2015", "2015-08-06", "21/10/1436هـ": year first or last, day before month in between. */
  function readNumericDate(i: number): Found | null {
    const at = afterWeekday(i);
    if (!isDigits(norms[at]) || !dateSep(at + 1) || !isDigits(norms[at + 1]) || !dateSep(at + 2)) return null;
    const third = norms[at + 2] ?? "";
    const lastDigits = /^\d+/.exec(third)?.[0];
    if (lastDigits === undefined) return null;
    const a = Number(norms[at]);
    const b = Number(norms[at + 1]);
    const c = Number(lastDigits);
    let end = at + 3;
    let hijri = third.length > lastDigits.length && HIJRI_MARK.has(third.slice(lastDigits.length));
    if (!hijri && joined(end) && HIJRI_MARK.has(norms[end] ?? "")) {
      hijri = true;
      end++;
    } else if (joined(end) && GREGORIAN_MARK.has(norms[end] ?? "")) end++;
    const [year, month, day] = norms[at]!.length === 4 ? [a, b, c] : [c, b, a];
    if (String(year).length !== 4) return null;
    // Saudi papers often leave the mark off a Hijri date ("4/11/1436"); no news date has a Gregorian year like it.
    if (year >= 1300 && year <= 1600) hijri = true;
    if (!hijri && (year < GREGORIAN_YEAR_MIN || year > GREGORIAN_YEAR_MAX)) return null;
    const d = hijri ? fromHijri(year, month, day) : fromGregorian(year, month, day);
    return d === null ? null : dayFound(d, end, false, hijri);
  }

  /**
   * A day, a month and maybe a year: "6 أغسطس 2015", "السادس من آب/أغسطس", "21 شوال 1436هـ", with a weekday before
   * it read as part of it ("الخميس 6 أغسطس"). Without a year the month's nearest occurrence is meant.
   */
  function readWrittenDate(i: number): Found | null {
    let k = afterWeekday(i);
    const day = readDayNumber(k);
    if (day === null) return null;
    k = day.end;
    if (norms[k] === FROM && joined(k + 1)) k++;
    // "الرابع من شهر ذي القعدة"
    if (norms[k] === MONTH_WORD && joined(k + 1)) k++;
    if (!joined(k)) return null;
    const month = readMonthName(k);
    if (month === null) return null;
    k = month.end;
    const year = readYearNumber(k, month.hijri) ?? readYearNumber(afterYearWord(k), month.hijri);
    if (year !== null) {
      const d = month.hijri
        ? fromHijri(year.year, month.month, day.day)
        : fromGregorian(year.year, month.month, day.day);
      return d === null ? null : dayFound(d, year.end, false, month.hijri);
    }
    // Without a year: the next or last such day when the text says so ("22 أكتوبر المقبل"), else the nearest.
    const side = follows(k) && PAST.has(norms[k]!) ? -1 : follows(k) && NEXT.has(norms[k]!) ? 1 : 0;
    // "منذ الثلاثين من يناير": since a day is before the publish date.
    const d = nearestDay(month.month, day.day, month.hijri, side === 0 && since(i) ? -1 : side);
    return d === null ? null : dayFound(d, side === 0 ? k : k + 1, true, month.hijri);
  }

  /**
   * `found` (a day read from word `i`) with the written dates that name the same day after it: after a day word or
   * weekday (`written` false) a written date right after it that falls on the weekday it names, give or take a day
   * ("غداً السبت 23 شوال", "صلاة الجمعة يوم 21 يوليو 1905"), or near the day it means when it names no weekday ("منذ
   * اليوم الرابع من شهر شوال"; not "حددت أول من أمس السادس والعشرين من فبراير 2016 موعدا", two days); and after any
   * day a date "الموافق" it or, in the other calendar, in brackets ("21 شوال 1436هـ الموافق 6 أغسطس", "10 شوال 1436هـ
   * (26 يوليو 2015م)"). The written date names the day over a day word, and a Gregorian date over a Hijri one (the
   * conversion a reader's calendar shows; Umm al-Qura and a sighted month can be a day apart). The phrase keeps the
   * calendar it opens with.
   */
  function withSameDayDates(i: number, found: Found, written: boolean): Found {
    let merged = found;
    let isWritten = written;
    for (;;) {
      let k = merged.end;
      const coinciding = joined(k) && COINCIDING.has(norms[k]!) && joined(k + 1);
      const bracket =
        !coinciding && isWritten && k < tokens.length && /^\s*\(\s*$/.test(between(text, tokens, k));
      if (coinciding) {
        k++;
        if (norms[k] === LAM && joined(k + 1)) k++;
      } else if (!bracket && (isWritten || !joined(k) || conjoined(k))) return merged;
      const next = readNumericDate(k) ?? readWrittenDate(k);
      if (next === null || next.granularity !== "day") return merged;
      // A bracket holds the other calendar's date of that very day, else it is something else ("(33)").
      if (
        bracket &&
        (next.calendar === merged.calendar || Math.abs(next.first - merged.first) > BRACKET_DAYS_APART_MAX)
      )
        return merged;
      if (!isWritten && !coinciding && !namesDayOfPhrase(i, merged, next.first)) return merged;
      // Two calendars farther apart than a sighting's day: the one on the weekday the phrase names is right ("الجمعة
      // 16 رمضان 1436هـ الموافق 3 يونيو", a Friday in July: the writer slipped a month).
      const wd = phraseWeekday(i, merged.end);
      const slipped = Math.abs(next.first - merged.first) > BRACKET_DAYS_APART_MAX && wd !== undefined;
      const nextNames = !isWritten
        ? true
        : slipped
          ? weekday(next.first) === wd
          : next.calendar === "gregorian" && merged.calendar === "hijri";
      merged = {
        ...(nextNames ? next : merged),
        relative: isWritten ? merged.relative && next.relative : next.relative,
        calendar: isWritten ? merged.calendar : next.calendar,
        end: next.end,
      };
      isWritten = true;
    }
  }

  /** Word k carries a joined و: what starts there is the next item of a list ("بين اليوم والخامس والعشرين من"). */
  function conjoined(k: number): boolean {
    return norms[k] !== tokens[k]!.norm && tokens[k]!.norm.startsWith("\u0648");
  }

  /**
   * Day `d` of a written date can be the day a day-word phrase (words i to phrase.end) means: on the weekday it names
   * give or take a day, or, when it names none, within DAY_WORD_DATE_DAYS_APART_MAX of its day.
   */
  function namesDayOfPhrase(i: number, phrase: Found, d: Day): boolean {
    const wd = phraseWeekday(i, phrase.end);
    if (wd === undefined) return Math.abs(d - phrase.first) <= DAY_WORD_DATE_DAYS_APART_MAX;
    const apart = (weekday(d) - wd + 7) % 7;
    return apart <= WEEKDAY_DATE_DAYS_APART_MAX || 7 - apart <= WEEKDAY_DATE_DAYS_APART_MAX;
  }

  /** The weekday words i to end-1 name, if any (JavaScript numbering). */
  function phraseWeekday(i: number, end: number): number | undefined {
    for (let j = i; j < end; j++) {
      const wd = WEEKDAYS.get(norms[j]!);
      if (wd !== undefined) return wd;
    }
    return undefined;
  }

  /** The word after "يوم", a weekday, or both, that open a written date ("يوم الثلاثاء 26/10/1436هـ"); else i. */
  function afterWeekday(i: number): number {
    let k = i;
    if (norms[k] === n("يوم") && joined(k + 1)) k++;
    if (WEEKDAYS.has(norms[k]!) && joined(k + 1)) k++;
    else return k;
    // "يوم الأحد القادم الموافق 17-10-1436": the written date names the day, whatever side the stamp puts it on.
    if ((PAST.has(norms[k]!) || NEXT.has(norms[k]!)) && joined(k + 1) && COINCIDING.has(norms[k + 1]!)) k++;
    // "يوم الخميس الموافق 20 أغسطس", "الموافق لـ6 أغسطس": the written date names the day.
    if (COINCIDING.has(norms[k]!) && joined(k + 1)) {
      k++;
      if (norms[k] === LAM && joined(k + 1)) k++;
    }
    return k;
  }

  /**
   * "أغسطس 2015", "شهر أغسطس", "أغسطس الماضي", "شهر رمضان المقبل", "رمضان 1436هـ", "في يونيو": a whole month. A bare
   * month name alone is no date ("مارس" is also a verb).
   */
  function readMonthYear(i: number): Found | null {
    let k = i;
    const named = norms[k] === MONTH_WORD && joined(k + 1);
    if (named) k++;
    const month = readMonthName(k);
    if (month === null) return null;
    k = month.end;
    const year = readYearNumber(k, month.hijri) ?? readYearNumber(afterYearWord(k), month.hijri);
    if (year !== null) return monthFound(month.month, year.year, month.hijri, year.end, false);
    const cur = currentYearMonth(today, month.hijri);
    // "سبتمبر من العام الماضي": the month of last (next, this) year.
    const yearAt = afterYearWord(k);
    if (yearAt > k && joined(yearAt)) {
      const which = norms[yearAt]!;
      const step = PAST.has(which) ? -1 : NEXT.has(which) ? 1 : CURRENT.has(which) ? 0 : null;
      if (step !== null) return monthFound(month.month, cur.year + step, month.hijri, yearAt + 1, true);
    }
    const here = cur.year * 12 + cur.month - 1;
    let at: number;
    let end = k;
    if (follows(k) && PAST.has(norms[k]!)) {
      at = here - 1 - ((((here - 1 - (month.month - 1)) % 12) + 12) % 12);
      end++;
    } else if (follows(k) && NEXT.has(norms[k]!)) {
      at = here + 1 + ((((month.month - 1 - (here + 1)) % 12) + 12) % 12);
      end++;
    } else if (named || introduced(i) || (follows(k) && CURRENT.has(norms[k]!))) {
      // The nearest such month: this year's unless that is more than half a year away ("منذ شهر مارس": not later).
      at = cur.year * 12 + month.month - 1;
      if (at - here > 6 || (since(i) && at > here)) at -= 12;
      else if (here - at > 6 && !since(i)) at += 12;
      if (follows(k) && CURRENT.has(norms[k]!)) end++;
    } else return null;
    return monthFound((at % 12) + 1, Math.floor(at / 12), month.hijri, end, true);
  }

  /** "عام 2014", "العام 2015م", "سنة 1436هـ"; "العام الماضي", "الشهر المقبل", "الأسبوع الجاري". */
  function readYear(i: number): Found | null {
    const w = norms[i]!;
    if (YEAR_WORDS.has(w) && joined(i + 1)) {
      const year = readYearNumber(i + 1, false, true);
      const counted = year !== null && w === SINCE && joined(year.end) && COUNT_UNITS.has(norms[year.end]!);
      if (year !== null && !counted) {
        // A season over two years: "العام 1435/1436هـ", "موسم 2014/2015".
        let end = year.end;
        let years = 1;
        const second = /^(\d{4})(.*)$/.exec(norms[end] ?? "");
        if (end === i + 2 && dateSep(end) && second !== null && Number(second[1]) === year.year + 1) {
          years = 2;
          end++;
          if (
            second[2] === "" &&
            joined(end) &&
            (HIJRI_MARK.has(norms[end]!) || GREGORIAN_MARK.has(norms[end]!))
          )
            end++;
          if (second[2] !== "" && HIJRI_MARK.has(second[2]!)) year.hijri = true;
          else if (second[2] === "" && HIJRI_MARK.has(norms[end - 1]!)) year.hijri = true;
        }
        if (year.hijri) {
          const first = fromHijri(year.year, 1, 1);
          const next = fromHijri(year.year + years, 1, 1);
          if (first === null || next === null) return null;
          return { first, last: next - 1, granularity: "year", relative: false, calendar: "hijri", end };
        }
        const found = yearFound(year.year, end, false);
        found.last = yearFound(year.year + years - 1, end, false).last;
        return found;
      }
    }
    if (!joined(i + 1)) return null;
    // "هذا العام", "لهذا الشهر": the current one; in "هذا العام 2014" and "هذا الأسبوع المقبل" what follows says which.
    const thisOne =
      THIS.has(w) &&
      !(YEAR_WORDS.has(norms[i + 1]!) && readYearNumber(i + 2, false, true) !== null) &&
      !(joined(i + 2) && [PAST, NEXT, CURRENT].some((side) => side.has(norms[i + 2]!)));
    const unit = thisOne ? norms[i + 1]! : w;
    const which = norms[i + 1]!;
    const step = thisOne ? 0 : PAST.has(which) ? -1 : NEXT.has(which) ? 1 : CURRENT.has(which) ? 0 : null;
    if (step === null) return null;
    const g = gregorianOf(today);
    if (YEAR.has(unit)) return yearFound(g.year + step, i + 2, true);
    if (MONTH.has(unit)) {
      const at = g.year * 12 + g.month - 1 + step;
      return monthFound((at % 12) + 1, Math.floor(at / 12), false, i + 2, true);
    }
    if (WEEK.has(unit)) return weekFound(today + 7 * step, i + 2);
    return null;
  }

  /**
   * Days named against the publish date: "أمس", "أول من أمس", "بعد غد", "غداً", "اليوم", with a time of day before
   * ("مساء أمس") and a weekday after ("أمس الخميس"); a weekday alone ("الخميس", "يوم الخميس الماضي").
   */
  function readRelative(i: number): Found | null {
    let k = i;
    const timed = TIME_OF_DAY.has(norms[k]!) && joined(k + 1);
    if (timed) k++;
    let offsetDays: number | null = null;
    if (norms[k] === FIRST && joined(k + 1)) {
      // "أول أمس", "أول من أمس": the day before yesterday.
      const j = norms[k + 1] === FROM && joined(k + 2) ? k + 2 : k + 1;
      if (DAY_WORDS.get(norms[j]!) === -1) {
        offsetDays = -2;
        k = j + 1;
      }
    } else if (
      norms[k] === AFTER &&
      joined(k + 1) &&
      (norms[k + 1] === n("غد") || norms[k + 1] === n("غداً"))
    ) {
      offsetDays = 2;
      k += 2;
    } else if ((norms[k] === n("الغد") || norms[k] === n("غد")) && timed) {
      offsetDays = 1;
      k++;
    } else if (DAY_WORDS.has(norms[k]!)) {
      const w = norms[k]!;
      // "اليوم الوطني", "ذلك اليوم": a named or another day, not today.
      const named = w === n("اليوم") && joined(k + 1) && DAY_NAME_WORDS.has(norms[k + 1]!);
      const pointed = k > 0 && POINTERS.has(norms[k - 1]!.replace(/^\u0648/, ""));
      const outlet = w === n("اليوم") && k > 0 && OUTLET_WORDS.has(norms[k - 1]!);
      // "حلفاء الأمس", "بالأمس القريب": the past, not yesterday.
      const former =
        w === n("الأمس") &&
        ((joined(k) && FORMER_HEADS.has(norms[k - 1]!.replace(/^\u0648/, ""))) ||
          (joined(k + 1) && norms[k + 1] === NEAR));
      if (!named && !outlet && !former && !(w === n("اليوم") && pointed)) {
        offsetDays = DAY_WORDS.get(w)!;
        k++;
        // "أمس الأول", "البارحة الأولى": the day before yesterday.
        if (
          offsetDays === -1 &&
          joined(k) &&
          (tokens[k]!.norm === n("الأول") || tokens[k]!.norm === n("الأولى"))
        ) {
          offsetDays = -2;
          k++;
        }
      }
    }
    if (offsetDays !== null) {
      let d = today + offsetDays;
      // A weekday after it names the day ("أمس الخميس", "أمس (الاثنين)"). It wins over the publish stamp: the stamp
      // is often when the page was fetched, the weekday is what the writer meant.
      const named = /^[\s،,]*(?:\(\s*)?$/.test(k < tokens.length && k > 0 ? between(text, tokens, k) : "x")
        ? WEEKDAYS.get(norms[k]!)
        : undefined;
      if (named !== undefined) {
        // The day of that name nearest the stamped one, earlier on a tie: pages are often fetched days late.
        d += ((named - weekday(d) + 10) % 7) - 3;
        k++;
      }
      return { first: d, last: d, granularity: "day", relative: true, calendar: "gregorian", end: k };
    }
    const wd = WEEKDAYS.get(norms[k]!);
    if (wd === undefined) return null;
    // After "يوم"/"يومي", and second in "يومي الأحد والاثنين", even "الأحد" and "الاثنين" are days. A list without
    // the day word ("أيام الأحد والاثنين") is mostly a weekly schedule.
    const second =
      i > 1 &&
      joined(i) &&
      tokens[i]!.norm.startsWith("\u0648") &&
      WEEKDAYS.has(norms[i - 1]!) &&
      DAY_NOUNS.has(norms[i - 2]!);
    const dayWord = timed || second || (i > 0 && DAY_NOUNS.has(norms[i - 1]!));
    k++;
    // "يومي الأربعاء والخميس الماضيين": the side word after a second weekday holds for both.
    const pair = joined(k) && tokens[k]!.norm.startsWith("\u0648") && WEEKDAYS.has(tokens[k]!.norm.slice(1));
    const sideAt = pair && joined(k + 1) ? k + 1 : k;
    let d: Day;
    if (sideAt > k && PAST.has(norms[sideAt]!)) d = today - (((weekday(today) - wd + 6) % 7) + 1);
    else if (sideAt > k && NEXT.has(norms[sideAt]!)) d = today + (((wd - weekday(today) + 6) % 7) + 1);
    else if (joined(k) && PAST.has(norms[k]!)) {
      d = today - (((weekday(today) - wd + 6) % 7) + 1);
      k++;
    } else if (joined(k) && NEXT.has(norms[k]!)) {
      d = today + (((wd - weekday(today) + 6) % 7) + 1);
      k++;
    } else {
      if (AMBIGUOUS_WEEKDAYS.has(norms[k - 1]!) && !dayWord) return null;
      // "إبراهيم الخميس": a family name after a given name, not a day.
      if (!dayWord && pair === false && i > 0 && joined(i) && GIVEN.has(norms[i - 1]!)) return null;
      if (!dayWord && i > 0 && joined(i) && WEEKDAY_NAME_HEADS.has(norms[i - 1]!)) return null;
      const ahead = futureClause(i);
      d = nearestWeekday(wd, ahead);
      // The first of a pair is the day of its name before the second ("الأحد والاثنين": the Sunday before Monday).
      if (pair) {
        const next = WEEKDAYS.get(tokens[k]!.norm.slice(1))!;
        d = nearestWeekday(next, ahead) - (((next - wd + 6) % 7) + 1);
      }
    }
    return { first: d, last: d, granularity: "day", relative: true, calendar: "gregorian", end: k };
  }

  /**
   * A time counted back from the publish date: "قبل يومين", "منذ ثلاثة أيام" (that day), "قبل أسبوعين" (that week),
   * "قبل شهر" (that month), "قبل عامين" (that year). Not "قبل يومين من الانتخابات", counted from another day, and not
   * "قبل أيام" without a count.
   */
  function readAgo(i: number): Found | null {
    if (!AGO.has(baseOf(norms[i]!)) || !joined(i + 1)) return null;
    let k = i + 1;
    let count: number | undefined;
    let unit = AGO_UNITS.get(norms[k]!);
    if (unit !== undefined) {
      // "قبل أيام": no count; "قبل يوم الخميس", "قبل عام 2015", "قبل شهر رمضان": before a day, not a time ago.
      if (unit.count === 0) return null;
      const next = norms[k + 1];
      if (joined(k + 1) && next !== undefined && (/^\d/.test(next) || KEYWORDS.has(next))) return null;
      // "قبل يوم العيد", "منذ يوم تأسيسه": a named day. One day ago is "قبل يوم" at a break or "قبل يوم واحد".
      if (unit.kind === "day" && unit.count === 1 && spacedApart(k + 1) && !AGO_FILLERS.has(next!))
        return null;
      count = unit.count;
    } else {
      // A count word before a plural is three to ten ("ثلاثة أيام", "عشر سنوات"); one and two are the singular and
      // the dual.
      const word = unitValue(norms[k]!);
      count = isDigits(norms[k]) ? Number(norms[k]) : word !== undefined && word >= 3 ? word : undefined;
      if (count === undefined || count < 1 || count > 99 || !joined(k + 1)) return null;
      k++;
      unit = AGO_UNITS.get(norms[k]!);
      if (unit === undefined || unit.count !== 0) return null;
    }
    k++;
    // "قبل يوم واحد", "قبل 3 أسابيع فقط": words that go with the count.
    let after = k;
    while (spacedApart(after) && AGO_FILLERS.has(norms[after]!)) after++;
    // "قبل يومين من الانتخابات": counted from another day (but "قبل يومين، من الزيارات" is not, nor "من الآن").
    if (spacedApart(after) && (norms[after] === FROM || norms[after] === ON) && norms[after + 1] !== NOW)
      return null;
    k = after;
    const times = count === 0 ? 1 : count;
    const g = gregorianOf(today);
    switch (unit.kind) {
      case "day":
        return dayFound(today - times, k, true, false);
      case "week":
        return weekFound(today - 7 * times, k);
      case "month": {
        const at = g.year * 12 + g.month - 1 - times;
        return monthFound((at % 12) + 1, Math.floor(at / 12), false, k, true);
      }
      default:
        return yearFound(g.year - times, k, true);
    }
  }

  /**
   * The day of weekday `wd` a bare name means. News mostly tells what happened: up to four days back, else up to two
   * ahead (a coming day is usually marked المقبل). In a clause about the future (`ahead`) the coming one, except
   * yesterday: pages are often stamped a day after they were written, so a plan for "الأربعاء" stamped on Thursday
   * was mostly Wednesday's.
   */
  function nearestWeekday(wd: number, ahead = false): Day {
    const back = (weekday(today) - wd + 7) % 7;
    return back <= (ahead ? 1 : 4) ? today - back : today + (7 - back);
  }

  /**
   * The clause before word i speaks of the future: a future word or verb among the few words before it, with no
   * sentence break between ("وسيبدأ الأربعاء", "موغيريني سوف تزور طهران الثلاثاء"); "كان من المقرر" does not count.
   */
  function futureClause(i: number): boolean {
    for (let j = i - 1; j >= 0 && j >= i - TENSE_REACH_WORDS && joined(j + 1); j--) {
      const w = norms[j]!.replace(/^[\u0648\u0641]/, "");
      // "المقرر الخاص" is a rapporteur, not a plan.
      if (FUTURE_WORDS.has(w) && norms[j + 1] !== SPECIAL) {
        const was = (k: number) => k >= 0 && WAS.has(norms[k]!.replace(/^\u0648/, ""));
        return !(was(j - 1) || (norms[j - 1] === FROM && was(j - 2)));
      }
      if (!PLACE_WORDS.has(w) && futureVerb(text.slice(tokens[j]!.start, tokens[j]!.end))) return true;
    }
    return false;
  }

  /** The word after "عام"/"سنة" at k ("16 رمضان عام 1395هـ"), or k when there is none. */
  function afterYearWord(k: number): number {
    // "في يوليو من عام 2022م"
    const at = joined(k) && norms[k] === FROM && joined(k + 1) ? k + 1 : k;
    return joined(at) && YEAR_NOUNS.has(norms[at]!) ? at + 1 : k;
  }

  /** A word that puts a bare month name in time stands right before word i ("في يونيو", "مطلع رمضان"). */
  function introduced(i: number): boolean {
    return i > 0 && joined(i) && MONTH_INTRODUCERS.has(norms[i - 1]!);
  }

  /** "منذ" stands right before word i: what follows is in the past. */
  function since(i: number): boolean {
    return i > 0 && joined(i) && norms[i - 1] === SINCE;
  }

  /** A day of the month at word k: "6", "السادس", "الحادي عشر", "الخامس والعشرين", "أول". */
  function readDayNumber(k: number): { day: number; end: number } | null {
    const w = norms[k];
    if (w === undefined) return null;
    // "لـ6 أغسطس" after الموافق: ل written on the number.
    const digits = /^\u0644?(\d{1,2})$/.exec(w)?.[1];
    if (digits !== undefined && (digits === w || (k > 0 && COINCIDING.has(norms[k - 1]!)))) {
      const day = Number(digits);
      return day >= 1 && day <= 31 ? { day, end: k + 1 } : null;
    }
    if (w === FIRST) return { day: 1, end: k + 1 };
    const unit = ORDINAL_UNITS.get(w);
    if (unit !== undefined && joined(k + 1) && norms[k + 1] === TEEN) return { day: 10 + unit, end: k + 2 };
    if (unit !== undefined && joined(k + 1) && tokens[k + 1]!.norm === TWENTY)
      return { day: 20 + unit, end: k + 2 };
    const day = ORDINAL_DAYS.get(w);
    // Plain ordinals must be followed by "من" and a month ("الثاني من أغسطس"); readWrittenDate checks the month.
    return day === undefined || norms[k + 1] !== FROM ? null : { day, end: k + 1 };
  }

  /** A month name at word k (with "آب/أغسطس" or "آب (أغسطس)" read as one). */
  function readMonthName(k: number): { month: number; hijri: boolean; end: number } | null {
    const w = norms[k];
    if (w === undefined) return null;
    const pair = joined(k + 1) ? `${w} ${norms[k + 1]}` : "";
    let month: number | undefined;
    let hijri = false;
    let end = k + 1;
    if (TWO_WORD_MONTHS.has(pair)) {
      month = TWO_WORD_MONTHS.get(pair);
      end = k + 2;
    } else if (HIJRI_MONTHS.has(pair)) {
      month = HIJRI_MONTHS.get(pair);
      hijri = true;
      end = k + 2;
    } else if (MONTHS.has(w)) month = MONTHS.get(w);
    else if (HIJRI_MONTHS.has(w)) {
      month = HIJRI_MONTHS.get(w);
      hijri = true;
    }
    if (month === undefined) return null;
    // A second name of the same month after a space, a slash or in brackets: "فبراير شباط", "آب/أغسطس", "آب (أغسطس)".
    if (!hijri && end < tokens.length && /^\s*[/(-]?\s*$/.test(between(text, tokens, end))) {
      const other = MONTHS.get(norms[end]!) ?? TWO_WORD_MONTHS.get(`${norms[end]} ${norms[end + 1]}`);
      if (other === month) end += MONTHS.has(norms[end]!) ? 1 : 2;
    }
    // "صفر" is also zero and "محرم" forbidden: as months they need "من" or "شهر" before them or a year after.
    if (
      AMBIGUOUS_MONTHS.has(w) &&
      !["من", "شهر"].map(n).includes(norms[k - 1] ?? "") &&
      readYearNumber(end, true) === null
    )
      return null;
    return { month, hijri, end };
  }

  /** A year at word k: four digits, maybe marked هـ or م ("1436هـ", "2015 م"); `anyCalendar` lets the mark choose. */
  function readYearNumber(
    k: number,
    hijri: boolean,
    anyCalendar = false,
  ): { year: number; hijri: boolean; end: number } | null {
    if (!follows(k)) return null;
    const w = norms[k]!;
    const digits = /^\d{4}/.exec(w)?.[0];
    if (digits === undefined) return null;
    const rest = w.slice(4);
    let end = k + 1;
    let markedHijri = rest !== "" && HIJRI_MARK.has(rest);
    if (rest !== "" && !markedHijri && !GREGORIAN_MARK.has(rest)) return null;
    if (rest === "" && joined(end) && HIJRI_MARK.has(norms[end]!)) {
      markedHijri = true;
      end++;
    } else if (rest === "" && joined(end) && GREGORIAN_MARK.has(norms[end]!)) end++;
    const year = Number(digits);
    const isHijri = anyCalendar ? markedHijri || (year >= 1300 && year <= 1500) : hijri;
    // After a year word ("في عام 1602") a number is a year even before GREGORIAN_YEAR_MIN.
    const gregorianMin = anyCalendar ? HISTORY_YEAR_MIN : GREGORIAN_YEAR_MIN;
    if (isHijri ? year < 1300 || year > 1600 : year < gregorianMin || year > GREGORIAN_YEAR_MAX) return null;
    return { year, hijri: isHijri, end };
  }

  /**
   * The day of (month, day) nearest the publish date in the Gregorian or Hijri calendar; with `side` -1 the nearest
   * before it, with 1 the nearest after it.
   */
  function nearestDay(month: number, day: number, hijri: boolean, side: -1 | 0 | 1): Day | null {
    const cur = currentYearMonth(today, hijri);
    let best: Day | null = null;
    for (const y of [cur.year - 1, cur.year, cur.year + 1]) {
      const d = hijri ? fromHijri(y, month, day) : fromGregorian(y, month, day);
      if (d === null || (side === -1 && d >= today) || (side === 1 && d <= today)) continue;
      if (best === null || Math.abs(d - today) < Math.abs(best - today)) best = d;
    }
    return best;
  }
}

/** Days a bracketed date may lie from the date before it and still be that day in the other calendar. */
const BRACKET_DAYS_APART_MAX = 2;
/**
 * Days a written date after a weekday may fall off that weekday and still name its day: a Hijri date of Umm al-Qura
 * and of a sighted month differ by one ("يوم الاثنين المقبل الأول من ذي القعدة", 1436, a Sunday in Umm al-Qura).
 */
const WEEKDAY_DATE_DAYS_APART_MAX = 1;
/**
 * Days a written date after a day word naming no weekday may lie from that word's day and still name it: pages are
 * stamped days late ("يوافق اليوم 28 تموز/يوليو" stamped the 31st); farther it is another day of the sentence ("حددت
 * أول من أمس السادس والعشرين من فبراير 2016 موعدا"). Dev corpus, 2026-12-01.
 */
const DAY_WORD_DATE_DAYS_APART_MAX = 7;

/** Names of months (every word a month name starts with) and weekdays: the words digits can be glued to. */
const DATE_NAME_WORDS = new Set<string>([
  ...MONTHS.keys(),
  ...[...TWO_WORD_MONTHS.keys(), ...HIJRI_MONTHS.keys()].map((k) => k.split(" ")[0]!),
  ...WEEKDAYS.keys(),
]);

/**
 * The tokens with a word of digits glued to a month or weekday name split into its parts, each with its own place in
 * the text: "12ذو القعدة", "الأحد10شوال", "يونيو2011" (tokenize keeps a run of letters and digits as one word; dev
 * corpus, a few dozen such dates). Other words with digits stay whole ("1436هـ", "و13", "لـ6").
 * Example: "12ذو" -> "12", "ذو".
 */
function splitGluedDateWords(text: string, tokens: Token[]): Token[] {
  if (!tokens.some((t) => GLUED_DIGITS.test(t.norm))) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    const parts = GLUED_DIGITS.test(t.norm) ? t.norm.match(DIGIT_RUNS) : null;
    const raw = parts === null ? null : text.slice(t.start, t.end).match(DIGIT_RUNS_RAW);
    if (
      parts === null ||
      raw === null ||
      raw.length !== parts.length ||
      !parts.some((p) => DATE_NAME_WORDS.has(p))
    ) {
      out.push(t);
      continue;
    }
    let at = t.start;
    for (const [j, part] of raw.entries()) {
      out.push({ start: at, end: at + part.length, norm: parts[j]! });
      at += part.length;
    }
  }
  return out;
}
const GLUED_DIGITS = /\d\p{L}|\p{L}\d/u;
const DIGIT_RUNS = /\d+|\D+/g;
const DIGIT_RUNS_RAW = /\p{Nd}+|\P{Nd}+/gu;

/** Words whose first letter only looks like a proclitic: لامس (touched) is not ل + أمس, باب (door) not ب + آب. */
const NOT_PROCLITIC = new Set(["لامس", "باب"].map(n));

/** Every word the reader keys on, to tell a proclitic from a word's own first letter. */
const KEYWORDS = new Set<string>([
  ...MONTHS.keys(),
  ...[...TWO_WORD_MONTHS.keys(), ...HIJRI_MONTHS.keys()].map((k) => k.split(" ")[0]!),
  ...WEEKDAYS.keys(),
  ...DAY_WORDS.keys(),
  ...TIME_OF_DAY,
  ...WEEK,
  ...MONTH,
  ...YEAR,
  ...THIS,
  ...YEAR_WORDS,
  ...AGO,
  ...ORDINAL_DAYS.keys(),
  ...ORDINAL_UNITS.keys(),
  MONTH_WORD,
  FIRST,
  AFTER,
]);

/**
 * A word without a joined و, ف, ب or ل when what follows is a number or a word the reader keys on ("وأمس", "والعام",
 * "بشهر", "و17").
 */
function baseOf(norm: string): string {
  if (norm.length < 3 || !"\u0648\u0641\u0628\u0644".includes(norm[0]!)) return norm;
  const rest = norm.slice(1);
  if (NOT_PROCLITIC.has(norm)) return norm;
  return KEYWORDS.has(rest) || /^\d+$/.test(rest) ? rest : norm;
}

/** Where a word's display starts once a proclitic baseOf took off is left out ("وَأمس" -> "أمس"). */
function startAfterProclitic(text: string, token: Token, base: string): number {
  if (base === token.norm) return token.start;
  let at = token.start + 1;
  // Harakat, tatweel and invisible marks after the proclitic ("فـأمس") belong to it.
  while (at < token.end && (/\p{M}/u.test(text[at]!) || normalizeArabic(text[at]!) === "")) at++;
  return at;
}

interface Found {
  first: Day;
  last: Day;
  granularity: DateGranularity;
  relative: boolean;
  calendar: "gregorian" | "hijri";
  /** The token index after the phrase. */
  end: number;
}

function dayFound(d: Day, end: number, relative: boolean, hijri: boolean): Found {
  return { first: d, last: d, granularity: "day", relative, calendar: hijri ? "hijri" : "gregorian", end };
}

function monthFound(
  month: number,
  year: number,
  hijri: boolean,
  end: number,
  relative: boolean,
): Found | null {
  const first = hijri ? fromHijri(year, month, 1) : fromGregorian(year, month, 1);
  const next = hijri
    ? fromHijri(month === 12 ? year + 1 : year, (month % 12) + 1, 1)
    : fromGregorian(month === 12 ? year + 1 : year, (month % 12) + 1, 1);
  if (first === null || next === null) return null;
  return {
    first,
    last: next - 1,
    granularity: "month",
    relative,
    calendar: hijri ? "hijri" : "gregorian",
    end,
  };
}

/** The week (Saturday to Friday, as Arab calendars print it) that holds day `d`, named against the publish date. */
function weekFound(d: Day, end: number): Found {
  const saturday = d - ((weekday(d) + 1) % 7);
  return {
    first: saturday,
    last: saturday + 6,
    granularity: "week",
    relative: true,
    calendar: "gregorian",
    end,
  };
}

function yearFound(year: number, end: number, relative: boolean): Found {
  return {
    first: Date.UTC(year, 0, 1) / DAY_MS,
    last: Date.UTC(year, 11, 31) / DAY_MS,
    granularity: "year",
    relative,
    calendar: "gregorian",
    end,
  };
}

/**
 * A verb in the future: س and a present-tense prefix (ي ت ن) and a stem ("سيزور", "ستبدأ", "وسنعرف"), written as it
 * is (a long alef after the prefix is a foreign name: "ستافان"), or one of the short ones (سيتم، سيصل). Nouns of that
 * shape are left out by their endings (سيارة، سنوات، ستين، سنوياً) and سيطر (past: "took control").
 */
export function futureVerb(word: string): boolean {
  const w = word.replace(/[\u064B-\u0652\u0640]/g, "").replace(/^[\u0648\u0641]/, "");
  if (SHORT_FUTURE_VERBS.has(w)) return true;
  return (
    /^\u0633[\u064A\u062A\u0646][^\u0627]\S{2,}$/.test(w) &&
    !/(\u0629|\u0627\u062A|\u064A\u0646)$/.test(w) &&
    !w.startsWith("\u0633\u0646\u0648\u064A") &&
    !w.startsWith("\u0633\u064A\u0637\u0631")
  );
}

/** Future verbs of four letters, which the shape test leaves to nouns (سيتم "will be done", سيصل "will arrive"). */
const SHORT_FUTURE_VERBS = new Set([
  "سيتم",
  "ستتم",
  "سيصل",
  "ستصل",
  "سنصل",
  "سيظل",
  "ستظل",
  "سيحل",
  "ستحل",
  "سيمر",
  "ستمر",
  "سيقع",
  "ستقع",
  "سيبث",
  "ستبث",
]);

function between(text: string, tokens: readonly Token[], k: number): string {
  return text.slice(tokens[k - 1]!.end, tokens[k]!.start);
}

function isDigits(w: string | undefined): boolean {
  return w !== undefined && /^\d{1,4}$/.test(w);
}

function isoDay(d: Day): string {
  return new Date(d * DAY_MS).toISOString().slice(0, 10);
}

function weekday(d: Day): number {
  return (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday.
}

function gregorianOf(d: Day): { year: number; month: number } {
  const date = new Date(d * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

function fromGregorian(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const t = Date.UTC(year, month - 1, day);
  return new Date(t).getUTCDate() === day ? t / DAY_MS : null;
}

const HIJRI_FORMAT = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
  year: "numeric",
  month: "numeric",
  day: "numeric",
  timeZone: "UTC",
});

const HIJRI_CACHE = new Map<Day, { year: number; month: number; day: number }>();

/** The Umm al-Qura date of a day (Intl is slow; the days news mentions are few, so each is read once). */
function hijriOf(d: Day): { year: number; month: number; day: number } {
  const known = HIJRI_CACHE.get(d);
  if (known !== undefined) return known;
  if (HIJRI_CACHE.size > 100_000) HIJRI_CACHE.clear();
  const parts = HIJRI_FORMAT.formatToParts(new Date(d * DAY_MS));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const h = { year: get("year"), month: get("month"), day: get("day") };
  HIJRI_CACHE.set(d, h);
  return h;
}

/** The day of an Umm al-Qura date, or null when it does not exist (day 30 of a 29-day month) or Intl cannot say. */
function fromHijri(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || day > 30) return null;
  // 1 Muharram 1 AH is 622-07-19 (Julian 16th); a mean Hijri year is 354.367 days. Start there and walk.
  let d = Math.round(
    Date.UTC(622, 6, 19) / DAY_MS + (year - 1) * 354.36667 + (month - 1) * 29.5306 + day - 1,
  );
  for (let step = 0; step < 8; step++) {
    const h = hijriOf(d);
    if (!Number.isFinite(h.year)) return null;
    const diff = (year - h.year) * 354 + (month - h.month) * 29.5 + (day - h.day);
    if (diff === 0) return d;
    if (Math.abs(diff) < 1 && h.day !== day) return null;
    d += Math.round(diff) === 0 ? Math.sign(diff) : Math.round(diff);
  }
  const h = hijriOf(d);
  return h.year === year && h.month === month && h.day === day ? d : null;
}

/** The current month in either calendar. */
function currentYearMonth(d: Day, hijri: boolean): { year: number; month: number } {
  return hijri ? hijriOf(d) : gregorianOf(d);
}
