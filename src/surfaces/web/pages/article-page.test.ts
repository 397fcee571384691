import { describe, expect, it } from "vitest";
import { makeArticleWrite } from "../../../../test/contract/article-fixtures.ts";
import type { Article } from "../../../domain/article.ts";
import type { RelatedArticles, StoryArticle } from "../reader-data.ts";
import type { ViewContext } from "../view-parts.ts";
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

const ctx: ViewContext = { sources: new Map(), nowMs: T0 };

describe("article page provenance and coverage", () => {
  it("heads a wire article with its title without the desk's section, as lists do (product review)", () => {
    const body = renderArticlePage(view({ title: "اقتصادي / الأسهم السعودية تغلق مرتفعة" }, {}), ctx).value;
    expect(body).toContain('<h1 id="article-title" dir="rtl">الأسهم السعودية تغلق مرتفعة</h1>');
  });

  it("lists other stories' articles without a wire release's part mark, the story's own coverage with it", () => {
    const part = { ...report(1), title: "عام / مجلس الوزراء يعقد جلسته إضافة أولى" };
    const similar = renderArticlePage(
      view({}, { similar: [part], readAlso: { ...part, id: "r9" } }),
      ctx,
    ).value;
    expect(similar).toContain(">مجلس الوزراء يعقد جلسته</a></h3>");
    expect(similar).toContain(">مجلس الوزراء يعقد جلسته</a> —");
    expect(similar).not.toContain("إضافة أولى");
    // In the story's coverage the mark tells part 1 from part 2.
    const coverage = renderArticlePage(view({}, { sameStory: [part] }), ctx).value;
    expect(coverage).toContain(">مجلس الوزراء يعقد جلسته إضافة أولى</a></h3>");
  });

  it("names the source the text cites", () => {
    const body = renderArticlePage(view({ citedSource: "واس" }, {}), ctx).value;
    expect(body).toContain("<li>المصدر: <bdi>واس</bdi></li>");
  });

  it("says a copy is copied from an agency or from the outlet it credits, else only who printed the text first", () => {
    const named = {
      ...ctx,
      sources: new Map([
        ["spa", { name: "وكالة الأنباء السعودية (واس)" }],
        ["alyaum", { name: "اليوم" }],
        ["okaz", { name: "عكاظ" }],
        ["aljazirah", { name: "الجزيرة (السعودية)" }],
      ]) as unknown as ViewContext["sources"],
    };
    const fromAgency = renderArticlePage(view({}, { original: report(9, "spa") }), named).value;
    expect(fromAgency).toContain(
      '<li>منقول عن <a href="/article/r9"><bdi>وكالة الأنباء السعودية (واس)</bdi></a></li>',
    );
    // Two papers printing one ministry statement: the later did not copy the earlier (product review).
    const paper = renderArticlePage(view({}, { original: report(9, "alyaum") }), named).value;
    expect(paper).toContain('<li>نُشر النص نفسه أولاً في <a href="/article/r9"><bdi>اليوم</bdi></a></li>');
    expect(paper).not.toContain("منقول عن");
    const credited = renderArticlePage(
      view({ citedSource: "عكاظ" }, { original: report(9, "okaz") }),
      named,
    ).value;
    expect(credited).toContain('<li>منقول عن <a href="/article/r9"><bdi>عكاظ</bdi></a></li>');
    // A paper whose short name is a channel's is no agency.
    const jazirah = renderArticlePage(view({}, { original: report(9, "aljazirah") }), named).value;
    expect(jazirah).toContain("نُشر النص نفسه أولاً في");
    const original = renderArticlePage(view({}, { original: null }), named).value;
    expect(original).not.toContain("منقول عن");
    expect(original).not.toContain("نُشر النص نفسه");
  });

  it("lists the other outlets that printed the text and the longer texts carrying it", () => {
    const copies = [report(9, "spa"), report(10, "okaz"), report(11, "alyaum")];
    const body = renderArticlePage(
      view({}, { original: copies[0], copies, containedIn: [report(12, "sabq")] }),
      ctx,
    ).value;
    const aside = body.slice(body.indexOf('id="same-text-h"'), body.indexOf('id="similar-h"'));
    expect(aside).toContain('href="/article/r10"');
    expect(aside).toContain('href="/article/r11"');
    // The original is named in the source line, not again here.
    expect(aside).not.toContain('href="/article/r9"');
    expect(aside).toContain('<h2 id="carried-h">ورد النص ضمن</h2>');
    expect(aside).toContain('href="/article/r12"');
    expect(renderArticlePage(view({}, { copies: [] }), ctx).value).not.toContain("same-text-h");
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
