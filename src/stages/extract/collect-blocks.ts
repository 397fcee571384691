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
import { type HtmlElement, type HtmlNode, walkHtml } from "./parse-html.ts";
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

/** Class names that mean display:none in common CSS frameworks (Bootstrap 4-5 "d-none", Bootstrap 3 and Tailwind
 * "hidden", Webflow and Foundation "hide", Bulma "is-hidden"), sorted. Breakpoint variants ("hidden-xs") are not
 * here: they hide on some screens only. */
const HIDING_CLASS_NAMES: ReadonlySet<string> = new Set(["d-none", "hidden", "hide", "is-hidden"]);

/** Elements never pruned by class/id hints: the page frame and explicit article containers. */
const NEVER_PRUNED: ReadonlySet<string> = new Set(["#root", "article", "body", "html", "main"]);

/** Longest text kept for a `removed` entry, in characters. */
export const REMOVED_TEXT_MAX_CHARS = 300;

const PATTERNS = {
  classSplit: /[\s_-]+/,
  space: /\s+/,
  nonSpace: /\S/,
  digits: /^\d+$/,
  camel: /([a-z])([A-Z])/g,
  // Han, kana and full-width forms: scripts written without spaces, where one character carries about a word.
  ideograph: /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF60]/g,
  // Inline styles that hide an element from every reader (schema.org copies of the story, login modals).
  // Utility classes that apply at a breakpoint only: Tailwind "md:block", Bootstrap "d-lg-flex", "visible-md".
  responsiveClass: /:|^d-(?:sm|md|lg|xl|xxl)-|^visible-/,
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
  /** Read `<noscript>` content as page text: the last fallback, for pages that write the story only there for
   * readers without scripts (Blogger's Google blog template: security.googleblog.com). */
  keepNoscript?: boolean;
}

/** An image reached by the walk (never one inside a pruned subtree), and where it stands among the blocks. */
export interface ImageSpot {
  element: HtmlElement;
  /** Index of the block that follows it: blocks before this index come before the image in page order. */
  position: number;
}

export interface BlockCollection {
  blocks: Block[];
  pruned: PrunedSubtree[];
  /** Every `<img>` reached, in page order. */
  images: ImageSpot[];
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
  const images: ImageSpot[] = [];
  const siteTokens = siteDropTokens(host);
  const cache: VerdictCache = {
    values: new Map(),
    names: new Map(),
    hiding: new Map(),
    readsNoscript: opts.keepNoscript === true,
  };
  let buffer = "";
  let linkChars = 0;
  let linkDepth = 0;
  const owners: HtmlElement[] = [root];

