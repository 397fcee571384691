/**
 * Search: the query form with outlet and date filters, result count, per-outlet facet counts, highlighted snippets,
 * paging and empty states that suggest a next step. Pure render.
 */
import type {
  SearchHit,
  SearchHitCopy,
  SearchQuery,
  SearchResult,
  SearchSort,
} from "../../../domain/search.ts";
import type { SourceSummary } from "../../../ports/source-store.ts";
import { MAX_QUERY_CHARS, parseQuery } from "../../../stages/search/parse-query.ts";
import { renderHighlightHtml } from "../../render-highlight.ts";
import { MAX_SEARCH_OFFSET } from "../../search-params.ts";
import { textDirection } from "../../text-direction.ts";
import { lettersLabel, resultsLabel } from "../count-label.ts";
import { html, type SafeHtml, trustedHtml } from "../html.ts";
import { DATE_FORMAT_HINT } from "../reader-error-message.ts";
import type { SourceFacet } from "../search-facets.ts";
import {
  orderChoice,
  pager,
  pastEndNote,
  queryString,
  shortTime,
  sourceName,
  type ViewContext,
} from "../view-parts.ts";

export interface SearchForm {
  /** The words, without `source:` filters (those are in `sources`). */
  q: string;
  /** Outlets to search in (any of them); empty for all. */
  sources: string[];
  from: string;
  to: string;
  recent: boolean;
  /** Best match first, or newest first (the choice above the results). */
  sort: SearchSort;
  /** The typed text was longer than the parser reads and was cut (cutQuery). */
  cut: boolean;
}

export interface SearchView {
  form: SearchForm;
  /** Null when there is no query yet or it was refused. */
  result: SearchResult | null;
  facets: SourceFacet[];
  limit: number;
  offset: number;
  /** A message for a refused query (bad date, nothing searchable). */
  error: string | null;
  sourceList: SourceSummary[];
  /** The store is being re-indexed (an analyzer upgrade): some matches may be missing until it is done. */
  reindexing?: boolean;
}

/** Example queries for the empty page: each shows something the Arabic analyzer does. */
const EXAMPLES: readonly [string, string][] = [
  ["أمريكا", "يجد «أميركا» أيضًا"],
  ["الحكومات", "يجد «حكومتها» و«الحكومة»"],
  ['"شراكة اقتصادية"', "عبارة بكلماتها متجاورة"],
  ["الرياض -الهلال", "استبعاد كلمة"],
  ["أمريكا OR روسيا", "إحدى الكلمتين (OR بالحروف الكبيرة)"],
];

/**
 * Whether the outlet and date fields show unfolded: before a search (the form is the page), when a filter is set (the
 * reader sees what narrows the results) and after an error (it may name a field). Folded otherwise, so a phone's first
 * screen shows results, not the form: at 390x844 the unfolded form put the first hit 767 px down.
 */
function isFilterFormOpen(view: SearchView): boolean {
  const f = view.form;
  const filtered = f.sources.length > 0 || f.from !== "" || f.to !== "" || f.recent;
  return filtered || view.error !== null || view.result === null;
}

/** The folded fields' line: what they narrow by, and how many are set. Example: "تضييق البحث: المصدر والتاريخ". */
function filterSummary(f: SearchForm): string {
  const set = [f.sources.length > 0, f.from !== "" || f.to !== "", f.recent].filter(Boolean).length;
  return set === 0
    ? "تضييق البحث: المصدر والتاريخ"
    : `تضييق البحث: المصدر والتاريخ (${set === 1 ? "قيد واحد" : set === 2 ? "قيدان" : "ثلاثة قيود"})`;
}

