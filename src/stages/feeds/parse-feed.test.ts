// biome-ignore lint/style/noRestrictedImports: tests read their fixture files from testdata/.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cpuMsOf } from "../../../test/fixtures/cpu-time.ts";
import { parseFeed, parseFeedBytes } from "./parse-feed.ts";
import { systemParseClock } from "./xml-tree.ts";

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));
const text = (name: string) => fixture(name).toString("utf8");

describe("parseFeed: RSS 2.0", () => {
  const doc = parseFeed(text("rss2-arabic.xml"), { url: "https://news.example/ar/rss.xml" });

  it("reads the channel, decoding double-escaped entities in the title", () => {
    expect(doc.kind).toBe("rss");
    expect(doc.title).toBe(
      '\u0648\u0643\u0627\u0644\u0629 \u0627\u0644\u0623\u0646\u0628\u0627\u0621 "\u0627\u0644\u062a\u062c\u0631\u064a\u0628\u064a\u0629"',
    );
    expect(doc.homepage).toBe("https://news.example/");
    expect(doc.ttlMinutes).toBe(30);
    expect(doc.language).toBe("ar");
  });

  it("maps an item with CDATA, a relative link, an offset date, content:encoded and media:content", () => {
    const e = doc.entries[0]!;
    expect(e.title).toBe(
      '\u0648\u0644\u064a \u0627\u0644\u0639\u0647\u062f \u064a\u0633\u062a\u0642\u0628\u0644 "\u0648\u0632\u064a\u0631 \u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629"',
    );
    expect(e.url).toBe("https://news.example/ar/news/1001");
    expect(e.guid).toBe("news-1001");
    expect(e.published).toBe("2024-05-12T11:30:00.000Z");
    expect(e.author).toBe("\u0648\u0627\u0633");
    expect(e.summary).toBe(
      "\u0627\u0633\u062a\u0642\u0628\u0644 \u0648\u0644\u064a \u0627\u0644\u0639\u0647\u062f \u0627\u0644\u064a\u0648\u0645 \u0648\u0632\u064a\u0631 \u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629.",
    );
    expect(e.contentHtml).toContain("<p>\u0627\u0644\u0646\u0635 \u0627\u0644\u0643\u0627\u0645\u0644");
    expect(e.image).toBe("https://news.example/img/1001-large.jpg");
    expect(e.categories).toEqual(["\u0633\u064a\u0627\u0633\u0629"]);
  });

  it("reads an AST zone as Arabia Standard Time, an undeclared &nbsp; and an image enclosure", () => {
    const e = doc.entries[1]!;
    expect(e.title).toBe(
      "\u0623\u0633\u0639\u0627\u0631 \u0627\u0644\u0646\u0641\u0637 & \u0627\u0644\u0630\u0647\u0628",
    );
    expect(e.published).toBe("2024-05-11T06:05:00.000Z");
    expect(e.url).toBe("https://news.example/ar/news/1002?ref=rss&x=1");
    expect(e.summary).toBe(
      "\u0627\u0631\u062a\u0641\u0627\u0639\u00a0\u0627\u0644\u0623\u0633\u0639\u0627\u0631".replace(
        "\u00a0",
        " ",
      ),
    );
    expect(e.image).toBe("https://cdn.news.example/1002.png");
  });

  it("uses a permalink guid as the URL and leaves a missing date null", () => {
    const e = doc.entries[2]!;
    expect(e.url).toBe("https://news.example/ar/news/1003");
    expect(e.published).toBeNull();
  });

  it("drops a javascript: link and reads a two-digit year with GMT+3 (XSS-02)", () => {
    const e = doc.entries[3]!;
    expect(e.url).toBeNull();
    expect(e.published).toBe("2024-05-10T05:00:00.000Z");
  });
});

