/**
 * HostLimiter: per-host politeness for one process — bounded concurrency, minimum spacing between requests as
 * they leave for the host (redirect hops included), and pauses from Retry-After (fetch stage, wraps every transport
 * call). Pure apart from the injected clock and sleep; also exports the Retry-After parser and the jittered
 * exponential backoff.
 */
import { AkhbarError } from "../../domain/errors.ts";

/** Requests in flight per host. Media Cloud's scoreboard allows 2 (notes/reliability.md section 4, POL-05). */
export const MAX_IN_FLIGHT_PER_HOST = 2;

/** Minimum time between request starts on one host. Media Cloud scoreboard: 5 s (notes/reliability.md section 4). */
export const MIN_HOST_INTERVAL_MS = 5_000;

/**
 * A host measures our spacing by when requests arrive (its access log), and arrivals drift from sends by network
 * and server queueing: in bench/crawl (20 ms interval) requests written at least one interval apart were logged up
 * to 2 ms closer by a site whose event loop stalled for up to 21 ms. So requests leave a margin more than the
 * host interval apart: a tenth of it, and at least a few event-loop ticks.
 */
export const SEND_SPACING_MARGIN_RATIO = 0.1;
export const SEND_SPACING_MARGIN_MIN_MS = 5;

/**
 * The spacing between request sends that keeps arrivals at least `hostIntervalMs` apart at the host.
 * A host interval of 0 (no spacing asked) stays 0. Example: sendSpacingMs(5000) -> 5500; sendSpacingMs(20) -> 25.
 */
export function sendSpacingMs(hostIntervalMs: number): number {
  if (hostIntervalMs <= 0) return 0;
  return (
    hostIntervalMs +
    Math.max(SEND_SPACING_MARGIN_MIN_MS, Math.ceil(hostIntervalMs * SEND_SPACING_MARGIN_RATIO))
  );
}

/** Longest Retry-After honoured. Media Cloud caps at one day after seeing 317100 s (notes/reliability.md POL-03). */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** Pause when a 429/503 carries no usable Retry-After. FreshRSS uses at least 600 s (POL-03). */
export const DEFAULT_RETRY_AFTER_MS = 10 * 60 * 1000;

/** Backoff base and cap: doubling from 1 min to 24 h spans 11 failures, about Media Cloud's daily cap. */
export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 24 * 60 * 60 * 1000;

export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Epoch ms with sub-millisecond steps (the monotonic clock anchored at process start). Date.now()'s whole
 * milliseconds would let a request go up to 1 ms before its spacing ends. */
export const realLimiterClock: LimiterClock = {
  now: () => performance.timeOrigin + performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Parses Retry-After (RFC 9110 section 10.2.3): delta-seconds or an HTTP-date. Returns milliseconds from `nowMs`,
 * capped at MAX_RETRY_AFTER_MS, or null when absent or unparsable.
 * Example: parseRetryAfter("120", t) -> 120000; parseRetryAfter("soon", t) -> null.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at) || !/[a-z]/i.test(v)) return null;
    ms = at - nowMs;
  }
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a delay drawn
 * uniformly from [cap/2, cap] where cap = min(capMs, baseMs * 2^(attempt-1)). Half is kept fixed so a failing
 * host is never retried immediately. `attempt` starts at 1.
 */
export function backoffDelayMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface HostLimiterOptions {
  maxInFlight?: number;
  minIntervalMs?: number;
  /** Also keep `minIntervalMs` between a request's end and the next start, so a slow host gets a pause after
   * each answer rather than the next request at once. */
  spaceAfterCompletion?: boolean;
  /** Count every host as sent a request when the limiter is made. A restarted crawler cannot know when its
   * predecessor (killed, maybe with -9) last reached a host, so it waits one interval before its first request
   * to each: spacing holds across a restart without storing a timestamp per request. */
  assumeSentAtStart?: boolean;
  clock?: LimiterClock;
}

interface HostState {
  inFlight: number;
  /** Requests let go but not yet written to their socket (DNS, connect, a busy event loop); at most one. */
  unsent: number;
  /** Earliest start of the next request. */
  nextStartAt: number;
  waiters: (() => void)[];
}

/**
 * What a scheduled task is told: call `sent()` when the request's head has been written to its socket. The host's
 * spacing counts from that moment, and no other request to the host is let go before it: between being let go and
 * being written, a request can wait for DNS, a TCP or TLS handshake or a busy event loop, and a second request on
 * an idle kept-alive connection would overtake it and reach the server closer than the interval (measured in
 * bench/crawl). A task that never calls it counts as sent when it ends.
 */
export interface RequestStart {
  sent(): void;
  /**
   * Before a redirect hop to `hostKey`: waits, as a new request would, for that host's spacing and pause and for
   * its previous request to be sent, then counts the hop as the host's next start; the next `sent()` reports the
   * hop written. The hop takes no slot: it is the same task's next request, and waiting for another host's slot
   * while holding this one could deadlock two tasks redirecting to each other's hosts. Rejects with
   * `fetch.host_paused` past the schedule's `maxWaitMs`. Example: http://a/x -> 301 https://a/x waits one interval.
   */
  hop(hostKey: string): Promise<void>;
}

export interface ScheduleOptions {
  /** Give up (AkhbarError `fetch.host_paused`) instead of waiting longer than this for the host's spacing or
   * pause, so a caller can defer work on a host that asked for minutes of quiet (Retry-After). */
  maxWaitMs?: number;
}

