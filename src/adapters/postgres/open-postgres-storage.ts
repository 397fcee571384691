/**
 * Opens (migrating as needed) a PostgreSQL database as akhbar's Storage, through one node-postgres pool.
 * Adapter (IO): the composition root calls this; stages never see pg.
 */
import pg from "pg";
import { AkhbarError } from "../../domain/errors.ts";
import { type Clock, systemClock } from "../../ports/clock.ts";
import type { Storage } from "../../ports/storage.ts";
import { applyMigrations, MIGRATIONS } from "./migrations.ts";
import { PostgresArticleStore } from "./postgres-article-store.ts";
import { PostgresFeedStore } from "./postgres-feed-store.ts";
import { PostgresSearchIndex } from "./postgres-search-index.ts";
import { PostgresSourceStore } from "./postgres-source-store.ts";
import { PostgresStoryStore } from "./postgres-story-store.ts";

/**
 * Connections per process. A server answers searches concurrently and a writer holds one connection per batch;
 * 10 (pg's default) keeps a few akhbar processes well under PostgreSQL's default max_connections of 100.
 */
const POOL_CONNECTIONS_MAX = 10;
/** How long opening waits for the server before failing: long enough for a container that is still starting. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Schema names akhbar accepts (it quotes them anyway): lower-case identifier characters only. */
const SCHEMA_NAME_RE = /^[a-z_][a-z0-9_]{0,62}$/;

/** int8 (OID 20) as a JS number: seqs, epoch ms and counts stay far below 2^53. pg returns strings by default. */
const INT8_OID = 20;
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

export interface PostgresStorageOptions {
  clock?: Clock;
  /** Schema holding akhbar's tables (created when missing); default: the server's search_path (usually public). */
  schema?: string;
  /** Pool size; default POOL_CONNECTIONS_MAX. */
  connectionsMax?: number;
}

export interface PostgresStorage extends Storage {
  articles: PostgresArticleStore;
  sources: PostgresSourceStore;
  feeds: PostgresFeedStore;
  search: PostgresSearchIndex;
  stories: PostgresStoryStore;
  /** The underlying pool, for maintenance tools and tests; not part of the Storage port. */
  readonly pool: pg.Pool;
}

/**
 * Connects to `url` (postgres://user@host:port/db), upgrades the schema and returns the ports. Several processes
 * may open one database at once: migrations run once, under an advisory lock.
 *
 * Example: `await openPostgresStorage("postgres://postgres@127.0.0.1:5432/akhbar")`.
 */
export async function openPostgresStorage(
  url: string,
  opts: PostgresStorageOptions = {},
): Promise<PostgresStorage> {
  const clock = opts.clock ?? systemClock;
  if (opts.schema !== undefined && !SCHEMA_NAME_RE.test(opts.schema)) {
    throw new AkhbarError(
      "store.open_failed",
      `store: invalid PostgreSQL schema name ${JSON.stringify(opts.schema)}`,
    );
  }
  const schema = opts.schema === undefined ? undefined : `"${opts.schema}"`;
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.connectionsMax ?? POOL_CONNECTIONS_MAX,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: TYPES,
    application_name: "akhbar",
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle pooled connection that the server drops (restart, admin kill) must not crash the process.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    try {
      await applyMigrations(client, MIGRATIONS, schema);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end();
    if (err instanceof AkhbarError) throw err;
    throw new AkhbarError(
      "store.open_failed",
      `store: cannot open PostgreSQL database ${redactUrl(url)}: ${(err as Error).message}`,
      { url: redactUrl(url) },
      { cause: err },
    );
  }
  let closed = false;
  return {
    articles: new PostgresArticleStore(pool, clock),
    sources: new PostgresSourceStore(pool, clock),
    feeds: new PostgresFeedStore(pool),
    search: new PostgresSearchIndex(pool),
    stories: new PostgresStoryStore(pool),
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== "") u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable database URL)";
  }
}
