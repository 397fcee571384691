/**
 * SqliteSourceStore: the SourceStore port on better-sqlite3.
 * Adapter (IO). Article counts come from trigger-maintained counters, the last article time from an index probe.
 */
import type Database from "better-sqlite3";
import type { Source, SourceDraft } from "../../domain/source.ts";
import type { Clock } from "../../ports/clock.ts";
import type { SourceStore, SourceSummary } from "../../ports/source-store.ts";
import { writeTransaction } from "./write-transaction.ts";

interface SourceRow {
  id: string;
  name: string;
  homepage: string | null;
  country: string | null;
  language: string;
  created_at: string;
}

interface SourceSummaryRow extends SourceRow {
  article_count: number;
  last_article_at: string | null;
}

/** Sources created implicitly (from an article's source id) are assumed Arabic: nearly all of akhbar's input. */
const SOURCE_LANGUAGE_DEFAULT = "ar";

export class SqliteSourceStore implements SourceStore {
  readonly #clock: Clock;
  readonly #upsert: Database.Statement<[SourceRow]>;
  readonly #get: Database.Statement<[string], SourceRow>;
  readonly #ensure: Database.Statement<[string, string, string, string]>;
  readonly #list: Database.Statement<[], SourceSummaryRow>;
  readonly #ensureAll: (ids: readonly string[]) => void;

  constructor(db: Database.Database, clock: Clock) {
    this.#clock = clock;
    this.#upsert = db.prepare(
      `INSERT INTO sources (id, name, homepage, country, language, created_at)
       VALUES (@id, @name, @homepage, @country, @language, @created_at)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, homepage = excluded.homepage,
         country = excluded.country, language = excluded.language`,
    );
    this.#get = db.prepare(
      "SELECT id, name, homepage, country, language, created_at FROM sources WHERE id = ?",
    );
    this.#ensure = db.prepare(
      "INSERT OR IGNORE INTO sources (id, name, language, created_at) VALUES (?, ?, ?, ?)",
    );
    // One probe of articles_source_time per source: the cost grows with the number of sources, not articles.
    this.#list = db.prepare(
      `SELECT s.id, s.name, s.homepage, s.country, s.language, s.created_at, s.article_count,
         (SELECT coalesce(a.published_at, a.fetched_at) FROM articles a
          WHERE a.source_id = s.id ORDER BY a.time_ms DESC LIMIT 1) AS last_article_at
       FROM sources s ORDER BY s.id`,
    );
    this.#ensureAll = writeTransaction(db, (ids: readonly string[]) => {
      const now = this.#clock.now().toISOString();
      for (const id of ids) this.#ensure.run(id, id, SOURCE_LANGUAGE_DEFAULT, now);
    });
  }

  async upsertSource(source: SourceDraft): Promise<Source> {
    this.#upsert.run({
      id: source.id,
      name: source.name,
      homepage: source.homepage,
      country: source.country,
      language: source.language,
      created_at: this.#clock.now().toISOString(),
    });
    const row = this.#get.get(source.id);
    if (row === undefined) throw new Error(`store: source ${source.id} vanished right after its upsert`);
    return toSource(row);
  }

  async ensureSources(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) this.#ensureAll(ids);
  }

  async getSource(id: string): Promise<Source | null> {
    const row = this.#get.get(id);
    return row === undefined ? null : toSource(row);
  }

  async listSources(): Promise<SourceSummary[]> {
    return this.#list.all().map((row) => ({
      ...toSource(row),
      articleCount: row.article_count,
      lastArticleAt: row.last_article_at,
    }));
  }
}

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    homepage: row.homepage,
    country: row.country,
    language: row.language,
    createdAt: row.created_at,
  };
}
