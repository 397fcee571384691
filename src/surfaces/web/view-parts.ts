/**
 * Fragments several pages share: outlet names, Arabic times, story cards, article rows, order links, the pager. Pure.
 * Every field that comes from a source is rendered with the direction its letters' majority gives (textDirection; a
 * block's dir) or inside <bdi> (inline).
 */
import type { SourceSummary } from "../../ports/source-store.ts";
import { stripWireDeskPrefix } from "../../stages/dedupe/strip-syndication-marks.ts";
import { textDirection } from "../text-direction.ts";
import { articlesLabel, outletsLabel } from "./count-label.ts";
import { formatArabicTime } from "./format-arabic-date.ts";
import { html, type SafeHtml } from "./html.ts";
import type { StoryArticle, StorySummary } from "./reader-data.ts";

/** What a page needs to name outlets and to compute relative times. */
export interface ViewContext {
  sources: ReadonlyMap<string, SourceSummary>;
  nowMs: number;
}

/** The outlet's display name (its id when it has none), isolated for bidi. */
export function sourceName(ctx: ViewContext, id: string): SafeHtml {
  return html`<bdi>${ctx.sources.get(id)?.name ?? id}</bdi>`;
}

/**
 * A time in full, for an article's or a story's header: Gregorian date and time, the Hijri date beside it, and the
 * age when recent: "6 أغسطس 2015، 9:37 م · 21 شوال 1436 هـ (قبل 3 ساعات)".
 */
export function absoluteTime(iso: string | null, ctx: ViewContext): SafeHtml {
  const t = formatArabicTime(iso, ctx.nowMs);
  if (t === null) return html``;
  return html`<time datetime="${iso}">${t.dayAndTime}</time> · <span class="hijri">${t.hijri}</span>${
    t.age === null ? "" : html` (<time datetime="${iso}" data-relative="">${t.age}</time>)`
  }`;
}

/**
 * A time as a reader scans a list: its age while recent ("قبل 3 ساعات"), else its date, with the time of day when
 * `withTime` (story coverage, where minutes order the reports). The tooltip holds the full Gregorian and Hijri date;
 * the page script keeps ages current and turns one into the date once it is a week old (`data-relative`).
 */
export function shortTime(iso: string | null, ctx: ViewContext, withTime = false): SafeHtml {
  const t = formatArabicTime(iso, ctx.nowMs);
  if (t === null) return html``;
  const date = withTime ? t.dayAndTime : t.day;
  const title = `${t.dayAndTime} · ${t.hijri}`;
  return t.age === null
    ? html`<time datetime="${iso}" title="${title}">${date}</time>`
    : html`<time datetime="${iso}" title="${title}" data-relative="${date}">${t.age}</time>`;
}

/** How a story card is shown (storyCard). */
export interface StoryCardOptions {
  /** Keeps the outline in order (default 2). */
  headingLevel?: 2 | 3;
  /** The 24 hours a top-stories list counts its recent articles in ("في آخر 24 ساعة", the default, or a past day's
   * "في هذا اليوم"): said when they are some of the story's articles, not all. */
  recentSpan?: string;
  /** Outlets a list is filtered by: named first in the card's outlets line, so a reader sees why the story is there
   * (the line shows four at most). */
  firstSources?: ReadonlySet<string>;
}

