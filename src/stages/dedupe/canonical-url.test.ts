import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../../domain/errors.ts";
import { canonicalizeUrl } from "./canonical-url.ts";

/** Arabic "خبر" (KHAH, BEH, REH), raw and as UTF-8 percent escapes. */
const KHABAR = "\u062e\u0628\u0631";
const KHABAR_ENCODED = "%D8%AE%D8%A8%D8%B1";

const CASES: { name: string; input: string; expected: string }[] = [
  {
    name: "lowercases scheme and host but not the path",
    input: "HTTP://WWW.Alriyadh.COM/News/1",
    expected: "http://www.alriyadh.com/News/1",
  },
  {
    name: "drops the default http port",
    input: "http://example.com:80/a",
    expected: "http://example.com/a",
  },
  {
    name: "drops the default https port",
    input: "https://example.com:443/a",
    expected: "https://example.com/a",
  },
  {
    name: "keeps a non-default port: it is another server",
    input: "http://example.com:8080/a",
    expected: "http://example.com:8080/a",
  },
  {
    name: "keeps http and https apart: the store compares without the scheme",
    input: "https://example.com/a",
    expected: "https://example.com/a",
  },
  {
    name: "drops the fragment: it never selects another page",
    input: "http://example.com/a#comments",
    expected: "http://example.com/a",
  },
  {
    name: "keeps a hash-bang fragment: AJAX sites select the article with it",
    input: "http://example.com/#!/news/12",
    expected: "http://example.com/#!/news/12",
  },
  {
    name: "removes utm_* campaign parameters in any case",
    input: "http://example.com/a?utm_source=tw&UTM_Medium=social&utm_campaign=x",
    expected: "http://example.com/a",
  },
  {
    name: "removes click ids",
    input: "http://example.com/a?fbclid=1&gclid=2&msclkid=3&yclid=4&dclid=5",
    expected: "http://example.com/a",
  },
  {
    name: "removes share and referral markers",
    input: "http://example.com/a?ref=home&share=1&igshid=z&_ga=1.2&mc_cid=a&mc_eid=b",
    expected: "http://example.com/a",
  },
  {
    name: "removes the valueless almadina ?weekly flag (451 corpus duplicates)",
    input: "http://www.al-madina.com/node/619845/x.html?weekly",
    expected: "http://www.al-madina.com/node/619845/x.html",
  },
  {
    name: "removes the valueless almadina ?live flag",
    input: "http://www.al-madina.com/node/619845/x.html?live",
    expected: "http://www.al-madina.com/node/619845/x.html",
  },
  {
    name: "keeps a junk-named key that carries a value: it may select content",
    input: "http://example.com/a?live=123",
    expected: "http://example.com/a?live=123",
  },
  {
    name: "keeps the article id in the query (alwatan, SPA)",
    input: "http://www.alwatan.com.sa/Politics/News_Detail.aspx?ArticleID=229134&CategoryID=1",
    expected: "http://www.alwatan.com.sa/Politics/News_Detail.aspx?ArticleID=229134&CategoryID=1",
  },
  {
    name: "sorts the kept parameters so their order does not matter",
    input: "http://example.com/a?b=2&utm_source=x&a=1",
    expected: "http://example.com/a?a=1&b=2",
  },
  {
    name: "keeps the relative order of a repeated key",
    input: "http://example.com/a?id=2&id=1",
    expected: "http://example.com/a?id=2&id=1",
  },
  {
    name: "drops an empty query and empty pairs",
    input: "http://example.com/a?&&",
    expected: "http://example.com/a",
  },
  {
    name: "percent-encodes a raw Arabic path",
    input: `http://example.com/${KHABAR}/1`,
    expected: `http://example.com/${KHABAR_ENCODED}/1`,
  },
  {
    name: "uppercases lowercase percent escapes of an Arabic path",
    input: `http://example.com/${KHABAR_ENCODED.toLowerCase()}/1`,
    expected: `http://example.com/${KHABAR_ENCODED}/1`,
  },
  {
    name: "encodes raw Arabic in a query value like its escaped form",
    input: `http://example.com/s?q=${KHABAR}`,
    expected: `http://example.com/s?q=${KHABAR_ENCODED}`,
  },
  {
    name: "decodes escaped unreserved characters (RFC 3986 6.2.2.2)",
    input: "http://example.com/%7Euser/%41b",
    expected: "http://example.com/~user/Ab",
  },
  {
    name: "keeps an escaped slash: decoding it would change the path",
    input: "http://example.com/a%2fb",
    expected: "http://example.com/a%2Fb",
  },
  {
    name: "removes a trailing /amp segment (AMP copy of the article)",
    input: "http://example.com/2015/07/slug/amp/",
    expected: "http://example.com/2015/07/slug/",
  },
  {
    name: "removes a trailing /amp without slash",
    input: "http://example.com/news/12/amp",
    expected: "http://example.com/news/12",
  },
  {
    name: "keeps a page that is only /amp",
    input: "http://example.com/amp",
    expected: "http://example.com/amp",
  },
  {
    name: "removes ?amp and ?amp=1",
    input: "http://example.com/news/12?amp=1",
    expected: "http://example.com/news/12",
  },
  {
    name: "resolves dot segments",
    input: "http://example.com/a/./b/../c",
    expected: "http://example.com/a/c",
  },
  {
    name: "adds the root path to a bare host",
    input: "http://example.com",
    expected: "http://example.com/",
  },
  {
    name: "removes the trailing dot of a fully-qualified host",
    input: "http://example.com./a",
    expected: "http://example.com/a",
  },
  {
    name: "drops user info",
    input: "http://user:pw@example.com/a",
    expected: "http://example.com/a",
  },
  {
    name: "writes an Arabic host in punycode",
    input: `http://${KHABAR}.com/a`,
    expected: "http://xn--ngblk.com/a",
  },
  {
    name: "trims surrounding whitespace",
    input: "  http://example.com/a \n",
    expected: "http://example.com/a",
  },
];

