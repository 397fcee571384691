// biome-ignore lint/style/noRestrictedImports: this architecture test reads the source tree.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Modules that open connections or make requests; only transport.ts may import them (SSRF-09). */
const NETWORK_MODULES =
  /from\s+["'](undici|node:net|node:tls|node:http|node:https|node:http2|net|tls|http|https|axios|got|node-fetch)["']/;
const GLOBAL_FETCH = /(^|[^.\w])fetch\s*\(/;

function sourceFiles(dir: URL): URL[] {
  const out: URL[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const url = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
    if (entry.isDirectory()) out.push(...sourceFiles(url));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) out.push(url);
  }
  return out;
}

describe("socket boundary (SSRF-09)", () => {
  it("lets only src/stages/fetch/transport.ts import network modules or call global fetch", () => {
    const src = new URL("../../", import.meta.url);
    const allowed = new Set([
      new URL("./transport.ts", import.meta.url).href,
      // Test support: a local listener for tests, never imported by production code.
      new URL("./local-test-server.ts", import.meta.url).href,
    ]);
    const offenders = sourceFiles(src)
      .filter((f) => !allowed.has(f.href) && !f.pathname.includes("/surfaces/"))
      .filter((f) => {
        const text = readFileSync(f, "utf8");
        return NETWORK_MODULES.test(text) || GLOBAL_FETCH.test(text);
      })
      .map((f) => f.pathname.slice(src.pathname.length));
    expect(offenders).toEqual([]);
  });
});
