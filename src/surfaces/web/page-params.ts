/**
 * Validation of the reader's own query parameters (paging, filters, ids), for its pages, its JSON routes and its
 * feeds. Pure; bad values throw AkhbarError `<scope>.bad_param` naming the parameter (`web.bad_param` for pages,
 * `api.bad_param` for /api routes), which pages show as 400 and the JSON routes as {error}.
 */
import { AkhbarError } from "../../domain/errors.ts";
import type { BadParamDetails, BadParamReason } from "../search-params.ts";

/** Stories per home page: a screenful and a half on a laptop, quick to render. */
export const STORIES_PER_PAGE = 20;
/** Largest page the JSON routes serve. */
export const MAX_PAGE_LIMIT = 100;
/** Deeper than this is a crawler walking the archive; search and feeds are the better tools for it. */
export const MAX_PAGE_OFFSET = 10_000;
/** Ids longer than this are not ids (the API refuses them the same way). */
export const MAX_ID_CHARS = 200;

export type ParamReader = (name: string) => string[];

/** The surface whose parameters are read: the prefix of the error code (`api.bad_param`) and of its message. */
export type ParamScope = "web" | "api" | "feeds";

/** One optional value; repeated parameters are refused. */
export function singleParam(get: ParamReader, name: string, scope: ParamScope = "web"): string {
  const values = get(name);
  if (values.length > 1) throw badParam(name, "is given more than once", "repeated", {}, scope);
  return (values[0] ?? "").trim();
}

export function intParam(
  get: ParamReader,
  name: string,
  fallback: number,
  min: number,
  max: number,
  scope: ParamScope = "web",
): number {
  const v = singleParam(get, name, scope);
  if (v === "") return fallback;
  // A negative whole number is out of range, not "not a number": "-1" says the bounds.
  if (!/^-?\d+$/.test(v))
    throw badParam(name, `must be a whole number, got "${v.slice(0, 40)}"`, "not_integer", {}, scope);
  const n = Number(v);
  if (n < min || n > max)
    throw badParam(name, `must be between ${min} and ${max}, got ${v}`, "out_of_range", { min, max }, scope);
  return n;
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

/** `<scope>.bad_param` with the details (BadParamDetails) the error page words in Arabic. */
export function badParam(
  name: string,
  problem: string,
  reason: BadParamReason,
  bounds: { min?: number; max?: number } = {},
  scope: ParamScope = "web",
): AkhbarError {
  const details: BadParamDetails = { param: name, reason, ...bounds };
  return new AkhbarError(`${scope}.bad_param`, `${scope}: parameter "${name}" ${problem}`, { ...details });
}
