/**
 * seedDefaultSources: loads the built-in source list (config/default-sources.json) into an empty installation,
 * once: a flag records it, so sources an admin removed stay removed on the next start. Pipeline over the ports.
 */
import type { Clock } from "../ports/clock.ts";
import type { Storage } from "../ports/storage.ts";

/** The flag that records the default list was loaded. */
export const DEFAULT_SOURCES_FLAG = "default_sources_loaded";

export interface DefaultSource {
  id: string;
  name: string;
  country: string | null;
  homepage: string;
  feeds: string[];
}

export interface SeedResult {
  /** False when the defaults had been loaded before (nothing was touched). */
  loaded: boolean;
  sources: number;
  feeds: number;
}

/**
 * Adds every default source and feed unless the flag is set, then sets it. Safe to interrupt: sources and feeds
 * are upserted by id and URL, and the flag is set last, so a re-run completes the job without duplicates.
 */
export async function seedDefaultSources(
  storage: Storage,
  defaults: readonly DefaultSource[],
  clock: Clock,
): Promise<SeedResult> {
  if (await storage.feeds.hasFlag(DEFAULT_SOURCES_FLAG)) return { loaded: false, sources: 0, feeds: 0 };
  const nowMs = clock.now().getTime();
  let feeds = 0;
  for (const source of defaults) {
    if ((await storage.sources.getSource(source.id)) === null) {
      await storage.sources.upsertSource({
        id: source.id,
        name: source.name,
        homepage: source.homepage,
        country: source.country,
        language: "ar",
      });
    }
    for (const url of source.feeds) {
      if ((await storage.feeds.addFeed({ url, sourceId: source.id }, nowMs)).created) feeds++;
    }
  }
  await storage.feeds.setFlagOnce(DEFAULT_SOURCES_FLAG, new Date(nowMs).toISOString());
  return { loaded: true, sources: defaults.length, feeds };
}
