// biome-ignore lint/style/noRestrictedImports: tests read their fixture files from testdata/.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOpml, renderOpml } from "./parse-opml.ts";

const text = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8");

describe("OPML", () => {
  it("imports feeds with their folders and skips non-http URLs", () => {
    const doc = parseOpml(text("subscriptions.opml"));
    expect(doc.title).toBe("\u0627\u0634\u062a\u0631\u0627\u0643\u0627\u062a\u064a");
    expect(doc.outlines.map((o) => [o.title, o.xmlUrl, o.categories])).toEqual([
      ["\u0648\u0627\u0633", "https://spa.example/rss", ["\u0627\u0644\u062e\u0644\u064a\u062c"]],
      ["\u0648\u0627\u0645", "https://wam.example/rss", ["\u0627\u0644\u062e\u0644\u064a\u062c"]],
      ["\u0628\u064a \u0628\u064a \u0633\u064a", "https://bbc.example/arabic/rss.xml", []],
    ]);
    expect(doc.skipped).toBe(1);
  });

  it("round-trips through export and import", () => {
    const doc = parseOpml(text("subscriptions.opml"));
    const again = parseOpml(renderOpml("akhbar", doc.outlines));
    expect(again.outlines).toEqual(doc.outlines);
  });

  it("escapes titles on export", () => {
    const xml = renderOpml("a&b", [{ title: '<x> "q"', xmlUrl: "https://a.test/?a=1&b=2", htmlUrl: null }]);
    expect(xml).toContain('text="&lt;x&gt; &quot;q&quot;"');
    expect(xml).toContain('xmlUrl="https://a.test/?a=1&amp;b=2"');
  });

  it("drops controls a stored name still holds: XML forbids C0, and an override would reverse a reader's list", () => {
    // U+0001 START OF HEADING, U+001B ESCAPE, U+202E RIGHT-TO-LEFT OVERRIDE.
    const xml = renderOpml("akhbar", [
      { title: "\u202eعكاظ\u0001\u001b[2J", xmlUrl: "https://a.test/rss", htmlUrl: null },
    ]);
    expect(xml).toContain('text="عكاظ[2J"');
    expect(parseOpml(xml).outlines[0]!.title).toBe("عكاظ[2J");
  });
});
