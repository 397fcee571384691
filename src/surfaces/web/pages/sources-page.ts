/**
 * Sources: every outlet with its article count, latest article and feed health when the crawler keeps it; one
 * outlet's page with items per day (a small bar chart) and its newest articles. Pure render.
 */
import type { SearchHit } from "../../../domain/search.ts";
import type { SourceSummary } from "../../../ports/source-store.ts";
import { articlesLabel, outletsLabel } from "../count-label.ts";
import { formatArabicDay } from "../format-arabic-date.ts";
import { html, type SafeHtml } from "../html.ts";
import { MAX_PAGE_OFFSET } from "../page-params.ts";
import {
  displayHost,
  pager,
  pastEndNote,
  queryString,
  safeHref,
  shortTime,
  type ViewContext,
} from "../view-parts.ts";
import { countryName } from "./home-page.ts";
import { searchHitCard } from "./search-page.ts";

/** The feed fields the sources page shows; a structural subset of the crawler's Feed. */
export interface FeedHealth {
  id: number;
  url: string;
  sourceId: string;
  status: string;
  lastFetchAt: string | null;
  httpStatus: number | null;
  error: string | null;
  disabledReason: string | null;
  newItemsLastRun: number;
}

const STATUS_LABELS: Record<string, string> = {
  pending: "لم يُجلب بعد",
  ok: "يعمل",
  not_modified: "يعمل (بلا جديد)",
  error: "خطأ",
  offline: "الشبكة غير متاحة",
};

export function renderSourcesPage(
  sources: SourceSummary[],
  feeds: FeedHealth[] | null,
  ctx: ViewContext,
): SafeHtml {
  const bySource = new Map<string, FeedHealth[]>();
  for (const f of feeds ?? []) bySource.set(f.sourceId, [...(bySource.get(f.sourceId) ?? []), f]);
  return html`<h1>المصادر</h1>
<p class="note">${outletsLabel(sources.length)} · ${articlesLabel(sources.reduce((n, s) => n + s.articleCount, 0))}. <a href="/feeds/sources.opml">تصدير OPML</a></p>
${
  sources.length === 0
    ? html`<div class="empty"><p>لا مصادر بعد. تُنشأ المصادر عند استيراد المقالات أو من <a href="/admin">الإدارة</a>.</p></div>`
    : html`<div class="table-scroll"><table class="sources-table">
<caption class="visually-hidden">المصادر وعدد مقالاتها وحالة خلاصاتها</caption>
<thead><tr><th scope="col">المصدر</th><th scope="col">البلد</th><th scope="col">المقالات</th><th scope="col">آخر مقال</th>${feeds === null ? "" : html`<th scope="col">الخلاصات</th>`}</tr></thead>
<tbody>
${sources.map(
  (s) => html`<tr>
<th scope="row"><a href="/sources/${encodeURIComponent(s.id)}"><bdi>${s.name}</bdi></a></th>
<td data-label="البلد">${s.country === null ? "—" : countryName(s.country)}</td>
<td class="num" data-label="المقالات">${s.articleCount}</td>
<td data-label="آخر مقال">${s.lastArticleAt === null ? "—" : shortTime(s.lastArticleAt, ctx, true)}</td>
${feeds === null ? "" : html`<td data-label="الخلاصات">${feedCell(bySource.get(s.id) ?? [], ctx)}</td>`}
</tr>`,
)}
</tbody></table></div>`
}`;
}

function feedCell(feeds: readonly FeedHealth[], ctx: ViewContext): SafeHtml {
  if (feeds.length === 0) return html`—`;
  return html`${feeds.map((f) => {
    const label = f.disabledReason !== null ? "موقوف" : (STATUS_LABELS[f.status] ?? f.status);
    const cls = f.disabledReason !== null || f.status === "error" ? "status-error" : "status-ok";
    return html`<div><span class="${cls}">${label}</span>${f.lastFetchAt === null ? "" : html` · ${shortTime(f.lastFetchAt, ctx, true)}`}${
      f.error === null && f.disabledReason === null ? "" : html` · <bdi>${f.disabledReason ?? f.error}</bdi>`
    }</div>`;
  })}`;
}

