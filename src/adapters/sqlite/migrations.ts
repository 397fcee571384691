/**
 * SQLite schema as numbered migrations, applied in order inside one transaction each.
 * Adapter (IO). Opening an older database upgrades it; a newer one than this code knows is refused.
 */
import type Database from "better-sqlite3";
import { AkhbarError } from "../../domain/errors.ts";
import { ANALYZER_VERSION } from "../../stages/arabic/analyze-text.ts";
import {
  ARTICLE_CONTAINMENTS_MIGRATION_SQL,
  HEADLINE_ARTICLE_BACKFILL_SQL,
  rankSourceCountSql,
} from "../story-row.ts";
import { writeTransaction } from "./write-transaction.ts";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Version 2, the crawler's state (see pipeline/crawl-feed.ts):
 * - `feeds`: one row per feed URL with its validators, health and schedule. Times the scheduler compares are
 *   epoch ms integers (`*_ms`); times people read are ISO text. `lease_until_ms` keeps one crawler from polling a
 *   feed another is polling; a crawler clears its own leases when it starts (DUR-06).
 * - `feed_items`: every entry a feed run accepted as new, keyed by (feed, entry key) and indexed by the
 *   canonical URL without scheme (`url_key`, as in `articles`). It is also the durable outbox: a run commits its
 *   new items as `pending` (entry JSON kept) together with the feed's new state, so a kill -9 either loses the
 *   whole run (the feed is still due) or leaves pending items the next run finishes (DUR-05).
 * - `crawl_hosts`: Retry-After pauses per host:port, so every feed on that host waits, across restarts (POL-03).
 * - `app_flags`: one-time actions done (loading the default sources), so a removed default stays removed.
 */
const FEEDS_MIGRATION_SQL = `
CREATE TABLE feeds (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  url TEXT NOT NULL UNIQUE,
  source_id TEXT NOT NULL REFERENCES sources(id),
  kind TEXT,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  body_hash TEXT,
  ignore_validators INTEGER NOT NULL DEFAULT 0,
  last_full_fetch_ms INTEGER,
  last_fetch_at TEXT,
  status TEXT NOT NULL DEFAULT 'pending',
  http_status INTEGER,
  new_items_last_run INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error TEXT,
  failure_score REAL NOT NULL DEFAULT 0,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  disabled_reason TEXT,
  next_poll_ms INTEGER NOT NULL,
  poll_interval_ms INTEGER NOT NULL,
  lease_until_ms INTEGER,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX feeds_due ON feeds (next_poll_ms) WHERE disabled_reason IS NULL;
CREATE INDEX feeds_source ON feeds (source_id);

CREATE TABLE feed_items (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  url_key TEXT NOT NULL,
  state TEXT NOT NULL,
  entry TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  article_id TEXT,
  outcome TEXT,
  error TEXT,
  first_seen_at TEXT NOT NULL,
  done_at TEXT,
  UNIQUE (feed_id, item_key)
) STRICT;

CREATE INDEX feed_items_url_key ON feed_items (url_key);
CREATE INDEX feed_items_pending ON feed_items (seq) WHERE state = 'pending';

CREATE TABLE crawl_hosts (
  host_key TEXT PRIMARY KEY,
  paused_until_ms INTEGER NOT NULL,
  reason TEXT NOT NULL
) STRICT;

CREATE TABLE app_flags (
  name TEXT PRIMARY KEY,
  set_at TEXT NOT NULL
) STRICT;
`;

/**
 * Version 3, stories (see pipeline/assign-stories.ts):
 * - `article_placements`: one row per placed article — copy group, `duplicate_of` (the group's original, NULL for
 *   originals), story, and the fingerprints (sorted uint32 shingles, 512-byte MinHash signature, both as
 *   little-endian blobs) so the near-duplicate window can be rebuilt without re-reading text. `time_ms` and
 *   `source_id` are copied from the article so story counts never join `articles`. Deleted with its article.
 * - `stories`: counts and times recomputed from the members on every write that touches the story.
 * - `story_aliases`: ids of stories the merge pass folded into another, so old links keep working.
 */
