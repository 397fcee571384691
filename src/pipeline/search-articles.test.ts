import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "../domain/article.ts";
import type { Storage } from "../ports/storage.ts";
import { MARK_CLOSE, MARK_OPEN } from "../stages/search/build-snippet.ts";
import { searchArticles } from "./search-articles.ts";

/** A store that finds one wire article whatever is asked: only the fields searchArticles reads. */
function storeOf(
  article: Pick<ArticleSummary, "id" | "title" | "sourceId" | "publishedAt" | "url" | "text">,
): Storage {
  return {
    search: { search: async () => ({ total: 1, hits: [{ id: article.id, score: 1 }] }) },
    articles: { getArticleSummaries: async () => [article] },
  } as unknown as Storage;
}

describe("searchArticles", () => {
  it("heads a hit with its title without a wire desk's section, and keeps the stored title whole", async () => {
    const title = "اقتصادي / الأسهم السعودية تغلق مرتفعة";
    const storage = storeOf({
      id: "w1",
      title,
      sourceId: "spa",
      publishedAt: "2015-08-01T10:00:00Z",
      url: "https://spa.example/1",
      text: "أغلقت الأسهم السعودية مرتفعة.",
    });
    const result = await searchArticles(storage, "الأسهم", {
      sources: [],
      from: null,
      to: null,
      limit: 10,
      offset: 0,
      recency: false,
    });
    const [hit] = result.hits;
    expect(hit?.title).toBe(title);
    expect(hit?.title_highlight).toBe(`${MARK_OPEN}الأسهم${MARK_CLOSE} السعودية تغلق مرتفعة`);
  });
});
