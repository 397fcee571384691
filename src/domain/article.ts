/**
 * Article: the stored unit of news, as every stage after ingest sees it.
 * Pure domain types. Display fields keep the publisher's spelling; match text lives only in the index.
 */

/** HTML that went through the allow-list sanitizer; the brand keeps raw HTML out of storage and views. */
export type SanitizedHtml = string & { readonly __brand: "SanitizedHtml" };

/** Text folded for matching (normalized, tokenized, maybe stemmed); never shown to a reader. */
export type MatchText = string & { readonly __brand: "MatchText" };

/** What ingest hands to the store: one article, before it has been stored. */
export interface ArticleDraft {
  /** Stable id: the imported record's own id, or one derived from the canonical URL. */
  id: string;
  url: string;
  canonicalUrl: string;
  /** Publisher: the source that served the page (a Source id). */
  sourceId: string;
  /** The original source the text cites ("رويترز", "واس"), when known. */
  citedSource: string | null;
  title: string;
  /** ISO 8601 publish time; null when unknown. */
  publishedAt: string | null;
  /** ISO 8601 time akhbar (or the dump's crawler) fetched it. */
  fetchedAt: string;
  /** BCP 47 language tag, "ar" for nearly everything. */
  language: string;
  /** Display text: paragraphs separated by "\n", spelling untouched. */
  text: string;
  html: SanitizedHtml | null;
  byline: string | null;
  imageUrl: string | null;
  /** Hex digest of the body's match text (the title is left out: outlets retitle a copy); see `contentHash` in stages/dedupe. */
  contentHash: string;
  /** Fields of the imported record that akhbar has no column for, kept verbatim. */
  extra: Record<string, unknown>;
}

/** A stored article. */
export interface Article extends ArticleDraft {
  /** Monotonic store sequence; export and replays follow it. */
  seq: number;
  storedAt: string;
}

/**
 * A stored article without its sanitized HTML and extra fields: what result lists and snippets need, without
 * reading and decoding the page's HTML.
 */
export type ArticleSummary = Omit<Article, "html" | "extra">;

/**
 * A stored text shorter than this many characters is no article text: the item is a headline over nothing (a print
 * edition's item, a video, a cartoon) or over a photo's caption, a line of names ("الأمير محمد بن سلمان") or a link
 * line. Dev corpus: 261 empty texts and 238 more under 60 characters, all of those kinds; the shortest news briefs
 * run 90 characters and more. Search scales such articles down (search-policy.ts) and they give a story no lead.
 * Both stores keep a partial index on exactly `length(text) < 60` (SQLite migration 15, PostgreSQL 13), so a new value
 * needs a migration that builds its index.
 */
export const ARTICLE_TEXT_CHARS_MIN = 60;

/** The analyzed fields the search index is fed with; computed by stages/arabic, stored by adapters. */
export interface IndexFields {
  /** Space-joined light stems of the title (variant-folded). */
  title: MatchText;
  /** Space-joined light stems of the body (variant-folded). */
  body: MatchText;
  /**
   * Space-joined normalized, unstemmed tokens of title and body: exact-form matches rank higher. Each of them has
   * its stem in `title` or `body` (the SearchIndex port relies on it).
   */
  surface: MatchText;
}

/** One write: the draft plus its index fields, stored in one transaction. */
export interface ArticleWrite {
  article: ArticleDraft;
  index: IndexFields;
  /**
   * digestIndexFields(index), when whoever built `index` computed it too (a preparing worker thread, so the writing
   * thread does not hash every article's text); stores compute it when absent.
   */
  indexDigest?: string;
}

/** An article's index fields and their digest, as the analyzer (stages/arabic analyzeForIndex) makes them. */
export interface AnalyzedIndex {
  index: IndexFields;
  indexDigest: string;
}

export type UpsertOutcome =
  | { status: "inserted"; id: string }
  | { status: "updated"; id: string }
  | { status: "unchanged"; id: string }
  | { status: "duplicate"; id: string; existingId: string; by: "canonical_url" | "content_hash" | "id" }
  | { status: "tombstoned"; id: string };
