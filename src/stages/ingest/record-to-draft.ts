/**
 * Maps one imported JSON record ({id, source, url, title, date, text, ...}) to an ArticleDraft.
 * Ingest stage, pure: validates, cleans the dump's transport damage and the widget residue on plain text's edges,
 * keeps unknown fields verbatim.
 */
import { createHash } from "node:crypto";
import { decodeHTMLStrict } from "entities";
import { knownOutlet } from "../../config/known-outlets.ts";
import type { ArticleDraft } from "../../domain/article.ts";
import { AkhbarError } from "../../domain/errors.ts";
import { canonicalizeUrl } from "../dedupe/canonical-url.ts";
import { contentHash } from "../dedupe/content-hash.ts";
import { findTextCitedSource } from "../extract/find-cited-source.ts";
import { stripImageUrls } from "../extract/strip-image-urls.ts";
import { isPermalinkOnly, stripWidgetResidue } from "../extract/strip-widget-residue.ts";
import { cleanDisplayLine, cleanDisplayText } from "./clean-display.ts";

/** Fields akhbar maps to columns; everything else in a record goes to `extra` untouched. */
const KNOWN_FIELDS = new Set([
  "id",
  "source",
  "url",
  "title",
  "date",
  "published_at",
  "fetched_at",
  "text",
  "html",
  "language",
  "byline",
  "author",
  "image",
  "cited_source",
  // Written by `akhbar export` and derived again on import, so a re-import is unchanged.
  "canonical_url",
  "content_hash",
  "stored_at",
  "story_id",
  "duplicate_of",
]);

/** A title longer than this is not a title (a body pasted in the wrong field); cut, not rejected. */
export const MAX_TITLE_CHARS = 1_000;
/** Larger texts are almost surely a whole site dump in one field; refused so one record cannot bloat the index. */
export const MAX_TEXT_CHARS = 2_000_000;

const PATTERNS = {
  /** Entities left in titles by a crawler that did not decode them (&quot; &#8220; &#39;). */
  entity: /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i,
  isoLocal: /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/,
  isoDate: /^\d{4}-\d{2}-\d{2}$/,
  offset: /^[+-]\d{2}:\d{2}$/,
} as const;

/** What the extract stage found in a record's `html`; the record's own fields win where both exist. */
export interface ExtractedFields {
  title: string;
  text: string;
  html: ArticleDraft["html"];
  byline: string | null;
  publishedAt: string | null;
  citedSource: string | null;
  imageUrl: string | null;
  language: string | null;
}

export interface RecordOptions {
  /** UTC offset ("+03:00") assumed for timestamps that carry none; "Z" (UTC) by default. */
  defaultOffset: string;
  /** ISO time used as fetchedAt when the record has neither fetched_at nor date. */
  now: string;
}

/**
 * Validates a parsed JSON value and maps it to a draft; throws AkhbarError `import.bad_record` naming the field.
 * Example: {id:"a1", source:"okaz", url:"http://okaz.com.sa/x?utm_source=t", title:"عنوان", text:"نص"}
 *   → {id:"a1", sourceId:"okaz", canonicalUrl:"http://okaz.com.sa/x", ...}
 */
export function recordToDraft(
  record: unknown,
  options: RecordOptions,
  extracted?: ExtractedFields,
): ArticleDraft {
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    throw badRecord("expected a JSON object");
  }
  const r = record as Record<string, unknown>;
  const url = requiredString(r, "url");
  let canonicalUrl: string;
  try {
    canonicalUrl = canonicalizeUrl(url);
  } catch {
    throw badRecord(`"url" is not an absolute http(s) URL: ${JSON.stringify(url.slice(0, 200))}`);
  }
  const title = cleanDisplayLine(decodeEntities(optionalString(r, "title") || extracted?.title || ""));
  const ownText = optionalString(r, "text");
  // Checked before any rule reads the text, so a record too large to keep costs nothing more.
  if ((ownText || extracted?.text || "").length > MAX_TEXT_CHARS)
    throw badRecord(`"text" is longer than ${MAX_TEXT_CHARS} characters`);
  const text = displayText(ownText, extracted, title);
  if (title === "" && text === "") throw badRecord('"title" and "text" are both empty');

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(r)) if (!KNOWN_FIELDS.has(key)) extra[key] = value;

  const dateValue =
    optionalString(r, "published_at") ?? optionalString(r, "date") ?? extracted?.publishedAt ?? undefined;
  const publishedAt = dateValue === undefined ? null : toIsoTime(dateValue, options.defaultOffset);
  if (dateValue !== undefined && publishedAt === null) extra.date_unparsed = dateValue;
  const fetchedRaw = optionalString(r, "fetched_at");
  const fetchedAt =
    (fetchedRaw === undefined ? null : toIsoTime(fetchedRaw, options.defaultOffset)) ??
    publishedAt ??
    options.now;

  const sourceId = sourceIdOf(r, canonicalUrl);
  return {
    id: idOf(r, canonicalUrl),
    url,
    canonicalUrl,
    sourceId,
    citedSource:
      cleanDisplayLine(optionalString(r, "cited_source") ?? "") ||
      cleanDisplayLine(extracted?.citedSource ?? "") ||
      citedSourceOfText(text, canonicalUrl, sourceId),
    title: title.slice(0, MAX_TITLE_CHARS),
    publishedAt,
    fetchedAt,
    language: optionalString(r, "language")?.trim() || extracted?.language || "ar",
    text,
    html: extracted?.html ?? null,
    byline:
      cleanDisplayLine(optionalString(r, "byline") ?? optionalString(r, "author") ?? "") ||
      cleanDisplayLine(extracted?.byline ?? "") ||
      null,
    imageUrl: optionalString(r, "image")?.trim() || extracted?.imageUrl || null,
    contentHash: contentHash(text),
    extra,
  };
}

