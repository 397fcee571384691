/**
 * collectBlocks: flattens the parsed tree into text blocks (paragraph-like runs) in page order, dropping
 * subtrees that are never article text (scripts, nav, share bars, comment threads by class/id). Pure; extract stage.
 */
import {
  GENERIC_CLASS_TOKENS,
  NEGATIVE_CLASS_TOKENS,
  POSITIVE_CLASS_TOKENS,
  type RemovedKind,
  SITE_RULES,
  SKIPPED_TAGS,
  TRUSTED_NEGATIVE_TOKENS,
} from "./extract-rules.ts";
import { type HtmlElement, type HtmlNode, textOf, walkHtml } from "./parse-html.ts";
import { collapse } from "./read-page-metadata.ts";

/** Elements that start a new block of text; everything else is inline. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "#root",
  "address",
  "article",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "html",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

/** Elements never pruned by class/id hints: the page frame and explicit article containers. */
const NEVER_PRUNED: ReadonlySet<string> = new Set(["#root", "article", "body", "html", "main"]);

/** Longest text kept for a `removed` entry, in characters. */
export const REMOVED_TEXT_MAX_CHARS = 300;

const PATTERNS = {
  classSplit: /[\s_-]+/,
  space: /\s+/,
  digits: /^\d+$/,
  camel: /([a-z])([A-Z])/g,
  // Han, kana and full-width forms: scripts written without spaces, where one character carries about a word.
  ideograph: /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF60]/g,
  // Inline styles that hide an element from every reader (schema.org copies of the story, login modals).
  hiddenStyle: /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i,
} as const;

export interface Block {
  /** Nearest block-level ancestor that holds the text. */
  owner: HtmlElement;
  text: string;
  /** Length in Latin-equivalent characters: text.length, with each ideograph counted IDEOGRAPH_WEIGHT times. */
  chars: number;
  linkChars: number;
  /** 2..6 for h2..h6 (h1 is 1), 0 otherwise. */
  heading: number;
  listItem: boolean;
  index: number;
}

export interface PrunedSubtree {
  parent: HtmlElement;
  kind: RemovedKind;
  text: string;
}

export interface CollectOptions {
  /** Keep subtrees hidden by `hidden`, `aria-hidden` or an inline display:none: the fallback when a page
   * hides everything until a script reveals it. */
  keepHidden: boolean;
}

export interface BlockCollection {
  blocks: Block[];
  pruned: PrunedSubtree[];
  /** Every element reached, in pre-order (pruned subtrees excluded). */
  elements: HtmlElement[];
}

/**
 * Walks the tree once without recursion and returns its text blocks. `host` selects per-site rules.
 * Example: "<div><p>أ <a>ب</a></p><nav>x</nav></div>" -> one block "أ ب" with linkChars 1; the nav is pruned.
 */
export function collectBlocks(
  root: HtmlElement,
  host: string | null,
  opts: CollectOptions = { keepHidden: false },
): BlockCollection {
  const blocks: Block[] = [];
  const pruned: PrunedSubtree[] = [];
  const elements: HtmlElement[] = [];
  const siteTokens = siteDropTokens(host);
  let buffer = "";
  let linkChars = 0;
  let linkDepth = 0;
  const owners: HtmlElement[] = [root];

  const flush = (): void => {
    const text = collapse(buffer);
    const owner = owners[owners.length - 1]!;
    if (text !== "") {
      const chars = weightedLength(text);
      const heading = headingLevel(owner);
      blocks.push({
        owner,
        text,
        chars,
        linkChars: Math.min(linkChars, chars),
        heading,
        listItem: owner.tag === "li",
        index: blocks.length,
      });
    }
    buffer = "";
    linkChars = 0;
  };

  // Explicit stack of nodes to enter, and exit markers for block/link elements.
  type Step = { node: HtmlNode; exit: false } | { node: HtmlElement; exit: true };
  const pending: Step[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) pending.push({ node: root.children[i]!, exit: false });
  elements.push(root);
  while (pending.length > 0) {
    const step = pending.pop()!;
    const node = step.node;
    if (node.type === "text") {
      buffer += node.text;
      if (linkDepth > 0) linkChars += weightedLength(collapse(node.text));
      continue;
    }
    if (step.exit) {
      if (isLink(node)) linkDepth--;
      if (BLOCK_TAGS.has(node.tag)) {
        flush();
        owners.pop();
      }
      continue;
    }
    if (node.tag === "br") {
      flush();
      continue;
    }
    const skip = !opts.keepHidden && isHidden(node) ? "hidden" : pruneKind(node, siteTokens);
    if (skip !== undefined) {
      if (skip !== null && node.parent !== null) {
        pruned.push({
          parent: node.parent,
          kind: skip,
          text: collapse(textOf(node)).slice(0, REMOVED_TEXT_MAX_CHARS),
        });
      }
      continue;
    }
    elements.push(node);
    if (node.tag === "img") buffer += " ";
    const isBlock = BLOCK_TAGS.has(node.tag);
    if (isBlock) {
      flush();
      owners.push(node);
    } else if (isLink(node)) {
      linkDepth++;
    }
    if (isBlock || isLink(node)) pending.push({ node, exit: true });
    for (let i = node.children.length - 1; i >= 0; i--)
      pending.push({ node: node.children[i]!, exit: false });
  }
  flush();
  return { blocks, pruned, elements };
}

