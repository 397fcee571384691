/**
 * Validation of the reader's own query parameters (filters, ids; paging through search-params' intParam), for its
 * pages, its JSON routes and its feeds. Pure; bad values throw AkhbarError `<scope>.bad_param` naming the parameter
 * (`web.bad_param` for pages, `api.bad_param` for /api routes), which pages show as 400 and the JSON routes as {error}.
 */
import type { AkhbarError } from "../../domain/errors.ts";
import {
  badParam,
  type ParamReader,
  type ParamScope,
  parseDateParam,
  singleValue,
} from "../search-params.ts";
import { displayDayEndMs, displayDayOf, displayDayStartMs } from "./format-arabic-date.ts";
import { COVERAGE_ORDERS, type CoverageOrder } from "./story-coverage.ts";

/** Stories per home page: a screenful and a half on a laptop, quick to render. */
export const STORIES_PER_PAGE = 20;
/** Largest page the JSON routes serve. */
export const MAX_PAGE_LIMIT = 100;
/** Deeper than this is a crawler walking the archive; search and feeds are the better tools for it. */
export const MAX_PAGE_OFFSET = 10_000;
/** Ids longer than this are not ids (the API refuses them the same way). */
export const MAX_ID_CHARS = 200;

/** One optional value, trimmed ("" when absent); repeated parameters are refused. */
export function singleParam(get: ParamReader, name: string, scope: ParamScope = "web"): string {
  return (singleValue(get, name, scope) ?? "").trim();
}

const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** A source id or country filter: slug characters only. */
export function slugParam(get: ParamReader, name: string, scope: ParamScope = "web"): string {
  const v = singleParam(get, name, scope);
  if (v !== "" && !SLUG.test(v)) throw notIdentifier(name, v, scope);
  return v;
}

/** Several source ids: the parameter repeated or comma-separated ("okaz,alriyadh"), each a slug, without repeats. */
export function slugListParam(get: ParamReader, name: string, scope: ParamScope = "web"): string[] {
  const ids = get(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  for (const id of ids) if (!SLUG.test(id)) throw notIdentifier(name, id, scope);
  return [...new Set(ids)];
}

function notIdentifier(name: string, value: string, scope: ParamScope): AkhbarError {
  return badParam(name, `is not a valid identifier: "${value.slice(0, 40)}"`, "not_identifier", {}, scope);
}

/**
 * The `sort` of a story's coverage (story page, /api/stories/:id, `akhbar story --sort`): "oldest" (absent or empty:
 * the same) or "newest"; anything else is a bad parameter (not_choice). Example: "newest" → "newest".
 */
export function coverageOrderParam(get: ParamReader, scope: ParamScope = "web"): CoverageOrder {
  const v = (singleValue(get, "sort", scope) ?? "").trim();
  if (v === "") return "oldest";
  const order = COVERAGE_ORDERS.find((o) => o === v);
  if (order === undefined)
    throw badParam(
      "sort",
      `must be ${COVERAGE_ORDERS.join(" or ")}, got "${v.slice(0, 40)}"`,
      "not_choice",
      {},
      scope,
    );
  return order;
}

/** A past day's top stories: the day and the window they are read in (sinceMs, untilMs: epoch ms, both inclusive). */
export interface DayWindow {
  /** YYYY-MM-DD, a calendar day in the display time zone. */
  day: string;
  sinceMs: number;
  untilMs: number;
}

/**
 * The `day` parameter (a date, as parseDateParam reads one; an ISO time names the reader's day it falls on) → that day in the display time
 * zone, from its first to its last millisecond: what ran that day, ranked as of its end. null when absent. The home
 * page and /api/stories?day= both read it here, so they list the same stories. Example: "2015-07-26" →
 * {day: "2015-07-26", sinceMs: 2015-07-25T21:00:00.000Z, untilMs: 2015-07-26T20:59:59.999Z} (Riyadh is UTC+3).
 */
export function dayWindowParam(get: ParamReader, scope: ParamScope = "web"): DayWindow | null {
  const date = parseDateParam(singleValue(get, "day", scope), "day", scope);
  if (date === null) return null;
  const day = date.day ?? displayDayOf(date.ms);
  return { day, sinceMs: displayDayStartMs(day), untilMs: displayDayEndMs(day) };
}
