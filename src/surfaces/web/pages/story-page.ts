/**
 * Story: all coverage of one story, one card per copy group with its copies inside the card (story-coverage.ts),
 * a timeline of coverage over time and coverage by outlet (inline SVG and <meter>, no script). Pure render.
 */
import { articleTimeMs } from "../../../domain/parse-iso-time.ts";
import {
  isWirePart,
  stripWireDeskPrefix,
  WIRE_PART_LAST,
} from "../../../stages/dedupe/strip-syndication-marks.ts";
import { STORY_ENTITY_ARTICLES_MAX } from "../../../stages/entities/story-entities.ts";
import { toEntityQuery } from "../../entity-query.ts";
import { textDirection } from "../../text-direction.ts";
import {
  articlesLabel,
  copiedArticlesLabel,
  originalArticlesLabel,
  otherArticlesLabel,
  outletsLabel,
  partsLabel,
} from "../count-label.ts";
import { formatArabicDay, formatDateSpan } from "../format-arabic-date.ts";
import { html, type SafeHtml } from "../html.ts";
import { MAX_PAGE_OFFSET } from "../page-params.ts";
import type { ReaderCapabilities, StoryArticle, StoryDetail, StoryEntity } from "../reader-data.ts";
import {
  COVERAGE_ORDERS,
  type CoverageCard,
  type CoverageOrder,
  coverageTimeMs,
  toStoryCoverage,
} from "../story-coverage.ts";
import {
  absoluteTime,
  articleRow,
  orderChoice,
  pager,
  pastEndNote,
  shortTime,
  sourceName,
  type ViewContext,
} from "../view-parts.ts";

/** Bars in the timeline: enough to show a news cycle's shape, few enough to stay legible on a phone. */
export const TIMELINE_BUCKETS = 12;
/**
 * Cards (copy groups) listed per page of a story. An article row is about 0.75 KB of UTF-8, so 25 originals with
 * COPIES_SHOWN_MAX copies each stay under 80 KB with the page shell: the 100 KB page budget holds even for the dev
 * corpus's biggest story (295 articles, 180 KB when listed whole).
 */
export const STORY_CARDS_PER_PAGE = 25;
/** Copies listed in full under an original; the rest are links named by their outlet (restCopyLinks). */
export const COPIES_SHOWN_MAX = 3;
const HOUR_MS = 3_600_000;

/**
 * The mark of a late copy (StoryArticle.late): a republication days after the story went quiet, newer than the
 * story's "آخر تحديث", which leaves it out.
 */
const LATE_BADGE = html`<span class="late-badge" title="نُشر بعد أن هدأت تغطية القصة، فلا يُحتسب في آخر تحديث">أعيد نشره لاحقاً</span>`;

/** Which page of the coverage to list in which order, and the links to another page of it and to another order. */
export interface StoryPaging {
  offset: number;
  hrefFor: (offset: number) => string;
  /** The cards' order (oldest first by default); a card's copies and parts stay in their own order. */
  order?: CoverageOrder;
  /** The first page in another order; the order control is left out without it. */
  orderHrefFor?: (order: CoverageOrder) => string;
}

/** The coverage order control's links: oldest first (the default) or newest first. */
const ORDER_LABELS: Record<CoverageOrder, string> = { oldest: "الأقدم أولًا", newest: "الأحدث أولًا" };

