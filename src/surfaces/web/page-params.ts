/**
 * Validation of the reader's own query parameters (paging, filters, ids). Pure; bad values throw AkhbarError
 * `web.bad_param` naming the parameter, which pages show as 400 and the JSON routes as {error}.
 */
import { AkhbarError } from "../../domain/errors.ts";

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
  if (values.length > 1) throw badParam(name, "is given more than once");
  return (values[0] ?? "").trim();
}

export function intParam(get: ParamReader, name: string, fallback: number, min: number, max: number): number {
  const v = singleParam(get, name);
  if (v === "") return fallback;
  if (!/^\d+$/.test(v)) throw badParam(name, `must be a whole number, got "${v.slice(0, 40)}"`);
  const n = Number(v);
  if (n < min || n > max) throw badParam(name, `must be between ${min} and ${max}, got ${v}`);
  return n;
}

/** A source id or country filter: slug characters only. */
export function slugParam(get: ParamReader, name: string): string {
  const v = singleParam(get, name);
  if (v !== "" && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(v))
    throw badParam(name, `is not a valid identifier: "${v.slice(0, 40)}"`);
  return v;
}

export function badParam(name: string, problem: string): AkhbarError {
  return new AkhbarError("web.bad_param", `web: parameter "${name}" ${problem}`);
}
