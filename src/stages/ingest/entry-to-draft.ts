/**
 * entryToDraft: a feed entry (plus, when the page was fetched, what extraction found on it) -> ArticleDraft
 * (ingest stage, after article fetch and extraction, before indexing). Pure; reuses recordToDraft's rules.
 */
import type { ArticleDraft } from "../../domain/article.ts";
import type { ExtractedArticle } from "../extract/extract-article.ts";
import { sanitizeHtml } from "../extract/sanitize-html.ts";
import type { FeedEntry } from "../feeds/feed-document.ts";
import { htmlToText } from "../feeds/feed-text.ts";
import { type ExtractedFields, recordToDraft } from "./record-to-draft.ts";

/** A published time this far past the fetch time is a publisher's clock or typo, not news from the future;
 * it is clamped to the fetch time and kept in `extra.published_raw` (DUR-07). 15 min absorbs clock skew. */
export const FUTURE_DATE_TOLERANCE_MS = 15 * 60 * 1000;

export interface EntryContext {
  /** Publisher: the source whose feed listed the entry. */
  sourceId: string;
  /** The article link (see toEntryKeys). */
  url: string;
  feedUrl: string;
  /** ISO fetch time. */
  now: string;
}

/**
 * Maps an entry to a draft. With `page`, the page's text, HTML, byline, image and cited source are used and the
 * feed's title and date win where both exist; without it (fetch or extraction failed, robots said no) the feed's
 * own content is the article. The publisher is always the source; the cited agency comes from the page only.
 * Throws AkhbarError `import.bad_record` when neither title nor text exists.
 * Example: entry {title: "خبر", summary: "نص"} without a page -> draft with text "نص", sourceId = ctx.sourceId.
 */
export function entryToDraft(
  entry: FeedEntry,
  ctx: EntryContext,
  page?: ExtractedArticle | null,
): ArticleDraft {
  const fromFeed = feedContent(entry);
  const extracted: ExtractedFields =
    page && page.text.trim() !== ""
      ? {
          title: page.title,
          text: page.text,
          html: page.html,
          byline: page.byline,
          publishedAt: page.publishedAt,
          citedSource: page.citedSource,
          imageUrl: page.imageUrl ?? entry.image,
          language: page.language,
        }
      : fromFeed;
  const record: Record<string, unknown> = {
    source: ctx.sourceId,
    url: ctx.url,
    fetched_at: ctx.now,
    feed: ctx.feedUrl,
  };
  if (entry.title) record.title = entry.title;
  if (entry.published ?? entry.updated) record.published_at = entry.published ?? entry.updated;
  if (entry.author && !extracted.byline) record.byline = entry.author;
  if (entry.guid) record.guid = entry.guid;
  const draft = recordToDraft(record, { defaultOffset: "Z", now: ctx.now }, extracted);
  return clampFutureDate(draft, ctx.now);
}

function feedContent(entry: FeedEntry): ExtractedFields {
  const html = entry.contentHtml?.trim() ? entry.contentHtml : null;
  const text = (html ? htmlToText(html) : "") || entry.summary || "";
  return {
    title: entry.title ?? "",
    text,
    html: html ? sanitizeHtml(html) : null,
    byline: entry.author,
    publishedAt: null,
    citedSource: null,
    imageUrl: entry.image,
    language: null,
  };
}

function clampFutureDate(draft: ArticleDraft, now: string): ArticleDraft {
  if (draft.publishedAt === null) return draft;
  if (Date.parse(draft.publishedAt) - Date.parse(now) <= FUTURE_DATE_TOLERANCE_MS) return draft;
  return { ...draft, publishedAt: now, extra: { ...draft.extra, published_raw: draft.publishedAt } };
}
