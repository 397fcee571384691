/**
 * CrawlContext: the ports and per-process politeness state one crawler shares across feeds and items — the host
 * limiter, the robots.txt cache, the offline detector — and `fetchPolitely`, the only way the crawl pipeline
 * makes requests. Pipeline code; all IO goes through the ports it is given.
 */
import { isAkhbarError } from "../domain/errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { CrawlPreparer } from "../ports/crawl-preparer.ts";
import type { HttpClient, HttpRequest, HttpResponse } from "../ports/http-client.ts";
import type { Logger } from "../ports/logger.ts";
import type { Storage } from "../ports/storage.ts";
import {
  createHostLimiter,
  type HostLimiter,
  hostKeyOf,
  MAX_IN_FLIGHT_PER_HOST,
  MIN_HOST_INTERVAL_MS,
  realLimiterClock,
  retryPauseMs,
  sendSpacingMs,
} from "../stages/fetch/host-limiter.ts";
import { createOfflineDetector, type OfflineDetector } from "../stages/fetch/offline-detector.ts";
import { createRobotsCache, type RobotsCache } from "../stages/fetch/robots.ts";

/** New items accepted per feed run. A first poll of a big sitemap would otherwise queue up to 2000 pages on one
 * host (hours at 5 s spacing); what is left over is still new at the next poll, which comes sooner because the
 * run looked like a gap (POL-08). 100 x 5 s keeps one feed's run under ten minutes. */
export const MAX_NEW_ITEMS_PER_FEED_RUN = 100;

/** Longest a request waits for its host's spacing or Retry-After pause before the work is deferred to a later
 * round: longer than the 5 s default spacing, far shorter than a typical 429 pause (minutes). */
export const MAX_HOST_WAIT_MS = 30_000;

/** Feeds polled at once; each drains its own items. Per-host limits still apply inside; 8 keeps a 2-core box
 * mostly idle while 40 default sources are crawled within a couple of spacing intervals. */
export const FEED_CONCURRENCY = 8;

/** Attempts after which an item is stored from its feed content alone: an item whose page kills the worker or
 * the process (kill -9 mid-item) must not be retried forever. */
export const MAX_ITEM_ATTEMPTS = 3;

/** How long a claimed feed stays leased to this crawler: the fetch deadline (30 s) plus parsing (8 s) plus the
 * longest host wait, with margin. A crawler starting up clears all leases anyway (one crawler per database). */
export const FEED_LEASE_MS = 5 * 60 * 1000;

export interface CrawlPorts {
  storage: Storage;
  http: HttpClient;
  preparer: CrawlPreparer;
  clock: Clock;
  log: Logger;
  /** Per-host politeness shared with other processes (Redis, when workers are distributed); else one is made for
   * this process from the settings. */
  limiter?: HostLimiter;
}

export interface CrawlSettings {
  /** Per-host minimum spacing between request starts (default MIN_HOST_INTERVAL_MS, 5 s). */
  hostIntervalMs?: number;
  /** Per-host requests in flight (default 2). */
  maxInFlightPerHost?: number;
  maxNewItemsPerRun?: number;
  feedConcurrency?: number;
  maxHostWaitMs?: number;
  /** Randomness for jitter; tests fix it. */
  random?: () => number;
}

export interface CrawlContext extends CrawlPorts {
  limiter: HostLimiter;
  robots: RobotsCache;
  offline: OfflineDetector;
  settings: Required<CrawlSettings>;
  /**
   * One request under the host limiter, its spacing counted from when it is written to the socket (transport's
   * `onSent`); each redirect hop waits for its host's spacing like a new request (transport's `beforeHop`, the
   * limiter's `hop`). A 429/503 pauses the host that answered (in this process and in storage, so every feed
   * on that host waits, across restarts) for the capped Retry-After. Rejects with `fetch.host_paused` instead of
   * waiting more than `maxHostWaitMs`.
   */
  fetchPolitely(req: HttpRequest): Promise<HttpResponse>;
}

export function createCrawlContext(ports: CrawlPorts, settings: CrawlSettings = {}): CrawlContext {
  const full: Required<CrawlSettings> = {
    hostIntervalMs: settings.hostIntervalMs ?? MIN_HOST_INTERVAL_MS,
    maxInFlightPerHost: settings.maxInFlightPerHost ?? MAX_IN_FLIGHT_PER_HOST,
    maxNewItemsPerRun: settings.maxNewItemsPerRun ?? MAX_NEW_ITEMS_PER_FEED_RUN,
    feedConcurrency: settings.feedConcurrency ?? FEED_CONCURRENCY,
    maxHostWaitMs: settings.maxHostWaitMs ?? MAX_HOST_WAIT_MS,
    random: settings.random ?? Math.random,
  };
  // The limiter measures spacing on the real monotonic clock: it paces sockets, not feed schedules. A crawler
  // may be a restart after kill -9 that just reached some host, so every host first waits one interval (a shared
  // Redis limiter keeps its spacing across worker restarts by itself).
  const limiter =
    ports.limiter ??
    createHostLimiter({
      maxInFlight: full.maxInFlightPerHost,
      minIntervalMs: sendSpacingMs(full.hostIntervalMs),
      spaceAfterCompletion: true,
      assumeSentAtStart: true,
      clock: realLimiterClock,
    });
  const fetchPolitely = async (req: HttpRequest): Promise<HttpResponse> => {
    const hostKey = hostKeyOf(req.url);
    const res = await limiter.schedule(
      hostKey,
      (start) =>
        ports.http.request({
          ...req,
          // A redirect hop is a request to its host, the same one (http -> https, /amp) or another. The caller's
          // check (robots.txt) comes first: a hop it stops is never counted against its host.
          beforeHop: async (url) => {
            await req.beforeHop?.(url);
            await start.hop(hostKeyOf(url));
          },
          onSent: () => {
            start.sent();
            req.onSent?.();
          },
        }),
      { maxWaitMs: full.maxHostWaitMs },
    );
    const nowMs = Date.now();
    const pause = retryPauseMs(res.status, res.headers["retry-after"], nowMs);
    if (pause !== null) {
      // The host that asked is the one that answered: after a redirect, not necessarily the one first asked.
      const busyHost = hostKeyOf(res.url);
      limiter.pauseHost(busyHost, nowMs + pause);
      const reason = `HTTP ${res.status}${res.headers["retry-after"] ? ` Retry-After: ${res.headers["retry-after"]}` : ""}`;
      await ports.storage.feeds.pauseHost(busyHost, ports.clock.now().getTime() + pause, reason);
      ports.log.warn(
        { stage: "fetch", host: busyHost, pause_ms: pause, status: res.status },
        "host asked to slow down",
      );
    }
    return res;
  };
  const robots = createRobotsCache({
    fetchRobots: async (origin) => {
      const res = await fetchPolitely({ url: `${origin}/robots.txt`, expect: "robots" });
      return { status: res.status, body: new TextDecoder().decode(res.body) };
    },
    now: () => ports.clock.now().getTime(),
  });
  return { ...ports, limiter, robots, offline: createOfflineDetector(), settings: full, fetchPolitely };
}

/** "code: message" of an error for health and logs; unexpected errors keep their message. */
export function describeError(err: unknown): { code: string; message: string } {
  if (isAkhbarError(err)) return { code: err.code, message: err.message };
  return { code: "crawl.unexpected", message: `crawl: ${(err as Error)?.message ?? String(err)}` };
}
