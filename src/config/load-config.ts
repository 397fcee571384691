/**
 * Config: the environment parsed and validated once, typed; CLI flags override it.
 * Pure apart from reading the `env` object it is given.
 */
import { AkhbarError, isAkhbarError } from "../domain/errors.ts";
import { type AllowList, parseAllowList } from "../stages/fetch/address-policy.ts";
import { MIN_HOST_INTERVAL_MS } from "../stages/fetch/host-limiter.ts";

/** Where the embedded database lives when nothing else is said: a folder beside the working directory. */
export const DEFAULT_DB_PATH = "./data/akhbar.db";
/**
 * Time zone the reader shows dates in and reads a named day in when AKHBAR_TIME_ZONE says none: the dev corpus and
 * most default sources are Gulf outlets. A Cairo or Rabat deployment sets its own.
 */
export const DEFAULT_DISPLAY_TIME_ZONE = "Asia/Riyadh";
/** 8080 is free on most machines and needs no privileges. */
export const DEFAULT_PORT = 8080;
/** Loopback by default: exposing a server beyond the machine is a deliberate choice (AKHBAR_HOST=0.0.0.0). */
export const DEFAULT_HOST = "127.0.0.1";

export interface Config {
  dbPath: string;
  /** AKHBAR_DATABASE_URL: a postgres:// (or postgresql://) URL selects PostgreSQL storage instead of the SQLite
   * file at `dbPath`; null keeps the zero-set-up SQLite default. */
  databaseUrl: string | null;
  host: string;
  port: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** AKHBAR_FETCH_ALLOW: private hosts, IPs or CIDRs (ports included when given) the crawler may reach; empty by
   * default, so feeds pointing into the local network are refused (SSRF). */
  fetchAllow: AllowList;
  /** AKHBAR_CRAWL_HOST_INTERVAL_MS: minimum spacing between request starts on one host (default 5 s). */
  crawlHostIntervalMs: number;
  /** AKHBAR_CONTACT_URL: put in the crawler's User-Agent so webmasters can reach the operator (POL-07). */
  contactUrl: string | null;
  /** AKHBAR_DEFAULT_SOURCES: a JSON file shaped like config/default-sources.json to load on first start instead
   * of the built-in list, or "none"; null means the built-in list. */
  defaultSources: string | null;
  /** AKHBAR_CRAWL_WORKERS: worker threads for feed parsing and extraction; 0 runs them in the crawling thread. */
  crawlWorkers: number;
  /** AKHBAR_REDIS_URL: a redis:// (or rediss://) URL selects the BullMQ job queue and the shared per-host limiter
   * (`akhbar scheduler` + any number of `akhbar worker`); null keeps the in-process queue of one machine. */
  redisUrl: string | null;
  /** AKHBAR_QUEUE_PREFIX: Redis key prefix of the queue and the host limiter (one per deployment). */
  queuePrefix: string;
  /** AKHBAR_WORKER_CONCURRENCY: feed and item jobs one worker process runs at once, per kind. */
  workerConcurrency: number;
  /** AKHBAR_JOB_LOCK_MS: how long a silent worker keeps its job before another re-runs it (BullMQ lockDuration). */
  jobLockMs: number;
  /** AKHBAR_HOST_SLOT_LEASE_MS: how long a host slot taken by a killed worker stays counted in Redis. */
  hostSlotLeaseMs: number;
  /** AKHBAR_TIME_ZONE: the IANA zone the reader shows dates in and reads a named day in ("Africa/Cairo"); default
   * Asia/Riyadh. */
  displayTimeZone: string;
}

const LOG_LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** Reads AKHBAR_DB, AKHBAR_DATABASE_URL, AKHBAR_HOST, AKHBAR_PORT, AKHBAR_LOG_LEVEL, AKHBAR_FETCH_ALLOW, AKHBAR_CONTACT_URL,
 * AKHBAR_CRAWL_HOST_INTERVAL_MS, AKHBAR_CRAWL_WORKERS, AKHBAR_REDIS_URL, AKHBAR_QUEUE_PREFIX,
 * AKHBAR_WORKER_CONCURRENCY, AKHBAR_JOB_LOCK_MS, AKHBAR_HOST_SLOT_LEASE_MS and AKHBAR_TIME_ZONE; throws `config.invalid` on bad values. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const port = env.AKHBAR_PORT === undefined ? DEFAULT_PORT : parsePort(env.AKHBAR_PORT, "AKHBAR_PORT");
  const logLevel = env.AKHBAR_LOG_LEVEL ?? "info";
  if (!LOG_LEVELS.has(logLevel)) {
    throw new AkhbarError(
      "config.invalid",
      `config: AKHBAR_LOG_LEVEL must be one of ${[...LOG_LEVELS].join(", ")}, got "${logLevel}"`,
    );
  }
  return {
    dbPath: nonEmpty(env.AKHBAR_DB) ?? DEFAULT_DB_PATH,
    databaseUrl: readDatabaseUrl(env.AKHBAR_DATABASE_URL),
    host: nonEmpty(env.AKHBAR_HOST) ?? DEFAULT_HOST,
    port,
    logLevel: logLevel as Config["logLevel"],
    fetchAllow: readAllowList(env.AKHBAR_FETCH_ALLOW),
    contactUrl: nonEmpty(env.AKHBAR_CONTACT_URL)?.trim() ?? null,
    defaultSources: nonEmpty(env.AKHBAR_DEFAULT_SOURCES)?.trim() ?? null,
    crawlHostIntervalMs: readCount(
      env.AKHBAR_CRAWL_HOST_INTERVAL_MS,
      "AKHBAR_CRAWL_HOST_INTERVAL_MS",
      MIN_HOST_INTERVAL_MS,
    ),
    crawlWorkers: readCount(env.AKHBAR_CRAWL_WORKERS, "AKHBAR_CRAWL_WORKERS", DEFAULT_CRAWL_WORKERS),
    redisUrl: readRedisUrl(env.AKHBAR_REDIS_URL),
    queuePrefix: readQueuePrefix(env.AKHBAR_QUEUE_PREFIX),
    workerConcurrency: Math.max(
      1,
      readCount(env.AKHBAR_WORKER_CONCURRENCY, "AKHBAR_WORKER_CONCURRENCY", DEFAULT_WORKER_CONCURRENCY),
    ),
    jobLockMs: Math.max(1_000, readCount(env.AKHBAR_JOB_LOCK_MS, "AKHBAR_JOB_LOCK_MS", DEFAULT_JOB_LOCK_MS)),
    hostSlotLeaseMs: Math.max(
      1_000,
      readCount(env.AKHBAR_HOST_SLOT_LEASE_MS, "AKHBAR_HOST_SLOT_LEASE_MS", DEFAULT_HOST_SLOT_LEASE_MS),
    ),
    displayTimeZone: readTimeZone(env.AKHBAR_TIME_ZONE),
  };
}

