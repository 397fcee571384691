/**
 * knownOutlet: the Arabic name, country and homepage of an outlet by its source id, from the built-in source list
 * (default-sources.json) and the outlets akhbar knows without crawling them (known-outlets.json). Pure data lookup.
 * Used when an imported record names a source nobody registered: "alriyadh" becomes "الرياض", not "alriyadh".
 */
import type { SourceDraft } from "../domain/source.ts";
import defaultSources from "./default-sources.json" with { type: "json" };
import knownOutlets from "./known-outlets.json" with { type: "json" };

interface OutletEntry {
  id: string;
  name: string;
  country: string | null;
  homepage: string | null;
}

const DIRECTORY = new Map<string, OutletEntry>();
// The crawled list wins over the names-only list for an id both hold.
for (const entry of [
  ...(knownOutlets.outlets as OutletEntry[]),
  ...(defaultSources.sources as OutletEntry[]),
]) {
  DIRECTORY.set(entry.id, entry);
}

/** The source to create for an outlet id akhbar knows, or null. Example: "was" -> {name "واس", country "SA", ...}. */
export function knownOutlet(id: string): SourceDraft | null {
  const entry = DIRECTORY.get(id);
  if (entry === undefined) return null;
  return { id, name: entry.name, country: entry.country, homepage: entry.homepage, language: "ar" };
}

/** Every outlet id knownOutlet answers, in no promised order. */
export function knownOutletIds(): string[] {
  return [...DIRECTORY.keys()];
}
