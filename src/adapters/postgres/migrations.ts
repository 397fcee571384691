/**
 * PostgreSQL schema as numbered migrations (the same versions as adapters/sqlite/migrations.ts), each applied in
 * its own transaction under an advisory lock. Adapter (IO). A newer schema than this code knows is refused.
 */
import type pg from "pg";
import { AkhbarError } from "../../domain/errors.ts";
import { ANALYZER_VERSION } from "../../stages/arabic/analyze-text.ts";
import {
  ARTICLE_CONTAINMENTS_MIGRATION_SQL,
  HEADLINE_ARTICLE_BACKFILL_SQL,
  rankSourceCountSql,
} from "../story-row.ts";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Key of the session-independent advisory lock held while migrating, so several workers starting together on one
 * database apply each migration once. Any constant works; this one is "akhbar" in ASCII.
 */
const MIGRATION_LOCK_KEY = 0x616b68626172;

/**
 * Design notes for version 1 (column meanings as in the SQLite migration 1):
 * - `articles.seq` comes from a sequence (never reused); the store draws a batch's numbers itself so they follow
 *   batch order. With concurrent writers seq order is draw order, not commit order.
 * - `url_key` is unique through md5(url_key): a btree entry is limited to ~2.7 kB, and percent-encoded Arabic
 *   URLs get long. Lookups use `md5(url_key) = … AND url_key = …`.
 * - `extra` is `json` (kept byte-exact, unlike jsonb), so re-writing an unchanged article compares equal.
 * - `sources.article_count` is kept by statement-level triggers (moved to striped rows by version 5).
 * - `article_search` holds the index fields as one tsvector (build-doc-vector.ts) with the filter columns beside
 *   it: a narrow table, so counting and ranking matches never read article text. Its GIN index answers every
 *   query without recheck unless the query has phrases (positions) or title weights (only on ranked candidates).
 */
const CORE_MIGRATION_SQL = `
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  homepage TEXT,
  country TEXT,
  language TEXT NOT NULL,
  created_at TEXT NOT NULL,
  article_count BIGINT NOT NULL DEFAULT 0
);

CREATE SEQUENCE articles_seq;

CREATE TABLE articles (
  seq BIGINT PRIMARY KEY DEFAULT nextval('articles_seq'),
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  canonical_url TEXT NOT NULL,
  url_key TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources(id),
  cited_source TEXT,
  title TEXT NOT NULL,
  published_at TEXT,
  fetched_at TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT,
  byline TEXT,
  image_url TEXT,
  content_hash TEXT NOT NULL,
  extra JSON NOT NULL,
  index_digest TEXT NOT NULL,
  stored_at TEXT NOT NULL
);
ALTER SEQUENCE articles_seq OWNED BY articles.seq;

CREATE UNIQUE INDEX articles_url_key ON articles (md5(url_key));
CREATE INDEX articles_source_hash ON articles (source_id, content_hash);
CREATE INDEX articles_time ON articles (time_ms, seq);
CREATE INDEX articles_source_time ON articles (source_id, time_ms, seq);

CREATE TABLE tombstones (
  id TEXT NOT NULL,
  url_key TEXT NOT NULL,
  source_id TEXT NOT NULL,
  content_hash TEXT,
  reason TEXT NOT NULL,
  deleted_at TEXT NOT NULL
);

CREATE INDEX tombstones_id ON tombstones (id);
CREATE INDEX tombstones_url_key ON tombstones (md5(url_key));
CREATE INDEX tombstones_source_hash ON tombstones (source_id, content_hash);

CREATE TABLE article_search (
  seq BIGINT PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  title TSVECTOR NOT NULL,
  doc TSVECTOR NOT NULL
);
-- Uncompressed out-of-line: ranking reads every candidate's doc, and skipping pglz decompression halved ts_rank
-- time over 2000 candidates on the dev corpus (7.5 kB per doc, 25% more disk).
ALTER TABLE article_search ALTER COLUMN doc SET STORAGE EXTERNAL;

CREATE INDEX article_search_doc ON article_search USING gin (doc);

CREATE FUNCTION articles_count_insert() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE sources s SET article_count = s.article_count + d.n
  FROM (SELECT source_id, count(*) AS n FROM new_rows GROUP BY source_id) d WHERE s.id = d.source_id;
  RETURN NULL;
END $$;

CREATE FUNCTION articles_count_delete() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE sources s SET article_count = s.article_count - d.n
  FROM (SELECT source_id, count(*) AS n FROM old_rows GROUP BY source_id) d WHERE s.id = d.source_id;
  RETURN NULL;
END $$;

CREATE FUNCTION articles_count_move() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE sources s SET article_count = s.article_count + d.n
  FROM (
    SELECT source_id, sum(n) AS n FROM (
      SELECT o.source_id, -1 AS n FROM old_rows o JOIN new_rows w ON w.seq = o.seq WHERE w.source_id <> o.source_id
      UNION ALL
      SELECT w.source_id, 1 AS n FROM old_rows o JOIN new_rows w ON w.seq = o.seq WHERE w.source_id <> o.source_id
    ) moves GROUP BY source_id
  ) d WHERE s.id = d.source_id;
  RETURN NULL;
END $$;

CREATE TRIGGER articles_count_insert AFTER INSERT ON articles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_count_insert();
CREATE TRIGGER articles_count_delete AFTER DELETE ON articles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_count_delete();
CREATE TRIGGER articles_count_move AFTER UPDATE ON articles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_count_move();
`;

