/**
 * feedText: small text helpers shared by the feed mappers — HTML entity decoding for titles, tag stripping for
 * summaries, and link resolution that keeps only safe absolute http(s) URLs (feeds stage). Pure.
 */

/** Longest entry URL kept; Media Cloud `MAX_URL=2048` (notes/reliability.md RES-07). */
export const MAX_ENTRY_URL_CHARS = 2048;

/** Longest summary kept, in characters: a teaser, not the article (extraction fetches the page). */
export const MAX_SUMMARY_CHARS = 2_000;

/** HTML named entities seen undeclared in real feeds (XML-05 "undeclared &nbsp;"); XML itself knows only five. */
export const HTML_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: "\u00a0",
  laquo: "\u00ab",
  raquo: "\u00bb",
  ndash: "\u2013",
  mdash: "\u2014",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  hellip: "\u2026",
  bull: "\u2022",
  middot: "\u00b7",
  copy: "\u00a9",
  reg: "\u00ae",
  trade: "\u2122",
  zwnj: "\u200c",
  zwj: "\u200d",
  lrm: "\u200e",
  rlm: "\u200f",
};

const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ...HTML_ENTITIES,
};

const PATTERNS = {
  entity: /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g,
  tag: /<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->/g,
  scriptLike: /<(script|style)\b[\s\S]*?<\/\1\s*>/gi,
  blockBreak: /<\/(p|div|li|h[1-6])\s*>|<br\s*\/?>/gi,
  spaces: /[ \t\u00a0]+/g,
  blankLines: /\s*\n\s*/g,
  scheme: /^[a-z][a-z0-9+.-]*:/i,
  controlsAndSpaces: /[\u0000-\u0020]/g,
} as const;

/**
 * Decodes numeric and common named HTML character references; unknown ones stay literal.
 * Example: "\u0623\u062e\u0628\u0627\u0631 &amp;quot;\u0639\u0627\u062c\u0644&amp;quot;" after XML decoding
 * is "... &quot;...&quot;" and becomes '... "..."'.
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(PATTERNS.entity, (whole, body: string) => {
    if (body.startsWith("#")) {
      const n =
        body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : whole;
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Plain text from an HTML fragment: scripts and tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const text = html
    .replace(PATTERNS.scriptLike, " ")
    .replace(PATTERNS.blockBreak, "\n")
    .replace(PATTERNS.tag, " ");
  return decodeHtmlEntities(text).replace(PATTERNS.spaces, " ").replace(PATTERNS.blankLines, "\n").trim();
}

/** A title as plain text: entities decoded (feeds double-escape them), tags dropped, one line. */
export function toPlainTitle(raw: string): string | null {
  const t = htmlToText(raw).replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}

/** A summary from HTML: plain text, capped at MAX_SUMMARY_CHARS. */
export function toSummary(html: string): string | null {
  return capSummary(htmlToText(html));
}

/** A summary from plain text: whitespace collapsed, capped at MAX_SUMMARY_CHARS. */
export function capSummary(text: string): string | null {
  const t = text.replace(PATTERNS.spaces, " ").replace(PATTERNS.blankLines, "\n").trim();
  if (t === "") return null;
  return t.length > MAX_SUMMARY_CHARS ? `${t.slice(0, MAX_SUMMARY_CHARS - 1)}\u2026` : t;
}

/**
 * Resolves `href` against `base` and keeps it only if it is absolute http(s) and at most MAX_ENTRY_URL_CHARS
 * long: `javascript:`, `data:` and friends become null (XSS-02). Example: ("/a/1", "https://x.test/feed") ->
 * "https://x.test/a/1".
 */
export function resolveLink(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  const trimmed = decodeHtmlEntities(href.trim());
  if (trimmed === "") return null;
  // Browsers strip C0 controls and spaces before reading a scheme ("java\tscript:").
  const probe = trimmed.replace(PATTERNS.controlsAndSpaces, "");
  if (PATTERNS.scheme.test(probe) && !/^https?:/i.test(probe)) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.href.length > MAX_ENTRY_URL_CHARS ? null : url.href;
}
