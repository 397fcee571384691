/**
 * openRedis: one ioredis connection for the queue and the shared host limiter, checked for what BullMQ needs
 * `maxmemory-policy noeviction`, persistence). Adapter (IO: Redis).
 */
import { Redis } from "ioredis";
import { AkhbarError } from "../../domain/errors.ts";

/** Connect deadline: a worker that cannot reach Redis should say so, not hang in a retry loop. */
export const REDIS_CONNECT_TIMEOUT_MS = 5_000;

export interface RedisCheck {
  /** maxmemory-policy, or null when CONFIG is disabled (managed Redis). */
  policy: string | null;
  /** True when AOF or RDB snapshots are on; null when unknown. */
  persistent: boolean | null;
  warnings: string[];
}

/** Opens and pings Redis at `url`; throws `queue.redis_unreachable` when it does not answer. */
export async function openRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    // BullMQ's blocking commands must wait forever; its docs require null here.
    maxRetriesPerRequest: null,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    lazyConnect: true,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    // The URL may hold a password: never echo it.
    throw new AkhbarError(
      "queue.redis_unreachable",
      `queue: Redis at AKHBAR_REDIS_URL did not answer (${(err as Error).message})`,
      {},
      { cause: err },
    );
  }
  return redis;
}

/**
 * Refuses (`queue.redis_eviction`) a Redis that may evict keys: BullMQ calls noeviction "the only setting that
 * guarantees correct behavior" — an evicted job key is lost work. Missing persistence is a warning: a restart
 * then loses waiting jobs, which the scheduler re-enqueues from the database, slower but without loss.
 */
export async function checkRedisForQueue(redis: Redis): Promise<RedisCheck> {
  const warnings: string[] = [];
  const read = async (name: string): Promise<string | null> => {
    try {
      const reply = (await redis.call("CONFIG", "GET", name)) as string[];
      return reply[1] ?? null;
    } catch {
      return null;
    }
  };
  const policy = await read("maxmemory-policy");
  if (policy === null) warnings.push("cannot read maxmemory-policy (CONFIG disabled); it must be noeviction");
  else if (policy !== "noeviction") {
    throw new AkhbarError(
      "queue.redis_eviction",
      `queue: Redis maxmemory-policy is "${policy}"; the job queue needs "noeviction" (evicted jobs are lost work)`,
      { policy },
    );
  }
  const aof = await read("appendonly");
  const save = await read("save");
  const persistent =
    aof === null && save === null ? null : aof === "yes" || (save !== null && save.trim() !== "");
  if (persistent === false) {
    warnings.push(
      "Redis has neither AOF nor RDB snapshots: a Redis restart drops queued jobs (re-enqueued from the database)",
    );
  }
  return { policy, persistent, warnings };
}
