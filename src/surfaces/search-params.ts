/**
 * Validation of search parameters shared by the CLI flags and the HTTP query string, and the one integer parser and
 * bad_param error of every surface (page-params.ts reads the reader's paging through them).
 * Pure but for the display time zone a day is read in (format-arabic-date.ts, set once at start-up). Every bad value gets an AkhbarError `<scope>.bad_param` (`search.bad_param` here) that names the parameter.
 */

import { AkhbarError } from "../domain/errors.ts";
import { SEARCH_SORTS, type SearchSort } from "../domain/search.ts";
import type { SearchOptions } from "../pipeline/search-articles.ts";
import { foldDigits } from "../stages/arabic/normalize-arabic.ts";
import { displayDayEndMs, displayDayStartMs } from "./web/format-arabic-date.ts";

/** Results per page when none is asked for. */
export const DEFAULT_SEARCH_LIMIT = 10;
/** Upper bound on one page: deeper pages cost BM25 work over every match for little use. */
export const MAX_SEARCH_LIMIT = 100;
/** Deep paging past this is a scraper, not a reader; refusing keeps worst-case latency bounded. */
export const MAX_SEARCH_OFFSET = 10_000;
/**
 * A `q` longer than this is pasted text, not a query: refused. The parser reads at most parse-query's MAX_QUERY_CHARS
 * (512) of what is accepted, cut at a word (cutQuery); the reader's box says so, the API does not.
 */
export const MAX_QUERY_PARAM_CHARS = 1_000;

/** Reads a query string or a command's flags: name → every value given. */
export type ParamReader = (name: string) => string[];

/**
 * The surface whose parameters are read: the prefix of the error code (`api.bad_param`) and of its message; a CLI
 * command's flags are read under the command's name.
 */
export type ParamScope = "search" | "web" | "api" | "feeds" | "import" | "stories" | "story" | "jobs";

export interface SearchParams {
  query: string;
  options: SearchOptions;
}

/**
 * Reads q, source (repeatable), from, to, limit, offset, recent and sort (`relevance`, the default, or `date`: newest
 * first) through `get` (name → values). q is required
 * unless a source is given (then an empty q lists that source's newest articles).
 * Dates are YYYY-MM-DD (a day in the reader's time zone, displayTimeZone()) or full ISO times; `to` is inclusive of
 * its whole day.
 * Errors carry `details.param` and `details.reason` (a BadParamReason) so a surface can word them in its language.
 */
export function parseSearchParams(get: ParamReader): SearchParams {
  const query = singleValue(get, "q") ?? "";
  const sources = get("source")
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (query.trim() === "" && sources.length === 0) throw badParam("q", "is required", "required");
  if (query.length > MAX_QUERY_PARAM_CHARS)
    throw badParam("q", `is longer than ${MAX_QUERY_PARAM_CHARS} characters`, "too_long", {
      max: MAX_QUERY_PARAM_CHARS,
    });
  const from = parseDateBound(singleValue(get, "from"), "from", false);
  const to = parseDateBound(singleValue(get, "to"), "to", true);
  if (from !== null && to !== null && from >= to)
    throw badParam("from", "must be before to", "reversed_range");
  return {
    query,
    options: {
      sources,
      from,
      to,
      limit: intParam(get, "limit", DEFAULT_SEARCH_LIMIT, 1, MAX_SEARCH_LIMIT),
      offset: intParam(get, "offset", 0, 0, MAX_SEARCH_OFFSET),
      recency: parseBoolean(singleValue(get, "recent"), "recent"),
      sort: parseSort(singleValue(get, "sort")),
    },
  };
}

/**
 * A date parameter as typed: a calendar day (YYYY-MM-DD, also "2015/8/1" or "٢٠١٥-٠٨-٠١", checked as written) or an
 * instant (a full ISO time). A day alone is a day in the reader's time zone (displayTimeZone()) on every surface: the
 * day the reader's pages print beside each article, the home page's `?day=`. null when absent or empty.
 */
export type DateParam = { day: string; ms?: undefined } | { day?: undefined; ms: number };

