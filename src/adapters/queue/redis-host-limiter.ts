/**
 * RedisHostLimiter: the per-host politeness of stages/fetch/host-limiter.ts (at most N requests in flight, a
 * minimum spacing counted from when each request is sent, redirect hops included, none let go while the previous
 * is unsent, Retry-After pauses) shared by every worker process through Redis. Adapter (IO):
 * one Lua script per step, so check-and-take is atomic; times come from Redis's clock, so workers on machines
 * with skewed clocks still agree.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { AkhbarError } from "../../domain/errors.ts";
import {
  type HostLimiter,
  type HostLimiterOptions,
  MAX_IN_FLIGHT_PER_HOST,
  MIN_HOST_INTERVAL_MS,
  type RequestStart,
  type ScheduleOptions,
} from "../../stages/fetch/host-limiter.ts";

/**
 * How long a taken slot counts when its holder never gives it back (the worker was killed mid-request): above the
 * transport's 30 s total request deadline (notes/reliability.md section 4), so a live slow request never
 * overlaps a third one.
 */
export const HOST_SLOT_LEASE_MS = 45_000;

/** Poll period while a host's slots are all taken: short against the 5 s spacing, cheap for Redis. */
export const BUSY_POLL_MS = 50;

// KEYS: slots (zset token -> lease expiry), next (earliest next start, ms), unsent (zset of slots taken whose
// request is not yet written). ARGV: token, maxInFlight, minIntervalMs, leaseMs. Returns {waitMs, nextStartAt}:
// waitMs 0 = slot taken, -1 = all slots busy or the previous request not yet sent.
const ACQUIRE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextAt > now then return {nextAt - now, nextAt} end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return {-1, nextAt} end
if redis.call('ZCARD', KEYS[3]) > 0 then return {-1, nextAt} end
local lease = tonumber(ARGV[4])
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[1], lease)
redis.call('ZADD', KEYS[3], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[3], lease)
nextAt = now + tonumber(ARGV[3])
redis.call('SET', KEYS[2], nextAt, 'PX', tonumber(ARGV[3]) + 1000)
return {0, nextAt}
`;

// KEYS: next, unsent. ARGV: token, minIntervalMs, leaseMs. A redirect hop: a request start without a slot (it runs
// in its task's). Returns {waitMs, nextStartAt} as ACQUIRE does.
const HOP_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextAt > now then return {nextAt - now, nextAt} end
if redis.call('ZCARD', KEYS[2]) > 0 then return {-1, nextAt} end
local lease = tonumber(ARGV[3])
redis.call('ZADD', KEYS[2], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[2], lease)
nextAt = now + tonumber(ARGV[2])
redis.call('SET', KEYS[1], nextAt, 'PX', tonumber(ARGV[2]) + 1000)
return {0, nextAt}
`;

// KEYS: unsent, next. ARGV: token, minIntervalMs. The request's head is written: spacing restarts from now.
const SENT_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[1], ARGV[1])
local nextAt = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), now + tonumber(ARGV[2]))
redis.call('SET', KEYS[2], nextAt, 'PX', tonumber(ARGV[2]) + 1000)
return nextAt
`;

// KEYS: slots, next, unsent. ARGV: token, spacing after completion in ms (0 = none). Returns the next start.
const RELEASE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[2]) or '0')
local gap = tonumber(ARGV[2])
if gap > 0 and now + gap > nextAt then
  nextAt = now + gap
  redis.call('SET', KEYS[2], nextAt, 'PX', gap + 1000)
end
return nextAt
`;

