/**
 * Storage: the set of ports one storage backend provides, opened and closed together.
 * Interface only; main.ts picks the adapter (SQLite by default).
 */
import type { ArticleStore } from "./article-store.ts";
import type { FeedStore } from "./feed-store.ts";
import type { SearchIndex } from "./search-index.ts";
import type { SourceStore } from "./source-store.ts";
import type { StoryStore } from "./story-store.ts";

export interface Storage {
  articles: ArticleStore;
  sources: SourceStore;
  feeds: FeedStore;
  search: SearchIndex;
  /** Placements and stories; absent on a backend that has no story tables yet (surfaces then say so). */
  stories?: StoryStore;
  /**
   * A token that differs from the last one read whenever a write may have been committed since, by this process or
   * any other; readers key caches of derived data on it. Absent when the backend cannot tell cheaply: then nothing
   * derived is cached.
   */
  changeMark?(): Promise<string>;
  close(): Promise<void>;
}