export function renderSearchPage(view: SearchView, ctx: ViewContext): SafeHtml {
  const f = view.form;
  const base = (over: Partial<Record<"source" | "offset" | "sort", string | number | null>>) =>
    `/search${queryString([
      ["q", f.q],
      ["source", over.source !== undefined ? over.source : f.sources.join(",")],
      ["from", f.from],
      ["to", f.to],
      ["recent", f.recent ? "1" : null],
      ["sort", over.sort !== undefined ? over.sort : f.sort === "date" ? "date" : null],
      ["offset", over.offset ?? null],
    ])}`;
  const pageHref = (offset: number) => base({ offset: offset || null });
  const r = view.result;
  return html`<h1>البحث في الأخبار</h1>
<form class="filters" action="/search" method="get" role="search" aria-label="بحث متقدم">
<label class="field">كلمات البحث
<input type="search" name="q" value="${f.q}" maxlength="${MAX_QUERY_CHARS}"></label>
<button type="submit">ابحث</button>
${f.sort === "date" ? html`<input type="hidden" name="sort" value="date">` : ""}
<details class="filter-more"${isFilterFormOpen(view) ? html` open` : ""}><summary>${filterSummary(f)}</summary>
<div class="filter-fields">
<label>المصدر
<select name="source">
<option value="">كل المصادر</option>
${f.sources.length > 1 ? html`<option value="${f.sources.join(",")}" selected>${f.sources.map((id) => ctx.sources.get(id)?.name ?? id).join(" أو ")}</option>` : ""}
${view.sourceList.map((s) => html`<option value="${s.id}"${f.sources.length === 1 && s.id === f.sources[0] ? html` selected` : ""}>${s.name}</option>`)}
</select></label>
<label>من تاريخ<input type="text" name="from" value="${f.from}" dir="ltr" inputmode="numeric" placeholder="2015-08-01" autocomplete="off" aria-describedby="date-format"></label>
<label>إلى تاريخ<input type="text" name="to" value="${f.to}" dir="ltr" inputmode="numeric" placeholder="2015-08-31" autocomplete="off" aria-describedby="date-format"></label>
<label class="check"><input type="checkbox" name="recent" value="1"${f.recent ? html` checked` : ""} title="يرفع المقالات الأحدث في الترتيب دون إهمال صلتها بالبحث"> تفضيل الأحدث</label>
<p class="note" id="date-format">التاريخ بالصيغة ${DATE_FORMAT_HINT}.</p>
</div></details>
</form>
${f.cut ? html`<p class="note" role="status">البحث أطول مما يُقرأ، فاقتصرنا على أول ${lettersLabel(MAX_QUERY_CHARS)} منه أو أقل (كلمات كاملة).</p>` : ""}
${view.reindexing === true ? html`<p class="note" role="status" id="reindexing-note">${REINDEXING_NOTE}</p>` : ""}
${view.error !== null ? html`<div class="error-box" role="alert"><h2>تعذّر البحث</h2><p dir="auto">${view.error}</p></div>` : ""}
${r === null && view.error === null ? examples() : ""}
${
  r === null
    ? ""
    : html`<div class="with-aside">
<section aria-labelledby="results-h">
<h2 id="results-h">${resultsHeading(f, r.total, ctx)}</h2>
${f.q !== "" && r.total > 1 ? sortChoice(f.sort, base) : ""}
${r.hits.some((hit) => hit.copies.length > 0) ? html`<p class="note" id="count-note">${COUNT_NOTE}</p>` : ""}
${
  r.total === 0
    ? noResults(view, base)
    : r.hits.length === 0
      ? pastEndNote(r.total, view.limit, pageHref, MAX_SEARCH_OFFSET)
      : html`<ol class="cards results">${r.hits.map((hit) => searchHitCard(hit, ctx))}</ol>`
}
${pager(r.total, view.limit, view.offset, pageHref, MAX_SEARCH_OFFSET)}
</section>
${facetPanel(view, ctx, base)}
</div>`
}`;
}

/** Said while a re-index runs (an upgrade changed the Arabic analyzer): articles not yet reached may not match. */
const REINDEXING_NOTE = "يُعاد الآن بناء فهرس البحث بعد تحديث التحليل اللغوي، فقد تغيب بعض النتائج حتى يكتمل.";

