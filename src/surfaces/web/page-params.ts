/**
 * Validation of the reader's own query parameters (paging, filters, ids). Pure; bad values throw AkhbarError
 * `web.bad_param` naming the parameter, which pages show as 400 and the JSON routes as {error}.
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

/** One optional value; repeated parameters are refused. */
export function singleParam(get: ParamReader, name: string): string {
  const values = get(name);
  if (values.length > 1) throw badParam(name, "is given more than once", "repeated");
  return (values[0] ?? "").trim();
}

export function intParam(get: ParamReader, name: string, fallback: number, min: number, max: number): number {
  const v = singleParam(get, name);
  if (v === "") return fallback;
  if (!/^\d+$/.test(v))
    throw badParam(name, `must be a whole number, got "${v.slice(0, 40)}"`, "not_integer");
  const n = Number(v);
  if (n < min || n > max)
    throw badParam(name, `must be between ${min} and ${max}, got ${v}`, "out_of_range", { min, max });
  return n;
}

const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** A source id or country filter: slug characters only. */
export function slugParam(get: ParamReader, name: string): string {
  const v = singleParam(get, name);
  if (v !== "" && !SLUG.test(v)) throw notIdentifier(name, v);
  return v;
}

/** Several source ids: the parameter repeated or comma-separated ("okaz,alriyadh"), each a slug, without repeats. */
export function slugListParam(get: ParamReader, name: string): string[] {
  const ids = get(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  for (const id of ids) if (!SLUG.test(id)) throw notIdentifier(name, id);
  return [...new Set(ids)];
}

function notIdentifier(name: string, value: string): AkhbarError {
  return badParam(name, `is not a valid identifier: "${value.slice(0, 40)}"`, "not_identifier");
}

/** `web.bad_param` with the details (BadParamDetails) the error page words in Arabic. */
export function badParam(
  name: string,
  problem: string,
  reason: BadParamReason,
  bounds: { min?: number; max?: number } = {},
): AkhbarError {
  const details: BadParamDetails = { param: name, reason, ...bounds };
  return new AkhbarError("web.bad_param", `web: parameter "${name}" ${problem}`, { ...details });
}