describe("parseFeed: other formats", () => {
  it("reads RSS 1.0 (RDF) with items beside the channel", () => {
    const doc = parseFeed(text("rdf.xml"));
    expect(doc.kind).toBe("rdf");
    expect(doc.language).toBe("ar");
    expect(doc.entries.map((e) => [e.guid, e.url, e.published])).toEqual([
      ["https://dw.example/ar/a-1", "https://dw.example/ar/a-1", "2024-05-12T08:00:00.000Z"],
      ["https://dw.example/ar/a-2", "https://dw.example/ar/a-2", "2024-05-12T08:00:00.000Z"],
    ]);
  });

  it("reads Atom with xml:base, html and xhtml text constructs", () => {
    const doc = parseFeed(text("atom.xml"), { url: "https://atom.example/ar/feed.atom" });
    expect(doc.kind).toBe("atom");
    expect(doc.title).toBe("\u0623\u062e\u0628\u0627\u0631 \u0627\u0644\u064a\u0648\u0645");
    expect(doc.homepage).toBe("https://atom.example/ar/");
    const [a, b] = doc.entries;
    expect(a!.url).toBe("https://atom.example/ar/news/55");
    expect(a!.title).toBe(
      "\u0642\u0645\u0629 \u0639\u0631\u0628\u064a\u0629 \u0641\u064a <\u0627\u0644\u0645\u0646\u0627\u0645\u0629>",
    );
    expect(a!.published).toBe("2024-05-12T08:00:00.000Z");
    expect(a!.summary).toBe("\u062a\u0646\u0637\u0644\u0642 \u0627\u0644\u0642\u0645\u0629");
    expect(a!.contentHtml).toBe("<p>\u0646\u0635 <b>\u0627\u0644\u0642\u0645\u0629</b></p>");
    expect(a!.image).toBe("https://atom.example/img/55.jpg");
    expect(a!.author).toBe("\u0627\u0644\u0645\u062d\u0631\u0631");
    expect(a!.categories).toEqual(["\u0633\u064a\u0627\u0633\u0629"]);
    expect(b!.published).toBe("2024-05-11T08:00:00.000Z");
    expect(b!.contentHtml).toBe(
      "\u0633\u0637\u0631 &lt;\u0644\u064a\u0633 \u0648\u0633\u0645\u0627\u064b&gt;",
    );
  });

  it("reads JSON Feed without being polluted by odd keys", () => {
    const doc = parseFeed(text("feed.json"), { url: "https://json.example/feed.json" });
    expect(doc.kind).toBe("json");
    expect(doc.title).toBe("\u0645\u0648\u062c\u0632 & \u0623\u062e\u0628\u0627\u0631");
    expect(doc.entries).toHaveLength(2);
    expect(doc.entries[0]).toMatchObject({
      guid: "j-1",
      url: "https://json.example/ar/1",
      author: "\u0643\u0627\u062a\u0628",
    });
    expect(doc.entries[1]).toMatchObject({
      guid: "2",
      url: "https://other.example/x",
      summary: "\u0646\u0635 \u0641\u0642\u0637",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads a Google News sitemap into entries", () => {
    const doc = parseFeed(text("news-sitemap.xml"));
    expect(doc.kind).toBe("sitemap");
    expect(doc.title).toBe("\u0635\u062d\u064a\u0641\u0629 \u0627\u0644\u0645\u062b\u0627\u0644");
    expect(doc.entries[0]).toMatchObject({
      url: "https://sm.example/ar/news/9",
      title:
        "\u0639\u0646\u0648\u0627\u0646 \u0645\u0646 \u062e\u0631\u064a\u0637\u0629 \u0627\u0644\u0645\u0648\u0642\u0639",
      published: "2024-05-12T08:00:00.000Z",
      image: "https://sm.example/img/9.jpg",
      categories: ["\u0627\u0642\u062a\u0635\u0627\u062f", "\u0646\u0641\u0637", "\u0637\u0627\u0642\u0629"],
    });
    expect(doc.entries[1]!.title).toBeNull();
  });

  it("reads a sitemap index into child sitemaps, dropping non-http ones", () => {
    const doc = parseFeed(text("sitemap-index.xml"), { url: "https://sm.example/sitemap.xml" });
    expect(doc.kind).toBe("sitemap-index");
    expect(doc.sitemaps).toEqual([
      { url: "https://sm.example/sitemap-news.xml", lastmod: "2024-05-12T00:00:00.000Z" },
      { url: "https://sm.example/sitemap-2024-05.xml", lastmod: null },
    ]);
  });

  it("decodes a windows-1256 feed from its XML declaration (XML-06 a)", () => {
    const doc = parseFeedBytes(new Uint8Array(fixture("windows-1256.xml")), "application/xml");
    expect(doc.title).toBe("\u0627\u0644\u0633\u0644\u0627\u0645");
    expect(doc.entries[0]!.title).toBe("\u062e\u0628\u0631 \u0639\u0627\u062c\u0644");
  });
});

describe("parseFeed: limits", () => {
  it("keeps the first 2000 items of a 100k-item feed and marks it truncated (RES-07)", () => {
    const item = (i: number) => `<item><title>t${i}</title><link>https://x.test/${i}</link></item>`;
    const big = `<rss><channel>${Array.from({ length: 100_000 }, (_, i) => item(i)).join("")}</channel></rss>`;
    let doc = parseFeed("<rss><channel></channel></rss>");
    const ms = cpuMsOf(() => {
      doc = parseFeed(big);
    });
    expect(doc.entries).toHaveLength(2000);
    expect(doc.truncated).toBe(true);
    expect(doc.entries[1999]!.url).toBe("https://x.test/1999");
    console.log(`RES-07 100k-item feed (${(big.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms`);
  });

  it("skips entry URLs longer than 2048 characters (RES-07)", () => {
    const doc = parseFeed(
      `<rss><channel><item><link>https://x.test/${"a".repeat(2100)}</link></item></channel></rss>`,
    );
    expect(doc.entries[0]!.url).toBeNull();
  });

  it("parses a big valid feed whose wall time a loaded machine stretched past the budget, its CPU time within it", () => {
    const item = (i: number) => `<item><title>t${i}</title><link>https://x.test/${i}</link></item>`;
    const big = `<rss><channel>${Array.from({ length: 2_000 }, (_, i) => item(i)).join("")}</channel></rss>`;
    // Each reading of the wall clock finds ten seconds gone, as when the parse waits for a core between its chunks; the
    // CPU clock is the process's own.
    let wall = 0;
    const loaded = { ...systemParseClock, wallMs: () => (wall += 10_000) };
    const doc = parseFeed(big, { budgetMs: 5_000, clock: loaded });
    expect(doc.entries).toHaveLength(2_000);
    // Read again after the start: the wall clock alone would have stopped it.
    expect(wall).toBeGreaterThan(20_000);
  });

  it("stops at the parse budget with feed.parse_timeout", () => {
    const heavy = `<rss><channel>${"<item><title>&#65;</title></item>".repeat(20_000)}<x>${"&#65;".repeat(600_000)}</x></channel></rss>`;
    expect(() => parseFeed(heavy, { budgetMs: 1 })).toThrow(
      expect.objectContaining({ code: "feed.parse_timeout" }),
    );
  });
});