describe("canonicalizeUrl", () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(canonicalizeUrl(c.input)).toBe(c.expected);
    });
  }

  it("gives raw and percent-encoded Arabic URLs the same key", () => {
    expect(canonicalizeUrl(`http://sabq.org/${KHABAR}-1`)).toBe(
      canonicalizeUrl(`http://sabq.org/${KHABAR_ENCODED.toLowerCase()}-1`),
    );
  });

  for (const bad of ["", "not a url", "/relative/path", "ftp://example.com/a", "mailto:a@b.c", "http://"]) {
    it(`throws url.invalid for ${JSON.stringify(bad)}`, () => {
      let caught: unknown;
      try {
        canonicalizeUrl(bad);
      } catch (err) {
        caught = err;
      }
      expect(isAkhbarError(caught, "url.invalid")).toBe(true);
    });
  }

  const arabicSegment = fc
    .array(fc.integer({ min: 0x0621, max: 0x064a }), { minLength: 1, maxLength: 8 })
    .map((cps) => String.fromCodePoint(...cps));
  const queryKey = fc.constantFrom(
    "id",
    "ArticleID",
    "utm_source",
    "fbclid",
    "weekly",
    "live",
    "amp",
    "b",
    "a",
  );
  const queryPair = fc.tuple(queryKey, fc.option(fc.string({ maxLength: 6 }), { nil: undefined }));
  const arabicUrl = fc
    .tuple(
      fc.constantFrom("http", "https", "HTTP"),
      fc.constantFrom("example.com", "WWW.Example.com.", "sabq.org:80"),
      fc.array(fc.oneof(arabicSegment, fc.webSegment(), fc.constant("amp")), { maxLength: 4 }),
      fc.array(queryPair, { maxLength: 4 }),
      fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
    )
    .map(([scheme, host, segments, pairs, hash]) => {
      const query = pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join("&");
      return `${scheme}://${host}/${segments.join("/")}${query ? `?${query}` : ""}${hash === undefined ? "" : `#${hash}`}`;
    });

  it("is idempotent on generated web URLs", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const once = canonicalizeUrl(url);
        expect(canonicalizeUrl(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("is idempotent on generated Arabic URLs with tracking and junk parameters", () => {
    fc.assert(
      fc.property(arabicUrl, (url) => {
        const once = canonicalizeUrl(url);
        expect(canonicalizeUrl(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("maps a raw Arabic path and its encoded form to the same key on generated paths", () => {
    fc.assert(
      fc.property(fc.array(arabicSegment, { minLength: 1, maxLength: 4 }), (segments) => {
        const raw = `http://example.com/${segments.join("/")}`;
        const encoded = `http://example.com/${segments.map((s) => encodeURIComponent(s).toLowerCase()).join("/")}`;
        expect(canonicalizeUrl(encoded)).toBe(canonicalizeUrl(raw));
      }),
    );
  });
});