const STORIES_MIGRATION_SQL = `
CREATE TABLE article_placements (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  story_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  duplicate_of TEXT,
  time_ms INTEGER NOT NULL,
  source_id TEXT NOT NULL,
  shingles BLOB NOT NULL,
  signature BLOB NOT NULL
) STRICT;

CREATE INDEX article_placements_story ON article_placements (story_id, time_ms, article_id);
CREATE INDEX article_placements_group ON article_placements (group_id);
CREATE INDEX article_placements_time ON article_placements (time_ms, article_id);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  headline TEXT NOT NULL,
  article_count INTEGER NOT NULL,
  original_count INTEGER NOT NULL,
  sources TEXT NOT NULL,
  first_seen_ms INTEGER NOT NULL,
  last_update_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX stories_last_update ON stories (last_update_ms);

CREATE TABLE story_aliases (
  merged_id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL
) STRICT;

CREATE INDEX articles_time_id ON articles (time_ms, id);
`;

/**
 * Version 7, the analyzer version of the index (see pipeline/reindex-articles.ts): one row. `version` is the
 * analyzer (stages/arabic ANALYZER_VERSION) every article's index fields are known to come from; databases from
 * before versioning were analyzed by version 1, while a database with no article yet starts at the current version
 * (a store filled without openStorage, as benchmarks and tests do, must not be re-indexed by the next process). A
 * re-index to a newer analyzer commits batch by batch in seq order and records the target in `reindex_version` and
 * the last seq done in `reindex_after_seq`, so an interrupted one resumes there; when it finishes, `version` takes
 * the target.
 */
const ANALYZER_STATE_MIGRATION_SQL = `
CREATE TABLE search_analyzer (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  reindex_version INTEGER,
  reindex_after_seq INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO search_analyzer (id, version)
  VALUES (1, CASE WHEN EXISTS (SELECT 1 FROM articles) THEN 1 ELSE ${ANALYZER_VERSION} END);
`;

/** FTS5 'hashsize' of articles_fts: pending index terms kept in memory before a flush (see migration 6). */
export const FTS_HASH_SIZE_BYTES = 16 * 1024 * 1024;

/**
 * The members of copy groups of two or more, keyed by seq (the FTS5 rowid), kept by triggers on article_placements
 * whatever writes them: a group touched by a write is listed again from its placements. A folded search
 * (SearchQuery.foldCopies) looks each match up by integer key, where a placement is keyed by article id and needs the
 * article row first, and counts distinct groups over these rows only (an article not here is a group of its own).
 * Measured on the dev store with stories: one word's 4,751 matches took 18.5 ms (wall, load 14) to join to their
 * placements through their rows against 0.3 ms for the FTS5 count; counting groups here takes 0.64 ms CPU per search
 * on average over the 60 bench queries (1,446 matches each on average) against 0.22 ms for main's FTS5 count.
 */
const ARTICLE_GROUPS_MIGRATION_SQL = `CREATE TABLE article_groups (
  seq INTEGER PRIMARY KEY,
  group_id TEXT NOT NULL
) STRICT;
CREATE INDEX article_groups_group ON article_groups (group_id, seq);
INSERT INTO article_groups (seq, group_id)
  SELECT a.seq, p.group_id FROM article_placements p JOIN articles a ON a.id = p.article_id
  WHERE p.group_id IN (SELECT group_id FROM article_placements GROUP BY group_id HAVING count(*) > 1);
CREATE TRIGGER article_groups_insert AFTER INSERT ON article_placements BEGIN
  DELETE FROM article_groups WHERE group_id = NEW.group_id;
  INSERT OR REPLACE INTO article_groups (seq, group_id)
    SELECT a.seq, p.group_id FROM article_placements p JOIN articles a ON a.id = p.article_id
    WHERE p.group_id = NEW.group_id AND (SELECT count(*) FROM article_placements WHERE group_id = NEW.group_id) > 1;
END;
CREATE TRIGGER article_groups_update AFTER UPDATE OF article_id, group_id ON article_placements
  WHEN OLD.group_id IS NOT NEW.group_id OR OLD.article_id IS NOT NEW.article_id BEGIN
  DELETE FROM article_groups WHERE group_id = OLD.group_id;
  INSERT OR REPLACE INTO article_groups (seq, group_id)
    SELECT a.seq, p.group_id FROM article_placements p JOIN articles a ON a.id = p.article_id
    WHERE p.group_id = OLD.group_id AND (SELECT count(*) FROM article_placements WHERE group_id = OLD.group_id) > 1;
  DELETE FROM article_groups WHERE group_id = NEW.group_id;
  INSERT OR REPLACE INTO article_groups (seq, group_id)
    SELECT a.seq, p.group_id FROM article_placements p JOIN articles a ON a.id = p.article_id
    WHERE p.group_id = NEW.group_id AND (SELECT count(*) FROM article_placements WHERE group_id = NEW.group_id) > 1;
END;
CREATE TRIGGER article_groups_delete AFTER DELETE ON article_placements BEGIN
  DELETE FROM article_groups WHERE group_id = OLD.group_id;
  INSERT OR REPLACE INTO article_groups (seq, group_id)
    SELECT a.seq, p.group_id FROM article_placements p JOIN articles a ON a.id = p.article_id
    WHERE p.group_id = OLD.group_id AND (SELECT count(*) FROM article_placements WHERE group_id = OLD.group_id) > 1;
END;
CREATE TRIGGER article_groups_article_delete AFTER DELETE ON articles BEGIN
  DELETE FROM article_groups WHERE seq = OLD.seq;
END;`;

