/**
 * Composition root: picks the storage adapter for the config, builds the crawler's ports and the logger.
 * The only module that knows which adapters exist.
 */
import pino from "pino";
import type { Config } from "./config/load-config.ts";
import { type CrawlContext, type CrawlSettings, createCrawlContext } from "./pipeline/crawl-context.ts";
import { inThreadCrawlPreparer } from "./pipeline/prepare-crawl-item.ts";
import { systemClock } from "./ports/clock.ts";
import type { CrawlPreparer } from "./ports/crawl-preparer.ts";
import type { HttpClient } from "./ports/http-client.ts";
import type { Logger } from "./ports/logger.ts";
import type { Storage } from "./ports/storage.ts";
import { buildUserAgent, createTransport } from "./stages/fetch/transport.ts";

/**
 * Opens the configured storage: PostgreSQL when AKHBAR_DATABASE_URL is set (`config.databaseUrl`), else SQLite at
 * `config.dbPath` (created with its folder on first use). Each adapter is imported only when chosen, so a SQLite
 * install never loads pg and the reverse.
 */
export async function openStorage(config: Config): Promise<Storage> {
  if (config.databaseUrl !== null) {
    const { openPostgresStorage } = await import("./adapters/postgres/open-postgres-storage.ts");
    return openPostgresStorage(config.databaseUrl);
  }
  const { openSqliteStorage } = await import("./adapters/sqlite/open-sqlite-storage.ts");
  return openSqliteStorage(config.dbPath);
}

/** A pino logger writing JSON lines to `stream` (stderr by default) at the configured level. */
export function createLogger(config: Config, stream: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level: config.logLevel, base: undefined }, stream);
}

/** The guarded HTTP client with the admin allow-list (AKHBAR_FETCH_ALLOW) and the operator's contact URL in the
 * User-Agent (AKHBAR_CONTACT_URL, POL-07). */
export function createHttpClient(config: Config): HttpClient {
  return createTransport({
    allow: config.fetchAllow,
    userAgent: buildUserAgent(config.contactUrl ?? undefined),
  });
}

/** Feed parsing and extraction in `config.crawlWorkers` worker threads, or in this thread when 0. */
export async function createCrawlPreparer(config: Config): Promise<CrawlPreparer> {
  if (config.crawlWorkers === 0) return inThreadCrawlPreparer;
  const { ThreadCrawlPreparer } = await import("./adapters/threads/thread-crawl-preparer.ts");
  return new ThreadCrawlPreparer(config.crawlWorkers);
}

export interface Crawler {
  context: CrawlContext;
  close(): Promise<void>;
}

/** Wires a crawler over `storage`: transport, preparer, politeness from the config. Close it before the storage. */
export async function openCrawler(
  config: Config,
  storage: Storage,
  log: Logger,
  settings: CrawlSettings = {},
): Promise<Crawler> {
  const http = createHttpClient(config);
  const preparer = await createCrawlPreparer(config);
  const context = createCrawlContext(
    { storage, http, preparer, clock: systemClock, log },
    { hostIntervalMs: config.crawlHostIntervalMs, ...settings },
  );
  return {
    context,
    async close() {
      await preparer.close();
      await http.close();
    },
  };
}
