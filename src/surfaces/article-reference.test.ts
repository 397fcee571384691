import { describe, expect, it } from "vitest";
import { articleIdOf, resolveArticleReference } from "./article-reference.ts";

describe("articleIdOf", () => {
  it.each([
    ["snn-1a2b", "snn-1a2b"],
    ["  snn-1a2b\n", "snn-1a2b"],
    ["/article/snn-1a2b", "snn-1a2b"],
    ["article/snn-1a2b/", "snn-1a2b"],
    ["http://127.0.0.1:8080/article/snn-1a2b?from=search#top", "snn-1a2b"],
    ["https://news.example/article/%D8%AE%D8%A8%D8%B1-1", "خبر-1"],
    ["https://news.example/article/%E0%A4%A", null],
    ["https://news.example/story/12", null],
    // Only the path of a link: the query's "/article/x" and an outlet's own article URL name none.
    ["https://news.example/story/1?from=/article/x", null],
    ["https://www.outlet.example/news/article/12345", null],
    ["/article/snn-1a2b#comments", "snn-1a2b"],
    ["two words", null],
    ["a/b", null],
    ["", null],
    ["   ", null],
  ])("%j → %j", (reference, id) => {
    expect(articleIdOf(reference)).toBe(id);
  });
});

describe("resolveArticleReference", () => {
  // A store that knows one outlet link (as stored: canonical, http) and answers null for any other.
  const articles = {
    async findArticleIdByUrl(canonicalUrl: string) {
      return canonicalUrl.replace(/^https?:\/\//, "") === "outlet.example/article/7" ? "snn-7" : null;
    },
  };
  it.each([
    // The outlet's link in any form canonicalizeUrl folds; its reader-like path is not read as a reader link.
    ["https://outlet.example/article/7", "snn-7"],
    ["http://OUTLET.example/article/7?utm_source=x#top", "snn-7"],
    ["https://outlet.example/amp/../article/7/amp", "snn-7"],
    // A link no stored article has falls back to articleIdOf: a reader link, or nothing.
    ["http://127.0.0.1:8080/article/snn-1a2b", "snn-1a2b"],
    ["https://outlet.example/news/8", null],
    ["http://", null],
    ["snn-9", "snn-9"],
  ])("%j → %j", async (reference, id) => {
    expect(await resolveArticleReference(articles, reference)).toBe(id);
  });
});