/**
 * What the count and the pages count: a text republished by several outlets is one result (the search folds copies),
 * said under the heading when this page shows such a result.
 */
const COUNT_NOTE = "يُعدّ الخبر المنشور في أكثر من مصدر نتيجةً واحدة، وتُذكر مصادره الأخرى تحته.";
/** A facet counts the outlet's own results, as the search narrowed to it would: a republished text counts in each. */
const FACET_NOTE = "نتائج كل مصدر وحده؛ الخبر المنشور في عدة مصادر يُعدّ في كل منها.";

/**
 * One search hit (or one article of a source's browse): its highlighted title to the article page, its snippet, outlet
 * and time, and the outlets whose copies fold into it.
 */
export function searchHitCard(hit: SearchHit, ctx: ViewContext): SafeHtml {
  return html`<li><article class="card">
<h3 dir="${textDirection(hit.title_highlight)}"><a href="/article/${encodeURIComponent(hit.id)}">${trustedHtml(renderHighlightHtml(hit.title_highlight))}</a></h3>
<p class="snippet" dir="${textDirection(hit.snippet)}">${trustedHtml(renderHighlightHtml(hit.snippet))}</p>
<ul class="meta"><li>${sourceName(ctx, hit.source)}</li><li>${shortTime(hit.published_at, ctx)}</li></ul>
${copiesLine(hit.copies, hit.source, ctx)}
</article></li>`;
}

/**
 * The results' order as two links, the current one marked: best match first (the default) or every match newest
 * first. Shown when there are words to rank by and more than one result; a browse is newest first already. Paging
 * restarts at the first page.
 */
function sortChoice(
  sort: SearchSort,
  base: (over: Partial<Record<"sort", string | null>>) => string,
): SafeHtml {
  return orderChoice("ترتيب النتائج", [
    { href: base({ sort: null }), label: "الأكثر صلة", current: sort === "relevance" },
    { href: base({ sort: "date" }), label: "الأحدث", current: sort === "date" },
  ]);
}

/** Longest query echoed in the results heading; a pasted paragraph stays readable in the box above it. */
const HEADING_QUERY_CHARS = 80;

/** "عكاظ أو الرياض": outlet names joined, each isolated for bidi. */
function sourceNames(ids: readonly string[], ctx: ViewContext, joiner: string): SafeHtml {
  return html`${ids.map((id, i) => html`${i > 0 ? joiner : ""}${sourceName(ctx, id)}`)}`;
}

/** "12 نتيجة عن «الصحة» في عكاظ"; for a browse without words: "أحدث المقالات في عكاظ: 540 نتيجة". */
function resultsHeading(f: SearchForm, total: number, ctx: ViewContext): SafeHtml {
  const where = f.sources.length === 0 ? "" : html` في ${sourceNames(f.sources, ctx, " أو ")}`;
  if (f.q === "") return html`أحدث المقالات${where}: ${resultsLabel(total)}`;
  const q = f.q.length > HEADING_QUERY_CHARS ? `${f.q.slice(0, HEADING_QUERY_CHARS).trimEnd()}…` : f.q;
  return html`${resultsLabel(total)} عن «<bdi>${q}</bdi>»${where}`;
}

/** The other outlets that republished a hit (its folded copies), each once, linked to its first copy there; nothing
 * when none did. */
function copiesLine(copies: readonly SearchHitCopy[], ownSource: string, ctx: ViewContext): SafeHtml | "" {
  const others = copies.filter((c) => c.source !== ownSource);
  const firstPerOutlet = others.filter((c, i) => others.findIndex((o) => o.source === c.source) === i);
  if (firstPerOutlet.length === 0) return "";
  return html`<p class="copies-line">نُشر أيضاً في: ${firstPerOutlet.map(
    (c, i) =>
      html`${i > 0 ? "، " : ""}<a href="/article/${encodeURIComponent(c.id)}">${sourceName(ctx, c.source)}</a>`,
  )}</p>`;
}

