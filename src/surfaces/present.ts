/**
 * JSON shapes that surfaces (API, CLI --json) print: snake_case, stable, documented in one place.
 * Pure mapping from domain objects.
 */
import type { Article } from "../domain/article.ts";
import type { Feed } from "../domain/feed.ts";
import type { SearchResult } from "../domain/search.ts";
import type { SearchOptions } from "../pipeline/search-articles.ts";
import type { SourceSummary } from "../ports/source-store.ts";
import { type DateMention, findDates } from "../stages/entities/find-dates.ts";
import { findNumbers, type NumberMention } from "../stages/entities/find-numbers.ts";
import { renderHighlightHtml } from "./render-highlight.ts";

/** Which of an article's fields a mention was found in; its offsets are into that field. */
type InField<T> = T & { field: "title" | "text" };

/** What `find` finds in an article's title, then in its text, each marked with its field. */
function inFields<T>(a: Article, find: (field: string) => T[]): InField<T>[] {
  return [
    ...find(a.title).map((m) => ({ ...m, field: "title" as const })),
    ...find(a.text).map((m) => ({ ...m, field: "text" as const })),
  ];
}

/** A date an article mentions, and whether its title or its text mentions it (offsets are into that field). */
export type ArticleDate = InField<DateMention>;

/**
 * The dates an article's title and text mention, resolved against its publish time (its fetch time when it has
 * none). Example: "أمس" in an article published 2015-08-07T09:00Z -> first/last "2015-08-06".
 */
export function articleDates(a: Article): ArticleDate[] {
  const published = new Date(a.publishedAt ?? a.fetchedAt);
  if (Number.isNaN(published.getTime())) return [];
  return inFields(a, (field) => findDates(field, published));
}

/** A number an article writes in words, and whether its title or its text writes it (offsets are into that field). */
export type ArticleNumber = InField<NumberMention>;

/** The numbers an article's title and text write with words ("ثلاثة آلاف" = 3000, "2.5 مليار" = 2.5e9). */
export function articleNumbers(a: Article): ArticleNumber[] {
  return inFields(a, findNumbers);
}

/** Where an article sits: its story (null when unplaced) and its copy group's original (null for an original). */
export interface ArticlePlace {
  storyId: string | null;
  duplicateOf: string | null;
}

/** An article's JSON (GET /api/articles/:id) with where it sits. */
export function toArticleJson(a: Article, place: ArticlePlace) {
  return {
    id: a.id,
    url: a.url,
    canonical_url: a.canonicalUrl,
    source: a.sourceId,
    cited_source: a.citedSource,
    story_id: place.storyId,
    duplicate_of: place.duplicateOf,
    title: a.title,
    published_at: a.publishedAt,
    fetched_at: a.fetchedAt,
    language: a.language,
    byline: a.byline,
    image: a.imageUrl,
    text: a.text,
    html: a.html,
    content_hash: a.contentHash,
    extra: a.extra,
    dates: articleDates(a).map((d) => ({
      field: d.field,
      text: d.text,
      start: d.start,
      end: d.end,
      first: d.first,
      last: d.last,
      granularity: d.granularity,
      relative: d.relative,
      calendar: d.calendar,
    })),
    numbers: articleNumbers(a).map((m) => ({
      field: m.field,
      text: m.text,
      start: m.start,
      end: m.end,
      value: m.value,
    })),
  };
}

/** The export/import record: import's field names, extra fields back at the top level so a re-import is lossless. */
export function toExportRecord(a: Article): Record<string, unknown> {
  const record: Record<string, unknown> = { ...a.extra };
  Object.assign(record, {
    id: a.id,
    source: a.sourceId,
    url: a.url,
    canonical_url: a.canonicalUrl,
    title: a.title,
    published_at: a.publishedAt,
    fetched_at: a.fetchedAt,
    text: a.text,
    language: a.language,
    cited_source: a.citedSource,
    byline: a.byline,
    image: a.imageUrl,
    html: a.html,
    content_hash: a.contentHash,
    stored_at: a.storedAt,
  });
  return record;
}

