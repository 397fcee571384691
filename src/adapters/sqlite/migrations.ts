/**
 * SQLite schema as numbered migrations, applied in order inside one transaction each.
 * Adapter (IO). Opening an older database upgrades it; a newer one than this code knows is refused.
 */
import type Database from "better-sqlite3";
import { AkhbarError } from "../../domain/errors.ts";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

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
];

/**
 * Brings `db` to the latest schema version. Each migration and its `schema_migrations` row commit together,
 * so a crash leaves the database at a whole version.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const row = db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number | null };
  const current = row.v ?? 0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AkhbarError(
      "store.schema_too_new",
      `store: database schema version ${current} is newer than this akhbar (${latest}); upgrade akhbar`,
      { current, latest },
    );
  }
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
  return latest;
}