/**
 * Version 2, the crawler's state, as SQLite's version 2 (see its notes): epoch-ms columns are BIGINT, flags
 * BOOLEAN; `feed_items.url_key` is indexed through md5 for the same reason as `articles.url_key`.
 */
const FEEDS_MIGRATION_SQL = `
CREATE TABLE feeds (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  url TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources(id),
  kind TEXT,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  body_hash TEXT,
  ignore_validators BOOLEAN NOT NULL DEFAULT false,
  last_full_fetch_ms BIGINT,
  last_fetch_at TEXT,
  status TEXT NOT NULL DEFAULT 'pending',
  http_status INTEGER,
  new_items_last_run INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error TEXT,
  failure_score DOUBLE PRECISION NOT NULL DEFAULT 0,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  disabled_reason TEXT,
  next_poll_ms BIGINT NOT NULL,
  poll_interval_ms BIGINT NOT NULL,
  lease_until_ms BIGINT,
  created_at TEXT NOT NULL
);

CREATE UNIQUE INDEX feeds_url ON feeds (md5(url));
CREATE INDEX feeds_due ON feeds (next_poll_ms) WHERE disabled_reason IS NULL;
CREATE INDEX feeds_source ON feeds (source_id);

CREATE TABLE feed_items (
  seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  feed_id BIGINT NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  url_key TEXT NOT NULL,
  state TEXT NOT NULL,
  entry JSON,
  attempts INTEGER NOT NULL DEFAULT 0,
  article_id TEXT,
  outcome TEXT,
  error TEXT,
  first_seen_at TEXT NOT NULL,
  done_at TEXT
);

CREATE UNIQUE INDEX feed_items_key ON feed_items (feed_id, md5(item_key));
CREATE INDEX feed_items_url_key ON feed_items (md5(url_key));
CREATE INDEX feed_items_pending ON feed_items (seq) WHERE state = 'pending';

CREATE TABLE crawl_hosts (
  host_key TEXT PRIMARY KEY,
  paused_until_ms BIGINT NOT NULL,
  reason TEXT NOT NULL
);

CREATE TABLE app_flags (
  name TEXT PRIMARY KEY,
  set_at TEXT NOT NULL
);
`;

/**
 * Version 3, stories, as SQLite's version 3 (see its notes): fingerprints are BYTEA (the same little-endian blobs),
 * a story's publishers a TEXT[]. Ids keep the database's collation, so they join `articles.id` through its index;
 * orders by id say COLLATE "C" (code point order, as SQLite and the stories stage's (time, id) order), and so do
 * the indexes that serve them. One addition for several processes assigning at once: `story_state.version` goes
 * up with every placement write and every clear (no row yet means 0), so an assigner that finds a version other
 * than its own last write knows another process changed the placements and rebuilds its stream first.
 */