/** Each ideograph counts this many characters: a Chinese or Japanese sentence of 40 characters says about as much
 * as 120 Latin letters, so length thresholds tuned on spaced scripts apply (newspaper4k chinese_article). */
export const IDEOGRAPH_WEIGHT = 3;

/** Text length with ideographs weighted; the common (spaced-script) case costs one regex test. */
function weightedLength(text: string): number {
  PATTERNS.ideograph.lastIndex = 0;
  if (!PATTERNS.ideograph.test(text)) return text.length;
  return text.length + (IDEOGRAPH_WEIGHT - 1) * (text.match(PATTERNS.ideograph)?.length ?? 0);
}

/** Only anchors with an href are links: "<a name=top/>" left open wraps whole pages (arabic.cnn.com 2013). */
function isLink(el: HtmlElement): boolean {
  return el.tag === "a" && el.attrs.href !== undefined;
}

/** A class/id-pruned subtree that holds this much non-link text, with at least one sentence-length run, is a
 * mislabelled wrapper ("addthis_inline_share_toolbox" around the whole story on petra.gov.jo), so it is kept. */
export const PRUNE_GUARD_PROSE_CHARS = 300;
export const PRUNE_GUARD_RUN_CHARS = 80;

function holdsProse(el: HtmlElement): boolean {
  let total = 0;
  let longest = 0;
  walkHtml(el, (node) => {
    if (total >= PRUNE_GUARD_PROSE_CHARS && longest >= PRUNE_GUARD_RUN_CHARS) return false;
    if (node.type === "element") return !(isLink(node) || SKIPPED_TAGS.has(node.tag));
    const chars = collapse(node.text).length;
    total += chars;
    longest = Math.max(longest, chars);
    return true;
  });
  return total >= PRUNE_GUARD_PROSE_CHARS && longest >= PRUNE_GUARD_RUN_CHARS;
}

/** Hidden from every reader, as Readability's isProbablyVisible judges it: a `hidden` attribute, aria-hidden,
 * or an inline style with display:none or visibility:hidden (businessinsider's hidden schema.org copy of the
 * story, sputniknews' login modals). */
function isHidden(el: HtmlElement): boolean {
  if (el.attrs.hidden !== undefined || el.attrs["aria-hidden"] === "true") return true;
  const style = el.attrs.style;
  return style !== undefined && PATTERNS.hiddenStyle.test(style);
}

/** undefined: keep; null: drop silently; a kind: drop and report. */
function pruneKind(el: HtmlElement, siteTokens: ReadonlySet<string>): RemovedKind | null | undefined {
  const byTag = SKIPPED_TAGS.get(el.tag);
  if (byTag !== undefined) return byTag;
  if (NEVER_PRUNED.has(el.tag)) return undefined;
  if (el.attrs.role === "navigation" || el.attrs.role === "complementary") return "navigation";
  const raw = `${el.attrs.class ?? ""} ${el.attrs.id ?? ""}`;
  if (raw.length < 2) return undefined;
  // Judge each class name by its head word, the last one that is not a generic layout word: "article-body"
  // protects, "comments-area" and "article_details_tags_container" prune, "post-related" prunes. Wrappers
  // named after a sidebar ("content-sidebar-wrap") are saved by the prose guard below.
  let negative: RemovedKind | undefined;
  let trusted = false;
  for (const name of raw.trim().split(PATTERNS.space)) {
    const lower = name.toLowerCase();
    if (siteTokens.has(lower)) return "navigation";
    const tokens = name.replace(PATTERNS.camel, "$1 $2").toLowerCase().split(PATTERNS.classSplit);
    let head: string | undefined;
    for (let i = tokens.length - 1; i >= 0 && head === undefined; i--) {
      const token = tokens[i]!;
      if (token !== "" && !GENERIC_CLASS_TOKENS.has(token) && !PATTERNS.digits.test(token)) head = token;
    }
    if (head === undefined) continue;
    if (POSITIVE_CLASS_TOKENS.has(head)) return undefined;
    const kind = NEGATIVE_CLASS_TOKENS.get(head)?.kind;
    if (kind !== undefined && negative === undefined) {
      negative = kind;
      // "topicBodyAndFooter" (permies.com) names the story and its footer: only the prose guard can judge it.
      trusted = TRUSTED_NEGATIVE_TOKENS.has(head) && !tokens.some((t) => POSITIVE_CLASS_TOKENS.has(t));
    }
  }
  if (negative !== undefined && !trusted && holdsProse(el)) return undefined;
  return negative;
}

function siteDropTokens(host: string | null): ReadonlySet<string> {
  if (host === null) return new Set();
  for (const [site, rule] of SITE_RULES) {
    if (host === site || host.endsWith(`.${site}`))
      return new Set(rule.dropTokens.map((t) => t.toLowerCase()));
  }
  return new Set();
}

function headingLevel(el: HtmlElement): number {
  const m = el.tag.length === 2 && el.tag[0] === "h" ? Number(el.tag[1]) : 0;
  return Number.isNaN(m) ? 0 : m;
}
