/**
 * Opens (creating and migrating as needed) one SQLite database file as akhbar's Storage.
 * Adapter (IO): the composition root calls this; stages never see better-sqlite3.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { AkhbarError } from "../../domain/errors.ts";
import { type Clock, systemClock } from "../../ports/clock.ts";
import type { Storage } from "../../ports/storage.ts";
import { applyMigrations } from "./migrations.ts";
import { SqliteArticleStore } from "./sqlite-article-store.ts";
import { SqliteFeedStore } from "./sqlite-feed-store.ts";
import { SqliteSearchIndex } from "./sqlite-search-index.ts";
import { SqliteSourceStore } from "./sqlite-source-store.ts";
import { SqliteStoryStore } from "./sqlite-story-store.ts";

/** How long a writer waits for another connection's lock before failing: covers a long import batch. */
const BUSY_TIMEOUT_MS = 5_000;
/** Page cache per connection, in KiB (negative pragma value): 64 MiB keeps a ~100k-article FTS index hot. */
const CACHE_SIZE_KIB = 65_536;
/**
 * Bytes of the file read through a memory map instead of read() calls: a reader page's index lookups touch pages all
 * over a file larger than the page cache, and each was a system call and a copy (a fifth of a cold search's time on
 * the dev corpus). 1 GiB of address space, not memory: untouched pages cost nothing; larger files read the rest.
 */
const MMAP_SIZE_BYTES = 1_073_741_824;

/**
 * Where SQLite keeps temporary data, statement journals above all (the pages a statement changes inside a
 * transaction, kept so it can roll back alone): past SQLite's 64 KiB spill they went to files in /var/tmp, one write()
 * per page and one per page number, 655,000 of the dev-corpus import's 1,019,000 write calls (strace, --no-stories;
 * 363,000 with this; sys time 2.5-2.7 -> 2.0-2.3 s). Everything else temporary is held in memory too: the search
 * facets' materialized CTE, sorts for GROUP BY and ORDER BY, and a migration's statement journal (the schema-8
 * backfill rewrites every story row in one statement). Each is bounded by one statement's result or changed pages;
 * akhbar runs no VACUUM, which would build its whole copy in memory.
 */
const TEMP_STORE = "MEMORY";

export interface SqliteStorageOptions {
  clock?: Clock;
  readonly?: boolean;
}

export interface SqliteStorage extends Storage {
  articles: SqliteArticleStore;
  sources: SqliteSourceStore;
  feeds: SqliteFeedStore;
  search: SqliteSearchIndex;
  stories: SqliteStoryStore;
  changeMark(): Promise<string>;
  /** The underlying connection, for maintenance tools and tests; not part of the Storage port. */
  readonly db: Database.Database;
}

/**
 * Opens `path`, creating its parent directory and the file when missing, and upgrades the schema.
 * WAL journal with synchronous=NORMAL: a crash loses at most the last committed transactions, never
 * consistency, and readers never block the writer.
 */
export async function openSqliteStorage(
  path: string,
  opts: SqliteStorageOptions = {},
): Promise<SqliteStorage> {
  const clock = opts.clock ?? systemClock;
  let db: Database.Database;
  try {
    if (opts.readonly !== true) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { readonly: opts.readonly === true });
  } catch (err) {
    throw new AkhbarError(
      "store.open_failed",
      `store: cannot open SQLite database ${path}`,
      { path },
      { cause: err },
    );
  }
  try {
    if (opts.readonly !== true) db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma("foreign_keys = ON");
    db.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
    db.pragma(`mmap_size = ${MMAP_SIZE_BYTES}`);
    db.pragma(`temp_store = ${TEMP_STORE}`);
    // Zeroes what a b-tree write frees in place (a deleted cell, the old copy a page split leaves behind) without
    // extra I/O, so a takedown's text is not left on a page it shared with other rows (deleteArticle, which also
    // zeroes the pages it frees).
    db.pragma("secure_delete = FAST");
    if (opts.readonly !== true) applyMigrations(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const articles = new SqliteArticleStore(db, clock);
  const sources = new SqliteSourceStore(db, clock);
  const search = new SqliteSearchIndex(db);
  const feeds = new SqliteFeedStore(db);
  const stories = new SqliteStoryStore(db);
  // data_version moves when another connection commits; total_changes() counts this connection's own writes.
  const changeMark = db.prepare<[], { v: number; n: number }>(
    "SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS n",
  );
  return {
    articles,
    sources,
    feeds,
    search,
    stories,
    db,
    async changeMark() {
      const { v, n } = changeMark.get() ?? { v: 0, n: 0 };
      return `${v}:${n}`;
    },
    async close() {
      if (!db.open) return;
      // Folds the WAL back into the main file so the database is one file again after a clean shutdown.
      if (!db.readonly) db.pragma("wal_checkpoint(TRUNCATE)");
      db.close();
    },
  };
}
