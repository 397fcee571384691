/**
 * The one rule for display text entering akhbar (titles, texts, bylines, cited sources, source and feed names from
 * dumps, feeds, pages and source lists): transport damage repaired and formatting controls that could take over a
 * reader's page or terminal dropped. Ingest stage, pure.
 */

const PATTERNS = {
  carriageReturn: /\r\n?/g,
  /** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks, written as the one every rule reads. */
  lineSeparator: /[\u2028\u2029]/g,
  /** U+001A SUBSTITUTE runs stand for line breaks in some dumps (seen in alyaum's export). */
  substituteRun: /\u001a+/g,
  /**
   * Dropped, never meaningful in news text and harmful where it is shown:
   * - C0 controls other than TAB and LINE FEED, and DELETE (ESC U+001B opens a terminal's escape sequences);
   * - C1 controls U+0080..U+009F (U+009B is a terminal's CONTROL SEQUENCE INTRODUCER; in a page they are invisible);
   * - the bidi embeddings and overrides U+202A LEFT-TO-RIGHT EMBEDDING .. U+202E RIGHT-TO-LEFT OVERRIDE and the
   *   isolates U+2066 LEFT-TO-RIGHT ISOLATE .. U+2069 POP DIRECTIONAL ISOLATE: formatting, not spelling, and an
   *   unclosed override reverses whatever follows it on the line (a title's U+202E turning a card's outlet name or a
   *   terminal line around). The reader gives every field its direction itself (text-direction.ts, dir, <bdi>).
   * The marks U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK and U+061C ARABIC LETTER MARK stay: they are how
   * Arabic text places a Latin word or a number, and they cannot reach past themselves.
   */
  formatControls: /[\u0000-\u0008\u000b-\u0019\u001b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
  whitespaceRun: /\s+/g,
} as const;

/**
 * Multi-line display text (an article's text): CR LF, CR, U+2028, U+2029 and SUBSTITUTE runs become LINE FEED;
 * other controls and the bidi embedding, override and isolate controls are dropped. Idempotent.
 * Example: "\u202eخبر\r\nعاجل\u001b[2J" -> "خبر\nعاجل[2J".
 */
export function cleanDisplayText(s: string): string {
  return s
    .replace(PATTERNS.carriageReturn, "\n")
    .replace(PATTERNS.lineSeparator, "\n")
    .replace(PATTERNS.substituteRun, "\n")
    .replace(PATTERNS.formatControls, "");
}

/**
 * One-line display text (a title, a byline, a name): cleanDisplayText, then every whitespace run one space, trimmed.
 * Example: " عنوان\u202e\n الخبر " -> "عنوان الخبر".
 */
export function cleanDisplayLine(s: string): string {
  return cleanDisplayText(s).replace(PATTERNS.whitespaceRun, " ").trim();
}
