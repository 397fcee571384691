/**
 * Home: top stories with filters by country and outlet, paged. Pure render from ReaderData results.
 */
import type { SourceSummary } from "../../../ports/source-store.ts";
import { RANK_RECENT_HOURS } from "../../../stages/stories/rank-stories.ts";
import { displayDayOf, formatDateSpan } from "../format-arabic-date.ts";
import { html, type SafeHtml } from "../html.ts";
import { MAX_PAGE_OFFSET } from "../page-params.ts";
import type { ReaderCapabilities, StorySummary } from "../reader-data.ts";
import {
  pager,
  pageTitleSuffix,
  queryString,
  shortTime,
  storyCard,
  type ViewContext,
} from "../view-parts.ts";

export interface HomeView {
  stories: StorySummary[];
  total: number;
  limit: number;
  offset: number;
  country: string;
  source: string;
  /** A past day (YYYY-MM-DD, in the display time zone) whose top stories are shown; "" for now. */
  day: string;
  /** Why the `day` asked for was refused (readerErrorMessage): the newest stories are shown instead. */
  dayRefused?: string;
  /** Every source, for the outlet filter. */
  sourceList: SourceSummary[];
  capabilities: ReaderCapabilities;
}

const REGION_NAMES = new Intl.DisplayNames(["ar"], { type: "region" });

/** Arabic name of an ISO 3166 country code ("SA" → "السعودية"), the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return REGION_NAMES.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The parts of a home page's view its title names. */
export type HomeTitleView = Pick<HomeView, "day" | "source" | "country" | "offset" | "limit">;

/**
 * What a home page shows, in words, for its heading (`html`, source names isolated) and the document title (`text`):
 * the day when a past one is chosen, the outlet (in «») or the country filtered by, the page after the first.
 * Example: day 2015-07-26, source okaz (named عكاظ), offset 20 of 20 a page →
 * "أهم أخبار الأحد، 26 يوليو 2015 في «عكاظ» — الصفحة 2".
 */
export function homeTitle(view: HomeTitleView, ctx: ViewContext): { text: string; html: SafeHtml } {
  const dayName = view.day === "" ? null : formatDateSpan(view.day, view.day, "day");
  const outlet = view.source === "" ? null : (ctx.sources.get(view.source)?.name ?? view.source);
  const country = view.source !== "" || view.country === "" ? null : countryName(view.country);
  const pageText = pageTitleSuffix(view.offset, view.limit);
  const text = `${dayName === null ? "أهم الأخبار" : `أهم أخبار ${dayName}`}${
    outlet !== null ? ` في «${outlet}»` : country !== null ? ` من مصادر ${country}` : ""
  }${pageText}`;
  return {
    text,
    html: html`${dayName === null ? "أهم الأخبار" : html`أهم أخبار <bdi>${dayName}</bdi>`}${
      outlet !== null ? html` في «<bdi>${outlet}</bdi>»` : country !== null ? ` من مصادر ${country}` : ""
    }${pageText}`,
  };
}

