/**
 * parseFeed: feed text or bytes -> FeedDocument, whatever the format (feeds stage, entry point the pipeline
 * calls after a fetch). Pure. Sniffs JSON vs XML, parses XML once into a safe tree, then dispatches on the root
 * element: RSS/RDF, Atom, sitemap. Run it in a worker thread for a hard wall-clock limit (RES-07).
 */
import { AkhbarError } from "../../domain/errors.ts";
import { decodeHtml } from "../extract/decode-html.ts";
import type { FeedDocument } from "./feed-document.ts";
import { atomToFeedDocument, parseAtom } from "./parse-atom.ts";
import { jsonFeedToFeedDocument, looksLikeJson, parseJsonFeed } from "./parse-json-feed.ts";
import { parseRss, rssToFeedDocument } from "./parse-rss.ts";
import { parseSitemap, sitemapToFeedDocument } from "./parse-sitemap.ts";
import { FEED_PARSE_BUDGET_MS, type ParseClock, parseXmlTree } from "./xml-tree.ts";

export interface ParseFeedOptions {
  /** The URL the document was fetched from (after redirects): base for relative links. */
  url?: string | null;
  budgetMs?: number;
  /** The clocks the budget is read on (xml-tree.ts ParseClock); the system's by default. */
  clock?: ParseClock;
}

const PATTERNS = {
  xmlDeclEncoding: /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/,
  htmlStart: /^\s*(<!doctype\s+html|<html[\s>])/i,
} as const;

/**
 * Parses feed text. Throws AkhbarError `feed.parse_error` (malformed, hostile DTD, empty), `feed.not_a_feed`
 * (an HTML page or another XML vocabulary: try `discoverFeeds`), or `feed.parse_timeout`.
 * Example: parseFeed('<rss version="2.0"><channel><title>\u0648\u0627\u0633</title></channel></rss>').title ->
 * "\u0648\u0627\u0633".
 */
export function parseFeed(text: string, options: ParseFeedOptions = {}): FeedDocument {
  const url = options.url ?? null;
  const budgetMs = options.budgetMs ?? FEED_PARSE_BUDGET_MS;
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new AkhbarError("feed.parse_error", "feed: empty document");
  if (looksLikeJson(body)) return jsonFeedToFeedDocument(parseJsonFeed(body), url);
  if (PATTERNS.htmlStart.test(body)) {
    throw new AkhbarError("feed.not_a_feed", "feed: this is an HTML page, not a feed (try autodiscovery)");
  }
  const doc = parseXmlTree(body, budgetMs, options.clock);
  const rss = parseRss(doc);
  if (rss) return rssToFeedDocument(rss, url, doc.truncated);
  const atom = parseAtom(doc);
  if (atom) return atomToFeedDocument(atom, url, doc.truncated);
  const sitemap = parseSitemap(doc);
  if (sitemap) return sitemapToFeedDocument(sitemap, url, doc.truncated);
  if (doc.root.local === "html") {
    throw new AkhbarError("feed.not_a_feed", "feed: this is an HTML page, not a feed (try autodiscovery)");
  }
  throw new AkhbarError("feed.not_a_feed", `feed: unknown document type <${doc.root.local}>`);
}

/**
 * Decodes feed bytes to text: BOM, then the HTTP charset, then the XML declaration's encoding, then the
 * extraction stage's detection (decodeHtml). Example: windows-1256 bytes with
 * `<?xml version="1.0" encoding="windows-1256"?>` and no HTTP charset -> Arabic text.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  const hasHttpCharset = /charset\s*=/i.test(contentType ?? "");
  if (!hasHttpCharset) {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
    const declared = PATTERNS.xmlDeclEncoding.exec(head)?.[1];
    if (declared) return decodeHtml(bytes, `text/xml; charset=${declared}`).text;
  }
  return decodeHtml(bytes, contentType).text;
}

/** parseFeed over fetched bytes: `decode` defaults to decodeFeedBytes. */
export function parseFeedBytes(
  bytes: Uint8Array,
  contentType: string | undefined,
  options: ParseFeedOptions & { decode?: (bytes: Uint8Array, contentType?: string) => string } = {},
): FeedDocument {
  if (bytes.length === 0) throw new AkhbarError("feed.parse_error", "feed: empty document");
  const decode = options.decode ?? decodeFeedBytes;
  let text: string;
  try {
    text = decode(bytes, contentType);
  } catch (err) {
    throw new AkhbarError(
      "feed.parse_error",
      "feed: body is not text in a known encoding",
      {},
      { cause: err },
    );
  }
  return parseFeed(text, options);
}