export interface SourceView {
  source: SourceSummary;
  /** Articles per day, oldest first, ending on the day of the latest article. */
  perDay: { day: string; count: number }[];
  /** The outlet's own articles, newest first (a search browse of the source: copies of one page folded). */
  articles: SearchHit[];
  total: number;
  limit: number;
  offset: number;
  feeds: FeedHealth[] | null;
}

export function renderSourcePage(view: SourceView, ctx: ViewContext): SafeHtml {
  const s = view.source;
  const home = s.homepage === null ? null : safeHref(s.homepage);
  const feedBase = `/feeds/source/${encodeURIComponent(s.id)}`;
  const href = (offset: number) =>
    `/sources/${encodeURIComponent(s.id)}${queryString([["offset", offset || null]])}`;
  return html`<h1><bdi>${s.name}</bdi></h1>
<ul class="meta">
${s.country === null ? "" : html`<li>${countryName(s.country)}</li>`}
<li>${articlesLabel(s.articleCount)}</li>
${home === null ? "" : html`<li><a href="${home}" rel="noopener noreferrer nofollow"><bdi dir="ltr">${displayHost(home)}</bdi></a></li>`}
<li><a href="${feedBase}.rss">RSS</a> · <a href="${feedBase}.json">JSON Feed</a></li>
</ul>
<div class="with-aside">
<section aria-labelledby="latest-h">
<h2 id="latest-h">أحدث الأخبار</h2>
${view.articles.length === 0 ? (view.offset > 0 && view.total > 0 ? pastEndNote(view.total, view.limit, href, MAX_PAGE_OFFSET) : html`<div class="empty"><p>لا مقالات من هذا المصدر بعد.</p></div>`) : html`<ol class="cards">${view.articles.map((a) => searchHitCard(a, ctx))}</ol>`}
${pager(view.total, view.limit, view.offset, href, MAX_PAGE_OFFSET)}
</section>
<aside class="aside-panel" aria-labelledby="perday-h">
<h2 id="perday-h">المقالات في اليوم</h2>
${perDayChart(view.perDay)}
${view.feeds === null ? "" : html`<h2>الخلاصات</h2>${view.feeds.length === 0 ? html`<p class="note">لا خلاصات مسجلة.</p>` : html`<ul class="facets">${view.feeds.map((f) => html`<li><bdi dir="ltr">${displayHost(f.url)}</bdi><span>${feedCell([f], ctx)}</span></li>`)}</ul>`}`}
</aside>
</div>`;
}

function perDayChart(perDay: readonly { day: string; count: number }[]): SafeHtml {
  if (perDay.length === 0) return html`<p class="note">لا بيانات.</p>`;
  const w = 240;
  const h = 80;
  const max = Math.max(1, ...perDay.map((d) => d.count));
  const bw = w / perDay.length;
  const first = formatArabicDay(perDay[0]!.day) ?? "";
  const last = formatArabicDay(perDay[perDay.length - 1]!.day) ?? "";
  return html`<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="المقالات في اليوم من ${first} إلى ${last}">
<line class="axis" x1="0" y1="${h - 15}" x2="${w}" y2="${h - 15}"/>
${perDay.map((d, i) => {
  const bh = d.count === 0 ? 0 : Math.max(2, (d.count / max) * (h - 20));
  const x = w - (i + 1) * bw + 1;
  return html`<rect class="bar" x="${x.toFixed(1)}" y="${(h - 16 - bh).toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${bh.toFixed(1)}"><title>${formatArabicDay(d.day)}: ${articlesLabel(d.count)}</title></rect>`;
})}
<text x="${w}" y="${h - 2}" text-anchor="start">${first}</text>
<text x="0" y="${h - 2}" text-anchor="end">${last}</text>
</svg>`;
}