/** One worker thread parses feeds and extracts pages: the crawl waits on the network far more than on the CPU,
 * and a second core stays free for the server and the store writer. */
export const DEFAULT_CRAWL_WORKERS = 1;

/** Jobs per kind one worker runs at once: a worker mostly waits on hosts (2 in flight, 5 s apart each), so 4
 * keeps a 2-core machine busy across several hosts without starving its event loop (lock renewal, Q-02). */
export const DEFAULT_WORKER_CONCURRENCY = 4;

/** BullMQ's default lockDuration (30 s, docs "Stalled jobs"). */
export const DEFAULT_JOB_LOCK_MS = 30_000;

/** Above the transport's 30 s request deadline, so a live slow request's slot is never handed out twice. */
export const DEFAULT_HOST_SLOT_LEASE_MS = 45_000;

const REDIS_URL_RE = /^rediss?:\/\/[^\s]+$/i;
const QUEUE_PREFIX_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** An IANA time zone name Intl knows ("Asia/Riyadh", "Africa/Casablanca", "UTC"); throws `config.invalid` otherwise. */
function readTimeZone(value: string | undefined): string {
  const zone = nonEmpty(value)?.trim() ?? DEFAULT_DISPLAY_TIME_ZONE;
  try {
    // The canonical spelling ("asia/riyadh" -> "Asia/Riyadh"), which the page script is handed too.
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new AkhbarError(
      "config.invalid",
      `config: AKHBAR_TIME_ZONE must be an IANA time zone such as "Asia/Riyadh" or "Africa/Cairo", got "${zone}"`,
    );
  }
}

function readRedisUrl(value: string | undefined): string | null {
  const url = nonEmpty(value)?.trim();
  if (url === undefined) return null;
  if (!REDIS_URL_RE.test(url)) {
    // May hold a password: never echo it.
    throw new AkhbarError("config.invalid", "config: AKHBAR_REDIS_URL must be a redis:// or rediss:// URL");
  }
  return url;
}

function readQueuePrefix(value: string | undefined): string {
  const prefix = nonEmpty(value)?.trim() ?? "akhbar";
  if (!QUEUE_PREFIX_RE.test(prefix)) {
    throw new AkhbarError(
      "config.invalid",
      `config: AKHBAR_QUEUE_PREFIX must be 1-64 letters, digits, "-" or "_", got "${prefix}"`,
    );
  }
  return prefix;
}

/** Schemes node-postgres understands; anything else is a typo better reported now than at the first query. */
const DATABASE_URL_RE = /^postgres(?:ql)?:\/\/[^\s]+$/i;

function readDatabaseUrl(value: string | undefined): string | null {
  const url = nonEmpty(value)?.trim();
  if (url === undefined) return null;
  if (!DATABASE_URL_RE.test(url)) {
    // The value may hold a password: name the variable and the expected shape, never echo it.
    throw new AkhbarError(
      "config.invalid",
      "config: AKHBAR_DATABASE_URL must be a postgres:// or postgresql:// URL",
    );
  }
  return url;
}

function readAllowList(value: string | undefined): AllowList {
  try {
    return parseAllowList(value);
  } catch (err) {
    if (!isAkhbarError(err)) throw err;
    throw new AkhbarError("config.invalid", `config: AKHBAR_FETCH_ALLOW: ${err.message}`, {}, { cause: err });
  }
}

function readCount(value: string | undefined, what: string, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  if (!/^\d+$/.test(value.trim())) {
    throw new AkhbarError("config.invalid", `config: ${what} must be a whole number, got "${value}"`);
  }
  return Number(value.trim());
}

/** Parses a TCP port (0 lets the OS choose); throws `config.invalid` naming `what` otherwise. */
export function parsePort(value: string, what: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) {
    throw new AkhbarError("config.invalid", `config: ${what} must be a port number 0-65535, got "${value}"`);
  }
  return port;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
