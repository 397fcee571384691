/**
 * Redis for tests: the server (AKHBAR_TEST_REDIS_URL, else redis://127.0.0.1:6379), a key prefix unique to the
 * test file, and cleanup of every key under it. Test helper (IO). Unreachable Redis fails in CI, never skips.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export const TEST_REDIS_URL = process.env.AKHBAR_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Throws when Redis does not answer in CI (it is always there); elsewhere returns false with a warning. */
export async function requireRedis(file: string): Promise<boolean> {
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    if (process.env.CI === "true") throw new Error(`${file}: Redis at ${TEST_REDIS_URL} is required in CI`);
    console.warn(`${file}: Redis not reachable at ${TEST_REDIS_URL}; skipping its Redis tests`);
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A prefix no other test file or run uses: `akhbar-test-<pid>-<random>`. */
export function newTestPrefix(): string {
  return `akhbar-test-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** A queue-ready connection (BullMQ needs maxRetriesPerRequest null). */
export function connectTestRedis(): Redis {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  redis.on("error", () => {});
  return redis;
}

/** Deletes every key starting with `prefix` (SCAN, so a busy server is not blocked). */
export async function dropTestKeys(prefix: string): Promise<number> {
  const redis = connectTestRedis();
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
  return deleted;
}