// KEYS: next. ARGV: pause end as a delay from now in ms (callers' clocks differ; the delay does not).
const PAUSE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilAt = now + tonumber(ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilAt > nextAt then redis.call('SET', KEYS[1], untilAt, 'PX', tonumber(ARGV[1]) + 1000) end
return untilAt
`;

type LimiterRedis = Redis & {
  akhbarHostAcquire(
    slots: string,
    next: string,
    unsent: string,
    ...args: (string | number)[]
  ): Promise<[number, number]>;
  akhbarHostHop(
    next: string,
    unsent: string,
    token: string,
    minIntervalMs: number,
    leaseMs: number,
  ): Promise<[number, number]>;
  akhbarHostSent(unsent: string, next: string, token: string, minIntervalMs: number): Promise<number>;
  akhbarHostRelease(slots: string, next: string, unsent: string, token: string, gap: number): Promise<number>;
  akhbarHostPause(next: string, delayMs: number): Promise<number>;
};

export interface RedisHostLimiterOptions extends Omit<HostLimiterOptions, "clock"> {
  /** Key prefix, the queue's (one per deployment or test). */
  prefix?: string;
  slotLeaseMs?: number;
}

/** A HostLimiter over Redis; `nextStartAt` and `inFlight` answer from what this process last saw. */
export function createRedisHostLimiter(redis: Redis, options: RedisHostLimiterOptions = {}): HostLimiter {
  const maxInFlight = options.maxInFlight ?? MAX_IN_FLIGHT_PER_HOST;
  const minIntervalMs = options.minIntervalMs ?? MIN_HOST_INTERVAL_MS;
  const leaseMs = options.slotLeaseMs ?? HOST_SLOT_LEASE_MS;
  const prefix = options.prefix ?? "akhbar";
  const r = redis as LimiterRedis;
  if (typeof r.akhbarHostHop !== "function") {
    redis.defineCommand("akhbarHostAcquire", { numberOfKeys: 3, lua: ACQUIRE_LUA });
    redis.defineCommand("akhbarHostHop", { numberOfKeys: 2, lua: HOP_LUA });
    redis.defineCommand("akhbarHostSent", { numberOfKeys: 2, lua: SENT_LUA });
    redis.defineCommand("akhbarHostRelease", { numberOfKeys: 3, lua: RELEASE_LUA });
    redis.defineCommand("akhbarHostPause", { numberOfKeys: 1, lua: PAUSE_LUA });
  }
  const processId = randomBytes(6).toString("hex");
  let counter = 0;
  const seenNext = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const keys = (hostKey: string) =>
    [
      `${prefix}:host:${hostKey}:slots`,
      `${prefix}:host:${hostKey}:next`,
      `${prefix}:host:${hostKey}:unsent`,
    ] as const;
  // Redis's clock (its epoch ms) and this process's differ by the skew; delays are what both agree on.
  const remember = (hostKey: string, waitMs: number) =>
    seenNext.set(hostKey, Date.now() + Math.max(0, waitMs));

  /** Takes a request start on `hostKey`: a slot too when `withSlot` (a redirect hop runs in its task's slot). */
  const acquire = async (
    hostKey: string,
    token: string,
    schedule: ScheduleOptions | undefined,
    withSlot: boolean,
  ) => {
    const [slots, next, unsent] = keys(hostKey);
    for (;;) {
      const [waitMs] = withSlot
        ? await r.akhbarHostAcquire(slots, next, unsent, token, maxInFlight, minIntervalMs, leaseMs)
        : await r.akhbarHostHop(next, unsent, token, minIntervalMs, leaseMs);
      if (waitMs === 0) {
        remember(hostKey, minIntervalMs);
        return;
      }
      if (waitMs > 0) {
        remember(hostKey, waitMs);
        if (schedule?.maxWaitMs !== undefined && waitMs > schedule.maxWaitMs) {
          throw new AkhbarError(
            "fetch.host_paused",
            `fetch: host ${hostKey} is paused for ${waitMs} ms more`,
            {
              hostKey,
              waitMs,
            },
          );
        }
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs > 0 ? waitMs : BUSY_POLL_MS));
    }
  };

  return {
    async schedule(hostKey, task, scheduleOptions) {
      const token = `${processId}-${++counter}`;
      await acquire(hostKey, token, scheduleOptions, true);
      inFlight.set(hostKey, (inFlight.get(hostKey) ?? 0) + 1);
      // The host the latest request (first or redirect hop) went to.
      let current = hostKey;
      let headUnsent = true;
      const start: RequestStart = {
        sent() {
          headUnsent = false;
          // Commands on one connection run in order, so this lands before a later hop's or the release's.
          const [, next, unsent] = keys(current);
          remember(current, minIntervalMs);
          void r.akhbarHostSent(unsent, next, token, minIntervalMs).catch(() => {});
        },
        async hop(nextHostKey) {
          // A hop to the same host would otherwise wait for its own unreported request.
          if (headUnsent) start.sent();
          await acquire(nextHostKey, token, scheduleOptions, false);
          current = nextHostKey;
          headUnsent = true;
        },
      };
      try {
        return await task(start);
      } finally {
        inFlight.set(hostKey, (inFlight.get(hostKey) ?? 1) - 1);
        // The request ends at the host that answered last; the first host's own request ended with its redirect.
        const gap = options.spaceAfterCompletion ? minIntervalMs : 0;
        // A lost release only holds the slot until its lease ends; the request's result must not be lost for it.
        const release = (h: string, g: number) => {
          const [slots, next, unsent] = keys(h);
          return r.akhbarHostRelease(slots, next, unsent, token, g).catch(() => {});
        };
        if (current !== hostKey) await release(current, gap);
        await release(hostKey, current === hostKey ? gap : 0);
        if (gap > 0) remember(current, gap);
      }
    },
    pauseHost(hostKey, untilMs) {
      const delay = Math.max(0, Math.round(untilMs - Date.now()));
      seenNext.set(hostKey, Math.max(seenNext.get(hostKey) ?? 0, untilMs));
      void r.akhbarHostPause(keys(hostKey)[1], delay).catch(() => {});
    },
    nextStartAt: (hostKey) => seenNext.get(hostKey) ?? 0,
    inFlight: (hostKey) => inFlight.get(hostKey) ?? 0,
  };
}
