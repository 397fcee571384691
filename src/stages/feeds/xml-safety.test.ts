// biome-ignore lint/style/noRestrictedImports: tests read their fixture files from testdata/.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cpuMsOf } from "../../../test/fixtures/cpu-time.ts";
import { isAkhbarError } from "../../domain/errors.ts";
import { parseFeed } from "./parse-feed.ts";

const text = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8");

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (err) {
    if (isAkhbarError(err)) return err.code;
    throw err;
  }
}

describe("hostile XML (notes/reliability.md section C)", () => {
  it("refuses a feed whose DTD declares an external entity, reading no file (XML-01)", () => {
    expect(codeOf(() => parseFeed(text("xxe-file.xml")))).toBe("feed.parse_error");
  });

  it("refuses an entity pointing at a local URL without any request (XML-01)", () => {
    // parseFeed is pure (no IO at all), so refusing at the DOCTYPE means no hit on any listener.
    const doc = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/">]><rss><channel><title>&x;</title></channel></rss>`;
    expect(codeOf(() => parseFeed(doc))).toBe("feed.parse_error");
  });

  it("keeps an undeclared entity literal rather than resolving anything", () => {
    const doc = parseFeed(`<rss><channel><title>a &x; b</title></channel></rss>`);
    expect(doc.title).toBe("a &x; b");
  });

  const bounded = (name: string, input: string) =>
    it(`rejects ${name} in < 500 ms with heap growth < 50 MB (XML-02/03)`, () => {
      const heap0 = process.memoryUsage().heapUsed;
      let code: string | undefined;
      const ms = cpuMsOf(() => {
        code = codeOf(() => parseFeed(input));
      });
      const growth = process.memoryUsage().heapUsed - heap0;
      expect(code).toBe("feed.parse_error");
      expect(ms).toBeLessThan(500);
      expect(growth).toBeLessThan(50 * 1024 * 1024);
    });
  bounded("billion laughs", text("billion-laughs.xml"));
  bounded(
    "a quadratic blowup",
    `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "${"x".repeat(50_000)}">]><rss><channel><title>${"&a;".repeat(20_000)}</title></channel></rss>`,
  );
  bounded(
    "two DOCTYPEs with limit-resetting entities",
    `<!DOCTYPE r [<!ENTITY a "aaaa">]><!DOCTYPE s [<!ENTITY b "&a;&a;">]><rss><channel><title>&b;</title></channel></rss>`,
  );
  bounded(
    "regex-crafted entity names",
    `<!DOCTYPE r [<!ENTITY ${"(a+)+".replace(/[()+]/g, "a")}${"a".repeat(5000)} "x">]><rss><channel><title>${"&aaaa".repeat(1000)}</title></channel></rss>`,
  );

  it("never pollutes Object.prototype through element or attribute names (XML-04)", () => {
    const doc = `<rss><channel><__proto__><polluted>1</polluted></__proto__><constructor><prototype><polluted2>1</polluted2></prototype></constructor><item __proto__="x"><title>t</title></item></channel></rss>`;
    parseFeed(doc);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted2).toBeUndefined();
  });

  const malformed: [string, string, string][] = [
    ["a truncated document", `<rss><channel><item><title>cut`, "feed.parse_error"],
    ["an empty body", "", "feed.parse_error"],
    ["whitespace only", "  \n ", "feed.parse_error"],
    [
      "an HTML page served as a feed",
      "<!doctype html><html><head></head><body>hi</body></html>",
      "feed.not_a_feed",
    ],
    ["an HTML page without doctype", "<html><body>hi</body></html>", "feed.not_a_feed"],
    ["another XML vocabulary", "<svg xmlns='http://www.w3.org/2000/svg'/>", "feed.not_a_feed"],
    ["invalid JSON", "{ not json", "feed.parse_error"],
    ["plain text", "hello", "feed.parse_error"],
  ];
  for (const [why, input, code] of malformed) {
    it(`fails ${why} with ${code} (XML-05)`, () => expect(codeOf(() => parseFeed(input))).toBe(code));
  }

  it("parses a feed with NUL and other forbidden control characters by stripping them (XML-05)", () => {
    const doc = parseFeed("<rss><channel><title>a\u0000b\u0007c</title></channel></rss>");
    expect(doc.title).toBe("abc");
  });

  it("always returns a document or throws a typed error, on any input (XML-07)", () => {
    const fragments = [
      "<rss>",
      "</rss>",
      "<channel>",
      "</channel>",
      "<item>",
      "</item>",
      "<title>",
      "</title>",
      "<![CDATA[",
      "]]>",
      "&amp;",
      "&x;",
      "<!DOCTYPE x [<!ENTITY a 'b'>]>",
      "<feed xmlns='http://www.w3.org/2005/Atom'>",
      "</feed>",
      "{",
      "\u0627",
      "<link>javascript:x</link>",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string()), { maxLength: 30 }),
        (parts) => {
          try {
            parseFeed(parts.join(""));
          } catch (err) {
            if (!isAkhbarError(err)) throw err;
          }
          return ({} as Record<string, unknown>).polluted === undefined;
        },
      ),
      { seed: 20240512, numRuns: 500 },
    );
  });
});
