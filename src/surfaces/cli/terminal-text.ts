/**
 * The CLI's output edge: text from the store, a page or a feed made harmless for a terminal before it is written.
 * Surface code, pure. printLine, printMarkedLine, printError and printJson (command.ts) write through these.
 */

/**
 * Controls a terminal acts on: C0 other than TAB and LINE FEED (U+001B ESCAPE opens CSI, OSC 8 links, title sets;
 * U+0007 BELL ends an OSC; U+000D CARRIAGE RETURN overwrites the line), U+007F DELETE and the C1 controls
 * U+0080..U+009F (U+009B CONTROL SEQUENCE INTRODUCER, U+009D OPERATING SYSTEM COMMAND). Shown as U+FFFD REPLACEMENT
 * CHARACTER, so a reader sees that something was there.
 */
const TERMINAL_CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates: a terminal with bidi support (VTE, Konsole,
 * mlterm) lets an unclosed one reverse the rest of the line. Formatting only: dropped. */
const BIDI_CONTROL_RE = /[\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw but a terminal acts on (DELETE, C1, bidi controls) or treats as a line break
 * (U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR). */
const JSON_UNSAFE_RE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** U+E000 / U+E001, the snippet builder's match marks (build-snippet.ts MARK_OPEN, MARK_CLOSE): only a search's
 * marked lines keep them (printMarkedLine colours them); in any other line they are a stored text's own. */
const MATCH_MARKS_RE = /[\ue000\ue001]/g;

/**
 * One line (or lines) of human output without anything a terminal would execute, and without match marks unless
 * `keepMarks` (a line the snippet builder marked).
 * Example: "عنوان\u001b]0;pwned\u0007 \u202eخبر" -> "عنوان\ufffd]0;pwned\ufffd خبر".
 */
export function toTerminalText(text: string, options: { keepMarks?: boolean } = {}): string {
  const shown = text.replace(TERMINAL_CONTROL_RE, "\ufffd").replace(BIDI_CONTROL_RE, "");
  return options.keepMarks === true ? shown : shown.replace(MATCH_MARKS_RE, "");
}

/**
 * A JSON document as JSON.stringify writes it, with the characters it leaves raw that a terminal acts on written as
 * \u escapes: the same value to any JSON reader. Example: {"t":"a\u009bb"} is written "{\"t\":\"a\\u009bb\"}".
 */
export function toTerminalJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    JSON_UNSAFE_RE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