const STORIES_MIGRATION_SQL = `
CREATE TABLE article_placements (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  story_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  duplicate_of TEXT,
  time_ms BIGINT NOT NULL,
  source_id TEXT NOT NULL,
  shingles BYTEA NOT NULL,
  signature BYTEA NOT NULL
);

CREATE INDEX article_placements_story ON article_placements (story_id, time_ms, article_id COLLATE "C");
CREATE INDEX article_placements_group ON article_placements (group_id);
CREATE INDEX article_placements_time ON article_placements (time_ms, article_id COLLATE "C");

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  headline TEXT NOT NULL,
  article_count INTEGER NOT NULL,
  original_count INTEGER NOT NULL,
  sources TEXT[] NOT NULL,
  first_seen_ms BIGINT NOT NULL,
  last_update_ms BIGINT NOT NULL
);

CREATE INDEX stories_last_update ON stories (last_update_ms);

CREATE TABLE story_aliases (
  merged_id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL
);

CREATE TABLE story_state (
  singleton BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
  version BIGINT NOT NULL
);

CREATE INDEX articles_time_id ON articles (time_ms, id COLLATE "C");
`;

/**
 * Version 4, the bound that lets search skip reading most candidates' vectors: `article_search.doc_length`, the
 * positions in `doc` as ts_rank's length normalization counts them (a lexeme without positions counts one). The
 * article store writes it from build-doc-vector.ts; existing rows get it from their stored vectors here.
 */
const DOC_LENGTH_MIGRATION_SQL = `
ALTER TABLE article_search ADD COLUMN doc_length INTEGER;
UPDATE article_search SET doc_length = (
  SELECT coalesce(sum(greatest(coalesce(array_length(u.positions, 1), 0), 1)), 0) FROM unnest(doc) AS u
);
ALTER TABLE article_search ALTER COLUMN doc_length SET NOT NULL;
`;

/**
 * Version 5, article counters that concurrent writers of one source do not queue on: the per-source count moves
 * from `sources.article_count` (one row, so every writer of a source waited for the previous one's commit on its
 * row lock) to `source_article_counts`, one row per (source, stripe). A statement adds its delta to the stripe of
 * its transaction id, so two transactions rarely share a row (and only wait, never fail, when they do); readers sum
 * the stripes. Rows are upserted in source order, so writers sharing a stripe take its rows in one order.
 */
/**
 * Counter rows per source. With 4 writers at once some two share a stripe about 9 % of the time (2 writers: 1 in
 * 64), and they then only wait; summing sources x 64 rows stays well under a millisecond.
 */
const SOURCE_COUNT_STRIPES = 64;

const STRIPED_COUNTS_MIGRATION_SQL = `
CREATE TABLE source_article_counts (
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  stripe SMALLINT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (source_id, stripe)
);
INSERT INTO source_article_counts (source_id, stripe, n)
  SELECT id, 0, article_count FROM sources WHERE article_count <> 0;
ALTER TABLE sources DROP COLUMN article_count;

CREATE OR REPLACE FUNCTION add_source_counts(deltas text[], amounts bigint[]) RETURNS void LANGUAGE sql
SET search_path FROM CURRENT AS $$
  INSERT INTO source_article_counts AS c (source_id, stripe, n)
  SELECT d.source_id, (txid_current() % ${SOURCE_COUNT_STRIPES})::smallint, d.n
  FROM unnest(deltas, amounts) AS d(source_id, n) WHERE d.n <> 0 ORDER BY d.source_id
  ON CONFLICT (source_id, stripe) DO UPDATE SET n = c.n + excluded.n
$$;

CREATE OR REPLACE FUNCTION articles_count_insert() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM add_source_counts(array_agg(source_id), array_agg(n))
  FROM (SELECT source_id, count(*) AS n FROM new_rows GROUP BY source_id) d;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION articles_count_delete() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM add_source_counts(array_agg(source_id), array_agg(-n))
  FROM (SELECT source_id, count(*) AS n FROM old_rows GROUP BY source_id) d;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION articles_count_move() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM add_source_counts(array_agg(source_id), array_agg(n))
  FROM (
    SELECT source_id, sum(n)::bigint AS n FROM (
      SELECT o.source_id, -1 AS n FROM old_rows o JOIN new_rows w ON w.seq = o.seq WHERE w.source_id <> o.source_id
      UNION ALL
      SELECT w.source_id, 1 AS n FROM old_rows o JOIN new_rows w ON w.seq = o.seq WHERE w.source_id <> o.source_id
    ) moves GROUP BY source_id
  ) d;
  RETURN NULL;
END $$;
`;

