import { describe, expect, it } from "vitest";
import { articleIdOf } from "./article-reference.ts";

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
