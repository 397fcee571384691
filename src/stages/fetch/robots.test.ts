import { describe, expect, it } from "vitest";
import { createRobotsCache, isAllowedByRobots, parseRobots, robotsForStatus } from "./robots.ts";

const ROBOTS = `
# comment
User-agent: *
Disallow: /news/
Allow: /news/public/
Disallow: /*.pdf$
Disallow: /search?

User-agent: Googlebot
User-agent: AKHBAR
Disallow: /private
Allow: /private/ok
Disallow: /\u0623\u062e\u0628\u0627\u0631/

User-agent: otherbot
Disallow: /

Sitemap: https://a.test/sitemap.xml
`;

describe("isAllowedByRobots (RFC 9309)", () => {
  const rules = parseRobots(ROBOTS);
  const star = parseRobots(
    "User-agent: *\nDisallow: /news/\nAllow: /news/public/\nDisallow: /*.pdf$\nDisallow: /search?\n",
  );
  const rows: { why: string; rules: typeof rules; url: string; allowed: boolean }[] = [
    { why: "a path no rule matches", rules: star, url: "https://a.test/about", allowed: true },
    { why: "a disallowed prefix", rules: star, url: "https://a.test/news/1", allowed: false },
    {
      why: "a longer allow beats a shorter disallow",
      rules: star,
      url: "https://a.test/news/public/1",
      allowed: true,
    },
    { why: "`$` anchors the end", rules: star, url: "https://a.test/doc.pdf", allowed: false },
    {
      why: "`$` does not match a longer path",
      rules: star,
      url: "https://a.test/doc.pdf.html",
      allowed: true,
    },
    {
      why: "the query string is part of the path",
      rules: star,
      url: "https://a.test/search?q=x",
      allowed: false,
    },
    {
      why: "our group is chosen case-insensitively over *",
      rules,
      url: "https://a.test/news/1",
      allowed: true,
    },
    { why: "our group's disallow applies", rules, url: "https://a.test/private/x", allowed: false },
    { why: "our group's longer allow applies", rules, url: "https://a.test/private/ok", allowed: true },
    {
      why: "a raw UTF-8 rule matches the encoded Arabic path",
      rules,
      url: "https://a.test/\u0623\u062e\u0628\u0627\u0631/1",
      allowed: false,
    },
    {
      why: "robots.txt itself is always allowed",
      rules: parseRobots("User-agent: *\nDisallow: /"),
      url: "https://a.test/robots.txt",
      allowed: true,
    },
  ];
  for (const row of rows) {
    it(`${row.allowed ? "allows" : "disallows"} ${row.why}`, () => {
      expect(isAllowedByRobots(row.rules, row.url)).toBe(row.allowed);
    });
  }

  it("prefers Allow when an allow and a disallow match with equal length", () => {
    expect(
      isAllowedByRobots(parseRobots("User-agent: *\nDisallow: /page\nAllow: /page\n"), "https://a.test/page"),
    ).toBe(true);
  });

  it("collects sitemap lines", () => {
    expect(rules.sitemaps).toEqual(["https://a.test/sitemap.xml"]);
  });

  it("applies rules near the end of a 600 KiB file (POL-06)", () => {
    const big = `User-agent: *\n${"# filler line to pad the file out\n".repeat(18_500)}Disallow: /late/\n`;
    expect(big.length).toBeGreaterThan(600 * 1024);
    expect(isAllowedByRobots(parseRobots(big), "https://a.test/late/x")).toBe(false);
  });

  it("allows all on 4xx and disallows all on 5xx and 429", () => {
    expect(isAllowedByRobots(robotsForStatus(404), "https://a.test/x")).toBe(true);
    expect(isAllowedByRobots(robotsForStatus(503), "https://a.test/x")).toBe(false);
    expect(isAllowedByRobots(robotsForStatus(429), "https://a.test/x")).toBe(false);
  });
});

describe("createRobotsCache", () => {
  it("fetches once per origin within the TTL and again after it", async () => {
    let t = 0;
    let fetches = 0;
    const cache = createRobotsCache({
      now: () => t,
      ttlMs: 1000,
      fetchRobots: async () => {
        fetches++;
        return { status: 200, body: "User-agent: *\nDisallow: /news/" };
      },
    });
    expect(
      await Promise.all([cache.isAllowed("https://a.test/news/1"), cache.isAllowed("https://a.test/x")]),
    ).toEqual([false, true]);
    expect(fetches).toBe(1);
    t = 1001;
    await cache.isAllowed("https://a.test/x");
    expect(fetches).toBe(2);
  });

  it("disallows an origin whose robots.txt is unreachable, and retries after the error TTL", async () => {
    let t = 0;
    let fail = true;
    const cache = createRobotsCache({
      now: () => t,
      errorTtlMs: 500,
      fetchRobots: async () => {
        if (fail) throw new Error("ECONNREFUSED");
        return { status: 404, body: "" };
      },
    });
    expect(await cache.isAllowed("https://a.test/x")).toBe(false);
    fail = false;
    expect(await cache.isAllowed("https://a.test/x")).toBe(false);
    t = 501;
    expect(await cache.isAllowed("https://a.test/x")).toBe(true);
  });

  it("peeks at fresh cached rules only: unknown before the fetch ends, after the TTL, and for other origins", async () => {
    let t = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const cache = createRobotsCache({
      now: () => t,
      ttlMs: 1000,
      fetchRobots: async () => {
        await gate;
        return { status: 200, body: "User-agent: *\nDisallow: /private/" };
      },
    });
    expect(cache.peek("https://a.test/x")).toBeUndefined();
    const pending = cache.isAllowed("https://a.test/x");
    expect(cache.peek("https://a.test/x")).toBeUndefined();
    release();
    expect(await pending).toBe(true);
    expect([cache.peek("https://a.test/x"), cache.peek("https://a.test/private/1")]).toEqual([true, false]);
    expect(cache.peek("https://b.test/x")).toBeUndefined();
    expect(cache.peek("http://a.test/x")).toBeUndefined();
    t = 1000;
    expect(cache.peek("https://a.test/x")).toBeUndefined();
  });
});
