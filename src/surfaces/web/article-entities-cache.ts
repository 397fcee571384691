/**
 * ArticleEntitiesCache: an original article's entities (stages/entities toArticleEntities), kept for the next story
 * or "في الأخبار" page that reads it again, across writes: an article's entities change only with its title, text
 * or outlet's name, which each lookup compares. Surface helper, in memory, no IO.
 */
import type { Entity } from "../../stages/entities/extract-entities.ts";
import { toArticleEntities } from "../../stages/entities/story-entities.ts";

/**
 * Articles whose entities are kept, least recently used dropped first. "في الأخبار" reads at most 40 originals of each
 * of its 30 stories (1,200 articles), a few outlet filters a few times that; an entry holds the article's title and
 * text as first read (a few KB; later reads are compared with them) and a few dozen entities, so 4,000 stay within
 * tens of MB.
 */
export const ARTICLE_ENTITIES_CACHE_ENTRIES = 4_000;

/** What an article's entities are read from. */
export interface EntityReadableArticle {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly publisher?: string;
}

interface Kept {
  title: string;
  text: string;
  publisher: string | undefined;
  entities: Entity[];
}

export class ArticleEntitiesCache {
  readonly #entries = new Map<string, Kept>();
  readonly #max: number;

  constructor(maxEntries: number = ARTICLE_ENTITIES_CACHE_ENTRIES) {
    this.#max = maxEntries;
  }

  /**
   * The article's entities: the kept ones when the same id came with the same title, text and publisher, else
   * computed and kept. The list is shared: callers must not mutate it.
   */
  entitiesOf(a: EntityReadableArticle): Entity[] {
    const kept = this.#entries.get(a.id);
    if (kept !== undefined) {
      this.#entries.delete(a.id);
      if (kept.title === a.title && kept.text === a.text && kept.publisher === a.publisher) {
        // Re-inserted: Map order is insertion order, so the oldest entry is the least recently used.
        this.#entries.set(a.id, kept);
        return kept.entities;
      }
    }
    const entities = toArticleEntities(a);
    this.#entries.set(a.id, { title: a.title, text: a.text, publisher: a.publisher, entities });
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    return entities;
  }

  get size(): number {
    return this.#entries.size;
  }
}
