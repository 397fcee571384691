/**
 * Outlet ids for what a reader typed after `source:`: an id as it is, or an outlet's Arabic name as the reader shows
 * it ("عكاظ", "الجزيرة" for "الجزيرة (السعودية)"), matched on folded spelling. Surface helper, pure.
 */
import { AkhbarError } from "../domain/errors.ts";
import { outletNameKeys } from "../stages/extract/find-cited-source.ts";
import { foldMatchText } from "../stages/extract/fold-match-text.ts";
import { splitQuerySources } from "../stages/search/parse-query.ts";

/**
 * Each value mapped to the ids it names, in order and without repeats: an id of a listed outlet stays; else every
 * outlet one of whose names (outletNameKeys: the whole name, the name without its parenthesized part, an agency's
 * acronym) folds alike; a value naming none stays as typed so the caller can say it is unknown.
 * Example: resolveSourceIds(["عكاظ", "sabq", "x"], [{id: "okaz", name: "عكاظ"}, {id: "sabq", name: "سبق"}])
 * → ["okaz", "sabq", "x"].
 */
export function resolveSourceIds(
  values: readonly string[],
  outlets: readonly { id: string; name: string }[],
): string[] {
  const out = new Set<string>();
  for (const value of values) {
    if (outlets.some((o) => o.id === value)) {
      out.add(value);
      continue;
    }
    const folded = foldMatchText(value);
    const named = outlets.filter((o) => outletNameKeys(o.name).includes(folded));
    if (named.length === 0) out.add(value);
    for (const o of named) out.add(o.id);
  }
  return [...out];
}

/** The ids among `ids` that name none of `outlets`: what a surface reports as unknown sources. */
export function unknownSourceIds(ids: readonly string[], outlets: readonly { id: string }[]): string[] {
  return ids.filter((id) => !outlets.some((o) => o.id === id));
}

/**
 * The outlets a search names, wherever it names them: `source:` words typed in its text (taken out of the text, as
 * splitQuerySources does) and the surface's own source list (`--source`, `source=`), each an id or an outlet's name
 * (resolveSourceIds). `unknown` holds what names no outlet, for the surface to refuse in its own words; the web page,
 * the CLI and the API read a search's sources through this one function.
 * Example: resolveSearchSources("تفجير source:عكاظ", ["sabq"], outlets) → {text: "تفجير", sources: ["sabq", "okaz"],
 * unknown: []}.
 */
export function resolveSearchSources(
  text: string,
  listed: readonly string[],
  outlets: readonly { id: string; name: string }[],
): { text: string; sources: string[]; unknown: string[] } {
  const split = splitQuerySources(text);
  const sources = resolveSourceIds([...listed, ...split.sources], outlets);
  return { text: split.text, sources, unknown: unknownSourceIds(sources, outlets) };
}

/**
 * resolveSearchSources reading the outlets only when the search names one: a search without `source:` words or a
 * source list (most of them) reads no outlet at all, and one that names outlets reads them as they are now, so an
 * outlet added or renamed a moment ago is known. `outlets` is called at most once.
 * Example: readSearchSources("تفجير", [], list) → {text: "تفجير", sources: [], unknown: []} without calling list.
 */
export async function readSearchSources(
  text: string,
  listed: readonly string[],
  outlets: () => Promise<readonly { id: string; name: string }[]>,
): Promise<{ text: string; sources: string[]; unknown: string[] }> {
  const split = splitQuerySources(text);
  if (listed.length === 0 && split.sources.length === 0)
    return { text: split.text, sources: [], unknown: [] };
  return resolveSearchSources(text, listed, await outlets());
}

/**
 * The bad parameter for source ids the store does not know (not in its sources table): a filter naming a misspelt or
 * unknown outlet answered an empty 200 that looked like "no news". An outlet that is known but has no articles yet
 * still answers empty.
 */
export function unknownSourceError(unknown: readonly string[], scope: "api" | "feeds" = "api"): AkhbarError {
  return new AkhbarError(
    `${scope}.bad_param`,
    `${scope}: unknown source "${unknown.join('", "').slice(0, 200)}"`,
    {
      param: "source",
      reason: "unknown_source",
    },
  );
}

/** Regions ICU names (ISO 3166-1 alpha-2 and its reserved user codes left out: ICU names none of those). */
const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/**
 * Whether `code` is a country code a source may carry: two letters ICU names as a region, NOT_COUNTRIES aside.
 * Example: "sa" and "EG" are, "ZZ", "EU", "XX" and "saudi" are not.
 */
export function isKnownCountryCode(code: string): boolean {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper) || NOT_COUNTRIES.has(upper)) return false;
  return REGION_NAMES.of(upper) !== undefined;
}

/** Two-letter regions ICU names that are no country: Unknown Region, the EU, the eurozone, the UN, Outlying Oceania. */
const NOT_COUNTRIES = new Set(["ZZ", "EU", "EZ", "UN", "QO"]);

/** The 400 for a `country` filter that names no country (a known country without outlets is an empty page). */
export function unknownCountryError(country: string, scope: "api" | "feeds" = "api"): AkhbarError {
  return new AkhbarError(
    `${scope}.bad_param`,
    `${scope}: unknown country "${country.slice(0, 40)}" (a two-letter ISO 3166 code, such as SA or EG)`,
    { param: "country", reason: "unknown_country" },
  );
}
