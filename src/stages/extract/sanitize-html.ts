/**
 * sanitizeHtml: allow-list sanitizer for article HTML; the last step of the extract stage, so nothing added
 * after it escapes it (notes/reliability.md D, XSS-07). Pure. Never adds elements; output is idempotent.
 */
import type { SanitizedHtml } from "../../domain/article.ts";
import { type HtmlElement, type HtmlNode, parseHtml } from "./parse-html.ts";

/** Bump when the allow-list changes so stored rows can be re-sanitized. */
export const SANITIZER_VERSION = 1;

/** Elements kept, with the attributes each may carry besides GLOBAL_ATTRIBUTES. Sorted. */
export const ALLOWED_ELEMENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ["a", ["href", "title"]],
  ["abbr", ["title"]],
  ["b", []],
  ["blockquote", ["cite"]],
  ["br", []],
  ["caption", []],
  ["cite", []],
  ["code", []],
  ["dd", []],
  ["del", []],
  ["div", []],
  ["dl", []],
  ["dt", []],
  ["em", []],
  ["figcaption", []],
  ["figure", []],
  ["h2", []],
  ["h3", []],
  ["h4", []],
  ["h5", []],
  ["h6", []],
  ["hr", []],
  ["i", []],
  ["img", ["src", "alt", "title", "width", "height"]],
  ["ins", []],
  ["li", []],
  ["mark", []],
  ["ol", []],
  ["p", []],
  ["pre", []],
  ["q", ["cite"]],
  ["s", []],
  ["small", []],
  ["strong", []],
  ["sub", []],
  ["sup", []],
  ["table", []],
  ["tbody", []],
  ["td", ["colspan", "rowspan"]],
  ["tfoot", []],
  ["th", ["colspan", "rowspan"]],
  ["thead", []],
  ["time", ["datetime"]],
  ["tr", []],
  ["u", []],
  ["ul", []],
]);

/** Attributes allowed on every kept element: Arabic text needs its direction and language. */
export const GLOBAL_ATTRIBUTES: readonly string[] = ["dir", "lang"];

/** Elements dropped together with everything inside them. Sorted. Others not allowed are unwrapped. */
export const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  "applet",
  "base",
  "button",
  "embed",
  "form",
  "frame",
  "frameset",
  "head",
  "iframe",
  "input",
  "link",
  "math",
  "meta",
  "noscript",
  "object",
  "script",
  "select",
  "style",
  "svg",
  "template",
  "textarea",
  "title",
]);

/** URL schemes allowed per attribute; relative URLs are allowed everywhere. */
const URL_SCHEMES: ReadonlyMap<string, readonly string[]> = new Map([
  ["cite", ["http:", "https:"]],
  ["href", ["http:", "https:", "mailto:", "tel:"]],
  ["src", ["http:", "https:"]],
]);

const VOID_ELEMENTS: ReadonlySet<string> = new Set(["br", "hr", "img"]);

const PATTERNS = {
  // C0 controls and space: browsers strip them from URLs before reading the scheme ("java\tscript:").
  urlStripped: /[\u0000-\u0020\u007F]/g,
  scheme: /^([a-zA-Z][a-zA-Z0-9+.-]*):/,
  dir: /^(?:ltr|rtl|auto)$/,
  lang: /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/,
  number: /^\d{1,4}%?$/,
  textEscape: /[&<>\u00A0]/g,
  attrEscape: /[&"<>\u00A0]/g,
} as const;

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\u00A0": "&nbsp;",
};

/**
 * Keeps only allow-listed elements and attributes; drops scripts, styles, forms and embeds with their content,
 * every `on*` handler and every URL whose scheme is not allowed; links get rel="noopener noreferrer".
 * Example: sanitizeHtml('<p onclick="x()">نص<script>bad()</script></p>') === "<p>نص</p>".
 */
export function sanitizeHtml(html: string): SanitizedHtml {
  return sanitizeTree(parseHtml(html).root);
}

/**
 * sanitizeHtml for a tree already built (by parseHtml, or by the extractor from parsed nodes): renders the children
 * of `root` through the same allow-list, so the page is not serialized and parsed a second time.
 * Example: sanitizeTree(parseHtml("<p>نص<script>bad()</script></p>").root) === "<p>نص</p>".
 */
export function sanitizeTree(root: HtmlElement): SanitizedHtml {
  let out = "";
  // Explicit stack of [node, closing?] so deep input cannot overflow the call stack.
  const pending: (HtmlNode | string)[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) pending.push(root.children[i]!);
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (typeof item === "string") {
      out += item;
      continue;
    }
    if (item.type === "text") {
      out += item.text.replace(PATTERNS.textEscape, (c) => ESCAPES[c] ?? c);
      continue;
    }
    if (DROPPED_ELEMENTS.has(item.tag)) continue;
    const allowed = ALLOWED_ELEMENTS.get(item.tag);
    if (allowed !== undefined) {
      out += `<${item.tag}${renderAttributes(item, allowed)}>`;
      if (VOID_ELEMENTS.has(item.tag)) continue;
      pending.push(`</${item.tag}>`);
    }
    for (let i = item.children.length - 1; i >= 0; i--) pending.push(item.children[i]!);
  }
  return out as SanitizedHtml;
}

function renderAttributes(el: HtmlElement, allowed: readonly string[]): string {
  let out = "";
  let hasHref = false;
  for (const [name, value] of Object.entries(el.attrs)) {
    if (!allowed.includes(name) && !GLOBAL_ATTRIBUTES.includes(name)) continue;
    const kept = checkAttribute(name, value);
    if (kept === null) continue;
    out += ` ${name}="${kept.replace(PATTERNS.attrEscape, (c) => ESCAPES[c] ?? c)}"`;
    hasHref ||= name === "href";
  }
  if (el.tag === "a" && hasHref) out += ' rel="noopener noreferrer"';
  return out;
}

/** Returns the value to keep, or null to drop the attribute. */
function checkAttribute(name: string, value: string): string | null {
  if (name === "dir")
    return PATTERNS.dir.test(value.trim().toLowerCase()) ? value.trim().toLowerCase() : null;
  if (name === "lang") return PATTERNS.lang.test(value.trim()) ? value.trim() : null;
  if (name === "width" || name === "height" || name === "colspan" || name === "rowspan") {
    return PATTERNS.number.test(value.trim()) ? value.trim() : null;
  }
  const schemes = URL_SCHEMES.get(name);
  if (schemes === undefined) return value;
  const stripped = value.replace(PATTERNS.urlStripped, "");
  const scheme = PATTERNS.scheme.exec(stripped)?.[1];
  if (scheme === undefined) return stripped.startsWith("//") && name !== "href" ? null : value.trim();
  return schemes.includes(`${scheme.toLowerCase()}:`) ? value.trim() : null;
}