/** A story card for the home page and source pages. */
export function storyCard(story: StorySummary, ctx: ViewContext, options: StoryCardOptions = {}): SafeHtml {
  const { headingLevel = 2, recentSpan = "في آخر 24 ساعة", firstSources } = options;
  const href = `/story/${encodeURIComponent(story.id)}`;
  const heading =
    headingLevel === 2
      ? html`<h2 dir="${textDirection(story.headline)}"><a href="${href}">${story.headline}</a></h2>`
      : html`<h3 dir="${textDirection(story.headline)}"><a href="${href}">${story.headline}</a></h3>`;
  const ordered =
    firstSources === undefined
      ? story.sources
      : [
          ...story.sources.filter((id) => firstSources.has(id)),
          ...story.sources.filter((id) => !firstSources.has(id)),
        ];
  const shown = ordered.slice(0, 4);
  const recent =
    story.recentArticleCount !== undefined &&
    story.recentArticleCount > 0 &&
    story.recentArticleCount < story.articleCount
      ? story.recentArticleCount
      : undefined;
  return html`<li><article class="card">
${heading}
${story.lead === "" ? "" : html`<p dir="${textDirection(story.lead)}">${story.lead}</p>`}
<ul class="meta">
<li>${shown.map((id, i) => html`${i > 0 ? "، " : ""}${sourceName(ctx, id)}`)}${story.sources.length > shown.length ? html` وغيرها` : ""}</li>
${story.articleCount > 1 ? html`<li><span class="badge">${outletsLabel(story.sources.length)} · ${articlesLabel(story.articleCount)}</span></li>` : ""}
${recent === undefined ? "" : html`<li>${articlesLabel(recent)} ${recentSpan}</li>`}
<li>${shortTime(story.lastUpdate, ctx, true)}</li>
</ul>
</article></li>`;
}

/**
 * A compact article row (story coverage, similar lists): `notes` are extra items of its meta line (badges, "منقول
 * عن"), `inside` goes in the card after them (a story card's copies).
 */
export function articleRow(
  a: StoryArticle,
  ctx: ViewContext,
  notes: readonly SafeHtml[] = [],
  inside: SafeHtml | "" = "",
): SafeHtml {
  return html`<li><article class="card">
<h3 dir="${textDirection(a.title)}"><a href="/article/${encodeURIComponent(a.id)}">${stripWireDeskPrefix(a.title)}</a></h3>
<ul class="meta">
<li>${sourceName(ctx, a.sourceId)}</li>
${a.citedSource === null ? "" : html`<li>المصدر: <bdi>${a.citedSource}</bdi></li>`}
<li>${shortTime(a.publishedAt, ctx, true)}</li>
${notes.map((n) => html`<li>${n}</li>`)}
</ul>
${inside}
</article></li>`;
}

/** One of the orders a list can be read in (orderChoice). */
export interface OrderOption {
  href: string;
  label: string;
  current: boolean;
}

/**
 * A list's orders as links, the current one marked (aria-current): the search results' and a story's coverage. Links,
 * not a form, so the choice works without script and each order has its address; paging restarts at the first page.
 */
export function orderChoice(name: string, options: readonly OrderOption[]): SafeHtml {
  return html`<nav class="sort-choice" aria-label="${name}"><span>الترتيب:</span><ul class="sort-options">${options.map(
    (o) =>
      html`<li><a class="sort-link" href="${o.href}"${o.current ? html` aria-current="true"` : ""}>${o.label}</a></li>`,
  )}</ul></nav>`;
}

/** Pages each side of the current one the pager links by number on a wide screen. */
const PAGER_WINDOW_WIDE = 2;
/**
 * The same on a phone: none, so previous, first, current, last and next fit one row at 375 px (with two the 11 items
 * of a 15-page story took two rows; previous and next are the current page's neighbours anyway).
 */
const PAGER_WINDOW_NARROW = 0;

/**
 * Page links for offset paging: previous, the first page, a window of numbers around the current page, the last page
 * (a gap "…" between them), next. `hrefFor(offset)` builds each link so the page keeps its other parameters; no link
 * goes past `maxOffset` (the deepest offset the page accepts), so the last page is the last one reachable. From a page
 * past the end, previous leads to the last page, not to another empty one. The window is narrower on a phone: the
 * numbers only a wide screen shows, and the gaps only one screen has, carry a class app.css hides on the other.
 * Example: 580 items, 25 a page, offset 100 → السابق 1 … 3 4 [5] 6 7 … 24 التالي (phone: السابق 1 … [5] … 24 التالي).
 */
