/**
 * PostgresSourceStore: the SourceStore port on node-postgres.
 * Adapter (IO). Article counts come from trigger-maintained counters (striped rows, summed), the last article time
 * from an index probe.
 */
import type pg from "pg";
import type { Source, SourceDraft } from "../../domain/source.ts";
import type { Clock } from "../../ports/clock.ts";
import type { SourceStore, SourceSummary } from "../../ports/source-store.ts";
import { lockSources, runTransaction } from "./run-transaction.ts";

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

const SOURCE_COLUMNS = "id, name, homepage, country, language, created_at";

export class PostgresSourceStore implements SourceStore {
  readonly #pool: pg.Pool;
  readonly #clock: Clock;

  constructor(pool: pg.Pool, clock: Clock) {
    this.#pool = pool;
    this.#clock = clock;
  }

  async upsertSource(source: SourceDraft): Promise<Source> {
    const createdAt = this.#clock.now().toISOString();
    const row = await runTransaction(this.#pool, async (client) => {
      await lockSources(client, [source.id]);
      const { rows } = await client.query<SourceRow>(
        `INSERT INTO sources (id, name, homepage, country, language, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, homepage = excluded.homepage,
           country = excluded.country, language = excluded.language
         RETURNING ${SOURCE_COLUMNS}`,
        [source.id, source.name, source.homepage, source.country, source.language, createdAt],
      );
      return rows[0];
    });
    if (row === undefined) throw new Error(`store: source ${source.id} vanished right after its upsert`);
    return toSource(row);
  }

  async ensureSources(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const now = this.#clock.now().toISOString();
    await runTransaction(this.#pool, async (client) => {
      const locked = await lockSources(client, ids);
      await client.query(
        `INSERT INTO sources (id, name, language, created_at)
         SELECT s, s, $2, $3 FROM unnest($1::text[]) AS s ORDER BY s ON CONFLICT (id) DO NOTHING`,
        [[...locked].sort(), SOURCE_LANGUAGE_DEFAULT, now],
      );
    });
  }

  async getSource(id: string): Promise<Source | null> {
    const { rows } = await this.#pool.query<SourceRow>(
      `SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = $1`,
      [id],
    );
    const [row] = rows;
    return row === undefined ? null : toSource(row);
  }

  async listSources(): Promise<SourceSummary[]> {
    // One probe of articles_source_time per source: the cost grows with the number of sources, not articles.
    // COLLATE "C" orders ids by code point, as SQLite does, whatever the database's collation.
    const { rows } = await this.#pool.query<SourceSummaryRow>(
      `SELECT s.id, s.name, s.homepage, s.country, s.language, s.created_at,
         (SELECT coalesce(sum(c.n), 0) FROM source_article_counts c WHERE c.source_id = s.id)::bigint
           AS article_count,
         (SELECT coalesce(a.published_at, a.fetched_at) FROM articles a
          WHERE a.source_id = s.id ORDER BY a.time_ms DESC LIMIT 1) AS last_article_at
       FROM sources s ORDER BY s.id COLLATE "C"`,
    );
    return rows.map((row) => ({
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
