/**
 * parseVisibleDate: a date as printed on a page ("18 نيسان 2020", "الثلاثاء ١٤ يناير ٢٠٢٠", "2020/04/15") -> ISO date.
 * Pure; extract stage, used when a page has no machine-readable publish time. Month names are data, sorted.
 */
import { foldMatchText } from "./fold-match-text.ts";

/** Month names as printed (Levantine/Iraqi, Egyptian/Gulf, Maghrebi, English), sorted by month then name. */
const MONTHS_SOURCE: readonly (readonly [string, number])[] = [
  ["jan", 1],
  ["january", 1],
  ["جانفي", 1],
  ["كانون الثاني", 1],
  ["يناير", 1],
  ["feb", 2],
  ["february", 2],
  ["شباط", 2],
  ["فبراير", 2],
  ["فيفري", 2],
  ["mar", 3],
  ["march", 3],
  ["آذار", 3],
  ["مارس", 3],
  ["apr", 4],
  ["april", 4],
  ["أبريل", 4],
  ["أفريل", 4],
  ["ابريل", 4],
  ["نيسان", 4],
  ["may", 5],
  ["أيار", 5],
  ["ماي", 5],
  ["مايو", 5],
  ["jun", 6],
  ["june", 6],
  ["جوان", 6],
  ["حزيران", 6],
  ["يونيه", 6],
  ["يونيو", 6],
  ["jul", 7],
  ["july", 7],
  ["تموز", 7],
  ["جويلية", 7],
  ["يوليه", 7],
  ["يوليو", 7],
  ["aug", 8],
  ["august", 8],
  ["آب", 8],
  ["أغسطس", 8],
  ["أوت", 8],
  ["اغسطس", 8],
  ["sep", 9],
  ["sept", 9],
  ["september", 9],
  ["أيلول", 9],
  ["سبتمبر", 9],
  ["oct", 10],
  ["october", 10],
  ["أكتوبر", 10],
  ["تشرين الأول", 10],
  ["اكتوبر", 10],
  ["nov", 11],
  ["november", 11],
  ["تشرين الثاني", 11],
  ["نوفمبر", 11],
  ["dec", 12],
  ["december", 12],
  ["ديسمبر", 12],
  ["كانون الأول", 12],
];

const MONTHS = new Map(MONTHS_SOURCE.map(([name, month]) => [foldMatchText(name), month]));
const MONTH_ALTERNATION = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|");

/** Years accepted as publish years: the web era up to a little past today's decade. */
export const MIN_YEAR = 1995;
export const MAX_YEAR = 2100;

const PATTERNS = {
  // "26 أيلول/سبتمبر 2020": Levantine and Egyptian month names side by side (aps.dz, cnn arabic);
  // "18/مارس/2020": slashes around the month name (a common Egyptian news CMS).
  dayMonthYear: new RegExp(
    `(?:^|[^\\p{L}\\d])(\\d{1,2})(?:\\s*/\\s*|\\s*)(?:من\\s+)?(${MONTH_ALTERNATION})(?:\\s*/\\s*(?:${MONTH_ALTERNATION}))?[\\s,،/-]*(\\d{4})`,
    "u",
  ),
  monthDayYear: new RegExp(`(?:^|[^\\p{L}])(${MONTH_ALTERNATION})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})`, "u"),
  yearFirst: /(?:^|\D)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:\D|$)/,
  dayFirst: /(?:^|\D)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\D|$)/,
  compactZone: /^([+-]\d{2})(\d{2})$/,
  isoLike: /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/,
} as const;

/**
 * Finds the first printed date in `text`; returns "YYYY-MM-DD" or null.
 * Example: parseVisibleDate("عمان 18 نيسان (بترا)") is null (no year); parseVisibleDate("١٨ نيسان ٢٠٢٠") === "2020-04-18".
 */
export function parseVisibleDate(text: string): string | null {
  const folded = foldMatchText(text);
  let m = PATTERNS.dayMonthYear.exec(folded);
  if (m !== null) return toIsoDate(Number(m[3]), MONTHS.get(m[2] ?? "") ?? 0, Number(m[1]));
  m = PATTERNS.monthDayYear.exec(folded);
  if (m !== null) return toIsoDate(Number(m[3]), MONTHS.get(m[1] ?? "") ?? 0, Number(m[2]));
  m = PATTERNS.yearFirst.exec(folded);
  if (m !== null) return toIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = PATTERNS.dayFirst.exec(folded);
  if (m !== null) return toIsoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/**
 * Normalizes a machine-readable timestamp (JSON-LD, meta, `<time datetime>`) without moving it to UTC, so the
 * date part stays the publisher's local date. Returns null for unparseable values.
 * Example: toIsoTimestamp("2020-06-23T01:00:00+03:00") === "2020-06-23T01:00:00+03:00".
 */
export function toIsoTimestamp(value: string): string | null {
  const trimmed = value.trim();
  const m = PATTERNS.isoLike.exec(trimmed);
  if (m !== null) {
    const date = toIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date === null) return null;
    if (m[4] === undefined) return date;
    const zone = m[7] === undefined ? "" : m[7] === "Z" ? "Z" : m[7].replace(PATTERNS.compactZone, "$1:$2");
    return `${date}T${m[4]}:${m[5]}:${m[6] ?? "00"}${zone}`;
  }
  const parsed = Date.parse(trimmed);
  if (Number.isNaN(parsed)) return parseVisibleDate(trimmed);
  return new Date(parsed).toISOString();
}

function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