/** Reads a date parameter (see DateParam); a bad one is `<scope>.bad_param` with reason bad_date. */
export function parseDateParam(
  value: string | undefined,
  name: string,
  scope: ParamScope = "search",
): DateParam | null {
  if (value === undefined || value.trim() === "") return null;
  // Typed by hand in the reader's text field: Arabic-Indic digits (٢٠١٥) and slashes (2015/08/01) are the same date.
  const v = foldDigits(value.trim()).replace(
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
    (_m, y, m, d) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`,
  );
  // A day alone, or the day of an ISO time: Date.UTC and Date.parse roll month 13 and 30 February over into the next
  // month or year, so the calendar day is checked as written.
  const day = /^(\d{4})-(\d{2})-(\d{2})(T|$)/.exec(v);
  if (day) {
    const d = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    // Date.UTC reads years 0-99 as 1900-1999; no news archive reaches before 1000 either.
    if (Number(day[1]) < 1000 || d.getUTCMonth() !== Number(day[2]) - 1 || d.getUTCDate() !== Number(day[3]))
      throw badParam(name, `is not a real date: "${v.slice(0, 40)}"`, "bad_date", {}, scope);
    if (day[4] === "") return { day: v };
    const ms = Date.parse(v);
    if (!Number.isNaN(ms)) return { ms };
  }
  throw badParam(
    name,
    `must be a date like 2015-08-01 or an ISO time, got "${v.slice(0, 40)}"`,
    "bad_date",
    {},
    scope,
  );
}

/**
 * A range bound: a day's first instant in the reader's time zone, or as an upper bound the next day's first
 * (exclusive), so `to` includes its whole day; an ISO time is that instant. Example (Riyadh is UTC+3): "2015-08-01" →
 * "2015-07-31T21:00:00.000Z", as an upper bound "2015-08-01T21:00:00.000Z" — an article the reader sees dated
 * 1 August at 2:45 ص (23:45 UTC on 31 July) is inside from=2015-08-01, one at 11:45 م is inside to=2015-08-01.
 */
export function parseDateBound(
  value: string | undefined,
  name: string,
  upper: boolean,
  scope: ParamScope = "search",
): string | null {
  const date = parseDateParam(value, name, scope);
  if (date === null) return null;
  const ms =
    date.day === undefined ? date.ms : upper ? displayDayEndMs(date.day) + 1 : displayDayStartMs(date.day);
  return new Date(ms).toISOString();
}

/**
 * An upper time bound a reader names (`until`): a day alone is its end in the reader's time zone (displayTimeZone(),
 * as the home page's `?day=` reads it), an ISO time that instant; epoch ms, null when absent.
 * Example: "2015-07-26" -> 2015-07-26T20:59:59.999Z (Riyadh is UTC+3).
 */
export function parseUntilMs(value: string | undefined, name: string, scope: ParamScope): number | null {
  const date = parseDateParam(value, name, scope);
  if (date === null) return null;
  return date.day === undefined ? date.ms : displayDayEndMs(date.day);
}

/** `relevance` (absent or empty: the same) or `date`. */
function parseSort(value: string | undefined): SearchSort {
  if (value === undefined || value === "") return "relevance";
  const sort = SEARCH_SORTS.find((s) => s === value);
  if (sort === undefined)
    throw badParam("sort", `must be ${SEARCH_SORTS.join(" or ")}, got "${value.slice(0, 40)}"`, "not_choice");
  return sort;
}

function parseBoolean(value: string | undefined, name: string): boolean {
  if (value === undefined) return false;
  // A bare flag (`?recent`) means true, as in HTML forms with a checkbox.
  if (value === "" || value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  throw badParam(name, `must be true or false, got "${value.slice(0, 40)}"`, "not_boolean");
}

/** The one value of `name` (undefined when absent); a repeated parameter is refused. */
export function singleValue(
  get: ParamReader,
  name: string,
  scope: ParamScope = "search",
): string | undefined {
  const values = get(name);
  if (values.length > 1) throw badParam(name, "is given more than once", "repeated", {}, scope);
  return values[0];
}

/**
 * The one integer parser of every surface (search, the reader's pages, its JSON routes, feeds, the CLI's flags):
 * `name`'s value as a whole number from min to max, or fallback when absent or empty. Only ASCII digits with an
 * optional minus are a number: Number() would also read "1e3" (1000), " 5" and "0x10". Example: "20" → 20; "-1" →
 * out_of_range (a negative whole number says the bounds, it is not "not a number"); "1.5", "1e3", " 5" or "abc" →
 * not_integer; as `<scope>.bad_param`.
 */
export function intParam(
  get: ParamReader,
  name: string,
  fallback: number,
  min: number,
  max: number,
  scope: ParamScope = "search",
): number {
  const v = singleValue(get, name, scope) ?? "";
  if (v === "") return fallback;
  if (!/^-?\d+$/.test(v))
    throw badParam(name, `must be a whole number, got "${v.slice(0, 40)}"`, "not_integer", {}, scope);
  const n = Number(v);
  if (n < min || n > max)
    throw badParam(
      name,
      `must be between ${min} and ${max}, got ${v.slice(0, 40)}`,
      "out_of_range",
      { min, max },
      scope,
    );
  return n;
}

/** What is wrong with a parameter, for surfaces that word errors themselves (the reader's Arabic pages). */
export type BadParamReason =
  | "required"
  | "too_long"
  | "repeated"
  | "not_integer"
  | "out_of_range"
  | "not_boolean"
  | "not_choice"
  | "bad_syntax"
  | "bad_date"
  | "reversed_range"
  | "conflicting"
  | "not_identifier";

/** The `details` of a `*.bad_param` error. */
export interface BadParamDetails {
  param: string;
  reason: BadParamReason;
  min?: number;
  max?: number;
}

/** `<scope>.bad_param` with the details (BadParamDetails) the reader's pages word in Arabic. */
export function badParam(
  name: string,
  problem: string,
  reason: BadParamReason,
  bounds: { min?: number; max?: number } = {},
  scope: ParamScope = "search",
): AkhbarError {
  const details: BadParamDetails = { param: name, reason, ...bounds };
  return new AkhbarError(`${scope}.bad_param`, `${scope}: parameter "${name}" ${problem}`, { ...details });
}
