/**
 * The stored shape of an article shared by the storage adapters: draft → row values (times parsed, URL key,
 * index digest) and row → Article. Adapter helper, pure; column names as in both adapters' migration 1.
 */
import type {
  Article,
  ArticleDraft,
  ArticleSummary,
  ArticleWrite,
  SanitizedHtml,
} from "../domain/article.ts";
import { AkhbarError } from "../domain/errors.ts";
import { parseIsoTimeMs } from "../domain/parse-iso-time.ts";
import { digestIndexFields } from "../stages/arabic/analyze-text.ts";
import { textDigest } from "../stages/dedupe/text-digest.ts";

export interface ArticleRow {
  seq: number;
  id: string;
  url: string;
  canonical_url: string;
  url_key: string;
  source_id: string;
  cited_source: string | null;
  title: string;
  published_at: string | null;
  fetched_at: string;
  time_ms: number;
  language: string;
  text: string;
  html: string | null;
  byline: string | null;
  image_url: string | null;
  content_hash: string;
  extra: string;
  index_digest: string;
  stored_at: string;
}

export type RowValues = Omit<ArticleRow, "seq" | "stored_at">;

/** The columns an ArticleSummary is read from. */
export const SUMMARY_COLUMNS = [
  "seq",
  "id",
  "url",
  "canonical_url",
  "source_id",
  "cited_source",
  "title",
  "published_at",
  "fetched_at",
  "language",
  "text",
  "byline",
  "image_url",
  "content_hash",
  "stored_at",
] as const satisfies readonly (keyof ArticleRow)[];

export type ArticleSummaryRow = Pick<ArticleRow, (typeof SUMMARY_COLUMNS)[number]>;

/** Scheme prefix left out of `url_key`: an http and an https copy of one page are one article. */
const URL_SCHEME_RE = /^https?:\/\//i;

/** The key a canonical URL is stored and looked up under: without its scheme. */
export function urlKeyOf(canonicalUrl: string): string {
  return canonicalUrl.replace(URL_SCHEME_RE, "");
}

/** Columns whose change makes a re-write `updated`; fetched_at is left out so a plain re-fetch is `unchanged`. */
export const COMPARED_COLUMNS = [
  "url",
  "canonical_url",
  "source_id",
  "cited_source",
  "title",
  "published_at",
  "language",
  "text",
  "html",
  "byline",
  "image_url",
  "content_hash",
  "extra",
  "index_digest",
] as const satisfies readonly (keyof RowValues)[];

/** Content-hash dedupe only means something for real text: every failed extraction hashes alike. */
export function hasText(text: string): boolean {
  return text.trim().length > 0;
}

/**
 * A tombstone's key by text (stages/dedupe textDigest): null for an article without text, as its content hash, and
 * for a text with no letter or digit (every such text would key alike).
 */
export function tombstoneTextDigest(text: string): string | null {
  return hasText(text) ? textDigest(text) || null : null;
}

/**
 * The row values of one write; throws `store.invalid_article` when a time is not ISO 8601.
 * Example: canonicalUrl `https://news.example/a` → url_key `news.example/a`.
 */
export function toRowValues(write: ArticleWrite): RowValues {
  const a: ArticleDraft = write.article;
  const fetchedMs = parseIsoTimeMs(a.fetchedAt);
  if (fetchedMs === null) {
    throw new AkhbarError("store.invalid_article", `store: fetchedAt is not an ISO time: ${a.fetchedAt}`, {
      id: a.id,
    });
  }
  let timeMs = fetchedMs;
  if (a.publishedAt !== null) {
    const publishedMs = parseIsoTimeMs(a.publishedAt);
    if (publishedMs === null) {
      throw new AkhbarError(
        "store.invalid_article",
        `store: publishedAt is not an ISO time: ${a.publishedAt}`,
        {
          id: a.id,
        },
      );
    }
    timeMs = publishedMs;
  }
  return {
    id: a.id,
    url: a.url,
    canonical_url: a.canonicalUrl,
    url_key: urlKeyOf(a.canonicalUrl),
    source_id: a.sourceId,
    cited_source: a.citedSource,
    title: a.title,
    published_at: a.publishedAt,
    fetched_at: a.fetchedAt,
    time_ms: timeMs,
    language: a.language,
    text: a.text,
    html: a.html,
    byline: a.byline,
    image_url: a.imageUrl,
    content_hash: a.contentHash,
    extra: JSON.stringify(a.extra),
    index_digest: write.indexDigest ?? digestIndexFields(write.index),
  };
}

export function toArticle(row: ArticleRow): Article {
  return {
    ...toArticleSummary(row),
    html: row.html as SanitizedHtml | null,
    extra: JSON.parse(row.extra) as Record<string, unknown>,
  };
}

/** `items` in the order of `ids` (each id once per time asked); ids with no item are left out. */
export function inAskedOrder<T extends { id: string }>(ids: readonly string[], items: readonly T[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const out: T[] = [];
  for (const id of ids) {
    const item = byId.get(id);
    if (item !== undefined) out.push(item);
  }
  return out;
}

export function toArticleSummary(row: ArticleSummaryRow): ArticleSummary {
  return {
    id: row.id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    sourceId: row.source_id,
    citedSource: row.cited_source,
    title: row.title,
    publishedAt: row.published_at,
    fetchedAt: row.fetched_at,
    language: row.language,
    text: row.text,
    byline: row.byline,
    imageUrl: row.image_url,
    contentHash: row.content_hash,
    seq: row.seq,
    storedAt: row.stored_at,
  };
}