/**
 * Version 6, the analyzer version of the search index: one row, as in SQLite migration 7 (see there). A re-index
 * batch locks it (SELECT … FOR UPDATE), so processes re-indexing at once take batches in turn.
 */
const ANALYZER_STATE_MIGRATION_SQL = `
CREATE TABLE search_analyzer (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  reindex_version INTEGER,
  reindex_after_seq BIGINT NOT NULL DEFAULT 0
);
INSERT INTO search_analyzer (id, version)
  VALUES (1, CASE WHEN EXISTS (SELECT 1 FROM articles) THEN 1 ELSE ${ANALYZER_VERSION} END);
`;

/**
 * The members of copy groups of two or more by seq, as SQLite migration 14 (see there): statement triggers with
 * transition tables list every group a write touched again from its placements.
 */
const ARTICLE_GROUPS_MIGRATION_SQL = `CREATE TABLE article_groups (
  seq BIGINT PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  group_id TEXT NOT NULL
);
CREATE INDEX article_groups_group ON article_groups (group_id, seq);
CREATE FUNCTION article_groups_resync(touched TEXT[]) RETURNS void LANGUAGE sql SET search_path FROM CURRENT AS $$
  DELETE FROM article_groups WHERE group_id = ANY(touched);
  INSERT INTO article_groups (seq, group_id)
    SELECT a.seq, p.group_id FROM article_placements p JOIN articles a ON a.id = p.article_id
    WHERE p.group_id = ANY(touched)
      AND p.group_id IN (SELECT group_id FROM article_placements WHERE group_id = ANY(touched)
        GROUP BY group_id HAVING count(*) > 1)
  ON CONFLICT (seq) DO UPDATE SET group_id = EXCLUDED.group_id;
$$;
SELECT article_groups_resync(ARRAY(SELECT DISTINCT group_id FROM article_placements));
CREATE FUNCTION article_groups_inserted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM article_groups_resync(ARRAY(SELECT DISTINCT group_id FROM new_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION article_groups_updated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM article_groups_resync(ARRAY(
    SELECT o.group_id FROM old_rows o JOIN new_rows n ON n.article_id = o.article_id WHERE n.group_id <> o.group_id
    UNION SELECT n.group_id FROM old_rows o JOIN new_rows n ON n.article_id = o.article_id WHERE n.group_id <> o.group_id
  ));
  RETURN NULL;
END $$;
CREATE FUNCTION article_groups_deleted() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM article_groups_resync(ARRAY(SELECT DISTINCT group_id FROM old_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER article_groups_insert AFTER INSERT ON article_placements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_groups_inserted();
CREATE TRIGGER article_groups_update AFTER UPDATE ON article_placements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_groups_updated();
CREATE TRIGGER article_groups_delete AFTER DELETE ON article_placements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION article_groups_deleted();`;