export function renderHomePage(view: HomeView, ctx: ViewContext): SafeHtml {
  const countries = [
    ...new Set(view.sourceList.map((s) => s.country).filter((c): c is string => c !== null)),
  ].sort();
  const filtered = view.country !== "" || view.source !== "";
  const pageHref = (offset: number, day = view.day) =>
    `/${queryString([
      ["country", view.country],
      ["source", view.source],
      ["day", day || null],
      ["offset", offset || null],
    ])}`;
  const href = (offset: number) => pageHref(offset);
  const lastDay = archiveLastDay(view, ctx);
  return html`<h1>${homeTitle(view, ctx).html}</h1>
${view.dayRefused === undefined ? "" : html`<div class="error-box" role="alert"><p>${view.dayRefused} تُعرض أحدث الأخبار بدلًا منه.</p></div>`}
${view.day === "" ? "" : dayNav(view.day, lastDay, (day) => pageHref(0, day))}
${staleNote(view, ctx)}
<form class="filters home-filters" action="/" method="get" aria-label="تصفية الأخبار">
<label>اليوم
<input type="date" name="day" value="${view.day}" dir="ltr"></label>
${
  countries.length === 0
    ? ""
    : html`<label>البلد
<select name="country" data-autosubmit>
<option value="">كل البلدان</option>
${countries.map((c) => html`<option value="${c}"${c === view.country ? html` selected` : ""}>${countryName(c)}</option>`)}
</select></label>`
}
<label>المصدر
<select name="source" data-autosubmit>
<option value="">كل المصادر</option>
${view.sourceList.map((s) => html`<option value="${s.id}"${s.id === view.source ? html` selected` : ""}>${s.name}</option>`)}
</select></label>
<button type="submit">عرض</button>
${filtered || view.day !== "" ? html`<a href="/">إلغاء التصفية</a>` : ""}
</form>
${
  view.capabilities.clusteredStories
    ? ""
    : html`<p class="note">تجميع المقالات في قصص قيد الإعداد: تظهر هنا أحدث المقالات، كلٌّ منها قصة مستقلة.</p>`
}
${
  view.stories.length === 0
    ? view.offset > 0 && view.total > 0
      ? html`<div class="empty"><h2>لا قصص في هذه الصفحة</h2><p>انتهت القائمة قبل هذا الموضع. <a href="${href(0)}">عُد إلى الصفحة الأولى</a>.</p></div>`
      : view.day !== ""
        ? html`<div class="empty"><h2>لا أخبار في هذا اليوم</h2><p>لم تُنشر مقالات في هذا اليوم${filtered ? " لهذا الاختيار" : ""}.${
            view.day > lastDay
              ? html` آخر يوم في الأرشيف <a href="${pageHref(0, lastDay)}"><bdi>${formatDateSpan(lastDay, lastDay, "day")}</bdi></a>.`
              : ""
          } <a href="/">اعرض أحدث الأخبار</a>.</p></div>`
        : html`<div class="empty"><h2>لا أخبار هنا بعد</h2><p>${
            filtered
              ? html`لا مقالات لهذا الاختيار. <a href="/">اعرض كل الأخبار</a> أو اختر مصدرًا آخر.`
              : html`لم تُستورد أي مقالات بعد. استورد ملفًا بالأمر <code dir="ltr">akhbar import FILE</code> أو أضف مصادر من صفحة <a href="/sources">المصادر</a>.`
          }</p></div>`
    : html`<ol class="cards">${view.stories.map((s) =>
        storyCard(s, ctx, {
          recentSpan: view.day === "" ? "في آخر 24 ساعة" : "في هذا اليوم",
          firstSources: filteredSources(view),
        }),
      )}</ol>`
}
${pager(view.total, view.limit, view.offset, href, MAX_PAGE_OFFSET)}`;
}

/** The outlets a home page is filtered by (the outlet, else the country's outlets); undefined when unfiltered. */
function filteredSources(view: HomeView): ReadonlySet<string> | undefined {
  if (view.source !== "") return new Set([view.source]);
  if (view.country === "") return undefined;
  return new Set(view.sourceList.filter((s) => s.country === view.country).map((s) => s.id));
}

/** The newest article's time (epoch ms) of the outlets shown; -Infinity when none has one. */
function newestArticleMs(view: HomeView): number {
  const shown = filteredSources(view);
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const s of view.sourceList) {
    if (s.lastArticleAt === null || (shown !== undefined && !shown.has(s.id))) continue;
    lastMs = Math.max(lastMs, Date.parse(s.lastArticleAt));
  }
  return lastMs;
}

/**
 * Over the newest top stories of outlets that published nothing in the last RANK_RECENT_HOURS (an archive, a crawl
 * that stopped), a note with the newest article's time: the stories are the top ones as of then, and each card's
 * "في آخر 24 ساعة" counts the 24 hours up to then, not up to the reader's now. Empty otherwise.
 */
function staleNote(view: HomeView, ctx: ViewContext): SafeHtml {
  const newestMs = newestArticleMs(view);
  if (view.day !== "" || view.stories.length === 0 || !Number.isFinite(newestMs)) return html``;
  if (ctx.nowMs - newestMs < RANK_RECENT_HOURS * 3_600_000) return html``;
  return html`<p class="note" role="status" id="stale-note">آخر ما وصل نُشر في ${shortTime(new Date(newestMs).toISOString(), ctx, true)}: هذه أهم القصص حينها، وعدّ «في آخر 24 ساعة» ينتهي عنده.</p>`;
}

/**
 * The newest day (display time zone) the outlets shown have articles on: the last day worth a link. Today when none
 * has an article, and never after today (an article dated in the future is a publisher's clock, not news to page to).
 */
function archiveLastDay(view: HomeView, ctx: ViewContext): string {
  const today = displayDayOf(ctx.nowMs);
  const lastMs = newestArticleMs(view);
  if (!Number.isFinite(lastMs)) return today;
  const last = displayDayOf(lastMs);
  // ISO days compare as text.
  return last.localeCompare(today) < 0 ? last : today;
}

/** Links to the day before and after a past day's top stories (none past the archive's last day), and back to the
 * newest. */
function dayNav(day: string, lastDay: string, href: (day: string) => string): SafeHtml {
  const shift = (days: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const next = shift(1);
  return html`<nav class="day-nav" aria-label="الأيام">
<a href="${href(shift(-1))}" rel="prev">اليوم السابق</a>
${next <= lastDay ? html`<a href="${href(next)}" rel="next">اليوم التالي</a>` : ""}
<a href="/">الأحدث</a>
</nav>`;
}
