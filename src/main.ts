/**
 * Composition root: picks the storage adapter for the config, builds the crawler's ports and the logger.
 * The only module that knows which adapters exist.
 */
import pino from "pino";
import type { Config } from "./config/load-config.ts";
import { type CrawlContext, type CrawlSettings, createCrawlContext } from "./pipeline/crawl-context.ts";
import { OPTIMIZE_MIN_ARTICLES } from "./pipeline/import-records.ts";
import { inThreadCrawlPreparer } from "./pipeline/prepare-crawl-item.ts";
import {
  BackgroundReindex,
  checkAnalyzerVersion,
  type ReindexAnalyzer,
  reindexArticles,
} from "./pipeline/reindex-articles.ts";
import { systemClock } from "./ports/clock.ts";
import type { CrawlPreparer } from "./ports/crawl-preparer.ts";
import type { HttpClient } from "./ports/http-client.ts";
import type { JobQueue } from "./ports/job-queue.ts";
import type { Logger } from "./ports/logger.ts";
import type { Storage } from "./ports/storage.ts";
import { type HostLimiter, MAX_IN_FLIGHT_PER_HOST, sendSpacingMs } from "./stages/fetch/host-limiter.ts";
import { buildUserAgent, createTransport } from "./stages/fetch/transport.ts";

/**
 * Opens the configured storage: PostgreSQL when AKHBAR_DATABASE_URL is set (`config.databaseUrl`), else SQLite at
 * `config.dbPath` (created with its folder on first use). Each adapter is imported only when chosen, so a SQLite
 * install never loads pg and the reverse. Like the schema, the search index is brought up to date on open: articles
 * an older analyzer indexed are re-indexed first (reindexArticles; once per analyzer change, logged to `log`), and the
 * index compacted after a large one. With `reindexInBackground` (serve) only the analyzer version is checked (a
 * newer one than this akhbar's is refused as before): the caller starts the re-index beside its work
 * (startBackgroundReindex).
 */
export async function openStorage(
  config: Config,
  log: Logger = createLogger(config),
  options: { reindexInBackground?: boolean } = {},
): Promise<Storage> {
  const storage = await openBackend(config);
  try {
    if (options.reindexInBackground === true) await checkAnalyzerVersion(storage.articles);
    else await compactAfter(storage, await reindexArticles(storage.articles, log));
  } catch (err) {
    await storage.close();
    throw err;
  }
  return storage;
}

/**
 * Re-indexes what an older analyzer indexed while the caller goes on (serve answers meanwhile), compacting the index
 * after a large one as openStorage does; stop it before closing the storage. Its progress is null once the index is
 * current, at once for a current store. Each batch is analyzed in a worker thread (the import's, started with the
 * first batch: a current store starts none), so only its read and write take turns with the caller's requests.
 */
export function startBackgroundReindex(storage: Storage, log: Logger): BackgroundReindex {
  return new BackgroundReindex(storage.articles, log, {
    analyzer: workerReindexAnalyzer(),
    afterFinish: (reindexed) => compactAfter(storage, reindexed),
  });
}

/**
 * One import worker thread (ThreadBatchPreparer) analyzing re-index batches: a batch at a time is in flight, and the
 * serving thread keeps the other core.
 */
function workerReindexAnalyzer(): ReindexAnalyzer {
  let preparer: Promise<import("./adapters/threads/thread-batch-preparer.ts").ThreadBatchPreparer> | null =
    null;
  const start = async () => {
    const { ThreadBatchPreparer } = await import("./adapters/threads/thread-batch-preparer.ts");
    return new ThreadBatchPreparer(1);
  };
  return {
    async analyze(rows) {
      preparer ??= start();
      return (await preparer).analyzeForReindex(rows);
    },
    async close() {
      await (await preparer)?.close();
    },
  };
}

/**
 * A full re-index leaves the search index in many segments, as a large import does: compact it once (the dev corpus
 * re-indexed: 2.9 -> 2.3 ms per ranked FTS5 query, for 1.6 s of compaction).
 */
async function compactAfter(storage: Storage, reindexed: number): Promise<void> {
  if (reindexed >= OPTIMIZE_MIN_ARTICLES) await storage.search.optimize?.();
}

async function openBackend(config: Config): Promise<Storage> {
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
  limiter?: HostLimiter,
): Promise<Crawler> {
  const http = createHttpClient(config);
  const preparer = await createCrawlPreparer(config);
  const context = createCrawlContext(
    { storage, http, preparer, clock: systemClock, log, ...(limiter ? { limiter } : {}) },
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

export interface QueueBackend {
  queue: JobQueue;
  /** The per-host limiter every worker shares (Redis); undefined with the in-process queue (one process). */
  limiter: HostLimiter | undefined;
  close(): Promise<void>;
}

/**
 * Opens the job queue: BullMQ on Redis when AKHBAR_REDIS_URL is set — refusing a Redis that may evict keys
 * (`queue.redis_eviction`, Q-04) and warning when it keeps no persistence — else the in-process queue. Like the
 * storage adapters, each is imported only when chosen.
 */
export async function openJobQueue(config: Config, log: Logger): Promise<QueueBackend> {
  if (config.redisUrl === null) {
    const { InProcessJobQueue } = await import("./adapters/queue/in-process-job-queue.ts");
    const queue = new InProcessJobQueue();
    return { queue, limiter: undefined, close: () => queue.close() };
  }
  const { openRedis, checkRedisForQueue } = await import("./adapters/queue/open-redis.ts");
  const { BullMqJobQueue } = await import("./adapters/queue/bullmq-job-queue.ts");
  const { createRedisHostLimiter } = await import("./adapters/queue/redis-host-limiter.ts");
  const redis = await openRedis(config.redisUrl);
  try {
    const check = await checkRedisForQueue(redis);
    for (const warning of check.warnings) log.warn({ stage: "queue" }, warning);
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  const queue = new BullMqJobQueue(redis, { prefix: config.queuePrefix, lockMs: config.jobLockMs });
  const limiter = createRedisHostLimiter(redis, {
    prefix: config.queuePrefix,
    maxInFlight: MAX_IN_FLIGHT_PER_HOST,
    minIntervalMs: sendSpacingMs(config.crawlHostIntervalMs),
    spaceAfterCompletion: true,
    slotLeaseMs: config.hostSlotLeaseMs,
  });
  return {
    queue,
    limiter,
    async close() {
      await queue.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
