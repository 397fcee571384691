import { describe, expect, it } from "vitest";
import { makeArticleWrite } from "../../../../test/contract/article-fixtures.ts";
import type { Article } from "../../../domain/article.ts";
import type { RelatedArticles, StoryArticle } from "../reader-data.ts";
import { ARTICLE_COVERAGE_MAX, type ArticleView, renderArticlePage } from "./article-page.ts";

const T0 = Date.parse("2015-08-10T18:00:00Z");

function report(n: number, sourceId = `s${n}`): StoryArticle {
  return {
    id: `r${n}`,
    title: `تقرير ${n}`,
    sourceId,
    citedSource: null,
    publishedAt: new Date(T0 + n * 60_000).toISOString(),
    url: `https://example.com/${n}`,
    lead: "",
    duplicateOf: null,
  };
}

function view(article: Partial<Article>, related: Partial<RelatedArticles>): ArticleView {
  const a: Article = {
    ...makeArticleWrite("x", { id: "x" }).article,
    storedAt: "2015-08-10T20:00:00Z",
    seq: 1,
    ...article,
  };
  return {
    article: a,
    story: {
      id: "story-1",
      headline: "هجوم على القنصلية",
      lead: "",
      articleCount: 12,
      sources: ["s1"],
      firstSeen: null,
      lastUpdate: null,
      leadArticleId: "r1",
    },
    related: { similar: [], readAlso: null, ...related },
    dates: [],
    capabilities: { clusteredStories: true, similarMethod: "story-tfidf" },
    remoteImages: false,
  };
}

const ctx = { sources: new Map(), nowMs: T0 };

describe("article page provenance and coverage", () => {
  it("names the source the text cites", () => {
    const body = renderArticlePage(view({ citedSource: "واس" }, {}), ctx).value;
    expect(body).toContain("<li>المصدر: <bdi>واس</bdi></li>");
  });

  it("says which article a copy was copied from, linked, and nothing for an original", () => {
    const copy = renderArticlePage(view({}, { original: report(9, "spa") }), ctx).value;
    expect(copy).toContain('<li>منقول عن <a href="/article/r9"><bdi>spa</bdi></a></li>');
    expect(renderArticlePage(view({}, { original: null }), ctx).value).not.toContain("منقول عن");
  });

  it("lists a few of the story's other reports and links the story for all of them", () => {
    const sameStory = Array.from({ length: ARTICLE_COVERAGE_MAX + 2 }, (_, i) => report(i + 1));
    const body = renderArticlePage(view({}, { sameStory }), ctx).value;
    const aside = body.slice(body.indexOf('id="article-coverage-h"'), body.indexOf('id="similar-h"'));
    for (let i = 1; i <= ARTICLE_COVERAGE_MAX; i++) expect(aside).toContain(`href="/article/r${i}"`);
    expect(aside).not.toContain(`href="/article/r${ARTICLE_COVERAGE_MAX + 1}"`);
    expect(aside).toContain('<a href="/story/story-1">كل تغطية القصة (12 مقالًا)</a>');
    expect(renderArticlePage(view({}, { sameStory: [] }), ctx).value).not.toContain("article-coverage-h");
  });

  it("says when only the title was stored, and nothing when there is text (product review: 261 title-only articles)", () => {
    const bare = renderArticlePage(
      view({ text: "", html: null, url: "https://example.com/x" }, {}),
      ctx,
    ).value;
    expect(bare).toContain("لم يُحفظ نص هذا الخبر، بل عنوانه فقط؛ اقرأه في موقعه الأصلي من الرابط أدناه.");
    const full = renderArticlePage(view({ text: "نص الخبر كاملًا", html: null }, {}), ctx).value;
    expect(full).not.toContain("لم يُحفظ نص");
  });
});