/** A source with its crawl health: `health` sums up its feeds (latest fetch, worst status, new items of the last
 * runs, first error, soonest poll); `feeds` has each feed's own record. */
export function toSourceJson(s: SourceSummary, feeds: readonly Feed[] = []) {
  return {
    id: s.id,
    name: s.name,
    homepage: s.homepage,
    country: s.country,
    language: s.language,
    article_count: s.articleCount,
    last_article_at: s.lastArticleAt,
    health: toSourceHealth(feeds),
    feeds: feeds.map(toFeedJson),
  };
}

/** Status order, best first: a source shows its worst feed's status. */
const STATUS_RANK = ["ok", "not_modified", "pending", "offline", "error", "disabled"] as const;
type ShownStatus = (typeof STATUS_RANK)[number] | "no_feeds";

function statusOf(feed: Feed): ShownStatus {
  return feed.disabledReason !== null ? "disabled" : feed.status;
}

export function toSourceHealth(feeds: readonly Feed[]) {
  let status: ShownStatus = "no_feeds";
  let lastFetchAt: string | null = null;
  let nextPoll: number | null = null;
  let error: string | null = null;
  let newItems = 0;
  for (const f of feeds) {
    const shown = statusOf(f);
    if (status === "no_feeds" || STATUS_RANK.indexOf(shown as never) > STATUS_RANK.indexOf(status as never)) {
      status = shown;
    }
    if (f.lastFetchAt !== null && (lastFetchAt === null || f.lastFetchAt > lastFetchAt))
      lastFetchAt = f.lastFetchAt;
    if (f.disabledReason === null && (nextPoll === null || f.nextPollMs < nextPoll)) nextPoll = f.nextPollMs;
    error ??= f.disabledReason ?? (f.error === null ? null : `${f.errorCode}: ${f.error}`);
    newItems += f.newItemsLastRun;
  }
  return {
    status,
    last_fetch_at: lastFetchAt,
    new_items: newItems,
    error,
    next_poll_at: nextPoll === null ? null : new Date(nextPoll).toISOString(),
  };
}

export function toFeedJson(f: Feed) {
  return {
    id: f.id,
    url: f.url,
    kind: f.kind,
    title: f.title,
    status: statusOf(f),
    http_status: f.httpStatus,
    last_fetch_at: f.lastFetchAt,
    new_items: f.newItemsLastRun,
    error_code: f.errorCode,
    error: f.error,
    consecutive_failures: f.consecutiveFailures,
    disabled_reason: f.disabledReason,
    next_poll_at: f.disabledReason === null ? new Date(f.nextPollMs).toISOString() : null,
    poll_interval_s: Math.round(f.pollIntervalMs / 1000),
  };
}

/** Groups feeds by source id. */
export function feedsBySource(feeds: readonly Feed[]): Map<string, Feed[]> {
  const out = new Map<string, Feed[]>();
  for (const f of feeds) out.set(f.sourceId, [...(out.get(f.sourceId) ?? []), f]);
  return out;
}

/**
 * `{total, limit, offset, hits:[{id, title, title_html, source, published_at, url, snippet, score,
 * copies:[{id, source, published_at, url}]}]}`; title_html and snippet are safe HTML with matches in <mark>; copies are
 * the page's other hits of the same copy group, folded under this one.
 */
export function toSearchResultJson(result: SearchResult, options: SearchOptions) {
  return {
    total: result.total,
    limit: options.limit,
    offset: options.offset,
    hits: result.hits.map((hit) => ({
      id: hit.id,
      title: hit.title,
      title_html: renderHighlightHtml(hit.title_highlight),
      source: hit.source,
      published_at: hit.published_at,
      url: hit.url,
      snippet: renderHighlightHtml(hit.snippet),
      score: Math.round(hit.score * 1e4) / 1e4,
      copies: hit.copies,
    })),
  };
}
