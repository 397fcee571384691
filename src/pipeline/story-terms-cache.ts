/**
 * StoryTermsCache: an article's analyzed vector terms (stages/stories toVectorTerms, the term frequencies of its story
 * terms), kept for the next related-list build that pools it again. Pipeline helper, in memory, no IO.
 */
import { toVectorTerms, type VectorTerms } from "../stages/stories/story-vector.ts";

/**
 * Articles whose terms are kept, least recently used dropped first. A neighbour sits in the pools of many anchors
 * of its days, so a reader's views reuse most of them; 4,000 dev-corpus articles' vector terms (at most 150 body words
 * each) take 24 MB of heap (their whole story terms took 32 MB).
 */
export const STORY_TERMS_CACHE_ENTRIES = 4000;

/** What the terms are computed from; `contentHash` covers title and body, so an edited article misses. */
export interface AnalyzableArticle {
  readonly id: string;
  readonly contentHash: string;
  readonly title: string;
  readonly text: string;
}

export class StoryTermsCache {
  readonly #entries = new Map<string, VectorTerms>();
  readonly #max: number;

  constructor(maxEntries: number = STORY_TERMS_CACHE_ENTRIES) {
    this.#max = maxEntries;
  }

  /** The article's vector terms: the kept ones when its id and content hash were seen, else computed and kept. */
  termsOf(a: AnalyzableArticle): VectorTerms {
    const key = `${a.id}\u0000${a.contentHash}`;
    const kept = this.#entries.get(key);
    if (kept !== undefined) {
      // Re-inserted: Map order is insertion order, so the oldest entry is the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      return kept;
    }
    const terms = toVectorTerms(a.title, a.text);
    this.#entries.set(key, terms);
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    return terms;
  }

  get size(): number {
    return this.#entries.size;
  }
}