export interface HostLimiter {
  /** Runs `task` when `hostKey` has a free slot, its previous request has been sent, and its spacing and pause
   * allow; resolves with the task's result. */
  schedule<T>(
    hostKey: string,
    task: (start: RequestStart) => Promise<T>,
    options?: ScheduleOptions,
  ): Promise<T>;
  /** Holds every request to `hostKey` until `untilMs` (from Retry-After or a backoff). */
  pauseHost(hostKey: string, untilMs: number): void;
  /** Epoch ms before which `hostKey` gets no request start (for health and scheduling). */
  nextStartAt(hostKey: string): number;
  /** Requests currently running on `hostKey`. */
  inFlight(hostKey: string): number;
}

/** The politeness key: host and port, as FreshRSS keys its Retry-After state (POL-03). */
export function hostKeyOf(url: string | URL): string {
  const u = typeof url === "string" ? new URL(url) : url;
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  return `${u.hostname.toLowerCase()}:${port}`;
}

/**
 * Creates a limiter. It holds state for one process: several processes share politeness through storage
 * (a persisted `host_next_allowed_at`), which the pipeline owns.
 */
export function createHostLimiter(options: HostLimiterOptions = {}): HostLimiter {
  const maxInFlight = options.maxInFlight ?? MAX_IN_FLIGHT_PER_HOST;
  const minIntervalMs = options.minIntervalMs ?? MIN_HOST_INTERVAL_MS;
  const clock = options.clock ?? realLimiterClock;
  const hosts = new Map<string, HostState>();
  const firstStartAt = options.assumeSentAtStart ? clock.now() + minIntervalMs : 0;

  const stateOf = (key: string): HostState => {
    let s = hosts.get(key);
    if (!s) {
      s = { inFlight: 0, unsent: 0, nextStartAt: firstStartAt, waiters: [] };
      hosts.set(key, s);
    }
    return s;
  };

  /** Takes a request start on `key`: a slot too when `withSlot` (a redirect hop runs in its task's slot). */
  const acquire = async (key: string, maxWaitMs: number | undefined, withSlot: boolean): Promise<void> => {
    const s = stateOf(key);
    for (;;) {
      if ((withSlot && s.inFlight >= maxInFlight) || s.unsent > 0) {
        await new Promise<void>((resolve) => s.waiters.push(resolve));
        continue;
      }
      const wait = s.nextStartAt - clock.now();
      if (wait > 0) {
        if (maxWaitMs !== undefined && wait > maxWaitMs) {
          throw new AkhbarError("fetch.host_paused", `fetch: host ${key} is paused for ${wait} ms more`, {
            hostKey: key,
            waitMs: wait,
          });
        }
        await clock.sleep(wait);
        continue;
      }
      if (withSlot) s.inFlight++;
      s.unsent++;
      s.nextStartAt = clock.now() + minIntervalMs;
      return;
    }
  };

  /** Every waiter re-checks: waking one that still cannot go (all slots busy) must not strand a hop behind it. */
  const wake = (s: HostState): void => {
    for (const resolve of s.waiters.splice(0)) resolve();
  };

  /** Marks the host's request sent: the spacing restarts from now and the next request may be let go. */
  const markSent = (s: HostState): void => {
    s.nextStartAt = Math.max(s.nextStartAt, clock.now() + minIntervalMs);
    s.unsent--;
    wake(s);
  };

  return {
    async schedule(hostKey, task, scheduleOptions) {
      const maxWaitMs = scheduleOptions?.maxWaitMs;
      await acquire(hostKey, maxWaitMs, true);
      const home = stateOf(hostKey);
      // The host the latest request (first or hop) went to, and whether its head is still unwritten.
      let current = home;
      let unsent = true;
      const start: RequestStart = {
        sent() {
          if (unsent) {
            unsent = false;
            markSent(current);
          } else current.nextStartAt = Math.max(current.nextStartAt, clock.now() + minIntervalMs);
        },
        async hop(nextHostKey) {
          if (unsent) start.sent();
          await acquire(nextHostKey, maxWaitMs, false);
          current = stateOf(nextHostKey);
          unsent = true;
        },
      };
      try {
        return await task(start);
      } finally {
        if (unsent) markSent(current);
        home.inFlight--;
        if (options.spaceAfterCompletion) {
          // The request ends at the host that answered last; the first host's own request ended with its redirect.
          current.nextStartAt = Math.max(current.nextStartAt, clock.now() + minIntervalMs);
        }
        wake(home);
      }
    },
    pauseHost(hostKey, untilMs) {
      const s = stateOf(hostKey);
      s.nextStartAt = Math.max(s.nextStartAt, untilMs);
    },
    nextStartAt: (hostKey) => stateOf(hostKey).nextStartAt,
    inFlight: (hostKey) => stateOf(hostKey).inFlight,
  };
}

/**
 * The pause a response asks for: Retry-After on 429/503 (capped; DEFAULT_RETRY_AFTER_MS when missing or junk),
 * else null. Example: (429, "120") -> 120000.
 */
export function retryPauseMs(status: number, retryAfter: string | undefined, nowMs: number): number | null {
  if (status !== 429 && status !== 503) return null;
  return parseRetryAfter(retryAfter, nowMs) ?? DEFAULT_RETRY_AFTER_MS;
}
