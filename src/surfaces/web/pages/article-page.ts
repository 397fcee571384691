/**
 * Article: title, publisher, cited source and the original it copies, dates (absolute and relative), the clean body,
 * the link to the source page, "اقرأ أيضاً", a few of its story's other reports and "مقالات مشابهة". Pure render.
 * The body is the allow-list sanitizer's HTML when the article has it, otherwise its text paragraphs, escaped.
 */
import type { Article } from "../../../domain/article.ts";
import { citedOutletIds } from "../../../stages/dedupe/cited-outlet-ids.ts";
import {
  stripWireDeskPrefix,
  stripWireHeadlineMarks,
} from "../../../stages/dedupe/strip-syndication-marks.ts";
import { isAgencyOutletName } from "../../../stages/extract/find-cited-source.ts";
import type { ArticleDate } from "../../present.ts";
import { textDirection } from "../../text-direction.ts";
import { articlesLabel } from "../count-label.ts";
import { formatDateSpan } from "../format-arabic-date.ts";
import { html, type SafeHtml, trustedHtml } from "../html.ts";
import type { ReaderCapabilities, RelatedArticles, StoryArticle, StorySummary } from "../reader-data.ts";
import {
  absoluteTime,
  articleRow,
  displayHost,
  safeHref,
  sourceName,
  type ViewContext,
} from "../view-parts.ts";
import { copyRow } from "./story-page.ts";

/** Images in stored HTML point at publishers' servers; unless the reader shows remote images, the CSP allows no
 * third-party requests, so they go. */
const IMG_TAG = /<img\b[^>]*>/gi;

/** The start of an image tag in sanitizer output (always written `<img ` by sanitizeTree). */
const IMG_OPEN = /<img /g;

/** Other reports of the article's story listed beside it; the story page has them all. */
export const ARTICLE_COVERAGE_MAX = 5;

export interface ArticleView {
  article: Article;
  story: StorySummary | null;
  related: RelatedArticles;
  /** The dates its title and text mention, resolved (present.ts articleDates). */
  dates: readonly ArticleDate[];
  capabilities: ReaderCapabilities;
  /** Show the body's images (WebDeps.remoteImages), loaded lazily; else they are left out. */
  remoteImages: boolean;
}

export function renderArticlePage(view: ArticleView, ctx: ViewContext): SafeHtml {
  const a = view.article;
  const published = a.publishedAt ?? a.fetchedAt;
  const host = displayHost(a.url);
  const story = view.story;
  return html`<div class="with-aside">
<article class="article" aria-labelledby="article-title">
${story !== null && story.articleCount > 1 ? html`<p class="meta"><a href="/story/${encodeURIComponent(story.id)}">ضمن قصة: <bdi>${story.headline}</bdi> (${articlesLabel(story.articleCount)})</a></p>` : ""}
<h1 id="article-title" dir="${textDirection(a.title)}">${stripWireDeskPrefix(a.title)}</h1>
<ul class="meta source-line">
<li>الناشر: <a href="/sources/${encodeURIComponent(a.sourceId)}">${sourceName(ctx, a.sourceId)}</a></li>
${a.citedSource === null ? "" : html`<li>المصدر: <bdi>${a.citedSource}</bdi></li>`}
${copiedFrom(a, view.related.original, ctx)}
${a.byline === null ? "" : html`<li><bdi>${a.byline}</bdi></li>`}
<li>${absoluteTime(published, ctx)}</li>
</ul>
<div class="article-body" dir="${textDirection(a.text)}">
${a.html !== null ? trustedHtml(bodyImages(a.html, view.remoteImages)) : paragraphs(a.text)}
${a.html === null && a.text.trim() === "" ? html`<p class="note">لم يُحفظ نص هذا الخبر، بل عنوانه فقط${safeHref(a.url) === null ? "." : "؛ اقرأه في موقعه الأصلي من الرابط أدناه."}</p>` : ""}
</div>
${
  safeHref(a.url) === null
    ? ""
    : html`<a class="original-link" href="${safeHref(a.url)}" rel="noopener noreferrer nofollow">اقرأ المقال في موقعه الأصلي${host === "" ? "" : html` (<bdi dir="ltr">${host}</bdi>)`}</a>`
}
${datesNote(view.dates)}
${
  view.related.readAlso === null
    ? ""
    : html`<p class="read-also"><span class="label">اقرأ أيضاً:</span><a href="/article/${encodeURIComponent(view.related.readAlso.id)}" dir="${textDirection(view.related.readAlso.title)}">${stripWireHeadlineMarks(view.related.readAlso.title)}</a> — ${sourceName(ctx, view.related.readAlso.sourceId)}</p>`
}
</article>
<aside class="aside-panel" aria-labelledby="similar-h">
${sameText(view, ctx)}
${storyCoverage(view, ctx)}
<h2 id="similar-h">مقالات مشابهة</h2>
${
  view.related.similar.length === 0
    ? html`<p class="note">لا مقالات مشابهة لهذا المقال.</p>`
    : html`<ol class="cards similar">${view.related.similar.map((s) => articleRow(asOtherStory(s), ctx))}</ol>`
}
${view.capabilities.similarMethod === "more-like-this-search" ? html`<p class="note">تُختار بالبحث عن كلمات العنوان في الأخبار القريبة زمنيًا.</p>` : ""}
</aside>
</div>`;
}