export function renderStoryPage(
  story: StoryDetail,
  caps: ReaderCapabilities,
  ctx: ViewContext,
  paging: StoryPaging = { offset: 0, hrefFor: (offset) => `?offset=${offset}` },
): SafeHtml {
  const order = paging.order ?? "oldest";
  const coverage = toStoryCoverage(story.articles, order);
  const orderHrefFor = paging.orderHrefFor;
  // "الأسبق" marks the member published first, copies included; a story of one article has no first.
  const firstId = story.articles.length > 1 ? coverage.firstId : null;
  const shown = coverage.cards.slice(paging.offset, paging.offset + STORY_CARDS_PER_PAGE);
  const feedBase = `/feeds/story/${encodeURIComponent(story.id)}`;
  return html`<article>
<h1 dir="${textDirection(story.headline)}">${story.headline}</h1>
<ul class="meta">
<li>${outletsLabel(story.sources.length)} · ${articlesLabel(story.articleCount)}</li>
<li>أول تغطية: ${absoluteTime(story.firstSeen, ctx)}</li>
<li>آخر تحديث: ${shortTime(story.lastUpdate, ctx, true)}</li>
<li><a href="${feedBase}.rss">RSS</a> · <a href="${feedBase}.json">JSON Feed</a></li>
</ul>
${caps.clusteredStories ? "" : html`<p class="note">لم تُجمَّع التغطيات بعد: هذه القصة مقال واحد. ستظهر هنا تغطية كل المصادر حين يعمل تجميع القصص.</p>`}
${story.lead === "" ? "" : html`<p dir="${textDirection(story.lead)}">${story.lead}</p>`}
<div class="with-aside">
<section aria-labelledby="coverage-h">
<h2 id="coverage-h">التغطية</h2>
${
  orderHrefFor === undefined || coverage.cards.length < 2
    ? ""
    : orderChoice(
        "ترتيب التغطية",
        COVERAGE_ORDERS.map((o) => ({ href: orderHrefFor(o), label: ORDER_LABELS[o], current: o === order })),
      )
}
${
  shown.length === 0
    ? pastEndNote(coverage.cards.length, STORY_CARDS_PER_PAGE, paging.hrefFor, MAX_PAGE_OFFSET)
    : html`<ol class="cards">
${shown.map((card) => coverageCard(card, firstId, ctx))}
</ol>`
}
${pager(coverage.cards.length, STORY_CARDS_PER_PAGE, paging.offset, paging.hrefFor, MAX_PAGE_OFFSET)}
</section>
<aside class="aside-panel" aria-labelledby="timeline-h">
${entities(story, coverage.cards.length)}
<h2 id="timeline-h">التغطية عبر الوقت</h2>
${timeline(story.articles)}
<h2 id="outlets-h">حسب المصدر</h2>
${outlets(story, ctx)}
</aside>
</div>
</article>`;
}

const FIRST_BADGE = html`<span class="first-badge">الأسبق</span>`;

/**
 * One copy group's card: its displayed article, then its copies in a disclosure inside the card (open when it holds
 * the story's first report), a few listed and the outlets of the rest named; a copy published before its original
 * says so ("نُشر قبل"). A group whose original sits in another story is drawn as an original of this one, without
 * naming that original: on the dev corpus such cross-story pairs were more often wrong copies than right (of 43 such
 * cards read, 13 right, 20 wrong, 10 unclear; testdata/labels/README.md), so the page does not claim "منقول عن".
 */
function coverageCard(card: CoverageCard, firstId: string | null, ctx: ViewContext): SafeHtml {
  const { head, copies } = card;
  const original = head.duplicateOf === null ? head : undefined;
  const notes = memberNotes(head, original, firstId, ctx);
  const parts = card.parts.length === 0 ? "" : releaseParts(card.parts, firstId, ctx);
  if (copies.length === 0) return articleRow(head, ctx, notes, parts);
  const listed = copies.slice(0, COPIES_SHOWN_MAX);
  const rest = copies.slice(COPIES_SHOWN_MAX);
  const open = copies.some((c) => c.id === firstId);
  const about = head.duplicateOf === null ? "عن هذا المقال" : "عن المقال نفسه";
  const disclosure = html`<details class="copies"${open ? html` open` : ""}><summary>${copiedArticlesLabel(copies.length)} ${about}</summary>
<ol class="copy-list">${listed.map((c) => copyRow(c, memberNotes(c, original, firstId, ctx), ctx))}</ol>${
    rest.length === 0
      ? ""
      : html`<p class="note">و${otherArticlesLabel(rest.length)} في: ${restCopyLinks(rest, ctx)}</p>`
  }</details>`;
  return articleRow(head, ctx, notes, html`${disclosure}${parts}`);
}

/**
 * A wire release's continuation parts inside its first part's card (CoverageCard.parts), in part order, each with its
 * mark ("… إضافة ثانية") and the outlets that copied it; open when one holds the story's first report.
 */
