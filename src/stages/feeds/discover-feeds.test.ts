// biome-ignore lint/style/noRestrictedImports: tests read their fixture files from testdata/.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { discoverFeeds } from "./discover-feeds.ts";

describe("discoverFeeds", () => {
  it("lists advertised feeds from the head, resolved against <base>, without duplicates or unsafe links", () => {
    const html = readFileSync(new URL("./testdata/page.html", import.meta.url), "utf8");
    expect(discoverFeeds(html, "https://page.example/")).toEqual([
      {
        url: "https://page.example/ar/rss.xml",
        type: "rss",
        title: "\u0622\u062e\u0631 \u0627\u0644\u0623\u062e\u0628\u0627\u0631",
      },
      { url: "https://page.example/ar/atom.xml", type: "atom", title: null },
    ]);
  });

  it("finds nothing on a page without feed links", () => {
    expect(discoverFeeds("<html><head><title>x</title></head></html>", "https://a.test/")).toEqual([]);
  });
});
