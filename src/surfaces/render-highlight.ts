/**
 * Renders a snippet whose matches are wrapped in the snippet builder's markers:
 * as safe HTML with <mark> (API, web) or for a terminal. Pure.
 */
import { MARK_CLOSE, MARK_OPEN } from "../stages/search/build-snippet.ts";
import { balanceBidiControls } from "./balance-bidi-controls.ts";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const BOLD_YELLOW = "\x1b[1;33m";
const RESET = "\x1b[0m";

/** Escapes every character HTML treats specially. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** "a [[b]] <c>" → "a <mark>b</mark> &lt;c&gt;": everything escaped, then the markers become tags; bidi controls
 * balanced over the whole text (balanceBidiControls), as the html template does for every value. */
export function renderHighlightHtml(marked: string): string {
  return splitMarked(balanceBidiControls(marked))
    .map((part) => (part.match ? `<mark>${escapeHtml(part.text)}</mark>` : escapeHtml(part.text)))
    .join("");
}

/** Bold yellow matches on a terminal; markers simply removed when output is not a terminal. */
export function renderHighlightTerminal(marked: string, tty: boolean): string {
  return splitMarked(marked)
    .map((part) => (part.match && tty ? `${BOLD_YELLOW}${part.text}${RESET}` : part.text))
    .join("");
}

function splitMarked(marked: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = marked;
  for (;;) {
    const start = rest.indexOf(MARK_OPEN);
    const end = start < 0 ? -1 : rest.indexOf(MARK_CLOSE, start + MARK_OPEN.length);
    if (start < 0 || end < 0) break;
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    parts.push({ text: rest.slice(start + MARK_OPEN.length, end), match: true });
    rest = rest.slice(end + MARK_CLOSE.length);
  }
  if (rest !== "") parts.push({ text: rest, match: false });
  return parts;
}
