/**
 * Home: top stories with filters by country and outlet, paged. Pure render from ReaderData results.
 */
import type { SourceSummary } from "../../../ports/source-store.ts";
import { html, type SafeHtml } from "../html.ts";
import type { ReaderCapabilities, StorySummary } from "../reader-data.ts";
import { pager, queryString, storyCard, type ViewContext } from "../view-parts.ts";

export interface HomeView {
  stories: StorySummary[];
  total: number;
  limit: number;
  offset: number;
  country: string;
  source: string;
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

export function renderHomePage(view: HomeView, ctx: ViewContext): SafeHtml {
  const countries = [
    ...new Set(view.sourceList.map((s) => s.country).filter((c): c is string => c !== null)),
  ].sort();
  const filtered = view.country !== "" || view.source !== "";
  const href = (offset: number) =>
    `/${queryString([
      ["country", view.country],
      ["source", view.source],
      ["offset", offset || null],
    ])}`;
  return html`<h1>أهم الأخبار</h1>
<form class="filters" action="/" method="get" aria-label="تصفية الأخبار">
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
${filtered ? html`<a href="/">إلغاء التصفية</a>` : ""}
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
      : html`<div class="empty"><h2>لا أخبار هنا بعد</h2><p>${
          filtered
            ? html`لا مقالات لهذا الاختيار. <a href="/">اعرض كل الأخبار</a> أو اختر مصدرًا آخر.`
            : html`لم تُستورد أي مقالات بعد. استورد ملفًا بالأمر <code dir="ltr">akhbar import FILE</code> أو أضف مصادر من صفحة <a href="/sources">المصادر</a>.`
        }</p></div>`
    : html`<ol class="cards">${view.stories.map((s) => storyCard(s, ctx))}</ol>`
}
${pager(view.total, view.limit, view.offset, href)}`;
}
