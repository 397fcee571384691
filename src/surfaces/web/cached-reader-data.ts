/**
 * CachedReaderData: a ReaderData decorator that keeps each answer until the store's change mark moves (any write,
 * by this process or another), so repeated page views reuse ranked top stories, story coverage and related lists.
 * Surface code: holds state in the process, reads only the change mark and the wrapped ReaderData.
 */
import type {
  ReaderCapabilities,
  ReaderData,
  RelatedArticles,
  RelatedOptions,
  StoryDetail,
  StoryEntities,
  StorySummary,
  TopStoriesPage,
  TopStoriesQuery,
} from "./reader-data.ts";

/**
 * Answers kept at once; the least recently used go first. A related-lists answer is about 3 KB, a big story's
 * coverage tens of KB, so 2,000 entries stay within a few tens of MB even when every one is a big story.
 */
export const READER_CACHE_ENTRIES = 2_000;

/**
 * Wraps `inner`; `changeMark` is Storage.changeMark. Every call reads the mark first and drops every cached answer
 * when it differs from the last one seen, so no answer outlives the data it was computed from. Concurrent calls for
 * the same key share one computation; a failed computation is not kept. Answers are shared: callers must not
 * mutate them.
 */
export class CachedReaderData implements ReaderData {
  readonly capabilities: ReaderCapabilities;
  readonly #inner: ReaderData;
  readonly #changeMark: () => Promise<string>;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, Promise<unknown>>();
  #mark: string | null = null;

  constructor(inner: ReaderData, changeMark: () => Promise<string>, maxEntries = READER_CACHE_ENTRIES) {
    this.capabilities = inner.capabilities;
    this.#inner = inner;
    this.#changeMark = changeMark;
    this.#maxEntries = maxEntries;
  }

  topStories(query: TopStoriesQuery): Promise<TopStoriesPage> {
    const key = JSON.stringify([
      "top",
      query.sources,
      query.limit,
      query.offset,
      query.sinceMs ?? null,
      query.untilMs ?? null,
    ]);
    return this.#cached(key, () => this.#inner.topStories(query));
  }

  story(id: string): Promise<StoryDetail | null> {
    return this.#cached(JSON.stringify(["story", id]), () => this.#inner.story(id));
  }

  storyEntities(id: string): Promise<StoryEntities | null> {
    return this.#cached(JSON.stringify(["entities", id]), () => this.#inner.storyEntities(id));
  }

  storyOfArticle(articleId: string): Promise<StorySummary | null> {
    return this.#cached(JSON.stringify(["of", articleId]), () => this.#inner.storyOfArticle(articleId));
  }

  related(articleId: string, options?: RelatedOptions): Promise<RelatedArticles> {
    const sameStory = options?.sameStory !== false;
    const sameStoryMax = options?.sameStoryMax;
    return this.#cached(JSON.stringify(["related", articleId, sameStory, sameStoryMax ?? null]), () =>
      this.#inner.related(articleId, { sameStory, ...(sameStoryMax === undefined ? {} : { sameStoryMax }) }),
    );
  }

  async #cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const mark = await this.#changeMark();
    if (mark !== this.#mark) {
      this.#entries.clear();
      this.#mark = mark;
    }
    const hit = this.#entries.get(key) as Promise<T> | undefined;
    if (hit !== undefined) {
      // Re-insert so Map order is least recently used first.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const answer = compute();
    this.#entries.set(key, answer);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    answer.catch(() => {
      if (this.#entries.get(key) === answer) this.#entries.delete(key);
    });
    return answer;
  }
}
