import { describe, expect, it } from "vitest";
import defaults from "../../config/default-sources.json" with { type: "json" };
import { DEFAULT_ALLOWED_PORTS, EMPTY_ALLOW_LIST } from "./address-policy.ts";
import { checkFetchUrl } from "./request-policy.ts";

describe("default sources", () => {
  const sources = defaults.sources;

  it("lists 25 to 40 outlets with unique slugs", () => {
    expect(sources.length).toBeGreaterThanOrEqual(25);
    expect(sources.length).toBeLessThanOrEqual(40);
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
    for (const s of sources) expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("names each outlet in Arabic with an ISO country or null", () => {
    for (const s of sources) {
      expect(s.name).toMatch(/[\u0600-\u06FF]/);
      if (s.country !== null) expect(s.country).toMatch(/^[A-Z]{2}$/);
    }
  });

  it("covers the wire agencies named in the issue", () => {
    for (const id of ["spa", "wam", "qna", "kuna", "petra", "mena"])
      expect(sources.map((s) => s.id)).toContain(id);
  });

  it("has feed and homepage URLs that pass the fetch URL policy", () => {
    const policy = { allow: EMPTY_ALLOW_LIST, allowedPorts: DEFAULT_ALLOWED_PORTS };
    for (const s of sources) {
      expect(() => checkFetchUrl(s.homepage, policy)).not.toThrow();
      expect(s.feeds.length).toBeGreaterThan(0);
      for (const f of s.feeds) expect(() => checkFetchUrl(f, policy)).not.toThrow();
    }
  });
});