function releaseParts(parts: readonly CoverageCard[], firstId: string | null, ctx: ViewContext): SafeHtml {
  const open = parts.some((p) => [p.head, ...p.copies].some((m) => m.id === firstId));
  const row = (p: CoverageCard) => {
    const original = p.head.duplicateOf === null ? p.head : undefined;
    const copied = p.copies.length === 0 ? [] : [html`<span>نقلته: ${restCopyLinks(p.copies, ctx)}</span>`];
    // The one part whose title carries no mark (its text opens with it) says which part it is.
    const unmarked =
      isWirePart(p.head.title) || p.head.wirePart === undefined
        ? []
        : [
            html`<span>${p.head.wirePart === WIRE_PART_LAST ? "الإضافة الأخيرة" : `الإضافة ${p.head.wirePart}`}</span>`,
          ];
    return copyRow(p.head, [...unmarked, ...memberNotes(p.head, original, firstId, ctx), ...copied], ctx);
  };
  return html`<details class="copies parts"${open ? html` open` : ""}><summary>تتمة الخبر في ${partsLabel(parts.length)}</summary>
<ol class="copy-list">${parts.map(row)}</ol></details>`;
}

/**
 * The copies past COPIES_SHOWN_MAX, each a link named by its outlet (an outlet's second copy adds its time), so every
 * member stays one click away (an outlet's copy may add its own quotes) at ~0.1 KB a link.
 */
function restCopyLinks(rest: readonly StoryArticle[], ctx: ViewContext): SafeHtml[] {
  const seen = new Set<string>();
  return rest.map((c, i) => {
    const again = seen.has(c.sourceId);
    seen.add(c.sourceId);
    return html`${i > 0 ? "، " : ""}<a href="/article/${encodeURIComponent(c.id)}">${sourceName(ctx, c.sourceId)}${
      again ? html` (${shortTime(c.publishedAt, ctx, true)})` : ""
    }</a>`;
  });
}

/** A copy inside its original's card: title (without a wire desk's section, as articleRow), outlet, time and its marks on one lighter line. */
export function copyRow(c: StoryArticle, notes: readonly SafeHtml[], ctx: ViewContext): SafeHtml {
  return html`<li><a href="/article/${encodeURIComponent(c.id)}" dir="${textDirection(c.title)}">${stripWireDeskPrefix(c.title)}</a>
<ul class="meta"><li>${sourceName(ctx, c.sourceId)}</li><li>${shortTime(c.publishedAt, ctx, true)}</li>${notes.map((n) => html`<li>${n}</li>`)}</ul></li>`;
}

/**
 * A member's marks: the story's first report, published before the original it copies (`original`: its card's
 * original when that is in the story), republished late.
 */
function memberNotes(
  a: StoryArticle,
  original: { sourceId: string; publishedAt: string | null } | undefined,
  firstId: string | null,
  ctx: ViewContext,
): SafeHtml[] {
  const notes: SafeHtml[] = [];
  if (a.id === firstId) notes.push(FIRST_BADGE);
  if (a.duplicateOf !== null && original !== undefined && coverageTimeMs(a) < coverageTimeMs(original)) {
    notes.push(html`<span class="early-badge">نُشر قبل ${sourceName(ctx, original.sourceId)}</span>`);
  }
  if (a.late === true) notes.push(LATE_BADGE);
  return notes;
}

/** Headings of the entity lists, by kind. */
const ENTITY_HEADINGS: Readonly<Record<StoryEntity["kind"], string>> = {
  person: "أشخاص",
  place: "أماكن",
  organization: "جهات",
};

/**
 * "في هذه القصة": the people, places and organizations the coverage names, each a link to a search for its forms,
 * with the number of articles naming it; nothing when none was found. When the story has more originals than the
 * entities stage reads (STORY_ENTITY_ARTICLES_MAX), a line says the counts are of the first ones only. `cards` is
 * the number of coverage cards: the entities are read from each card's head (story-reader-data.ts).
 */