  const flush = (): void => {
    if (buffer === "") return;
    // Most flushes hold only the white space between two tags.
    const text = PATTERNS.nonSpace.test(buffer) ? collapse(buffer) : "";
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

  // Explicit stack of nodes to enter; a block or link element is pushed a second time, below its children, with
  // its exit flag set.
  const pending: HtmlNode[] = [];
  const exits: boolean[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) {
    pending.push(root.children[i]!);
    exits.push(false);
  }
  elements.push(root);
  while (pending.length > 0) {
    const node = pending.pop()!;
    const exit = exits.pop()!;
    if (node.type === "text") {
      buffer += node.text;
      if (linkDepth > 0) linkChars += collapsedLength(node.text) + ideographExtra(node.text);
      continue;
    }
    const isBlock = BLOCK_TAGS.has(node.tag);
    const link = isLink(node);
    if (exit) {
      if (link) linkDepth--;
      if (isBlock) {
        flush();
        owners.pop();
      }
      continue;
    }
    if (node.tag === "br") {
      flush();
      continue;
    }
    const skip = !opts.keepHidden && isHidden(node, cache) ? "hidden" : pruneKind(node, siteTokens, cache);
    if (skip !== undefined) {
      if (skip !== null && node.parent !== null) {
        pruned.push({ parent: node.parent, kind: skip, text: previewText(node, REMOVED_TEXT_MAX_CHARS) });
      }
      continue;
    }
    elements.push(node);
    if (node.tag === "img") {
      buffer += " ";
      images.push({ element: node, position: blocks.length });
    }
    if (isBlock) {
      flush();
      owners.push(node);
    } else if (link) {
      linkDepth++;
    }
    if (isBlock || link) {
      pending.push(node);
      exits.push(true);
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      pending.push(node.children[i]!);
      exits.push(false);
    }
  }
  flush();
  return { blocks, pruned, images, elements };
}

/** The first `maxChars` characters of an element's collapsed text, walking only as far as they need: pruned
 * footers and comment threads can hold most of a page. */
export function previewText(el: HtmlElement, maxChars: number): string {
  let raw = "";
  // Collapsed lengths of the texts so far: a lower bound of the collapsed length of their concatenation.
  let collapsedAtLeast = 0;
  const pending: HtmlNode[] = [el];
  while (pending.length > 0 && collapsedAtLeast <= maxChars) {
    const node = pending.pop()!;
    if (node.type === "text") {
      raw += node.text;
      collapsedAtLeast += collapsedLength(node.text);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
  // A collapsed prefix longer than maxChars starts with the same maxChars as the whole collapsed text.
  return collapse(raw).slice(0, maxChars);
}

/** Each ideograph counts this many characters: a Chinese or Japanese sentence of 40 characters says about as much
 * as 120 Latin letters, so length thresholds tuned on spaced scripts apply (newspaper4k chinese_article). */
export const IDEOGRAPH_WEIGHT = 3;

/** Text length with ideographs weighted; the common (spaced-script) case costs one regex test. */
function weightedLength(text: string): number {
  return text.length + ideographExtra(text);
}

/** What weighting ideographs adds to a text's length. */
function ideographExtra(text: string): number {
  PATTERNS.ideograph.lastIndex = 0;
  if (!PATTERNS.ideograph.test(text)) return 0;
  return (IDEOGRAPH_WEIGHT - 1) * (text.match(PATTERNS.ideograph)?.length ?? 0);
}

/** collapse(text).length without building the string. Example: collapsedLength("  a \n b ") === 3. */
export function collapsedLength(text: string): number {
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isWhiteSpace(text.charCodeAt(i))) {
      pendingSpace = length > 0;
    } else {
      if (pendingSpace) length++;
      pendingSpace = false;
      length++;
    }
  }
  return length;
}

/** The code points JavaScript's \s matches (ECMA-262 WhiteSpace and LineTerminator), by char code. */
export function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Only anchors with an href are links: "<a name=top/>" left open wraps whole pages (arabic.cnn.com 2013). */
function isLink(el: HtmlElement): boolean {
  return el.tag === "a" && el.attrs.href !== undefined;
}

/** A class/id-pruned subtree that holds this much non-link text, with at least one sentence-length run, is a
 * mislabelled wrapper ("addthis_inline_share_toolbox" around the whole story on petra.gov.jo), so it is kept. */
export const PRUNE_GUARD_PROSE_CHARS = 300;
export const PRUNE_GUARD_RUN_CHARS = 80;

function holdsProse(el: HtmlElement, readsNoscript: boolean): boolean {
  let total = 0;
  let longest = 0;
  walkHtml(el, (node) => {
    if (total >= PRUNE_GUARD_PROSE_CHARS && longest >= PRUNE_GUARD_RUN_CHARS) return false;
    if (node.type === "element") return !(isLink(node) || isSkippedTag(node.tag, readsNoscript));
    const chars = collapsedLength(node.text);
    total += chars;
    longest = Math.max(longest, chars);
    return true;
  });
  return total >= PRUNE_GUARD_PROSE_CHARS && longest >= PRUNE_GUARD_RUN_CHARS;
}

function isSkippedTag(tag: string, readsNoscript: boolean): boolean {
  return SKIPPED_TAGS.has(tag) && !(readsNoscript && tag === "noscript");
}

/** Hidden from every reader, as Readability's isProbablyVisible judges it: a `hidden` attribute, aria-hidden,
 * or an inline style with display:none or visibility:hidden (businessinsider's hidden schema.org copy of the
 * story, sputniknews' login modals). */
function isHidden(el: HtmlElement, cache: VerdictCache): boolean {
  if (el.attrs.hidden !== undefined || el.attrs["aria-hidden"] === "true") return true;
  const style = el.attrs.style;
  if (style !== undefined && PATTERNS.hiddenStyle.test(style)) return true;
  const cls = el.attrs.class;
  if (cls === undefined) return false;
  let hiding = cache.hiding.get(cls);
  if (hiding === undefined) {
    hiding = hasHidingClass(cls);
    cache.hiding.set(cls, hiding);
  }
  return hiding;
}

/**
 * A class list that hides its element on every screen: one of HIDING_CLASS_NAMES, with no responsive class that
 * shows it again ("hidden md:block" in Tailwind, "d-none d-lg-flex" in Bootstrap). Webflow cards carry the whole
 * linked story in a "hide" div (cloudtech.com related resources).
 * Example: hasHidingClass("hide") === true; hasHidingClass("hidden lg:flex") === false.
 */
export function hasHidingClass(cls: string): boolean {
  let hiding = false;
  for (const name of cls.split(PATTERNS.space)) {
    if (HIDING_CLASS_NAMES.has(name)) hiding = true;
    else if (PATTERNS.responsiveClass.test(name)) return false;
  }
  return hiding;
}

/** Verdicts cached for one page: pages repeat the same few class strings and names on thousands of elements. */
interface VerdictCache {
  /** Per class or id attribute value. */
  values: Map<string, ValueVerdict>;
  /** Per single name. */
  names: Map<string, NameVerdict>;
  /** Per class attribute value: whether it hides its element (hasHidingClass). */
  hiding: Map<string, boolean>;
  /** `<noscript>` content is page text (CollectOptions.keepNoscript). */
  readsNoscript: boolean;
}

/** undefined: keep; null: drop silently; a kind: drop and report. */
function pruneKind(
  el: HtmlElement,
  siteTokens: ReadonlySet<string>,
  cache: VerdictCache,
): RemovedKind | null | undefined {
  const byTag = isSkippedTag(el.tag, cache.readsNoscript) ? SKIPPED_TAGS.get(el.tag) : undefined;
  if (byTag !== undefined) return byTag;
  if (NEVER_PRUNED.has(el.tag)) return undefined;
  const { role, class: cls, id } = el.attrs;
  if (role === "navigation" || role === "complementary") return "navigation";
  if (cls === undefined && id === undefined) return undefined;
  // Class names are read before the id, as if written "class id".
  const verdict = combineVerdicts(
    cls === undefined ? "neutral" : valueVerdict(cls, siteTokens, cache),
    id === undefined ? "neutral" : valueVerdict(id, siteTokens, cache),
  );
  if (typeof verdict === "string") return undefined;
  if (!verdict.trusted && holdsProse(el, cache.readsNoscript)) return undefined;
  return verdict.kind;
}

/** A class or id value's verdict; `final` when a site drop token decided it, which no later name can undo. */
type ValueVerdict = NameVerdict | { kind: RemovedKind; trusted: boolean; final: boolean };

function valueVerdict(value: string, siteTokens: ReadonlySet<string>, cache: VerdictCache): ValueVerdict {
  let verdict = cache.values.get(value);
  if (verdict === undefined) {
    verdict = judgeClassNames(value, siteTokens, cache.names);
    cache.values.set(value, verdict);
  }
  return verdict;
}

/** The verdict of two values read one after the other: the first protective name or site token decides, else the
 * first boilerplate name gives the kind. */
function combineVerdicts(first: ValueVerdict, second: ValueVerdict): ValueVerdict {
  if (decidesAlone(first)) return first;
  if (decidesAlone(second)) return second;
  return first === "neutral" ? second : first;
}

/** A verdict no later name can undo: a protective name or a site drop token. */
function decidesAlone(v: ValueVerdict): boolean {
  return v === "keep" || (typeof v === "object" && "final" in v && v.final);
}

/** Judges the names of one class or id value in order: a protective head word keeps the element, a site drop
 * token drops it at once, else the first boilerplate head word gives the kind. Wrappers named after a sidebar
 * ("content-sidebar-wrap") are left to the prose guard. */
function judgeClassNames(
  value: string,
  siteTokens: ReadonlySet<string>,
  names: Map<string, NameVerdict>,
): ValueVerdict {
  let negative: ValueVerdict = "neutral";
  for (const name of value.trim().split(PATTERNS.space)) {
    if (name === "") continue;
    if (siteTokens.size > 0 && siteTokens.has(name.toLowerCase()))
      return { kind: "navigation", trusted: true, final: true };
    let verdict = names.get(name);
    if (verdict === undefined) {
      verdict = judgeClassName(name);
      names.set(name, verdict);
    }
    if (verdict === "keep") return "keep";
    if (verdict !== "neutral" && negative === "neutral") negative = verdict;
  }
  return negative;
}

/** What one class or id name says about its element: protect it (`keep`), nothing (`neutral`), or drop it as
 * `kind`; an untrusted kind still yields to the prose guard. */
export type NameVerdict = "keep" | "neutral" | { kind: RemovedKind; trusted: boolean };

/**
 * Judges one class or id name by its head word, the last word that is not a generic layout word or a number.
 * Examples: "article-body" -> keep; "comments-area" -> comments, trusted; "post-related" -> related_list;
 * "article_details_tags_container" -> meta_line (tags); "row-12" -> neutral.
 */
export function judgeClassName(name: string): NameVerdict {
  const lower = name.toLowerCase();
  const tokens = (lower === name ? name : name.replace(PATTERNS.camel, "$1 $2").toLowerCase()).split(
    PATTERNS.classSplit,
  );
  let head: string | undefined;
  for (let i = tokens.length - 1; i >= 0 && head === undefined; i--) {
    const token = tokens[i]!;
    if (token !== "" && !GENERIC_CLASS_TOKENS.has(token) && !PATTERNS.digits.test(token)) head = token;
  }
  if (head === undefined) return "neutral";
  if (POSITIVE_CLASS_TOKENS.has(head)) return "keep";
  const kind = NEGATIVE_CLASS_TOKENS.get(head)?.kind;
  if (kind === undefined) return "neutral";
  // "topicBodyAndFooter" (permies.com) names the story and its footer: only the prose guard can judge it.
  return {
    kind,
    trusted: TRUSTED_NEGATIVE_TOKENS.has(head) && !tokens.some((t) => POSITIVE_CLASS_TOKENS.has(t)),
  };
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
