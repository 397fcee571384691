import { describe, expect, it } from "vitest";
import type { SearchHit } from "../../../domain/search.ts";
import type { ViewContext } from "../view-parts.ts";
import { searchHitCard } from "./search-page.ts";

const ctx: ViewContext = { sources: new Map(), nowMs: Date.parse("2015-08-10T20:00:00Z") };

function copy(id: string, source: string) {
  return { id, source, published_at: "2015-08-10T18:00:00Z", url: `https://example.com/${id}` };
}

describe("searchHitCard", () => {
  it("names each outlet of a hit's copies once, linked to its first copy there (product review: «الاقتصادية … الاقتصادية»)", () => {
    const hit: SearchHit = {
      id: "a",
      title: "عنوان",
      title_highlight: "عنوان",
      source: "okaz",
      published_at: "2015-08-10T17:00:00Z",
      url: "https://example.com/a",
      snippet: "نص",
      score: 1,
      copies: [copy("b", "aleqtisadiya"), copy("c", "alriyadh"), copy("d", "aleqtisadiya")],
    };
    const body = searchHitCard(hit, ctx).value;
    const line = body.slice(body.indexOf('class="copies-line"'));
    expect(line.match(/<bdi>aleqtisadiya<\/bdi>/g)).toHaveLength(1);
    expect(line).toContain('<a href="/article/b">');
    expect(line).toContain('<a href="/article/c">');
    expect(line).not.toContain('<a href="/article/d">');
    // The hit's own outlet printing it again is no other outlet.
    const own = searchHitCard({ ...hit, copies: [copy("e", "okaz")] }, ctx).value;
    expect(own).not.toContain("copies-line");
  });

  it("lays out a highlighted Arabic title and snippet opening with a Latin word right to left", () => {
    const hit: SearchHit = {
      id: "a",
      title: "iPhone يصل إلى الأسواق",
      title_highlight: "\ue000iPhone\ue001 يصل إلى الأسواق",
      source: "okaz",
      published_at: "2015-08-10T17:00:00Z",
      url: "https://example.com/a",
      snippet: "Apple قالت الشركة إن الجهاز يصل إلى الأسواق",
      score: 1,
      copies: [],
    };
    const body = searchHitCard(hit, ctx).value;
    expect(body).toContain('<h3 dir="rtl"><a href="/article/a"><mark>iPhone</mark>');
    expect(body).toContain('<p class="snippet" dir="rtl">Apple');
  });
});
