/**
 * TopEntitiesCache: "في الأخبار" answers (top-entities.ts topEntities) kept per outlet filter, reused while the store
 * is unchanged and for TOP_ENTITIES_MAX_AGE_MS after it changed, so a crawl writing every few seconds does not make
 * every view recompute 30 stories' entities. Surface code: holds state in the process, reads the change mark.
 */
import type { ReaderData } from "./reader-data.ts";
import { TOP_ENTITIES_PER_KIND, type TopEntity, topEntities } from "./top-entities.ts";

/**
 * The policy: a "في الأخبار" page shows the store as it was at most this long ago (counted from when its answer began
 * to be computed). The page ranks stories by a 72-hour window's coverage, so half a minute changes little of it;
 * without a bound, a crawl's writes (one every few seconds) left every view uncached.
 */
export const TOP_ENTITIES_MAX_AGE_MS = 30_000;

/** Filters kept at once (one per outlet or country asked for), least recently used dropped first. */
export const TOP_ENTITIES_CACHE_ENTRIES = 200;

export type TopEntitiesAnswer = { storiesRead: number; entities: TopEntity[] };

interface Kept {
  /** The store's change mark when the computation began; null when the store has none. */
  mark: string | null;
  startedMs: number;
  answer: Promise<TopEntitiesAnswer>;
}

export class TopEntitiesCache {
  readonly #reader: ReaderData;
  readonly #changeMark: (() => Promise<string>) | undefined;
  readonly #maxAgeMs: number;
  readonly #nowMs: () => number;
  readonly #entries = new Map<string, Kept>();

  /**
   * `changeMark` is Storage.changeMark (absent: every answer lives `maxAgeMs`); `nowMs` the clock ages are read on.
   */
  constructor(
    reader: ReaderData,
    changeMark: (() => Promise<string>) | undefined,
    options: { maxAgeMs?: number; nowMs?: () => number } = {},
  ) {
    this.#reader = reader;
    this.#changeMark = changeMark;
    this.#maxAgeMs = options.maxAgeMs ?? TOP_ENTITIES_MAX_AGE_MS;
    this.#nowMs = options.nowMs ?? Date.now;
  }

  /**
   * topEntities(reader, sources, perKind): the kept answer when the store's change mark has not moved since it was
   * computed, or it is younger than the max age; else computed again. Concurrent calls share one computation; a
   * failed one is not kept. Answers are shared: callers must not mutate them.
   */
  async topEntities(sources: readonly string[], perKind = TOP_ENTITIES_PER_KIND): Promise<TopEntitiesAnswer> {
    const key = JSON.stringify([sources, perKind]);
    const mark = this.#changeMark === undefined ? null : await this.#changeMark();
    const now = this.#nowMs();
    const kept = this.#entries.get(key);
    if (kept !== undefined) {
      this.#entries.delete(key);
      if ((mark !== null && kept.mark === mark) || now - kept.startedMs < this.#maxAgeMs) {
        // Re-inserted: Map order is insertion order, so the oldest entry is the least recently used.
        this.#entries.set(key, kept);
        return kept.answer;
      }
    }
    const entry: Kept = {
      mark,
      startedMs: now,
      answer: topEntities(this.#reader, sources, undefined, perKind),
    };
    this.#entries.set(key, entry);
    if (this.#entries.size > TOP_ENTITIES_CACHE_ENTRIES) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    entry.answer.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return entry.answer;
  }

  /**
   * Drops every kept answer: for a change this process makes that must show at once, not within the max age (an
   * article deleted from the admin; a takedown's headline must not stay listed for half a minute).
   */
  clear(): void {
    this.#entries.clear();
  }
}