/** Ordered, append-only: never edit a released entry, add a new one. Versions 1-3 match the SQLite adapter's. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "articles, sources, tombstones, search", sql: CORE_MIGRATION_SQL },
  { version: 2, name: "feeds", sql: FEEDS_MIGRATION_SQL },
  { version: 3, name: "stories", sql: STORIES_MIGRATION_SQL },
  { version: 4, name: "search document lengths", sql: DOC_LENGTH_MIGRATION_SQL },
  { version: 5, name: "striped source article counts", sql: STRIPED_COUNTS_MIGRATION_SQL },
  { version: 6, name: "analyzer version of the search index", sql: ANALYZER_STATE_MIGRATION_SQL },
  // The member whose title is the story's headline, as SQLite migration 8 (see there).
  {
    version: 7,
    name: "story headline article",
    sql: `ALTER TABLE stories ADD COLUMN headline_article_id TEXT;
UPDATE stories SET headline_article_id = (${HEADLINE_ARTICLE_BACKFILL_SQL});`,
  },
  // Containments found by the floor but no copy, as SQLite migration 9 (see there).
  { version: 8, name: "article containments", sql: ARTICLE_CONTAINMENTS_MIGRATION_SQL },
  // The story stream's carry-over statistics at points of the stream, as SQLite migration 11 (see there).
  {
    version: 9,
    name: "stream snapshots",
    sql: `CREATE TABLE stream_snapshots (
  time_ms BIGINT NOT NULL,
  article_id TEXT COLLATE "C" NOT NULL,
  state BYTEA NOT NULL,
  PRIMARY KEY (time_ms, article_id)
);`,
  },
  // Late copies, as SQLite migration 12 (see there).
  {
    version: 10,
    name: "late copies",
    sql: "ALTER TABLE article_placements ADD COLUMN late BOOLEAN NOT NULL DEFAULT false;",
  },
  // The rank's source count, as SQLite migration 13 (see there).
  {
    version: 11,
    name: "rank source count",
    sql: `ALTER TABLE stories ADD COLUMN rank_source_count INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET rank_source_count = ${rankSourceCountSql("cardinality(sources)")};`,
  },
  // Copy groups by seq for folded search, as SQLite migration 14 (see there).
  { version: 12, name: "article groups by seq", sql: ARTICLE_GROUPS_MIGRATION_SQL },
  // Articles without text for search's scaling, as SQLite migration 15 (see there).
  {
    version: 13,
    name: "articles without text",
    sql: "CREATE INDEX articles_textless ON articles (seq) WHERE length(text) < 60;",
  },
  // The rank's members by time, as SQLite migration 16 (see there).
  {
    version: 14,
    name: "rank members by time",
    sql: "CREATE INDEX article_placements_rank ON article_placements (time_ms, story_id, source_id, late);",
  },
  // The rank's source count dropped, as SQLite migration 17 (see there).
  {
    version: 15,
    name: "drop rank source count",
    sql: "ALTER TABLE stories DROP COLUMN rank_source_count;",
  },
  // Tombstones' analyzer-free text digests, as SQLite migration 18 (see there).
  {
    version: 16,
    name: "tombstone text digests",
    sql: `ALTER TABLE tombstones ADD COLUMN text_digest TEXT;
CREATE INDEX tombstones_source_digest ON tombstones (source_id, text_digest);`,
  },
];

/**
 * Brings the database (the connection's first search_path schema) to the latest version. Each migration and its
 * `schema_migrations` row commit together, so a crash leaves a whole version; concurrent callers wait their turn.
 * `schema` (an already quoted identifier), when given, is created first under the same lock: concurrent
 * CREATE SCHEMA IF NOT EXISTS can otherwise fail on the catalog's unique index.
 */
export async function applyMigrations(
  client: pg.ClientBase,
  migrations: readonly Migration[] = MIGRATIONS,
  schema?: string,
): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const { rows } = await client.query<{ v: number | null }>(
      "SELECT max(version) AS v FROM schema_migrations",
    );
    const current = rows[0]?.v ?? 0;
    if (current > latest) {
      throw new AkhbarError(
        "store.schema_too_new",
        `store: database schema version ${current} is newer than this akhbar (${latest}); upgrade akhbar`,
        { current, latest },
      );
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    }
    return latest;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}