function entities(story: StoryDetail, cards: number): SafeHtml | "" {
  if (story.entities.length === 0 && story.dates.length === 0) return "";
  const kinds = (["person", "place", "organization"] as const).filter((k) =>
    story.entities.some((e) => e.kind === k),
  );
  const firstOnly =
    kinds.length > 0 && cards > STORY_ENTITY_ARTICLES_MAX
      ? html`<p class="entities-note">الأشخاص والأماكن والجهات في أول ${originalArticlesLabel(STORY_ENTITY_ARTICLES_MAX)} من ${cards}.</p>`
      : "";
  return html`<h2 id="entities-h">في هذه القصة</h2>
<dl class="entities" aria-labelledby="entities-h">${storyDates(story)}${kinds.map(
    (kind) =>
      html`<dt>${ENTITY_HEADINGS[kind]}</dt><dd><ul class="entity-chips">${story.entities
        .filter((e) => e.kind === kind)
        .map(
          (e) =>
            html`<li><a class="entity-chip" href="/search?q=${encodeURIComponent(toEntityQuery(e))}" dir="auto">${e.name}</a>${
              e.articles > 1
                ? html` <span class="count" title="${articlesLabel(e.articles)}">${e.articles}</span>`
                : ""
            }</li>`,
        )}</ul></dd>`,
  )}</dl>${firstOnly}`;
}

/** "متى": the days the coverage says it happened, with how many reports say so. */
function storyDates(story: StoryDetail): SafeHtml | "" {
  if (story.dates.length === 0) return "";
  return html`<dt>متى</dt><dd><ul class="entity-chips">${story.dates.map(
    (d) =>
      html`<li><time class="entity-chip" datetime="${d.day}">${formatDateSpan(d.day, d.day, "day") ?? d.day}</time>${
        d.articles > 1
          ? html` <span class="count" title="${articlesLabel(d.articles)}">${d.articles}</span>`
          : ""
      }</li>`,
  )}</ul></dd>`;
}

/** Articles per time bucket as SVG bars, earliest on the right (RTL reading order), with a text equivalent. */
function timeline(articles: readonly StoryArticle[]): SafeHtml {
  const times = articles.map(articleTimeMs).filter((t) => t !== null);
  if (times.length === 0) return html`<p class="note">لا تواريخ لهذه التغطية.</p>`;
  const start = Math.min(...times);
  const span = Math.max(HOUR_MS, Math.max(...times) - start);
  const counts = new Array<number>(TIMELINE_BUCKETS).fill(0);
  for (const t of times) {
    const i = Math.min(TIMELINE_BUCKETS - 1, Math.floor(((t - start) / span) * TIMELINE_BUCKETS));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const max = Math.max(...counts);
  const w = 240;
  const h = 90;
  const bw = w / TIMELINE_BUCKETS;
  const bars = counts.map((n, i) => {
    const bh = n === 0 ? 0 : Math.max(3, (n / max) * (h - 20));
    // RTL: time runs from right to left like the text.
    const x = w - (i + 1) * bw + 2;
    return html`<rect class="bar" x="${x.toFixed(1)}" y="${(h - 16 - bh).toFixed(1)}" width="${(bw - 4).toFixed(1)}" height="${bh.toFixed(1)}"><title>${articlesLabel(n)}</title></rect>`;
  });
  const startLabel = formatArabicDay(new Date(start).toISOString()) ?? "";
  const endLabel = formatArabicDay(new Date(start + span).toISOString()) ?? "";
  return html`<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${articlesLabel(times.length)} بين ${startLabel} و${endLabel}">
<line class="axis" x1="0" y1="${h - 15}" x2="${w}" y2="${h - 15}"/>
${bars}
<text x="${w}" y="${h - 2}" text-anchor="start">${startLabel}</text>
<text x="0" y="${h - 2}" text-anchor="end">${startLabel === endLabel ? "" : endLabel}</text>
</svg>`;
}

/** Articles per outlet, most first, as <meter> bars. */
function outlets(story: StoryDetail, ctx: ViewContext): SafeHtml {
  const counts = new Map<string, number>();
  for (const a of story.articles) counts.set(a.sourceId, (counts.get(a.sourceId) ?? 0) + 1);
  const max = Math.max(1, ...counts.values());
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return html`<ul class="outlets">${rows.map(
    ([id, n]) =>
      html`<li><a href="/sources/${encodeURIComponent(id)}">${sourceName(ctx, id)}</a><meter min="0" max="${max}" value="${n}" aria-label="${articlesLabel(n)}">${n}</meter><span>${n}</span></li>`,
  )}</ul>`;
}