/**
 * The original this article copies, linked: "منقول عن X" when the article credits X (its cited source names X's
 * outlet) or X is a news agency (a wire text is the agency's); else only "نُشر النص نفسه أولاً في X". Outlets that
 * print one ministry statement copy the ministry, not the paper that ran it six minutes earlier (product review
 * 2026-12-01: عين اليوم's own bylined report read "منقول عن اليوم").
 */
function copiedFrom(
  article: Article,
  original: StoryArticle | null | undefined,
  ctx: ViewContext,
): SafeHtml | "" {
  if (original === null || original === undefined) return "";
  const link = html`<a href="/article/${encodeURIComponent(original.id)}">${sourceName(ctx, original.sourceId)}</a>`;
  const credited =
    citedOutletIds(article.citedSource).has(original.sourceId) ||
    isAgencyOutletName(ctx.sources.get(original.sourceId)?.name ?? original.sourceId);
  return credited ? html`<li>منقول عن ${link}</li>` : html`<li>نُشر النص نفسه أولاً في ${link}</li>`;
}

/**
 * "النص نفسه في": the other outlets that printed this text (the earliest of its copy group in its story, the original
 * named in the source line left out), and the longer texts that carry it whole ("ورد ضمن"): who else ran it, one
 * click away.
 */
function sameText(view: ArticleView, ctx: ViewContext): SafeHtml | "" {
  const originalId = view.related.original?.id;
  const copies = (view.related.copies ?? []).filter((c) => c.id !== originalId);
  const carriers = (view.related.containedIn ?? []).slice(0, ARTICLE_COVERAGE_MAX);
  if (copies.length === 0 && carriers.length === 0) return "";
  const story = view.story;
  return html`${
    copies.length === 0
      ? ""
      : html`<h2 id="same-text-h">النص نفسه في</h2>
<ol class="copy-list">${copies.map((c) => copyRow(c, [], ctx))}</ol>`
  }${
    carriers.length === 0
      ? ""
      : html`<h2 id="carried-h">ورد النص ضمن</h2>
<ol class="copy-list">${carriers.map((c) => copyRow(c, [], ctx))}</ol>`
  }${
    // The page asks for the earliest ARTICLE_COVERAGE_MAX copies (those of other stories then left out), so there may
    // be more: the story page lists them all.
    copies.length > 0 && story !== null
      ? html`<p class="note"><a href="/story/${encodeURIComponent(story.id)}">كل النسخ في صفحة القصة</a></p>`
      : ""
  }`;
}

/**
 * An article of another story as a similar list shows it: its title without a wire's desk section or part mark
 * ("… إضافة أولى" tells the parts of one release apart, which a list of other stories never shows together).
 */
function asOtherStory(a: StoryArticle): StoryArticle {
  return { ...a, title: stripWireHeadlineMarks(a.title) };
}

/**
 * "التغطية": the story's other reports (one per copy group, earliest first), at most ARTICLE_COVERAGE_MAX, and a link
 * to the story page with its full count; nothing for a story of this article alone.
 */
function storyCoverage(view: ArticleView, ctx: ViewContext): SafeHtml | "" {
  const others = (view.related.sameStory ?? []).slice(0, ARTICLE_COVERAGE_MAX);
  const story = view.story;
  if (others.length === 0 || story === null) return "";
  return html`<h2 id="article-coverage-h">التغطية</h2>
<ol class="cards similar">${others.map((s) => articleRow(s, ctx))}</ol>
<p class="note"><a href="/story/${encodeURIComponent(story.id)}">كل تغطية القصة (${articlesLabel(story.articleCount)})</a></p>`;
}

/** At most this many dates are listed under an article. */
const MAX_DATES_SHOWN = 8;

/**
 * The dates a reader cannot see on the page without working them out: those the text gives against its publish date
 * ("أمس", "الخميس الماضي") or in the Hijri calendar, each once, with the calendar date meant. Written Gregorian
 * dates say themselves and are not repeated.
 */
function datesNote(dates: readonly ArticleDate[]): SafeHtml | string {
  const seen = new Set<string>();
  const rows: SafeHtml[] = [];
  for (const d of dates) {
    if (!d.relative && d.calendar === "gregorian") continue;
    const when = formatDateSpan(d.first, d.last, d.granularity);
    const key = `${d.text.replace(/\s+/g, " ")} ${d.first} ${d.last}`;
    if (when === null || seen.has(key)) continue;
    seen.add(key);
    rows.push(html`<li><bdi>${d.text}</bdi>: <time datetime="${d.first}">${when}</time></li>`);
    if (rows.length === MAX_DATES_SHOWN) break;
  }
  if (rows.length === 0) return "";
  return html`<section class="article-dates" aria-labelledby="dates-h">
<h2 id="dates-h">تواريخ في الخبر</h2>
<ul class="date-list">${rows}</ul>
</section>`;
}

/** Display text → escaped paragraphs (the text keeps paragraphs as lines). */
function paragraphs(text: string): SafeHtml {
  return html`${text
    .split("\n")
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => html`<p dir="${textDirection(p)}">${p}</p>`)}`;
}

/**
 * The sanitized body with its images loaded lazily (off-screen photos cost nothing until scrolled to; width and height
 * from the page reserve their space, so nothing shifts), or without images when the reader does not show them.
 */
function bodyImages(sanitized: string, remoteImages: boolean): string {
  return remoteImages
    ? sanitized.replace(IMG_OPEN, '<img loading="lazy" decoding="async" ')
    : sanitized.replace(IMG_TAG, "");
}