function facetPanel(
  view: SearchView,
  ctx: ViewContext,
  base: (over: Partial<Record<"source" | "offset", string | number | null>>) => string,
): SafeHtml {
  if (view.facets.length === 0) return html``;
  return html`<aside class="aside-panel" aria-labelledby="facets-h">
<h2 id="facets-h">حسب المصدر</h2>
<p class="note">${FACET_NOTE}</p>
<ul class="facets">
${view.form.sources.length === 0 ? "" : html`<li><a href="${base({ source: null })}">كل المصادر</a></li>`}
${view.facets.map(
  (f) =>
    html`<li><a href="${base({ source: f.sourceId })}"${view.form.sources.length === 1 && f.sourceId === view.form.sources[0] ? html` aria-current="true"` : ""}>${sourceName(ctx, f.sourceId)}</a><span class="count">${f.count}</span></li>`,
)}
</ul>
</aside>`;
}

function examples(): SafeHtml {
  return html`<div class="empty"><h2>ابحث كما تكتب</h2>
<p>يفهم البحث اختلاف الإملاء (أ/ا، ة/ه، ى/ي، التشكيل والتطويل) وصيغ الكلمة. أمثلة:</p>
<ul>${EXAMPLES.map(([q, why]) => html`<li><a href="/search?q=${encodeURIComponent(q)}" dir="auto">${q}</a>: ${why}</li>`)}</ul></div>`;
}

function noResults(
  view: SearchView,
  base: (over: Partial<Record<"source" | "offset", string | number | null>>) => string,
): SafeHtml {
  const f = view.form;
  const narrowed = f.sources.length > 0 || f.from !== "" || f.to !== "";
  return html`<div class="empty">
<p>${noMatchSentence(f.q)}</p>
<ul>
${narrowed ? html`<li><a href="/search${queryString([["q", f.q]])}">ابحث في كل المصادر وكل التواريخ</a></li>` : ""}
${f.sources.length > 0 && f.q !== "" ? html`<li><a href="${base({ source: null })}">أزل تصفية المصدر فقط</a></li>` : ""}
${tips(f.q)}
</ul></div>`;
}

/** Required parts of a query (words, phrases, either-or groups); null when it does not parse. */
function requiredParts(q: string): { count: number; query: SearchQuery } | null {
  try {
    const query = parseQuery(q, { limit: 1, offset: 0 });
    return { count: query.terms.length + query.phrases.length + query.anyOf.length, query };
  } catch {
    return null;
  }
}

/**
 * What found nothing, in words that fit the query: "all the words" only when several are required; one word or
 * phrase is named ("لا مقالات تطابق «بطريق».").
 */
function noMatchSentence(q: string): SafeHtml {
  const count = requiredParts(q)?.count ?? 0;
  if (count === 0) return html`لا مقالات لهذا الاختيار.`;
  if (count === 1) return html`لا مقالات تطابق «<bdi>${q.trim()}</bdi>».`;
  return html`لا مقالات تطابق كل الكلمات.`;
}

/**
 * Advice that fits what was asked: fewer words only when several are required, the quotes only when a phrase was
 * given; a single word can only be misspelt (or name what no article names).
 */
function tips(q: string): SafeHtml {
  const parts = requiredParts(q);
  if (parts === null) return html``;
  const { count: required, query } = parts;
  return html`${required > 1 ? html`<li>قلّل عدد الكلمات: كل كلمة شرط.</li>` : ""}
${query.phrases.length > 0 ? html`<li>العبارة بين علامتي تنصيص تتطلب الكلمات متجاورة؛ جرّبها بلا تنصيص.</li>` : ""}
${required === 1 && query.phrases.length === 0 ? html`<li>تحقّق من إملاء الكلمة، أو جرّب كلمة أخرى بالمعنى نفسه.</li>` : ""}`;
}