/**
 * Ordered, append-only: never edit a released entry, add a new one.
 *
 * Design notes for version 1:
 * - `articles.seq` is the rowid (AUTOINCREMENT: never reused, so export/replay by seq is monotonic even after
 *   deletes) and the rowid of `articles_fts`; `id` is the draft's stable id, UNIQUE.
 * - `url_key` is the canonical URL without its scheme: http and https copies of one page are one article.
 * - `time_ms` is published_at, else fetched_at, in epoch ms (offset-less ISO times read as UTC): the one
 *   column that time filters, recency ranking and per-source "last article" use.
 * - `index_digest` fingerprints the analyzed index fields, so re-writing an article after an analyzer change
 *   re-indexes it (`updated`) instead of reporting `unchanged`.
 * - `sources.article_count` is kept by triggers, so listing sources never counts rows.
 * - `articles_fts` is contentless: the index fields are already analyzed by stages/arabic and only ever
 *   searched, never shown. unicode61 only splits the analyzer's space-joined tokens.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "articles, sources, tombstones, fts",
    sql: `
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  homepage TEXT,
  country TEXT,
  language TEXT NOT NULL,
  created_at TEXT NOT NULL,
  article_count INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  canonical_url TEXT NOT NULL,
  url_key TEXT NOT NULL UNIQUE,
  source_id TEXT NOT NULL REFERENCES sources(id),
  cited_source TEXT,
  title TEXT NOT NULL,
  published_at TEXT,
  fetched_at TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT,
  byline TEXT,
  image_url TEXT,
  content_hash TEXT NOT NULL,
  extra TEXT NOT NULL,
  index_digest TEXT NOT NULL,
  stored_at TEXT NOT NULL
) STRICT;

CREATE INDEX articles_source_hash ON articles (source_id, content_hash);
CREATE INDEX articles_time ON articles (time_ms);
CREATE INDEX articles_source_time ON articles (source_id, time_ms);

CREATE TABLE tombstones (
  id TEXT NOT NULL,
  url_key TEXT NOT NULL,
  source_id TEXT NOT NULL,
  content_hash TEXT,
  reason TEXT NOT NULL,
  deleted_at TEXT NOT NULL
) STRICT;

CREATE INDEX tombstones_id ON tombstones (id);
CREATE INDEX tombstones_url_key ON tombstones (url_key);
CREATE INDEX tombstones_source_hash ON tombstones (source_id, content_hash);

CREATE TRIGGER articles_count_insert AFTER INSERT ON articles BEGIN
  UPDATE sources SET article_count = article_count + 1 WHERE id = NEW.source_id;
END;
CREATE TRIGGER articles_count_delete AFTER DELETE ON articles BEGIN
  UPDATE sources SET article_count = article_count - 1 WHERE id = OLD.source_id;
END;
CREATE TRIGGER articles_count_move AFTER UPDATE OF source_id ON articles
WHEN NEW.source_id IS NOT OLD.source_id BEGIN
  UPDATE sources SET article_count = article_count - 1 WHERE id = OLD.source_id;
  UPDATE sources SET article_count = article_count + 1 WHERE id = NEW.source_id;
END;

-- The columns hold the Arabic analyzer's output: lower-case tokens joined by single spaces, never raw text.
-- So the tokenizer only has to split on spaces: 'ascii' does (it treats every non-ASCII code point as a
-- token character) and indexes about 1.7x faster than 'unicode61' on this input (measured on the dev corpus).
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, surface,
  content = '', contentless_delete = 1,
  tokenize = 'ascii'
);
`,
  },
  {
    version: 2,
    name: "feeds",
    sql: FEEDS_MIGRATION_SQL,
  },
  {
    version: 3,
    name: "stories",
    sql: STORIES_MIGRATION_SQL,
  },
  {
    version: 4,
    name: "drop redundant time index",
    // articles_time_id (time_ms, id), added for stories, serves every lookup articles_time (time_ms) served;
    // one index fewer to maintain on every article insert, the import's bottleneck.
    sql: "DROP INDEX IF EXISTS articles_time;",
  },
  {
    version: 5,
    name: "covering indexes for reader lookups",
    // A placement row carries its fingerprints (about 1.4 KB on the dev corpus), so each row fills most of a page:
    // a story's members or a hundred articles' placements cost a page read per row, a quarter of a home page and a
    // sixth of an article page. Indexes holding the placed columns (PLACED_COLUMNS) answer those reads alone; the
    // story one replaces article_placements_story, whose columns it starts with.
    sql: `
CREATE INDEX article_placements_story_placed
  ON article_placements (story_id, time_ms, article_id, group_id, duplicate_of, source_id);
DROP INDEX article_placements_story;
CREATE INDEX article_placements_placed
  ON article_placements (article_id, story_id, group_id, duplicate_of, time_ms, source_id);
-- A search joins each FTS5 match (a seq) to its article for the time and source filters and the id: through the
-- table that is a wide row (text and HTML) per match; through this index a few dozen bytes, appended in seq order.
CREATE INDEX articles_seq_keys ON articles (seq, time_ms, source_id, id);
`,
  },
  {
    version: 6,
    name: "fts pending terms held per batch",
    // FTS5 writes its pending terms as a new segment whenever they pass 'hashsize' (1 MiB by default). One import
    // batch (500 dev articles, ~1.5 MB of index text) passed it mid-batch, so each batch became several small
    // segments that automerge then rewrote. At FTS_HASH_SIZE_BYTES a batch reaches disk once, at commit: 30% fewer
    // sqlite3_step instructions writing 4,000 dev articles (callgrind). Peak memory of a writer grows by at most
    // this much, and only while a transaction has pending terms.
    sql: `INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', ${FTS_HASH_SIZE_BYTES});`,
  },
  {
    version: 7,
    name: "analyzer version of the search index",
    sql: ANALYZER_STATE_MIGRATION_SQL,
  },
  {
    version: 8,
    name: "story headline article",
    // The member whose title is the story's headline, so a story shows that article's lead under it (not the
    // earliest original's, which may report another angle). Stored stories take the earliest member whose title is
    // their headline; where none is (a wire mark was stripped from it) it stays null and readers fall back to the
    // earliest original until the story is next described.
    sql: `ALTER TABLE stories ADD COLUMN headline_article_id TEXT;
UPDATE stories SET headline_article_id = (${HEADLINE_ARTICLE_BACKFILL_SQL});`,
  },
  {
    version: 9,
    name: "article containments",
    // One text inside another that starts otherwise (a roundup carrying an item): found by the floor but no
    // copy, so the two keep their copy groups (domain/story.ts ArticleContainment). Stores placed before this version
    // have none until their articles are placed again (akhbar recluster).
    sql: ARTICLE_CONTAINMENTS_MIGRATION_SQL,
  },
  {
    version: 10,
    name: "story state",
    // A count of placement writes, so a process's story stream learns that another process (serve --crawl beside
    // an import) placed or cleared since its own last write (SqliteStoryStore.withAssignmentLock), as PostgreSQL's
    // story_state.version does.
    sql: `CREATE TABLE story_state (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO story_state (singleton, version) VALUES (1, 0);`,
  },
  {
    version: 11,
    name: "stream snapshots",
    // The story stream's carry-over statistics at points of the stream (domain/story.ts StreamSnapshot), so a
    // restarted process's rebuilt stream weighs terms and merges as one fold does (pipeline/assign-stories.ts).
    // Stores migrated from an earlier version have none until their stream crosses a day (or akhbar recluster).
    sql: `CREATE TABLE stream_snapshots (
  time_ms INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (time_ms, article_id)
) STRICT;`,
  },
  {
    version: 12,
    name: "late copies",
    // A copy placed in its original's story after that story had been idle past the story window (domain/story.ts
    // ArticlePlacement.late): counted in the story but not in its last update. Stored placements are none.
    sql: "ALTER TABLE article_placements ADD COLUMN late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1));",
  },
  {
    version: 13,
    name: "rank source count",
    // StoryRank.sourceCount: the outlets of a story's members that are not late copies (story-row.ts
    // rankSourceCountSql), kept with the story so the home page ranks without reading members.
    sql: `ALTER TABLE stories ADD COLUMN rank_source_count INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET rank_source_count = ${rankSourceCountSql("json_array_length(sources)")};`,
  },
  {
    version: 14,
    name: "article groups by seq",
    sql: ARTICLE_GROUPS_MIGRATION_SQL,
  },
  {
    version: 15,
    name: "articles without text",
    // Search scales down articles without text (search-policy.ts ARTICLE_TEXT_CHARS_MIN, whose value this predicate
    // must repeat) through one lookup of this set per query: a few hundred rows, where testing length(text) on every
    // candidate reads each one's wide row.
    sql: "CREATE INDEX articles_textless ON articles (seq) WHERE length(text) < 60;",
  },
  {
    version: 16,
    name: "rank members by time",
    // The home page ranks stories by their members' own times (rank-stories.ts), reading the placements of the last
    // days (StoryStore.listRankMembers): this index holds every column that read asks for, so it never reads a
    // placement's row, whose fingerprints make it wide (the time index alone left 3,640 rows 30-70 ms on the dev
    // corpus).
    sql: "CREATE INDEX article_placements_rank ON article_placements (time_ms, story_id, source_id, late);",
  },
  {
    version: 17,
    name: "drop rank source count",
    // Migration 13's column: the home page stopped ranking by lifetime counts when it began ranking its members'
    // own times (migration 16), and nothing read the column after, though every story recount still wrote it.
    sql: "ALTER TABLE stories DROP COLUMN rank_source_count;",
  },
  {
    version: 18,
    name: "tombstone text digests",
    // A tombstone's content hash is the analyzer's of its time: after an analyzer change, a deleted article re-posted
    // at another URL hashed otherwise and came back. Its text digest (stages/dedupe textDigest) is analyzer-free, so it
    // keeps matching without the tombstone keeping any text. Tombstones written before have none (no text to take it
    // from) and keep what they have.
    sql: `ALTER TABLE tombstones ADD COLUMN text_digest TEXT;
CREATE INDEX tombstones_source_digest ON tombstones (source_id, text_digest);`,
  },
];

/**
 * Brings `db` to the latest schema version. Each migration and its `schema_migrations` row commit together,
 * so a crash leaves the database at a whole version. Each step reads the version inside its write transaction
 * (IMMEDIATE: the lock is taken at BEGIN), so processes opening one new file at once take turns and apply each
 * migration once; reading it first, two of them both saw version 0 and the second failed on migration 1's tables.
 * An up-to-date file is only read: another process may hold the write lock for a long import batch.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const latest = migrations.at(-1)?.version ?? 0;
  // Read without the lock first: an up-to-date file, or one too new, needs no write transaction (which would wait
  // out another process's import batch before saying so).
  const seen = schemaVersion(db) ?? 0;
  if (seen === latest) return latest;
  refuseNewer(seen, latest);
  const step = writeTransaction(db, (): boolean => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`);
    const current = schemaVersion(db) ?? 0;
    refuseNewer(current, latest);
    const next = migrations.find((m) => m.version > current);
    if (next === undefined) return false;
    db.exec(next.sql);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
      next.version,
      next.name,
      new Date().toISOString(),
    );
    return true;
  });
  while (step()) {}
  return latest;
}

function refuseNewer(current: number, latest: number): void {
  if (current <= latest) return;
  throw new AkhbarError(
    "store.schema_too_new",
    `store: database schema version ${current} is newer than this akhbar (${latest}); upgrade akhbar`,
    { current, latest },
  );
}

/** The newest migration applied to `db`: 0 when none is, null before the version table exists. */
function schemaVersion(db: Database.Database): number | null {
  const table = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get() as { n: number };
  if (table.n === 0) return null;
  const row = db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}