/**
 * The origin a text credits when neither the record nor its page named one (a plain-text dump, a feed entry without
 * its page, a page whose attribution extraction found none): findTextCitedSource at the text's dateline and edges.
 * The publisher's own names (knownOutlet) are not a citation: "سبق" on sabq, «الشرق الأوسط» on aawsat.
 */
function citedSourceOfText(text: string, canonicalUrl: string, sourceId: string): string | null {
  const own = knownOutlet(sourceId)?.name;
  return findTextCitedSource(text, new URL(canonicalUrl).hostname, own === undefined ? [] : [own]);
}

/**
 * Parses an ISO-8601-like timestamp to a UTC ISO string; a value with no offset gets `defaultOffset`.
 * Returns null for anything it cannot read. Example: ("2015-07-21T02:16:13", "+03:00") → "2015-07-20T23:16:13.000Z".
 */
export function toIsoTime(value: string, defaultOffset: string): string | null {
  const trimmed = value.trim();
  let candidate = trimmed;
  if (PATTERNS.isoLocal.test(trimmed)) candidate = `${trimmed.replace(" ", "T")}${offsetOf(defaultOffset)}`;
  else if (PATTERNS.isoDate.test(trimmed)) candidate = `${trimmed}T00:00:00${offsetOf(defaultOffset)}`;
  const ms = Date.parse(candidate);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year < 1900 || year > 2200 ? null : new Date(ms).toISOString();
}

/** Stable id for a record: its own `id`, else "akh-" + 16 hex of SHA-1 over the canonical URL. */
function idOf(r: Record<string, unknown>, canonicalUrl: string): string {
  const id = r.id;
  if (typeof id === "string" && id.trim() !== "") {
    if (id.length > 200) throw badRecord('"id" is longer than 200 characters');
    return id.trim();
  }
  if (typeof id === "number" && Number.isSafeInteger(id)) return String(id);
  if (id !== undefined && id !== null && id !== "") throw badRecord('"id" must be a string or an integer');
  return `akh-${createHash("sha1").update(canonicalUrl).digest("hex").slice(0, 16)}`;
}

/** The record's `source`, else the URL's host without "www.": "https://www.okaz.com.sa/x" → "okaz.com.sa". */
function sourceIdOf(r: Record<string, unknown>, canonicalUrl: string): string {
  const source = optionalString(r, "source")?.trim();
  if (source !== undefined && source !== "") {
    if (source.length > 100) throw badRecord('"source" is longer than 100 characters');
    return source;
  }
  return new URL(canonicalUrl).hostname.replace(/^www\./, "");
}

/**
 * Display text of plain text entering akhbar (a dump's `text`, a feed entry's summary): the dump's transport damage
 * repaired and its formatting controls dropped (cleanDisplayText), bare image addresses dropped with a teaser headline opening the text before one
 * (stripImageUrls), then the widget residue scraping glued to its edges stripped (share bars, tag lines, permalink
 * boxes holding a link or the article's display `title`; stripWidgetResidue). A text that is only such a box names the
 * article without saying anything of it: it is no body, and the article is stored with an empty text, as one that
 * came with its title only (isPermalinkOnly; the reader then shows the title and the link to the original). What
 * import stores.
 * Examples: "شارك من خلال تويتر فيسبوك اكتب رأيك أكد الوزير ..." -> "أكد الوزير ...";
 * ("رابط الخبر بصحيفة الوئام: رمضان في ليبيا", title "رمضان في ليبيا") -> "".
 */
export function plainDisplayText(text: string, title = ""): string {
  // Image addresses first: one at an edge would otherwise stand between the residue and the text's end.
  const kept = stripWidgetResidue(stripImageUrls(cleanDisplayText(text).trim(), title), title);
  return isPermalinkOnly(kept, title) ? "" : kept;
}

/** The draft's text: the record's own, else what extraction found, through plainDisplayText on every path. The HTML
 * extractor drops share blocks that stand as blocks of their own, but a feed's content:encoded reaches here through
 * htmlToText and a page's text can end on buttons glued to its last paragraph; and `akhbar export` writes the stored
 * text beside the html, so a re-import reads this text as the record's own: one rule for all keeps that unchanged
 * (stripWidgetResidue is idempotent). */
function displayText(own: string | undefined, extracted: ExtractedFields | undefined, title: string): string {
  return plainDisplayText(own || extracted?.text || "", title);
}

function offsetOf(offset: string): string {
  return offset === "Z" || !PATTERNS.offset.test(offset) ? "Z" : offset;
}

function decodeEntities(s: string): string {
  return PATTERNS.entity.test(s) ? decodeHTMLStrict(s) : s;
}

function requiredString(r: Record<string, unknown>, field: string): string {
  const value = r[field];
  if (typeof value !== "string" || value.trim() === "")
    throw badRecord(`"${field}" is missing or not a string`);
  return value.trim();
}

function optionalString(r: Record<string, unknown>, field: string): string | undefined {
  const value = r[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRecord(`"${field}" must be a string`);
  return value;
}

function badRecord(reason: string): AkhbarError {
  return new AkhbarError("import.bad_record", `import: ${reason}`);
}