export function pager(
  total: number,
  limit: number,
  offset: number,
  hrefFor: (offset: number) => string,
  maxOffset = Number.POSITIVE_INFINITY,
): SafeHtml {
  const pages = pageCount(total, limit, maxOffset);
  const current = Math.floor(offset / limit);
  if (pages <= 1 && current === 0) return html``;
  const last = pages - 1;
  const windowOf = (half: number) => {
    const shown = new Set([0, last]);
    for (let p = Math.max(0, current - half); p <= Math.min(last, current + half); p++) shown.add(p);
    return shown;
  };
  const wide = windowOf(PAGER_WINDOW_WIDE);
  const narrow = windowOf(PAGER_WINDOW_NARROW);
  const items: SafeHtml[] = [];
  if (current > 0)
    items.push(
      html`<li><a href="${hrefFor(Math.min(current - 1, last) * limit)}" rel="prev">السابق</a></li>`,
    );
  // A gap sits before the page after it on each screen; the pages a phone shows are some of those a wide screen shows.
  let previousWide = -1;
  let previousNarrow = -1;
  for (const p of [...wide].sort((a, b) => a - b)) {
    const onNarrow = narrow.has(p);
    const gapWide = p > previousWide + 1;
    const gapNarrow = onNarrow && p > previousNarrow + 1;
    if (gapWide || gapNarrow)
      items.push(
        html`<li${gapWide && gapNarrow ? "" : html` class="${gapWide ? "pager-wide" : "pager-narrow"}"`} aria-hidden="true"><span class="pager-gap">…</span></li>`,
      );
    const attrs = onNarrow ? "" : html` class="pager-wide"`;
    items.push(
      p === current
        ? html`<li${attrs}><span aria-current="page">${p + 1}</span></li>`
        : html`<li${attrs}><a href="${hrefFor(p * limit)}" aria-label="الصفحة ${p + 1}">${p + 1}</a></li>`,
    );
    previousWide = p;
    if (onNarrow) previousNarrow = p;
  }
  if (current < last)
    items.push(html`<li><a href="${hrefFor((current + 1) * limit)}" rel="next">التالي</a></li>`);
  return html`<nav aria-label="الصفحات"><ul class="pager">${items}</ul></nav>`;
}

/** Pages of `total` items, `limit` a page, whose first item lies at `maxOffset` or before; at least 1. */
function pageCount(total: number, limit: number, maxOffset: number): number {
  return Math.max(1, Math.min(Math.ceil(total / limit), Math.floor(maxOffset / limit) + 1));
}

/**
 * What a page past the end of a list says (an old link, a list that shrank): the list ended before it, and a link
 * to its last page. Example: 580 items, 25 a page → "انتهت القائمة قبل هذا الموضع. اذهب إلى الصفحة الأخيرة (24)."
 */
export function pastEndNote(
  total: number,
  limit: number,
  hrefFor: (offset: number) => string,
  maxOffset = Number.POSITIVE_INFINITY,
): SafeHtml {
  const pages = pageCount(total, limit, maxOffset);
  return html`<div class="empty"><p>انتهت القائمة قبل هذا الموضع. <a href="${hrefFor((pages - 1) * limit)}">اذهب إلى الصفحة الأخيرة (${pages})</a>.</p></div>`;
}

/** " — الصفحة N" for a document title after the first page, "" on the first: "بحث: النفط — الصفحة 3". */
export function pageTitleSuffix(offset: number, limit: number): string {
  const page = Math.floor(offset / limit) + 1;
  return page > 1 ? ` — الصفحة ${page}` : "";
}

/** Query string from pairs, skipping empty values: [["q","x"],["source","a"]] → "?q=x&source=a". */
export function queryString(pairs: readonly [string, string | number | null | undefined][]): string {
  const params = new URLSearchParams();
  for (const [k, v] of pairs) if (v !== null && v !== undefined && v !== "") params.append(k, String(v));
  const s = params.toString();
  return s === "" ? "" : `?${s}`;
}

/** Display host of a URL without bidi controls, so a crafted link text cannot pose as another site. */
export function displayHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
  } catch {
    return "";
  }
}

/** The URL when it is http(s), else null: a stored `javascript:` or `data:` URL never becomes a link. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
