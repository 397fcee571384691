import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  connectTestRedis,
  dropTestKeys,
  newTestPrefix,
  requireRedis,
} from "../../test/contract/redis-test-keys.ts";
import { type CrawlSite, startCrawlSite } from "../../test/fixtures/crawl-site.ts";
import { createRedisHostLimiter } from "../adapters/queue/redis-host-limiter.ts";
import { openSqliteStorage, type SqliteStorage } from "../adapters/sqlite/open-sqlite-storage.ts";
import { isAkhbarError } from "../domain/errors.ts";
import { systemClock } from "../ports/clock.ts";
import type { HttpClient } from "../ports/http-client.ts";
import { silentLogger } from "../ports/logger.ts";
import { parseAllowList } from "../stages/fetch/address-policy.ts";
import { type HostLimiter, hostKeyOf, sendSpacingMs } from "../stages/fetch/host-limiter.ts";
import { createTransport } from "../stages/fetch/transport.ts";
import { type CrawlSettings, createCrawlContext } from "./crawl-context.ts";
import { inThreadCrawlPreparer } from "./prepare-crawl-item.ts";

const redisUp = await requireRedis("crawl-context.test.ts");
const redis: Redis | null = redisUp ? connectTestRedis() : null;
const prefix = newTestPrefix();
let n = 0;

/** Both limiters the crawler runs with: its own per process, and the one workers share through Redis. */
const limiters: { name: string; make: (intervalMs: number) => HostLimiter | undefined }[] = [
  { name: "the in-process limiter", make: () => undefined },
  ...(redis
    ? [
        {
          name: "the Redis limiter",
          make: (intervalMs: number) =>
            createRedisHostLimiter(redis, {
              prefix: `${prefix}-${++n}`,
              minIntervalMs: sendSpacingMs(intervalMs),
              spaceAfterCompletion: true,
            }),
        },
      ]
    : []),
];

let dir: string;
let site: CrawlSite;
let storage: SqliteStorage;
let http: HttpClient;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "akhbar-crawl-context-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (redis) {
    await redis.quit();
    await dropTestKeys(prefix);
  }
});
beforeEach(async () => {
  site = await startCrawlSite();
  storage = await openSqliteStorage(join(dir, `context-${++n}.db`));
  // Virtual host names all resolve to the loopback listener, which only the test allow-list admits.
  http = createTransport({
    allow: parseAllowList(`127.0.0.1:${site.server.port}`),
    resolve: async () => ["127.0.0.1"],
  });
  site.route("/page", { headers: { "content-type": "text/html" }, body: "<p>page</p>" });
});
afterEach(async () => {
  await http.close();
  await storage.close();
  await site.close();
});

/** Redirects to `to` (a path on the same host, or a full URL). */
const redirectTo = (to: string, status = 301) => ({ status, headers: { location: to } });

/** Gaps between the arrivals the server logged for `host` (a virtual host name). */
function arrivalGaps(host: string): number[] {
  const times = site.startsByHost().get(`${host}:${site.server.port}`) ?? [];
  return times.slice(1).map((t, i) => t - times[i]!);
}

describe.each(limiters)("fetchPolitely with $name", ({ make }) => {
  const context = (intervalMs: number, settings: CrawlSettings = {}) => {
    const limiter = make(intervalMs);
    return createCrawlContext(
      {
        storage,
        http,
        preparer: inThreadCrawlPreparer,
        clock: systemClock,
        log: silentLogger,
        ...(limiter ? { limiter } : {}),
      },
      { hostIntervalMs: intervalMs, ...settings },
    );
  };

  it("sends each redirect hop to the same host at least the host interval after the request before it", async () => {
    const interval = 80;
    // http -> https, a trailing slash, /amp -> canonical: the host redirects to itself, here three times.
    site.route("/amp", redirectTo("/story"));
    site.route("/story", redirectTo("/story/", 302));
    site.route("/story/", redirectTo("/page", 308));
    const res = await context(interval).fetchPolitely({ url: `${site.base("same.test")}/amp` });
    expect(res.status).toBe(200);
    expect(res.redirects).toHaveLength(4);
    const gaps = arrivalGaps("same.test");
    expect(gaps).toHaveLength(3);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval);
  });

  it("sends a hop to another host at least that host's interval after its last request", async () => {
    const interval = 80;
    const ctx = context(interval);
    site.route("/moved", redirectTo(`${site.base("new.test")}/page`));
    // The redirect's target host has just been sent a request of its own; the redirecting host has not.
    const direct = ctx.fetchPolitely({ url: `${site.base("new.test")}/page` });
    const redirected = ctx.fetchPolitely({ url: `${site.base("old.test")}/moved` });
    expect((await Promise.all([direct, redirected])).map((r) => r.status)).toEqual([200, 200]);
    const gaps = arrivalGaps("new.test");
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!).toBeGreaterThanOrEqual(interval);
  });

  it("gives up a hop to a host paused past the longest wait, without sending it", async () => {
    const ctx = context(10, { maxHostWaitMs: 200 });
    site.route("/moved", redirectTo(`${site.base("busy.test")}/page`));
    ctx.limiter.pauseHost(hostKeyOf(site.base("busy.test")), Date.now() + 60_000);
    const err = await ctx.fetchPolitely({ url: `${site.base("calm.test")}/moved` }).catch((e: unknown) => e);
    expect(isAkhbarError(err, "fetch.host_paused")).toBe(true);
    expect(site.startsByHost().has(`calm.test:${site.server.port}`)).toBe(true);
    expect(site.startsByHost().has(`busy.test:${site.server.port}`)).toBe(false);
  });

  it("pauses the host that answered 429, not the one that redirected to it", async () => {
    const ctx = context(10);
    site.route("/moved", redirectTo(`${site.base("busy.test")}/slow-down`));
    site.route("/slow-down", { status: 429, headers: { "retry-after": "120" } });
    const res = await ctx.fetchPolitely({ url: `${site.base("calm.test")}/moved` });
    expect(res.status).toBe(429);
    const pauses = await storage.feeds.listHostPauses(Date.now());
    expect(pauses.map((p) => p.hostKey)).toEqual([hostKeyOf(site.base("busy.test"))]);
    expect(ctx.limiter.nextStartAt(hostKeyOf(site.base("busy.test")))).toBeGreaterThan(Date.now() + 100_000);
    expect(ctx.limiter.nextStartAt(hostKeyOf(site.base("calm.test")))).toBeLessThan(Date.now() + 10_000);
  });
});
