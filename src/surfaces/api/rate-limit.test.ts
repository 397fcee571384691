import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { rateLimit } from "./rate-limit.ts";

function appWith(now: { t: number }, trustProxy = false) {
  const app = new Hono();
  app.use("*", rateLimit({ burst: 3, perSecond: 1, now: () => now.t, trustProxy }));
  app.get("/", (c) => c.text("ok"));
  return app;
}

describe("rate limiting", () => {
  it("lets a burst through, then answers 429 with Retry-After and the JSON error shape", async () => {
    const now = { t: 0 };
    const app = appWith(now);
    for (let i = 0; i < 3; i++) expect((await app.request("/")).status).toBe(200);
    const refused = await app.request("/");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toEqual({
      error: { code: "api.rate_limited", message: expect.any(String) },
    });
  });

  it("refills the bucket over time", async () => {
    const now = { t: 0 };
    const app = appWith(now);
    for (let i = 0; i < 3; i++) await app.request("/");
    now.t += 2000;
    expect((await app.request("/")).status).toBe(200);
    expect((await app.request("/")).status).toBe(200);
    expect((await app.request("/")).status).toBe(429);
  });

  it("ignores X-Forwarded-For unless a trusted proxy sets it", async () => {
    const now = { t: 0 };
    const app = appWith(now);
    for (let i = 0; i < 3; i++) await app.request("/", { headers: { "x-forwarded-for": `10.0.0.${i}` } });
    expect((await app.request("/", { headers: { "x-forwarded-for": "10.0.0.9" } })).status).toBe(429);
    const proxied = appWith({ t: 0 }, true);
    for (let i = 0; i < 5; i++)
      expect((await proxied.request("/", { headers: { "x-forwarded-for": `10.0.0.${i}` } })).status).toBe(
        200,
      );
  });
});
