/**
 * Storage: the set of ports one storage backend provides, opened and closed together.
 * Interface only; main.ts picks the adapter (SQLite by default).
 */
import type { ArticleStore } from "./article-store.ts";
import type { FeedStore } from "./feed-store.ts";
import type { SearchIndex } from "./search-index.ts";
import type { SourceStore } from "./source-store.ts";

export interface Storage {
  articles: ArticleStore;
  sources: SourceStore;
  feeds: FeedStore;
  search: SearchIndex;
  close(): Promise<void>;
}
