import { afterAll, describe, expect, it } from "vitest";
import { BullMqJobQueue } from "../../src/adapters/queue/bullmq-job-queue.ts";
import { InProcessJobQueue } from "../../src/adapters/queue/in-process-job-queue.ts";
import { checkRedisForQueue, openRedis } from "../../src/adapters/queue/open-redis.ts";
import { isAkhbarError } from "../../src/domain/errors.ts";
import { describeJobQueueContract } from "./job-queue-contract.ts";
import {
  connectTestRedis,
  dropTestKeys,
  newTestPrefix,
  requireRedis,
  TEST_REDIS_URL,
} from "./redis-test-keys.ts";

const redisUp = await requireRedis("job-queue.test.ts");
const prefix = newTestPrefix();
const connections: ReturnType<typeof connectTestRedis>[] = [];
let opened = 0;

afterAll(async () => {
  await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
  if (redisUp) {
    await dropTestKeys(prefix);
    const left = await dropTestKeys(prefix);
    expect(left).toBe(0);
  }
});

describeJobQueueContract("in-process", async () => new InProcessJobQueue());

describe.runIf(redisUp)("bullmq", () => {
  // Each test gets its own queues under the file's prefix; afterAll deletes them all.
  describeJobQueueContract("bullmq", async () => {
    const redis = connectTestRedis();
    connections.push(redis);
    return new BullMqJobQueue(redis, { prefix: `${prefix}-${++opened}` });
  });

  it("accepts the test server, which runs noeviction (Q-04)", async () => {
    const redis = await openRedis(TEST_REDIS_URL);
    try {
      expect((await checkRedisForQueue(redis)).policy).toBe("noeviction");
    } finally {
      await redis.quit();
    }
  });

  it("refuses a Redis whose maxmemory-policy may evict job keys (Q-04)", async () => {
    const fake = {
      call: async (_c: string, _g: string, name: string) =>
        name === "maxmemory-policy" ? [name, "allkeys-lru"] : [name, "yes"],
    };
    const err = await checkRedisForQueue(fake as never).catch((e: unknown) => e);
    expect(isAkhbarError(err, "queue.redis_eviction")).toBe(true);
  });

  it("warns when Redis keeps no persistence and cannot be asked", async () => {
    const noPersistence = {
      call: async (_c: string, _g: string, name: string) => [
        name,
        name === "appendonly" ? "no" : name === "save" ? "" : "noeviction",
      ],
    };
    expect((await checkRedisForQueue(noPersistence as never)).warnings.join()).toMatch(/neither AOF nor RDB/);
    const locked = { call: async () => Promise.reject(new Error("ERR unknown command 'CONFIG'")) };
    expect((await checkRedisForQueue(locked as never)).warnings.join()).toMatch(/must be noeviction/);
  });
});
