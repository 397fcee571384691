import { afterAll, describe, expect, it } from "vitest";
import {
  connectTestRedis,
  dropTestKeys,
  newTestPrefix,
  requireRedis,
} from "../../../test/contract/redis-test-keys.ts";
import { isAkhbarError } from "../../domain/errors.ts";
import type { RequestStart } from "../../stages/fetch/host-limiter.ts";
import { createRedisHostLimiter } from "./redis-host-limiter.ts";

const redisUp = await requireRedis("redis-host-limiter.test.ts");
const prefix = newTestPrefix();
const connections = redisUp ? [connectTestRedis(), connectTestRedis(), connectTestRedis()] : [];
afterAll(async () => {
  await Promise.all(connections.map((c) => c.quit()));
  if (redisUp) await dropTestKeys(prefix);
});

describe.runIf(redisUp)("RedisHostLimiter", () => {
  it("holds concurrency and start spacing per host across three processes' limiters", async () => {
    const minIntervalMs = 40;
    const limiters = connections.map((redis) =>
      createRedisHostLimiter(redis, { prefix: `${prefix}-a`, maxInFlight: 2, minIntervalMs }),
    );
    let running = 0;
    let most = 0;
    const starts: number[] = [];
    const task = async (start: RequestStart) => {
      start.sent();
      starts.push(performance.now());
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 60));
      running--;
    };
    await Promise.all(
      limiters.flatMap((l) => Array.from({ length: 6 }, () => l.schedule("news.test:443", task))),
    );
    starts.sort((a, b) => a - b);
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
    expect(starts).toHaveLength(18);
    expect(most).toBe(2);
    // Redis grants starts >= 40 ms apart; measured here after the reply, so allow a few ms of network jitter.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(minIntervalMs - 8);
    // And the host is kept busy: 18 starts need about 17 intervals, not a serial 18 x 60 ms.
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeLessThan(17 * minIntervalMs * 2);
  });

  it("keeps different hosts independent", async () => {
    const limiter = createRedisHostLimiter(connections[0]!, {
      prefix: `${prefix}-b`,
      maxInFlight: 1,
      minIntervalMs: 500,
    });
    const t0 = performance.now();
    await Promise.all(
      ["a.test:80", "b.test:80", "c.test:80"].map((h) => limiter.schedule(h, async () => {})),
    );
    expect(performance.now() - t0).toBeLessThan(300);
  });

  it("shares a Retry-After pause: another process's limiter refuses to wait past its limit", async () => {
    const [a, b] = connections.map((redis) =>
      createRedisHostLimiter(redis, { prefix: `${prefix}-c`, minIntervalMs: 1 }),
    );
    a!.pauseHost("busy.test:443", Date.now() + 2_000);
    await new Promise((r) => setTimeout(r, 50));
    const err = await b!
      .schedule("busy.test:443", async () => "ran", { maxWaitMs: 500 })
      .catch((e: unknown) => e);
    expect(isAkhbarError(err, "fetch.host_paused")).toBe(true);
    expect(b!.nextStartAt("busy.test:443")).toBeGreaterThan(Date.now() + 1_000);
  });

  it("frees the slots of a process that died holding them once their lease ends", async () => {
    const opts = { prefix: `${prefix}-d`, maxInFlight: 2, minIntervalMs: 1, slotLeaseMs: 500 };
    const dead = createRedisHostLimiter(connections[0]!, opts);
    const alive = createRedisHostLimiter(connections[1]!, opts);
    // Two sent requests that never end stand for a SIGKILLed worker's slots.
    const hang = (start: RequestStart) => {
      start.sent();
      return new Promise(() => {});
    };
    void dead.schedule("h.test:80", hang);
    void dead.schedule("h.test:80", hang);
    // The second waits for the first's "sent" to reach Redis (one busy poll) before it takes its slot.
    await new Promise((r) => setTimeout(r, 150));
    const t0 = performance.now();
    expect(await alive.schedule("h.test:80", async () => "ok")).toBe("ok");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it("sends a redirect hop to another host without one of its slots, and clears the hop's mark when the task ends", async () => {
    const p = `${prefix}-e`;
    const limiter = createRedisHostLimiter(connections[0]!, { prefix: p, maxInFlight: 1, minIntervalMs: 50 });
    // b.test's only slot is held until the redirected task is done: a hop waiting for it would never go.
    let releaseB = () => {};
    let bStarted = () => {};
    const started = new Promise<void>((resolve) => {
      bStarted = resolve;
    });
    const held = limiter.schedule("b.test:80", (start) => {
      start.sent();
      bStarted();
      return new Promise<void>((resolve) => {
        releaseB = resolve;
      });
    });
    await started;
    const hops: string[] = [];
    await limiter.schedule("a.test:80", async (start) => {
      start.sent();
      await start.hop("b.test:80");
      hops.push("b.test:80");
      // The hop is never reported sent (its connection failed): ending the task must still clear its mark.
    });
    releaseB();
    await held;
    expect(hops).toEqual(["b.test:80"]);
    expect(await connections[1]!.zcard(`${p}:host:b.test:80:unsent`)).toBe(0);
    expect(await connections[1]!.zcard(`${p}:host:b.test:80:slots`)).toBe(0);
  });
});
